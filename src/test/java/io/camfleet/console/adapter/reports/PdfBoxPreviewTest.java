package io.camfleet.console.adapter.reports;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The preview draws the first pages of a real PDF (made here with PDFBox) as PNG. */
class PdfBoxPreviewTest {

    @TempDir
    Path dir;

    /** Four A4 pages; page N has a black square N x 100 points from the left, 100 points wide. */
    private Path fourPages() throws Exception {
        Path file = dir.resolve("four.pdf");
        try (PDDocument pdf = new PDDocument()) {
            for (int n = 1; n <= 4; n++) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream draw = new PDPageContentStream(pdf, page)) {
                    draw.addRect(n * 100f - 100f, 500, 100, 100);
                    draw.fill();
                }
            }
            pdf.save(file.toFile());
        }
        return file;
    }

    private static BufferedImage image(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void theFirstPagesAreDrawnAtTheAskedResolution() throws Exception {
        List<byte[]> pages = new PdfBoxPreview().pages(fourPages(), 3, 72);

        assertThat(pages).hasSize(3);
        // A4 is 210 x 297 mm = 595.28 x 841.89 points; at 72 dpi a point is a pixel, and PDFBox rounds down
        BufferedImage first = image(pages.get(0));
        assertThat(first.getWidth()).isEqualTo(595);
        assertThat(first.getHeight()).isEqualTo(841);
        // page 2's square spans x 100..200 and y 500..600 from the bottom: pixel row 841.89 - 550 = 291.89
        BufferedImage second = image(pages.get(1));
        assertThat(second.getRGB(150, 292) & 0xFFFFFF).isZero();
        assertThat(second.getRGB(50, 292) & 0xFFFFFF).as("page 1's place is white on page 2").isEqualTo(0xFFFFFF);
        assertThat(first.getRGB(50, 292) & 0xFFFFFF).isZero();
    }

    @Test
    void aShortDocumentGivesTheFewPagesItHasAndHalfTheDpiHalfTheSize() throws Exception {
        List<byte[]> pages = new PdfBoxPreview().pages(fourPages(), 10, 36);
        assertThat(pages).hasSize(4);
        assertThat(image(pages.get(3)).getWidth()).isEqualTo(297); // 595.28 / 2 = 297.64, rounded down
    }

    @Test
    void aFileThatIsNotAPdfIsAnIoFailure() throws Exception {
        Path notPdf = Files.writeString(dir.resolve("x.pdf"), "hello");
        assertThatThrownBy(() -> new PdfBoxPreview().pages(notPdf, 1, 72)).isInstanceOf(java.io.IOException.class);
    }
}
