package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.ReportKind;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One report exported, as the recent exports list it.
 *
 * @param files   the files written, the main one (PDF or ZIP) first
 * @param bytes   their size together when written
 * @param present whether the main file is still there when the list was read
 */
public record RecentExport(Instant at, ReportKind kind, List<Path> files, long bytes, String operator,
                           boolean present) {

    public RecentExport {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("an export wrote at least one file");
        }
    }

    /** The PDF, or the ZIP of an evidence pack. */
    public Path file() {
        return files.getFirst();
    }
}
