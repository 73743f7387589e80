package io.camfleet.console.ui.estate;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.cost.Grouping;
import io.camfleet.console.ui.common.Cells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The cost table: one row per group, one column per month (the current one "to date" and sorted on first), and by
 * site the site's cameras with each one's share of the last closed month. Every column sorts.
 */
final class CostTable {

    private final TableView<CostFigures.Row> view = new TableView<>();
    private final Messages m;
    private List<YearMonth> columnsFor = List.of();
    private Grouping groupingFor;

    CostTable(Messages messages) {
        this.m = messages;
        view.setId("estate-cost-table");
        view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    /** Rebuilds the columns when the months or the grouping change, so that a re-read keeps the operator's sort. */
    void show(CostFigures f) {
        if (f == null) {
            return;
        }
        if (!f.months().equals(columnsFor) || f.grouping() != groupingFor) {
            columns(f);
        }
        fitGroups(f);
    }

    private void columns(CostFigures f) {
        columnsFor = f.months();
        groupingFor = f.grouping();
        List<TableColumn<CostFigures.Row, ?>> columns = new ArrayList<>();
        TableColumn<CostFigures.Row, String> group = new TableColumn<>(m.text("estate.cost.by." + f.grouping()
                .cliName()));
        group.setId("estate-cost-col-group");
        group.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(groupName(m, d.getValue().group(),
                f.grouping())));
        group.setCellFactory(c -> Cells.whole(name -> name));
        columns.add(group);
        if (f.grouping() == Grouping.SITE) {
            TableColumn<CostFigures.Row, Integer> cameras = new TableColumn<>(m.text("estate.cost.cameras"));
            cameras.setPrefWidth(90);
            cameras.setStyle("-fx-alignment: CENTER-RIGHT;");
            cameras.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().cameras()));
            columns.add(cameras);
            TableColumn<CostFigures.Row, BigDecimal> share = amount(m.text("estate.cost.perCamera",
                    CostChart.monthName(m, f.shareMonth(), false)), CostFigures.Row::perCamera);
            share.setId("estate-cost-col-percamera");
            share.setPrefWidth(190);
            columns.add(share);
        }
        TableColumn<CostFigures.Row, BigDecimal> toDate = null;
        for (int i = f.months().size() - 1; i >= 0; i--) {
            int at = i;
            YearMonth month = f.months().get(i);
            boolean current = i == f.months().size() - 1;
            TableColumn<CostFigures.Row, BigDecimal> c = amount(CostChart.monthName(m, month, current),
                    r -> r.amounts().get(at));
            if (current) {
                toDate = c;
                c.setId("estate-cost-col-todate");
            }
            columns.add(c);
        }
        view.getSortOrder().clear();
        view.getColumns().setAll(columns);
        toDate.setSortType(TableColumn.SortType.DESCENDING);
        view.getSortOrder().add(toDate);
    }

    /**
     * The group column as wide as its longest name ("Amazon Elastic Compute Cloud - Compute"), within bounds: the
     * months scroll sideways rather than cut the names; a name longer still has its tooltip.
     */
    private void fitGroups(CostFigures f) {
        TableColumn<CostFigures.Row, ?> group = view.getColumns().getFirst();
        Text probe = new Text(group.getText());
        probe.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 14));
        double widest = probe.getLayoutBounds().getWidth();
        probe.setFont(Font.font(Font.getDefault().getFamily(), 14));
        for (CostFigures.Row row : f.rows()) {
            probe.setText(groupName(m, row, f.grouping()));
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        group.setPrefWidth(Math.clamp(widest * 1.05 + 30, 180, 480));
    }

    private static TableColumn<CostFigures.Row, BigDecimal> amount(String title,
                                                           Function<CostFigures.Row, BigDecimal> value) {
        TableColumn<CostFigures.Row, BigDecimal> c = new TableColumn<>(title);
        c.setPrefWidth(title.length() > 10 ? 190 : title.endsWith("*") ? 104 : 88);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> Cells.text(CostTab::money));
        return c;
    }

    /** A group as the operator reads it: cost without the tag is "(untagged)". */
    static String groupName(Messages m, String group, Grouping by) {
        return group.isEmpty() ? m.text(by == Grouping.SITE || by == Grouping.CUSTOMER ? "estate.cost.untagged"
                : "estate.cost.unnamed") : group;
    }

    static String groupName(Messages m, CostFigures.Row row, Grouping by) {
        return groupName(m, row.group(), by);
    }

    TableView<CostFigures.Row> view() {
        return view;
    }
}
