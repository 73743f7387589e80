package io.camfleet.console.ui.estate;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.findings.FindingRow;
import io.camfleet.console.ui.common.Cells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The findings as a sortable table: the vulnerability, where it is (the camera, its site and image, or "unknown host"
 * for a host the fleet does not know) and where it was reported; an accepted one says who accepted it, until when
 * and why. Severity sorts worst first, not by name.
 */
final class FindingsTable {

    private final TableView<FindingRow> table = new TableView<>();

    FindingsTable(Messages m, ZoneId zone, String emptyText) {
        DateTimeFormatter seen = DateTimeFormatter.ofPattern("d MMM yyyy", m.locale()).withZone(zone);
        table.setId("estate-findings-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label empty = new Label(emptyText);
        empty.setWrapText(true);
        empty.setMaxWidth(560);
        table.setPlaceholder(empty);

        TableColumn<FindingRow, Severity> severity = new TableColumn<>(m.text("estate.findings.col.severity"));
        severity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().severity()));
        severity.setCellFactory(c -> severityCell(m));
        fixed(severity, 100);
        table.getColumns().add(severity);
        table.getColumns().add(text(m.text("estate.findings.col.cve"), r -> r.finding().cve(), 135));
        table.getColumns().add(text(m.text("estate.findings.col.package"), r -> r.finding().packageName(), 130));
        TableColumn<FindingRow, FindingRow> host = new TableColumn<>(m.text("estate.findings.col.host"));
        host.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        host.setComparator((a, b) -> a.finding().host().compareToIgnoreCase(b.finding().host()));
        host.setCellFactory(c -> Cells.noted(r -> r.finding().host(), r -> r.knownHost() ? null
                : m.text("estate.findings.unknownHost.tip", r.finding().host())));
        fixed(host, 170);
        table.getColumns().add(host);
        // The column that takes the width the others leave: where the finding is, the longest text of a row.
        TableColumn<FindingRow, String> camera = text(m.text("estate.findings.col.camera"), r -> r.knownHost()
                ? m.text("estate.findings.camera", r.cameraId(), r.siteId()) : m.text("estate.findings.unknownHost"),
                220);
        camera.setMinWidth(140);
        camera.setMaxWidth(Double.MAX_VALUE);
        table.getColumns().add(camera);
        // an AMI id is 21 characters
        table.getColumns().add(text(m.text("estate.findings.col.image"), FindingRow::image, 205));
        table.getColumns().add(text(m.text("estate.findings.col.source"), r -> r.finding().source(), 95));
        TableColumn<FindingRow, Instant> first = new TableColumn<>(m.text("estate.findings.col.seen"));
        first.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().seen()));
        first.setCellFactory(c -> Cells.text(seen::format));
        fixed(first, 105);
        table.getColumns().add(first);
        TableColumn<FindingRow, FindingRow> accepted = new TableColumn<>(m.text("estate.findings.col.accepted"));
        accepted.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        accepted.setComparator((a, b) -> acceptance(m, a).compareTo(acceptance(m, b)));
        // the column is narrow: the tooltip holds the whole acceptance, who, until when and why
        accepted.setCellFactory(c -> Cells.noted(r -> acceptance(m, r),
                r -> r.acceptance().isPresent() ? acceptance(m, r) : null));
        // empty on most rows: narrow, the reason in the tooltip
        fixed(accepted, 150);
        accepted.setMinWidth(100);
        table.getColumns().add(accepted);
    }

    /** "nina until 2027-01-31: reason", or empty for an open finding. */
    static String acceptance(Messages m, FindingRow r) {
        return r.acceptance().map(a -> m.text("estate.findings.acceptedBy", a.acceptedBy(), a.until(), a.reason()))
                .orElse("");
    }

    private static TableColumn<FindingRow, String> text(String title, Function<FindingRow, String> value,
                                                        double width) {
        TableColumn<FindingRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        c.setCellFactory(col -> Cells.whole(s -> s));
        fixed(c, width);
        return c;
    }

    /** A column as wide as its values, narrower only when the table is: the camera column takes the rest. */
    private static void fixed(TableColumn<FindingRow, ?> c, double width) {
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 80));
        c.setMaxWidth(width);
    }

    private static TableCell<FindingRow, Severity> severityCell(Messages m) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : m.text("estate.findings.severity." + s.name()));
                // the theme's danger and warning colours; a style class does not reach a table cell's text
                setStyle(empty || s == null || !s.atLeast(Severity.HIGH) ? null : s == Severity.CRITICAL
                        ? "-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;"
                        : "-fx-text-fill: -color-warning-fg;");
            }
        };
    }

    TableView<FindingRow> table() {
        return table;
    }
}
