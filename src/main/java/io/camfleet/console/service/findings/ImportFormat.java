package io.camfleet.console.service.findings;

import java.nio.file.Path;
import java.util.Locale;

/** The two files findings can be imported from. */
public enum ImportFormat {
    /** Amazon Inspector's findings as ListFindings returns them or the console exports them (JSON). */
    INSPECTOR,
    /** A plain CSV with a header naming at least the columns CVE, severity, package, host. */
    CSV;

    /** By the file's extension: {@code .json} is Inspector's, anything else CSV. */
    public static ImportFormat of(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? INSPECTOR : CSV;
    }

    /** The source its findings are kept under; an import replaces the findings of the same source. */
    public String source() {
        return this == INSPECTOR ? "inspector-export" : "csv";
    }
}
