package io.camfleet.console.ui.kpi;

import io.camfleet.console.service.common.SafeCsv;

import java.util.ArrayList;
import java.util.List;

/**
 * The data behind one chart, as its CSV export writes it: the first column names each category (a day, a customer,
 * a version), {@code plotted} says which other columns the chart draws as series. The chart is drawn from this and
 * nothing else, so that the CSV is exactly what the chart shows.
 *
 * @param name  the file name offered for its exports, without extension
 * @param rows  each row's cells: a String, an Integer/Long, or a Double (NaN: no figure)
 */
public record ChartData(String name, List<String> columns, List<List<Object>> rows, List<Integer> plotted) {

    /** What a chart holds before its first figures arrive. */
    public static final ChartData NOT_YET = new ChartData("", List.of(), List.of(), List.of());

    public ChartData {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
        plotted = List.copyOf(plotted);
    }

    /** Whether figures arrived (perhaps none): false while the first computation runs. */
    public boolean computed() {
        return !name.isEmpty();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The CSV text, header first, lines ending in CRLF as RFC 4180 has them. */
    public String csv() {
        StringBuilder out = new StringBuilder(SafeCsv.line(columns)).append("\r\n");
        rows.forEach(r -> out.append(SafeCsv.line(r)).append("\r\n"));
        return out.toString();
    }
}
