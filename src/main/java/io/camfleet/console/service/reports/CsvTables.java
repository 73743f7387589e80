package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.Table;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;

/** A table as an RFC 4180 CSV file (commons-csv). CONTRACT STUB: the files helper fills it in. */
public final class CsvTables {

    private CsvTables() {
    }

    /** UTF-8, CRLF, a header line; formula-like text neutralised with a leading {@code '}; numbers untouched. */
    public static void write(Table table, ZoneId zone, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("CSV: not yet built");
    }
}
