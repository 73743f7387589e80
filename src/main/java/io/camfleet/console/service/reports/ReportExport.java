package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.ReportKind;

import java.nio.file.Path;
import java.util.List;

/**
 * A report exported.
 *
 * @param files the files written, in the order written: the PDF (or ZIP) first, then its companions
 * @param bytes their size together
 */
public record ReportExport(ReportKind kind, List<Path> files, long bytes) {

    public ReportExport {
        files = List.copyOf(files);
    }

    public Path file() {
        return files.getFirst();
    }
}
