package io.camfleet.console.ui.devices;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.RelativeTime;
import io.camfleet.console.ui.common.ScreenView;
import io.camfleet.console.ui.common.SearchField;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The review devices: the table with its filters and the count per compliance rule above it, the cache's "as of"
 * and the Sync, the actions on the selection, and the focused device's fields and history below. Opens offline from
 * the cache, as the fleet table does.
 */
public final class DevicesView implements ScreenView {

    private final DevicesViewModel vm;
    private final Messages m;
    private final VBox root = new VBox(10);
    private final CustomTextField search;
    private final TableView<JudgedDevice> table;

    public DevicesView(DevicesViewModel vm, Messages messages, ZoneId zone, Clock clock) {
        this.vm = vm;
        this.m = messages;
        this.search = SearchField.create(messages, "devicesView.search.prompt");
        root.setPadding(new Insets(16, 20, 12, 20));
        root.getStyleClass().add("devices");
        root.getStylesheets().add(DevicesView.class.getResource("devices.css").toExternalForm());

        DeviceTable devices = new DeviceTable(vm, messages, zone, clock);
        table = devices.table();
        DeviceActionBar actions = new DeviceActionBar(vm, messages, () -> root.getScene().getWindow());
        DeviceDetail detail = new DeviceDetail(vm, messages, zone);
        table.setContextMenu(actions.contextMenu());
        bindSelection();

        SplitPane split = new SplitPane(table, detail.root());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(header(zone, clock),
                new RuleChips(vm, messages).root(), lines(), actions.root(), split);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                vm.refresh();
            }
        });
    }

    private Node header(ZoneId zone, Clock clock) {
        Label title = new Label(m.text("screen.DEVICES"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label shown = new Label();
        shown.setId("devices-shown");
        shown.getStyleClass().add(Styles.TEXT_MUTED);
        vm.devices().addListener((ListChangeListener<JudgedDevice>) c -> shown.setText(
                m.text("devicesView.shown", vm.devices().size(), vm.total())));
        shown.setText(m.text("devicesView.shown", 0, 0));

        Label asOf = new Label();
        asOf.setId("devices-as-of");
        asOf.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        asOf.setMinWidth(0);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("d MMM HH:mm", m.locale()).withZone(zone);
        Runnable showAsOf = () -> asOf.setText(vm.asOfProperty().get() == null ? m.text("devicesView.asOf.never")
                : m.text("devicesView.asOf", vm.sourceProperty().get(), time.format(vm.asOfProperty().get()),
                RelativeTime.format(vm.asOfProperty().get(), clock.instant(), m)));
        vm.asOfProperty().addListener(o -> showAsOf.run());
        vm.sourceProperty().addListener(o -> showAsOf.run());
        vm.devices().addListener((ListChangeListener<JudgedDevice>) c -> showAsOf.run());
        showAsOf.run();

        search.textProperty().bindBidirectional(vm.textProperty());
        search.setPrefWidth(420);
        search.setMinWidth(200);
        search.setId("devices-search");
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                    table.getFocusModel().focus(0);
                }
                e.consume();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.requestFocus();
                e.consume();
            }
        });

        Button sync = new Button(m.text("devicesView.sync"), new FontIcon(Material2MZ.SYNC));
        sync.setId("devices-sync");
        sync.getStyleClass().add(Styles.ACCENT);
        sync.setTooltip(new Tooltip(m.text("devicesView.sync.tip")));
        sync.disableProperty().bind(vm.syncingProperty());
        sync.setOnAction(e -> vm.sync());
        ProgressBar progress = new ProgressBar();
        progress.setId("devices-sync-progress");
        progress.setPrefWidth(110);
        progress.progressProperty().bind(vm.syncProgressProperty());
        progress.visibleProperty().bind(vm.syncingProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Button queue = new Button(m.text("devicesView.provisioning"), new FontIcon(Material2AL.ADD_TASK));
        queue.setId("devices-provisioning");
        queue.setOnAction(e -> ProvisioningDialog.show(root.getScene().getWindow(), new ProvisioningModel(vm), m,
                zone));

        HBox first = new HBox(10, title, shown, asOf, new Spacer(), progress, sync, queue);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox filters = new HBox(8, FilterChoices.type(vm, m), FilterChoices.status(vm, m),
                FilterChoices.orgUnit(vm, m), search);
        filters.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, first, filters);
    }

    /** The lines that say why the actions are off, what failed, and what the last sync did. */
    private Node lines() {
        Label readOnly = line("devices-read-only", Styles.WARNING, new FontIcon(Material2AL.LOCK));
        readOnly.textProperty().bind(Bindings.createStringBinding(vm::readOnlyReason, vm.accessProperty()));
        Label problem = line("devices-problem", Styles.DANGER, new FontIcon(Material2AL.ERROR));
        problem.textProperty().bind(vm.problemProperty());
        Label report = line("devices-report", Styles.SUCCESS, new FontIcon(Material2AL.CHECK_CIRCLE));
        report.textProperty().bind(vm.reportProperty());
        VBox box = new VBox(4, readOnly, problem, report);
        box.managedProperty().bind(Bindings.isNotEmpty(readOnly.textProperty())
                .or(Bindings.isNotEmpty(problem.textProperty())).or(Bindings.isNotEmpty(report.textProperty())));
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    private static Label line(String id, String style, FontIcon icon) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wraps to a second line, never ellipsed
        l.getStyleClass().add(style);
        l.setGraphic(icon);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private void bindSelection() {
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<JudgedDevice>) c ->
                vm.selection().setAll(table.getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).toList()));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null || table.getSelectionModel().isEmpty()) {
                vm.focusedProperty().set(now);
            }
        });
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public boolean focusSearch() {
        search.requestFocus();
        search.selectAll();
        return true;
    }
}
