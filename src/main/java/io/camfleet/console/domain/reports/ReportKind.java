package io.camfleet.console.domain.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The reports the console exports. */
public enum ReportKind {
    /** A sales proposal: a PDF, with its quote as an XLSX beside it. */
    SALES,
    /** A compliance report for a period: a PDF, with one CSV per section beside it. */
    COMPLIANCE,
    /** An audit evidence pack: a ZIP of the compliance report, its CSVs, the raw audit extract and a manifest. */
    EVIDENCE;

    /** As typed on the command line: {@code sales}, {@code compliance}, {@code evidence}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportKind> parse(String text) {
        return text == null ? Optional.empty() : Arrays.stream(values())
                .filter(k -> k.cliName().equalsIgnoreCase(text.strip())).findFirst();
    }
}
