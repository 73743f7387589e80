package io.camfleet.console.ui.devices;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.Cells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The focused device in full: every field the directory gave, the rules it breaks, and its history (what the sync
 * saw change, and each action with who took it and why), below the table as the fleet table shows a site's cameras.
 */
final class DeviceDetail {

    private final Messages m;
    private final DateTimeFormatter time;
    private final DateTimeFormatter day;
    private final Label title = new Label();
    private final FlowPane rules = new FlowPane(4, 4);
    private final GridPane fields = new GridPane();
    private final Label noHistory = new Label();
    private final TableView<DeviceEvent> history = new TableView<>();
    private final HBox root;

    DeviceDetail(DevicesViewModel vm, Messages messages, ZoneId zone) {
        this.m = messages;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", messages.locale()).withZone(zone);
        this.day = DateTimeFormatter.ofPattern("d MMM yyyy", messages.locale());
        title.getStyleClass().addAll(Styles.TITLE_4);
        title.setId("devices-detail-title");
        fields.setId("devices-detail-fields");
        fields.setHgap(12);
        fields.setVgap(3);
        // Two pairs of columns: every field in view without scrolling at the pane's usual height.
        fields.getColumnConstraints().setAll(names(), values(), names(), values());
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Styles.BG_DEFAULT);
        scroll.setStyle("-fx-background-color: transparent;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox left = new VBox(6, title, rules, scroll);
        left.setMinWidth(560);
        left.setPrefWidth(680);

        Label historyTitle = new Label(m.text("devicesView.detail.history"));
        historyTitle.getStyleClass().add(Styles.TEXT_BOLD);
        buildHistory(vm);
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox right = new VBox(6, historyTitle, history);
        HBox.setHgrow(right, Priority.ALWAYS);

        root = new HBox(18, left, right);
        root.setId("devices-detail");
        root.setPadding(new Insets(10, 4, 4, 4));
        root.setAlignment(Pos.TOP_LEFT);
        vm.focusedProperty().addListener((o, was, now) -> show(now));
        show(null);
    }

    Node root() {
        return root;
    }

    private static ColumnConstraints names() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(95);
        return c;
    }

    private static ColumnConstraints values() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setPrefWidth(265);
        return c;
    }

    private void buildHistory(DevicesViewModel vm) {
        history.setId("devices-history");
        history.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        history.setItems(vm.history());
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        noHistory.setWrapText(true);
        noHistory.setPadding(new Insets(0, 16, 0, 16));
        history.setPlaceholder(noHistory);
        history.getColumns().setAll(List.of(
                col("devicesView.detail.col.when", 135, e -> time.format(e.at())),
                col("devicesView.detail.col.what", 300, this::what),
                col("devicesView.detail.col.by", 150, DeviceEvent::by),
                col("devicesView.detail.col.reason", 220, DeviceEvent::reason)));
        // The newest line is the one the operator just caused: keep it in view.
        vm.history().addListener((ListChangeListener<DeviceEvent>) c -> {
            if (!vm.history().isEmpty()) {
                history.scrollTo(vm.history().size() - 1);
            }
        });
    }

    /** "Status: ACTIVE → DISABLED", "Disable: ACTIVE → DISABLED", "Move: /Review/Porto", "Provisioned: /Review/Porto". */
    private String what(DeviceEvent e) {
        String head = switch (e.kind()) {
            case STATE -> field(e.what());
            case ACTION -> verb(e.what());
            case PROVISIONED -> m.text("devicesView.history.PROVISIONED");
        };
        if (e.before().isEmpty() && e.after().isEmpty()) {
            return head;
        }
        return head + ": " + (e.before().isEmpty() ? "" : e.before() + " \u2192 ") + e.after();
    }

    private String field(String what) {
        String key = "devicesView.field." + what;
        return m.has(key) ? m.text(key) : what;
    }

    private String verb(String action) {
        String key = "devicesView.verb." + action;
        return m.has(key) ? m.text(key) : action;
    }

    private TableColumn<DeviceEvent, DeviceEvent> col(String key, double width, Function<DeviceEvent, String> text) {
        TableColumn<DeviceEvent, DeviceEvent> c = new TableColumn<>(m.text(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(x -> Cells.text(text));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 135)); // the time whole
        c.setSortable(false);
        return c;
    }

    private void show(JudgedDevice j) {
        // with no device picked there is no history to miss: the title already says to pick one
        noHistory.setText(j == null ? "" : m.text("devicesView.detail.noHistory"));
        fields.getChildren().clear();
        rules.getChildren().clear();
        if (j == null) {
            title.setText(m.text("devicesView.detail.pick"));
            title.getStyleClass().add(Styles.TEXT_MUTED);
            return;
        }
        title.getStyleClass().remove(Styles.TEXT_MUTED);
        ReviewDevice d = j.device();
        title.setText(d.serial() + "  \u00b7  " + d.model());
        rules.getChildren().setAll(RuleWords.tags(m, j));
        List<String[]> all = List.of(
                pair("devicesView.col.type", m.text("devicesView.type." + d.type().name())),
                pair("devicesView.col.status", d.status()),
                pair("devicesView.col.reviewer", d.reviewer()),
                pair("devicesView.col.location", d.location()),
                pair("devicesView.col.assetId", d.assetId()),
                pair("devicesView.col.orgUnit", d.orgUnit()),
                pair("devicesView.col.osVersion", d.osVersion()),
                pair("devicesView.col.lastSync", when(d.lastSync())),
                pair("devicesView.col.autoUpdateEnd", date(d.autoUpdateEnd())),
                pair("devicesView.col.lastEnrollment", when(d.lastEnrollment())),
                pair("devicesView.col.recentUsers", String.join(", ", d.recentUsers())),
                pair("devicesView.detail.notes", d.notes()),
                pair("devicesView.detail.id", d.id()));
        int rows = (all.size() + 1) / 2;
        for (int i = 0; i < all.size(); i++) {
            field(i % rows, i < rows ? 0 : 2, all.get(i)[0], all.get(i)[1]);
        }
    }

    private static String[] pair(String key, String value) {
        return new String[] {key, value};
    }

    private void field(int row, int column, String key, String value) {
        Label name = new Label(m.text(key));
        name.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(value.isEmpty() ? "\u2013" : value);
        v.setMinWidth(0); // a long id or list of users is ellipsed, whole in its tooltip
        if (!value.isEmpty()) {
            v.setTooltip(new javafx.scene.control.Tooltip(value));
        }
        fields.add(name, column, row);
        fields.add(v, column + 1, row);
    }

    private String when(Instant at) {
        return at == null ? m.text("devicesView.never") : time.format(at);
    }

    private String date(LocalDate d) {
        return d == null ? "\u2013" : day.format(d);
    }
}
