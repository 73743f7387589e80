package io.camfleet.console.domain.reports;

import java.util.List;
import java.util.Objects;

/**
 * A table of a report: printed in the PDF (continued across pages, its header repeated), and written as a CSV file or
 * an XLSX sheet named after it.
 *
 * @param name    a short name, unique in its report, made of {@code [a-z0-9-]}: the CSV file's name without
 *                {@code .csv}, the XLSX sheet's name
 * @param rows    each row holds one value per column, of the column's kind; iterated once per format written, so it
 *                must be iterable more than once. It may be large (100,000 rows): writers stream it, never copy it
 * @param summary a line printed under the table in the PDF ("12 of 4,210 cameras below 100 %"), or empty
 */
public record Table(String name, List<Column> columns, Iterable<List<Object>> rows, String summary) {

    public Table {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException("A table's name is [a-z0-9-], at most 31 characters: " + name);
        }
        columns = List.copyOf(columns);
        Objects.requireNonNull(rows, "rows");
        summary = summary == null ? "" : summary;
    }

    public Table(String name, List<Column> columns, Iterable<List<Object>> rows) {
        this(name, columns, rows, "");
    }
}
