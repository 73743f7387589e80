package io.camfleet.console.ui.reports;

import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.reports.RecentExport;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** The recent exports: when, what, which file (or that it is missing), how big, by whom, and its folder. */
final class RecentExportsTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TableView<RecentExport> table;

    RecentExportsTable(ReportsViewModel vm, Messages m, ZoneId zone, Consumer<Path> open) {
        table = new TableView<>(vm.recent);
        table.setId("report-recent");
        table.setPrefHeight(160);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.text("report.screen.recent.none")));
        table.getStyleClass().addAll(Styles.DENSE);
        table.getColumns().add(column(m.text("report.screen.recent.time"), 130,
                r -> TIME.format(r.at().atZone(zone))));
        table.getColumns().add(column(m.text("report.screen.recent.kind"), 150, r -> vm.label(r.kind())));
        table.getColumns().add(column(m.text("report.screen.recent.file"), 420, r -> r.present()
                ? r.file().toString() : m.text("report.screen.recent.missing", r.file())));
        table.getColumns().add(column(m.text("report.screen.recent.size"), 90, r -> size(r.bytes())));
        table.getColumns().add(column(m.text("report.screen.recent.operator"), 110, RecentExport::operator));
        TableColumn<RecentExport, RecentExport> folder = new TableColumn<>(m.text("report.screen.recent.folder"));
        folder.setPrefWidth(120);
        folder.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        folder.setCellFactory(c -> new TableCell<>() {
            private final Button show = new Button(m.text("report.screen.recent.openFolder"),
                    new FontIcon(Material2MZ.OPEN_IN_NEW));

            {
                show.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            }

            @Override
            protected void updateItem(RecentExport r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                show.setOnAction(e -> open.accept(r.file().toAbsolutePath().getParent()));
                show.setDisable(!r.present());
                setGraphic(show);
            }
        });
        table.getColumns().add(folder);
    }

    private static TableColumn<RecentExport, String> column(String title, double width,
                                                            java.util.function.Function<RecentExport, String> value) {
        TableColumn<RecentExport, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setComparator(String::compareTo);
        return c;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    Node root() {
        return table;
    }
}
