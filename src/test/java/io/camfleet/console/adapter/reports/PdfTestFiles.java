package io.camfleet.console.adapter.reports;

import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.service.reports.ReportProgress;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Renders a document to a file and reads its pages' text back with PDFBox, the way the tests check a PDF. */
final class PdfTestFiles {

    private PdfTestFiles() {
    }

    static Path render(OpenPdfRenderer renderer, ReportDocument document, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            renderer.render(document, out, ReportProgress.NONE);
        }
        return file;
    }

    /** The text of each page, the first at index 0. */
    static List<String> pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc));
            }
            return pages;
        }
    }
}
