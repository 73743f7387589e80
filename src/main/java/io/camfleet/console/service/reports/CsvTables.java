package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.common.SafeCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as an RFC 4180 CSV file (commons-csv): UTF-8, CRLF, a header line, fields quoted when they hold a comma, a
 * quote or a line break.
 *
 * <p>The file starts with a UTF-8 byte order mark. The people these files are for open them in Excel, which reads a
 * CSV without one in the Windows code page and turns accented, Chinese and Arabic names into rubbish; LibreOffice and
 * Numbers take the mark as it is meant. The console's own CSV readers already skip it; a script reading the file with
 * commons-csv wraps it in a {@code BOMInputStream}.
 *
 * <p>Values: a text that a spreadsheet would run as a formula gets a leading {@code '} ({@link SafeCsv#neutralised});
 * numbers are plain, with no grouping and no exponent; PERCENT is the number in percent (99.97); MONEY has two
 * decimals; DATE is ISO ({@code 2026-12-06}); DATETIME is ISO-8601 with its offset in the report's zone
 * ({@code 2026-12-06T18:30:00+01:00}). An empty value, or a number that is not one (NaN, infinite), is an empty field.
 */
public final class CsvTables {

    private static final char BOM = '\uFEFF';

    private CsvTables() {
    }

    /**
     * Streams the table's rows, never holding them. Flushes {@code out} but leaves it open: the caller owns it (an
     * {@link AtomicFile}, or an entry of an evidence pack's zip).
     *
     * @throws IllegalArgumentException when a row has the wrong number of values, or a value of the wrong type for its
     *                                  column (a fault of the report that built the table, not of the operator)
     */
    public static void write(Table table, ZoneId zone, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        text.write(BOM);
        CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180);
        List<Column> columns = table.columns();
        List<String> fields = new ArrayList<>(columns.size());
        for (Column c : columns) {
            fields.add(SafeCsv.neutralised(c.header()));
        }
        csv.printRecord(fields);
        int line = 0;
        for (List<Object> row : table.rows()) {
            line++;
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("Table " + table.name() + ", row " + line + ": " + row.size()
                        + " values for " + columns.size() + " columns");
            }
            fields.clear();
            for (int i = 0; i < columns.size(); i++) {
                fields.add(field(columns.get(i), row.get(i), zone, table, line));
            }
            csv.printRecord(fields);
        }
        csv.flush();
    }

    private static String field(Column column, Object value, ZoneId zone, Table table, int line) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)
                || value instanceof Float f && !Float.isFinite(f)) {
            return "";
        }
        switch (column.kind()) {
            case TEXT -> {
                // A real number in a text column stays a number: -1 is not a formula.
                return value instanceof Number n ? plain(n) : SafeCsv.neutralised(value.toString());
            }
            case INTEGER, DECIMAL, PERCENT -> {
                if (value instanceof Number n) {
                    return plain(n);
                }
            }
            case MONEY -> {
                if (value instanceof Number n) {
                    return decimal(n).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
                }
            }
            case DATE -> {
                if (value instanceof LocalDate d) {
                    return d.toString();
                }
            }
            case DATETIME -> {
                if (value instanceof Instant t) {
                    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone));
                }
            }
        }
        throw new IllegalArgumentException("Table " + table.name() + ", row " + line + ", column " + column.header()
                + " (" + column.kind() + "): " + value.getClass().getSimpleName() + " " + value);
    }

    /** The number as a plain figure: "10000000", not "1.0E7". */
    private static String plain(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            return n.toString();
        }
        return decimal(n).toPlainString();
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        // Double.toString's shortest form: 0.1 stays 0.1, not 0.1000000000000000055511151231257827.
        return BigDecimal.valueOf(n.doubleValue());
    }
}
