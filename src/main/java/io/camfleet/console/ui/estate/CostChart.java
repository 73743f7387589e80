package io.camfleet.console.ui.estate;

import io.camfleet.console.service.common.Messages;
import javafx.geometry.Side;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The months' cost as stacked bars: the largest groups each a colour, the rest as "other"; the current month is
 * marked "to date". Hovering a bar names its group and amount.
 */
final class CostChart {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM ''yy");

    private final CategoryAxis months = new CategoryAxis();
    private final NumberAxis amounts = new NumberAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(months, amounts);
    private final Messages m;

    CostChart(Messages messages) {
        this.m = messages;
        chart.setId("estate-cost-chart");
        chart.setAnimated(false);
        chart.setLegendSide(Side.BOTTOM);
        chart.setCategoryGap(18);
        chart.setMinHeight(220);
        amounts.setForceZeroInRange(true);
        amounts.setMinorTickVisible(false);
    }

    void show(CostFigures f) {
        chart.getData().clear();
        if (f == null) {
            months.getCategories().clear();
            amounts.setLabel("");
            return;
        }
        List<String> names = new ArrayList<>();
        for (YearMonth month : f.months()) {
            names.add(monthName(m, month, month.equals(f.months().getLast())));
        }
        months.getCategories().setAll(names);
        amounts.setLabel(f.unit());
        List<XYChart.Series<String, Number>> all = new ArrayList<>();
        for (CostFigures.Series s : f.chart()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s.group() == null ? m.text("estate.cost.chart.other") : CostTable.groupName(m, s.group(),
                    f.grouping()));
            for (int i = 0; i < names.size(); i++) {
                series.getData().add(new XYChart.Data<>(names.get(i), s.amounts().get(i).doubleValue()));
            }
            all.add(series);
        }
        chart.getData().setAll(all);
        for (XYChart.Series<String, Number> series : chart.getData()) {
            for (XYChart.Data<String, Number> d : series.getData()) {
                if (d.getNode() != null) {
                    Tooltip.install(d.getNode(), new Tooltip(series.getName() + ", " + d.getXValue() + ": "
                            + CostTab.money(BigDecimal.valueOf(d.getYValue().doubleValue())) + " " + f.unit()));
                }
            }
        }
    }

    /** A month short enough for seven to stand side by side: {@code Nov '26}, the current one {@code Dec '26*}. */
    static String monthName(Messages m, YearMonth month, boolean toDate) {
        String name = MONTH.withLocale(m.locale()).format(month);
        return toDate ? m.text("estate.cost.chart.toDate", name) : name;
    }

    StackedBarChart<String, Number> root() {
        return chart;
    }
}
