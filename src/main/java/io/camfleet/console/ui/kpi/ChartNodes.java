package io.camfleet.console.ui.kpi;

import javafx.scene.chart.AreaChart;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.util.List;

/**
 * JavaFX charts drawn from {@link ChartData}: days on a number axis (so that 90 days keep readable labels), categories
 * as horizontal bars (so that long names such as image ids fit).
 */
final class ChartNodes {

    private ChartNodes() {
    }

    /** One point per day and plotted column; a day without a figure (NaN) leaves a gap in its line. */
    static XYChart<Number, Number> daily(ChartData data, boolean counts, String yLabel) {
        NumberAxis x = new NumberAxis();
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return LocalDate.ofEpochDay(n.longValue()).toString().substring(5);
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        x.setMinorTickVisible(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(counts);
        y.setMinorTickVisible(false);
        boolean symbols = !counts && data.rows().size() <= 31;
        XYChart<Number, Number> chart;
        if (counts) {
            AreaChart<Number, Number> area = new AreaChart<>(x, y);
            area.setCreateSymbols(false);
            chart = area;
        } else {
            LineChart<Number, Number> line = new LineChart<>(x, y);
            line.setCreateSymbols(symbols);
            chart = line;
        }
        chart.setAnimated(false);
        chart.setLegendVisible(data.plotted().size() > 1);
        if (counts) {
            // Counts are whole: whole ticks, from 0 to a little above the highest day.
            double max = data.rows().stream().flatMap(r -> data.plotted().stream().map(c -> (Number) r.get(c)))
                    .mapToDouble(Number::doubleValue).filter(v -> !Double.isNaN(v)).max().orElse(0);
            double unit = Math.max(1, Math.ceil(max / 6));
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setUpperBound(Math.max(unit, Math.ceil((max + 0.5) / unit) * unit));
            y.setTickUnit(unit);
        }
        if (!data.isEmpty()) {
            long first = LocalDate.parse((String) data.rows().get(0).get(0)).toEpochDay();
            long last = LocalDate.parse((String) data.rows().get(data.rows().size() - 1).get(0)).toEpochDay();
            x.setAutoRanging(false);
            x.setLowerBound(first);
            x.setUpperBound(Math.max(last, first + 1));
            x.setTickUnit(Math.max(1, Math.ceil((last - first) / 10.0)));
        }
        for (int column : data.plotted()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(data.columns().get(column));
            for (List<Object> row : data.rows()) {
                double v = ((Number) row.get(column)).doubleValue();
                if (!Double.isNaN(v)) {
                    series.getData().add(new XYChart.Data<>(LocalDate.parse((String) row.get(0)).toEpochDay(), v));
                }
            }
            chart.getData().add(series);
        }
        return chart;
    }

    /** One horizontal bar per row, first row on top, for the first plotted column. */
    static BarChart<Number, String> bars(ChartData data, String xLabel) {
        return bars(data, xLabel, row -> false);
    }

    /** As {@link #bars(ChartData, String)}, each bar green, or orange where {@code bad} holds (an SLA missed). */
    static BarChart<Number, String> bars(ChartData data, String xLabel,
                                         java.util.function.Predicate<List<Object>> bad) {
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        x.setMinorTickVisible(false);
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(x, y);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(6);
        // Room for every name: 20 px a bar, so that 24 customers stay readable rather than squeezed into the card.
        chart.setMinHeight(Math.max(280, 20.0 * data.rows().size() + 90));
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        int column = data.plotted().get(0);
        // A horizontal bar chart lists its first category at the bottom: add in reverse to read top-down.
        for (int i = data.rows().size() - 1; i >= 0; i--) {
            List<Object> row = data.rows().get(i);
            double v = ((Number) row.get(column)).doubleValue();
            series.getData().add(new XYChart.Data<>(Double.isNaN(v) ? 0 : v, (String) row.get(0)));
        }
        chart.getData().add(series);
        for (int i = 0; i < series.getData().size(); i++) {
            javafx.scene.Node bar = series.getData().get(i).getNode();
            List<Object> row = data.rows().get(data.rows().size() - 1 - i);
            if (bar != null && bad.test(row)) {
                bar.getStyleClass().add("kpi-bar-bad");
            } else if (bar != null) {
                bar.getStyleClass().add("kpi-bar");
            }
        }
        return chart;
    }
}
