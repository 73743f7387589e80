package io.camfleet.console.domain.reports;

import java.util.Objects;

/**
 * A column of a report's table: its header and the kind of its values, which decides how a PDF prints them, which
 * type an XLSX cell gets and how a CSV writes them.
 *
 * <p>Values by kind: TEXT any object (its {@code toString}); INTEGER a {@link Long} or {@link Integer}; DECIMAL a
 * {@link Double} or {@link java.math.BigDecimal}; PERCENT a {@link Double} in percent (99.97 means 99.97 %); MONEY a
 * {@link java.math.BigDecimal}; DATE a {@link java.time.LocalDate}; DATETIME an {@link java.time.Instant} (printed in
 * the document's zone). {@code null} is an empty cell in every kind.
 */
public record Column(String header, Kind kind) {

    public enum Kind { TEXT, INTEGER, DECIMAL, PERCENT, MONEY, DATE, DATETIME }

    public Column {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT);
    }

    public static Column integer(String header) {
        return new Column(header, Kind.INTEGER);
    }

    public static Column decimal(String header) {
        return new Column(header, Kind.DECIMAL);
    }

    public static Column percent(String header) {
        return new Column(header, Kind.PERCENT);
    }

    public static Column money(String header) {
        return new Column(header, Kind.MONEY);
    }

    public static Column date(String header) {
        return new Column(header, Kind.DATE);
    }

    public static Column dateTime(String header) {
        return new Column(header, Kind.DATETIME);
    }
}
