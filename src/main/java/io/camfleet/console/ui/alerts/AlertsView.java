package io.camfleet.console.ui.alerts;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.Cells;
import io.camfleet.console.ui.common.ScreenView;
import io.camfleet.console.ui.common.SearchField;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The alerts: a filtered list, each alert's life (raised, acknowledged, resolved, each with when, who and the note),
 * and the steps an operator takes on the one selected.
 */
public final class AlertsView implements ScreenView {

    private final AlertsViewModel vm;
    private final Messages m;
    private final DateTimeFormatter time;
    /** In the table, where the year is the same on every row an operator looks at. */
    private final DateTimeFormatter shortTime;
    private final VBox root = new VBox(10);
    private final CustomTextField search;
    private final GridPane life = new GridPane();
    private final Label summary = new Label();
    private final VBox detail;

    public AlertsView(AlertsViewModel vm, Messages messages, ZoneId zone) {
        this.vm = vm;
        this.m = messages;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", messages.locale()).withZone(zone);
        this.shortTime = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", messages.locale()).withZone(zone);
        this.search = SearchField.create(messages, "alerts.search.prompt");
        root.setPadding(new Insets(16, 20, 12, 20));
        root.getStyleClass().add("alerts");

        Label title = new Label(m.text("screen.ALERTS"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label status = new Label();
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(vm.statusProperty());
        status.setId("alerts-status");
        search.setPrefWidth(300);
        search.textProperty().bindBidirectional(vm.textProperty());
        search.setId("alerts-search");

        ComboBox<AlertsViewModel.Show> show = choice("alerts.filter.status", List.of(AlertsViewModel.Show.values()),
                false, s -> m.text("alerts.show." + s.name()));
        show.valueProperty().bindBidirectional(vm.showProperty());
        show.setId("alerts-show");
        ComboBox<AlertKind> kind = choice("alerts.filter.kind", List.of(AlertKind.values()), true,
                k -> m.text("alerts.kind." + k.name()));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setId("alerts-kind");
        ComboBox<AlertSeverity> severity = choice("alerts.filter.severity", List.of(AlertSeverity.values()), true,
                s -> m.text("alerts.severity." + s.name()));
        severity.valueProperty().bindBidirectional(vm.severityProperty());
        severity.setId("alerts-severity");

        // when the window is narrow the search gives way; the title, the counts and the filters do not
        title.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinWidth(Region.USE_PREF_SIZE);
        search.setMinWidth(160);
        for (ComboBox<?> filter : List.of(show, severity, kind)) {
            filter.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(12, title, status, new Spacer(), search, show, severity, kind);
        header.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("alerts-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setGraphic(new FontIcon(Material2AL.ERROR));
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        TableView<Alert> table = new TableView<>(vm.alerts());
        table.setId("alerts-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setFixedCellSize(30);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.text("alerts.empty")));
        // Every column but the summary is as wide as its longest value; the summary takes the rest of the width.
        TableColumn<Alert, Alert> summaryColumn = col("alerts.col.summary", 300, this::summaryWithMarks);
        summaryColumn.setMaxWidth(Double.MAX_VALUE);
        summaryColumn.setCellFactory(x -> Cells.whole(this::summaryWithMarks));
        summaryColumn.setId("alerts-col-summary");
        table.getColumns().setAll(List.of(
                severityColumn(),
                col("alerts.col.status", 115, a -> m.text("alerts.status." + a.status().name())),
                col("alerts.col.kind", 165, a -> m.text("alerts.kind." + a.kind().name())),
                col("alerts.col.raised", 125, a -> shortWhen(a.raisedAt())),
                col("alerts.col.acknowledged", 135, a -> shortWhen(a.acknowledgedAt())),
                col("alerts.col.resolved", 125, a -> shortWhen(a.resolvedAt())),
                summaryColumn));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((o, was, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
            renderLife(now);
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        detail = detail();
        root.getChildren().addAll(header, problem, table, detail);
        renderLife(null);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                vm.refresh();
            }
        });
    }

    private VBox detail() {
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.setWrapText(true);
        summary.setId("alerts-summary");
        life.setHgap(14);
        life.setVgap(4);
        life.setId("alerts-life");

        Button ack = new Button(m.text("alerts.acknowledge"), new FontIcon(Material2AL.CHECK));
        ack.setId("alerts-acknowledge");
        ack.getStyleClass().add(Styles.ACCENT);
        ack.disableProperty().bind(vm.canAcknowledge().not());
        ack.setOnAction(e -> AlertDialogs.note(root.getScene().getWindow(), m, "alerts.acknowledge.title",
                vm.selectedProperty().get()).ifPresent(vm::acknowledge));
        Button resolve = new Button(m.text("alerts.resolve"), new FontIcon(Material2AL.DONE_ALL));
        resolve.setId("alerts-resolve");
        resolve.disableProperty().bind(vm.canResolve().not());
        resolve.setOnAction(e -> AlertDialogs.note(root.getScene().getWindow(), m, "alerts.resolve.title",
                vm.selectedProperty().get()).ifPresent(vm::resolve));
        Button silence = new Button(m.text("alerts.silence"), new FontIcon(Material2MZ.NOTIFICATIONS_OFF));
        silence.setId("alerts-silence");
        silence.disableProperty().bind(vm.canSilence().not());
        silence.setOnAction(e -> AlertDialogs.silence(root.getScene().getWindow(), m, vm.selectedProperty().get())
                .ifPresent(s -> vm.silence(s.length(), s.note())));
        Button map = new Button(m.text("alerts.openOnMap"), new FontIcon(Material2MZ.PUBLIC));
        map.setId("alerts-open-on-map");
        map.disableProperty().bind(vm.canOpenOnMap().not());
        map.setOnAction(e -> vm.openOnMap());

        HBox actions = new HBox(8, ack, resolve, silence, map);
        if (vm.offersTickets()) {
            Button ticket = new Button(m.text("alerts.openTicket"), new FontIcon(Material2MZ.SUPPORT_AGENT));
            ticket.setId("alerts-open-ticket");
            ticket.setTooltip(new Tooltip(m.text("alerts.openTicket.tip")));
            ticket.disableProperty().bind(vm.canOpenTicket().not());
            ticket.setOnAction(e -> vm.openTicket());
            actions.getChildren().add(ticket);
        }
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, summary, life, actions);
        box.setPadding(new Insets(10, 12, 10, 12));
        box.getStyleClass().add("alert-detail");
        box.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 6; -fx-background-radius: 6;");
        return box;
    }

    private void renderLife(Alert a) {
        life.getChildren().clear();
        if (a == null) {
            summary.setText(m.text("alerts.pick"));
            return;
        }
        summary.setText(a.summary());
        int row = 0;
        row = lifeRow(row, "alerts.life.raised", when(a.raisedAt()), "", "");
        if (a.acknowledgedAt() != null) {
            row = lifeRow(row, "alerts.life.acknowledged", when(a.acknowledgedAt()), a.acknowledgedBy(),
                    a.acknowledgedNote());
        }
        if (a.resolvedAt() != null) {
            row = lifeRow(row, "alerts.life.resolved", when(a.resolvedAt()),
                    a.resolvedAutomatically() ? m.text("alerts.life.byItself") : a.resolvedBy(), a.resolvedNote());
        } else if (a.clearSince() != null) {
            row = lifeRow(row, "alerts.life.clearing", when(a.clearSince()), "", "");
        }
        if (a.flaps() > 0 || a.silenced()) {
            String marks = (a.flaps() > 0 ? m.text("alerts.flaps", a.flaps()) : "")
                    + (a.flaps() > 0 && a.silenced() ? ", " : "") + (a.silenced() ? m.text("alerts.silenced") : "");
            lifeRow(row, "alerts.life.notes", marks, "", "");
        }
    }

    private int lifeRow(int row, String key, String at, String by, String note) {
        Label what = new Label(m.text(key));
        what.getStyleClass().add(Styles.TEXT_MUTED);
        what.setMinWidth(110);
        Label whenLabel = new Label(at);
        whenLabel.setMinWidth(150);
        Label who = new Label(by);
        who.setMinWidth(90);
        Label text = new Label(note);
        text.setWrapText(true);
        life.addRow(row, what, whenLabel, who, text);
        return row + 1;
    }

    private String summaryWithMarks(Alert a) {
        return a.summary() + (a.flaps() > 0 ? "  [" + m.text("alerts.flaps", a.flaps()) + "]" : "")
                + (a.silenced() ? "  [" + m.text("alerts.silenced") + "]" : "");
    }

    private String shortWhen(Instant at) {
        return at == null ? "" : shortTime.format(at);
    }

    private String when(Instant at) {
        return at == null ? "" : time.format(at);
    }

    private TableColumn<Alert, Alert> severityColumn() {
        TableColumn<Alert, Alert> c = new TableColumn<>(m.text("alerts.col.severity"));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(Alert a, boolean empty) {
                super.updateItem(a, empty);
                if (empty || a == null) {
                    setText(null);
                    setGraphic(null);
                    setStyle(null);
                    return;
                }
                setText(m.text("alerts.severity." + a.severity().name()));
                FontIcon icon = new FontIcon(a.severity() == AlertSeverity.CRITICAL ? Material2AL.ERROR
                        : Material2MZ.WARNING);
                // resolved alerts fade; open ones keep their colour, which is what the eye looks for
                String colour = a.status() == AlertStatus.RESOLVED ? "-color-fg-muted"
                        : a.severity() == AlertSeverity.CRITICAL ? "-color-danger-fg" : "-color-warning-fg";
                icon.getStyleClass().add(a.status() == AlertStatus.RESOLVED ? Styles.TEXT_MUTED
                        : a.severity() == AlertSeverity.CRITICAL ? Styles.DANGER : Styles.WARNING);
                setStyle("-fx-text-fill: " + colour + ";");
                setGraphic(icon);
            }
        });
        c.setPrefWidth(110);
        c.setMinWidth(105);
        c.setMaxWidth(110);
        c.setSortable(false);
        return c;
    }

    private TableColumn<Alert, Alert> col(String key, double width, Function<Alert, String> text) {
        TableColumn<Alert, Alert> c = new TableColumn<>(m.text(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(x -> Cells.text(text));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setMaxWidth(width);
        c.setSortable(false);
        return c;
    }

    /** A filter whose closed box says what it filters ("Status: Open"); its list shows the choices alone. */
    private <T> ComboBox<T> choice(String key, List<T> values, boolean any, Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>();
        if (any) {
            box.getItems().add(null);
        }
        box.getItems().addAll(values);
        Function<T, String> choice = v -> v == null ? m.text("alerts.any") : name.apply(v);
        box.setButtonCell(cell(v -> m.text(key, choice.apply(v))));
        box.setCellFactory(l -> cell(choice));
        box.setTooltip(new Tooltip(m.text(key + ".tip")));
        return box;
    }

    private <T> ListCell<T> cell(Function<T, String> name) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : name.apply(item));
            }
        };
    }

    @Override
    public Node root() {
        return root;
    }

    /** The selected alert's life and buttons, which the window's notifications keep clear of. */
    @Override
    public Region bottomBar() {
        return detail;
    }

    @Override
    public boolean focusSearch() {
        search.requestFocus();
        return true;
    }
}
