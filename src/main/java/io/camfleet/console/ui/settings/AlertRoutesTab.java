package io.camfleet.console.ui.settings;

import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.settings.AlertRoutesViewModel.Row;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/**
 * Settings › Alert routes: the routes out of the console, each with its last delivery; add, edit, remove and send a
 * test; and whether this desktop shows a notification and plays a sound for each raised alert.
 */
public final class AlertRoutesTab {

    /** As wide as the dialog's other tabs. */
    private static final double PREF_WIDTH = 820;

    private final AlertRoutesViewModel vm;
    private final Messages m;
    private final Tab tab;
    private final TableView<Row> table;
    private String selectedName;

    public AlertRoutesTab(AlertRoutesViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
        Label header = new Label(m.text("alertRoutes.header"));
        header.getStyleClass().add(Styles.TITLE_4);
        Label note = muted(m.text("alertRoutes.note"));

        table = new TableView<>(vm.rows());
        table.setId("alert-routes-table");
        Label empty = muted(m.text("alertRoutes.empty"));
        empty.setMaxWidth(PREF_WIDTH - 120);
        empty.setPadding(new Insets(12));
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(210);
        table.getColumns().add(column("alertRoutes.col.name", r -> r.route().name(), 110));
        table.getColumns().add(column("alertRoutes.col.kind", Row::kind, 95));
        table.getColumns().add(column("alertRoutes.col.target", Row::target, 190));
        table.getColumns().add(column("alertRoutes.col.severity", Row::severity, 80));
        table.getColumns().add(column("alertRoutes.col.enabled", r -> r.route().enabled() ? "\u2713" : "", 36));
        TableColumn<Row, Row> last = new TableColumn<>(m.text("alertRoutes.col.last"));
        last.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        last.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove(Styles.DANGER);
                setText(empty || r == null ? null : r.last());
                setTooltip(empty || r == null ? null : new Tooltip(r.last()));
                if (!empty && r != null && r.failing()) {
                    getStyleClass().add(Styles.DANGER);
                }
            }
        });
        last.setPrefWidth(230);
        table.getColumns().add(last);

        // Rows are replaced when they are read again (after a save or a test): the same route stays selected.
        vm.rows().addListener((javafx.collections.ListChangeListener<Row>) c -> {
            String was = selectedName;
            if (was != null && selected() == null) {
                vm.rows().stream().filter(r -> r.route().name().equals(was)).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                selectedName = now.route().name();
            }
        });

        Button add = new Button(m.text("alertRoutes.add"));
        add.setId("alert-routes-add");
        Button edit = new Button(m.text("alertRoutes.edit"));
        edit.setId("alert-routes-edit");
        Button remove = new Button(m.text("alertRoutes.remove"));
        remove.setId("alert-routes-remove");
        Button test = new Button(m.text("alertRoutes.test"));
        test.setId("alert-routes-test");
        test.setTooltip(new Tooltip(m.text("alertRoutes.test.tip")));
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        add.disableProperty().bind(vm.editableProperty().not());
        edit.disableProperty().bind(none.or(vm.editableProperty().not()));
        remove.disableProperty().bind(none.or(vm.editableProperty().not()));
        test.disableProperty().bind(none.or(vm.busyProperty()));
        AlertRouteForm form = new AlertRouteForm(vm, m);
        add.setOnAction(e -> form.show(table.getScene().getWindow(), null));
        edit.setOnAction(e -> form.show(table.getScene().getWindow(), selected().route()));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && selected() != null && vm.editableProperty().get()) {
                form.show(table.getScene().getWindow(), selected().route());
            }
        });
        remove.setOnAction(e -> vm.remove(selected()));
        test.setOnAction(e -> vm.test(selected()));
        HBox buttons = new HBox(8, add, edit, remove, test);
        buttons.setAlignment(Pos.CENTER_LEFT);

        // The whole of the selected route's last delivery: the table's cell shows its beginning.
        Label lastOfSelected = wrapping("");
        lastOfSelected.setId("alert-routes-last");
        lastOfSelected.textProperty().bind(Bindings.createStringBinding(() -> selected() == null ? ""
                : selected().route().name() + ": " + selected().last(), table.getSelectionModel().selectedItemProperty(),
                vm.rows()));
        lastOfSelected.managedProperty().bind(lastOfSelected.textProperty().isNotEmpty());
        lastOfSelected.visibleProperty().bind(lastOfSelected.managedProperty());

        Label problem = wrapping("");
        problem.setId("alert-routes-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(Bindings.isNotEmpty(vm.problemProperty()));
        problem.visibleProperty().bind(problem.managedProperty());

        Label desktop = new Label(m.text("alertRoutes.desktop.header"));
        desktop.getStyleClass().add(Styles.TITLE_4);
        CheckBox notify = new CheckBox(m.text("alertRoutes.desktop.notify"));
        notify.setId("alert-routes-notify");
        notify.selectedProperty().bindBidirectional(vm.notificationProperty());
        CheckBox sound = new CheckBox(m.text("alertRoutes.desktop.sound"));
        sound.setId("alert-routes-sound");
        sound.selectedProperty().bindBidirectional(vm.soundProperty());
        notify.disableProperty().bind(vm.editableProperty().not());
        sound.disableProperty().bind(vm.editableProperty().not());

        VBox content = new VBox(10, header, note, table, buttons, lastOfSelected, problem, muted(m.text("alertRoutes.secrets")),
                desktop, notify, sound);
        content.setPadding(new Insets(16, 16, 12, 16));
        // Wrapping notes would otherwise ask for their whole text on one line, and the dialog would open that wide.
        content.setPrefWidth(PREF_WIDTH);
        tab = new Tab(m.text("settings.tab.alertRoutes"), content);
        tab.setId("settings-tab-alert-routes");
        vm.load();
    }

    public Tab tab() {
        return tab;
    }

    private Row selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private TableColumn<Row, String> column(String key, Function<Row, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>(m.text(key));
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static Label wrapping(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label muted(String text) {
        Label l = wrapping(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return l;
    }
}
