package io.camfleet.console.adapter.reports;

import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SafeCsv;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * One table as one sheet. Cells by kind: TEXT a string, neutralised ({@link SafeCsv#neutralised}) unless it is a real
 * number; INTEGER and DECIMAL numbers; PERCENT the fraction with format {@value #PERCENT} (see
 * {@link FastExcelSheetWriter}); MONEY a number with format {@value #MONEY}; DATE a date, DATETIME a date and time in
 * the report's zone (a spreadsheet has no zones). An empty value, NaN or an infinity is an empty cell.
 */
final class XlsxSheet {

    static final String PERCENT = "0.00 %";
    static final String MONEY = "#,##0.00";
    static final String DATE = "yyyy-mm-dd";
    static final String DATETIME = "yyyy-mm-dd hh:mm:ss";
    /** Excel refuses a longer text in a cell, and calls the whole file damaged. */
    static final int MAX_TEXT = 32_767;

    /** Told after each chunk of rows, with the rows written so far; may throw to cancel. */
    interface Chunks {
        void done(long rows);
    }

    private final Worksheet sheet;
    private final Table table;
    private final ZoneId zone;
    private final List<Column> columns;
    private final XlsxWidths widths;

    XlsxSheet(Worksheet sheet, Table table, ZoneId zone) {
        this.sheet = sheet;
        this.table = table;
        this.zone = zone;
        this.columns = table.columns();
        this.widths = new XlsxWidths(columns);
    }

    void write(Chunks chunks) throws IOException {
        int last = columns.size() - 1;
        for (int c = 0; c <= last; c++) {
            sheet.value(0, c, SafeCsv.neutralised(columns.get(c).header()));
        }
        if (last >= 0) {
            sheet.range(0, 0, 0, last).style().bold().fillColor("E8ECF1").set();
        }
        sheet.freezePane(0, 1);
        int r = 0;
        for (List<Object> row : table.rows()) {
            r++;
            if (r >= Worksheet.MAX_ROWS) {
                throw Problem.badInput("report.files.xlsxTooManyRows", table.name(), Worksheet.MAX_ROWS - 1);
            }
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("Table " + table.name() + ", row " + r + ": " + row.size()
                        + " values for " + columns.size() + " columns");
            }
            for (int c = 0; c <= last; c++) {
                cell(r, c, row.get(c));
            }
            if (r % FastExcelSheetWriter.CHUNK == 0) {
                formats(r - FastExcelSheetWriter.CHUNK + 1, r);
                if (r == FastExcelSheetWriter.CHUNK) {
                    widths.apply(sheet); // the column widths go out with the first rows, so they are set now
                }
                sheet.flush();
                chunks.done(r);
            }
        }
        if (r % FastExcelSheetWriter.CHUNK != 0) {
            formats(r - r % FastExcelSheetWriter.CHUNK + 1, r);
        }
        if (r < FastExcelSheetWriter.CHUNK) {
            widths.apply(sheet);
        }
        if (last >= 0) {
            sheet.setAutoFilter(0, 0, r, last);
        }
        sheet.finish();
        if (r % FastExcelSheetWriter.CHUNK != 0 || r == 0) {
            chunks.done(r);
        }
    }

    /**
     * Gives the rows' cells of each formatted kind their number format, one column of a chunk at a time: one look-up
     * of the style instead of one per cell. An empty cell gets the format too, for a value typed in later.
     */
    private void formats(int firstRow, int lastRow) {
        for (int c = 0; c < columns.size(); c++) {
            String format = format(columns.get(c).kind());
            if (format != null) {
                sheet.range(firstRow, c, lastRow, c).style().format(format).set();
            }
        }
    }

    private static String format(Column.Kind kind) {
        return switch (kind) {
            case PERCENT -> PERCENT;
            case MONEY -> MONEY;
            case DATE -> DATE;
            case DATETIME -> DATETIME;
            case TEXT, INTEGER, DECIMAL -> null;
        };
    }

    private void cell(int r, int c, Object value) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)
                || value instanceof Float f && !Float.isFinite(f)) {
            return;
        }
        Column column = columns.get(c);
        switch (column.kind()) {
            case TEXT -> {
                if (value instanceof Number n) {
                    number(r, c, n); // a real number is never touched: -1 stays the number -1
                } else {
                    text(r, c, SafeCsv.neutralised(value.toString()), column);
                }
                return;
            }
            case INTEGER, DECIMAL -> {
                if (value instanceof Number n) {
                    number(r, c, n);
                    return;
                }
            }
            case PERCENT -> {
                if (value instanceof Number n) {
                    // 99.97 (percent) is 0.9997: moved by two places in decimal, so no binary rounding creeps in.
                    sheet.value(r, c, decimal(n).movePointLeft(2));
                    widths.saw(c, "100.00 %".length());
                    return;
                }
            }
            case MONEY -> {
                if (value instanceof Number n) {
                    BigDecimal money = decimal(n);
                    sheet.value(r, c, money);
                    widths.saw(c, money, MONEY);
                    return;
                }
            }
            case DATE -> {
                if (value instanceof LocalDate d) {
                    sheet.value(r, c, d);
                    widths.saw(c, DATE.length());
                    return;
                }
            }
            case DATETIME -> {
                if (value instanceof Instant t) {
                    sheet.value(r, c, LocalDateTime.ofInstant(t, zone));
                    widths.saw(c, DATETIME.length());
                    return;
                }
            }
        }
        throw new IllegalArgumentException("Table " + table.name() + ", row " + r + ", column " + column.header()
                + " (" + column.kind() + "): " + value.getClass().getSimpleName() + " " + value);
    }

    private void text(int r, int c, String text, Column column) {
        if (text.length() > MAX_TEXT) {
            throw Problem.badInput("report.files.xlsxTextTooLong", table.name(), r, column.header(), MAX_TEXT);
        }
        sheet.value(r, c, text);
        widths.saw(c, text);
    }

    private void number(int r, int c, Number n) {
        sheet.value(r, c, n);
        widths.saw(c, n, null);
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal b) {
            return b.scale() < 0 ? b.setScale(0) : b; // "1E+3" is not a figure every reader takes
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        return BigDecimal.valueOf(n.doubleValue());
    }
}
