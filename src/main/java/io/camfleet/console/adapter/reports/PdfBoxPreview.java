package io.camfleet.console.adapter.reports;

import io.camfleet.console.service.reports.PagePreview;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The first pages of a PDF as PNG, drawn by PDFBox: what the reports screen previews. */
public final class PdfBoxPreview implements PagePreview {

    @Override
    public List<byte[]> pages(Path pdf, int pages, int dpi) throws IOException {
        if (pages < 1 || dpi < 10 || dpi > 600) {
            throw new IllegalArgumentException("pages >= 1 and 10 <= dpi <= 600: " + pages + ", " + dpi);
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<byte[]> png = new ArrayList<>();
            for (int i = 0; i < Math.min(pages, document.getNumberOfPages()); i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(renderer.renderImageWithDPI(i, dpi, ImageType.RGB), "png", out);
                png.add(out.toByteArray());
            }
            return png;
        }
    }
}
