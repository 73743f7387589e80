package io.camfleet.console.ui.estate;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.findings.PatchCompliance;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.Cells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.function.Function;

/**
 * Patch compliance as a sortable table, one row per camera system or per image: the patch levels reported, the
 * compliance percentage and the security patches missing. A camera with no patch state says so instead of a 100 %.
 */
final class PatchTable {

    private final TableView<PatchCompliance> table = new TableView<>();
    private final TableColumn<PatchCompliance, String> subject;
    private final Messages m;

    PatchTable(Messages m) {
        this.m = m;
        table.setId("estate-patch-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(m.text("estate.findings.patches.empty"));
        empty.setWrapText(true);
        empty.setMaxWidth(560);
        table.setPlaceholder(empty);

        subject = column(m.text("estate.findings.patches.col.camera"), PatchCompliance::subject, 160);
        TableColumn<PatchCompliance, Integer> percent = new TableColumn<>(m.text("estate.findings.patches.col.percent"));
        // a camera with no patch state sorts below every reported one (-1), rather than as compliant
        percent.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reported() == 0 ? -1
                : c.getValue().compliancePercent()));
        percent.setCellFactory(c -> Cells.text(p -> p < 0 ? m.text("estate.findings.patches.none")
                : m.text("estate.findings.patches.percent", p)));
        percent.setPrefWidth(110);
        percent.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<PatchCompliance, Integer> security = count(m.text("estate.findings.patches.col.security"),
                PatchCompliance::missingSecurity);
        security.setMinWidth(130);
        TableColumn<PatchCompliance, Integer> missing = count(m.text("estate.findings.patches.col.missing"),
                PatchCompliance::missing);
        TableColumn<PatchCompliance, Integer> installed = count(m.text("estate.findings.patches.col.installed"),
                PatchCompliance::installed);
        TableColumn<PatchCompliance, String> reported = column(m.text("estate.findings.patches.col.reported"),
                p -> m.text("estate.findings.patches.reported", p.reported(), p.cameras()), 110);
        TableColumn<PatchCompliance, String> levels = column(m.text("estate.findings.patches.col.level"),
                p -> p.patchLevels().isEmpty() ? "" : String.join(", ", p.patchLevels()), 220);
        table.getColumns().setAll(List.of(subject, percent, security, missing, installed, reported, levels));
    }

    /** Rows per camera or per image; the first column is named accordingly. */
    void show(List<PatchCompliance> rows, boolean perImage) {
        subject.setText(m.text(perImage ? "estate.findings.patches.col.image" : "estate.findings.patches.col.camera"));
        table.getItems().setAll(rows);
        table.sort();
    }

    private static TableColumn<PatchCompliance, String> column(String title, Function<PatchCompliance, String> value,
                                                               double width) {
        TableColumn<PatchCompliance, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A count, blank for a camera with no patch state (a 0 there would read as "nothing missing"). */
    private static TableColumn<PatchCompliance, Integer> count(String title,
                                                               Function<PatchCompliance, Integer> value) {
        TableColumn<PatchCompliance, Integer> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().reported() == 0 ? null
                : value.apply(r.getValue())));
        c.setPrefWidth(100);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    TableView<PatchCompliance> table() {
        return table;
    }
}
