package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.ReportDocument;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Prints a report as PDF: the cover, a table of contents, each section from a new page with its bookmark, tables
 * continued across pages with their header repeated, page numbers, and embedded fonts that print every name (accents,
 * Chinese, Japanese, Arabic). Built in code; fetches nothing and renders no markup.
 */
public interface PdfRenderer {

    /**
     * Streams: a table of 100,000 rows is not held whole. Calls {@link ReportProgress#checkCancelled()} as it goes.
     *
     * @throws IOException when {@code out} cannot be written
     */
    void render(ReportDocument document, OutputStream out, ReportProgress progress) throws IOException;
}
