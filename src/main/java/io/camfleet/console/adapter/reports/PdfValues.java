package io.camfleet.console.adapter.reports;

import io.camfleet.console.domain.reports.Column;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * A table value as the PDF prints it, by its column's kind: numbers with grouping ("12,345"), percentages as
 * "99.97 %", money with two decimals, dates ISO, times "yyyy-MM-dd HH:mm" in the document's zone, null as nothing.
 * One per document: DecimalFormat is not thread-safe.
 */
final class PdfValues {

    private final DecimalFormat integer = format("#,##0");
    private final DecimalFormat decimal = format("#,##0.00");
    private final DateTimeFormatter dateTime;

    PdfValues(ZoneId zone) {
        dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
    }

    private static DecimalFormat format(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    }

    String text(Column.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        // a value of another type than its kind expects prints as itself rather than failing the whole report
        return switch (kind) {
            case TEXT -> value.toString();
            case INTEGER -> value instanceof Number n ? integer.format(n.longValue()) : value.toString();
            case DECIMAL, MONEY -> number(decimal, value);
            case PERCENT -> value instanceof Number ? number(decimal, value) + " %" : value.toString();
            case DATE -> value instanceof LocalDate d ? d.toString() : value.toString();
            case DATETIME -> value instanceof Instant || value instanceof TemporalAccessor && !(value instanceof LocalDate)
                    ? dateTime.format((TemporalAccessor) value) : value.toString();
        };
    }

    private static String number(DecimalFormat format, Object value) {
        if (value instanceof BigDecimal b) {
            return format.format(b);
        }
        return value instanceof Number n ? format.format(n.doubleValue()) : value.toString();
    }

    /** Whether the kind's values are numbers, printed right-aligned. */
    static boolean numeric(Column.Kind kind) {
        return switch (kind) {
            case INTEGER, DECIMAL, PERCENT, MONEY -> true;
            default -> false;
        };
    }
}
