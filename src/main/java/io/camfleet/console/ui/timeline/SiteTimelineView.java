package io.camfleet.console.ui.timeline;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.Cells;
import io.camfleet.console.ui.common.RelativeTime;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The site timeline: one chronological table of everything that happened at a site (time in the operator's zone and
 * how long ago, kind, camera, what happened), a chip per kind to hide or show it, the latest outage tinted, and the
 * row it opens on selected and scrolled to. Arrow keys move through the rows; Ctrl+R reads it again.
 */
public final class SiteTimelineView {

    private final SiteTimelineViewModel vm;
    private final Messages m;
    private final Clock clock;
    private final DateTimeFormatter time;
    private final VBox root = new VBox(8);
    private final TableView<SiteEvent> table;

    public SiteTimelineView(SiteTimelineViewModel vm, Messages messages, ZoneId zone, Clock clock) {
        this.vm = vm;
        this.m = messages;
        this.clock = clock;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", messages.locale()).withZone(zone);
        root.setPadding(new Insets(14, 18, 12, 18));
        root.getStyleClass().add("site-timeline");
        root.getStylesheets().add(SiteTimelineView.class.getResource("site-timeline.css").toExternalForm());

        Label title = new Label(m.text("timeline.window.title", vm.siteId()), new FontIcon(Material2MZ.TIMELINE));
        title.getStyleClass().add(Styles.TITLE_3);
        Label zoneLabel = new Label(m.text("timeline.zone", zone.getId()));
        zoneLabel.getStyleClass().add(Styles.TEXT_MUTED);
        Button reload = new Button(m.text("timeline.reload"), new FontIcon(Material2MZ.REFRESH));
        reload.setId("timeline-reload");
        reload.disableProperty().bind(vm.loadingProperty());
        reload.setOnAction(e -> vm.load());
        HBox header = new HBox(12, title, new Spacer(), zoneLabel, reload);
        header.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("timeline-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label legend = new Label(m.text("timeline.outage.legend"));
        legend.setId("timeline-legend");
        legend.getStyleClass().add("outage-legend");
        legend.setMinWidth(Region.USE_PREF_SIZE);
        legend.visibleProperty().bind(vm.timelineProperty().map(t -> t.outage() != null).orElse(false));
        legend.managedProperty().bind(legend.visibleProperty());

        Label older = note("timeline-older", Styles.WARNING, Material2MZ.WARNING);
        older.textProperty().bind(vm.olderProperty());
        Label problem = note("timeline-problem", Styles.DANGER, Material2AL.ERROR);
        problem.textProperty().bind(vm.problemProperty());

        table = buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox kinds = new HBox(10, chips(), new Spacer(), legend);
        kinds.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(header, status, older, problem, kinds, table);

        vm.timelineProperty().addListener((o, was, now) -> {
            table.refresh();
            scrollToSelected();
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN).match(e) && !vm.loadingProperty()
                    .get()) {
                vm.load();
                e.consume();
            }
        });
    }

    private Label note(String id, String style, Ikon icon) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setGraphic(new FontIcon(icon));
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** One chip per kind, with its icon and how many events of it the timeline holds. */
    private HBox chips() {
        HBox chips = new HBox(6);
        chips.setAlignment(Pos.CENTER_LEFT);
        chips.setId("timeline-kinds");
        for (SiteEvent.Kind kind : SiteEvent.Kind.values()) {
            ToggleButton chip = new ToggleButton();
            chip.setId("timeline-kind-" + kind.name());
            chip.getStyleClass().addAll("kind-chip", "kind-" + kind.name());
            chip.setGraphic(new FontIcon(icon(kind)));
            chip.selectedProperty().bindBidirectional(vm.shownProperty(kind));
            Runnable label = () -> chip.setText(m.text("timeline.chip", m.text("timeline.kind." + kind.name()),
                    vm.count(kind)));
            label.run();
            vm.timelineProperty().addListener(o -> label.run());
            // a kind with nothing in this timeline (images, until they are tracked) is there but quiet
            chip.disableProperty().bind(vm.timelineProperty().map(t -> vm.count(kind) == 0).orElse(true));
            chips.getChildren().add(chip);
        }
        return chips;
    }

    private TableView<SiteEvent> buildTable() {
        TableView<SiteEvent> t = new TableView<>(vm.rows());
        t.setId("timeline-table");
        t.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE);
        t.setFixedCellSize(28);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(m.text("timeline.empty")));
        t.getColumns().setAll(List.of(
                col("timeline.col.time", 150, e -> time.format(e.at())),
                col("timeline.col.ago", 90, e -> RelativeTime.format(e.at(), vm.nowProperty().get() == null
                        ? clock.instant() : vm.nowProperty().get(), m)),
                kindColumn(),
                col("timeline.col.camera", 130, SiteEvent::cameraId),
                col("timeline.col.summary", 420, SiteEvent::summary)));
        t.setRowFactory(x -> new TableRow<>() {
            @Override
            protected void updateItem(SiteEvent e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().removeAll("outage", "opened-on");
                if (!empty && e != null) {
                    if (vm.duringOutage(e)) {
                        getStyleClass().add("outage");
                    }
                    if (vm.isFocus(e)) {
                        getStyleClass().add("opened-on");
                    }
                }
            }
        });
        t.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null || !vm.rows().contains(vm.selectedProperty().get())) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (t.getSelectionModel().getSelectedItem() != now) {
                if (now == null) {
                    t.getSelectionModel().clearSelection();
                } else {
                    t.getSelectionModel().select(now);
                }
            }
            scrollToSelected();
        });
        return t;
    }

    /** Brings the selected row into view, a few rows below the top so that what came before it shows too. */
    private void scrollToSelected() {
        int at = table.getSelectionModel().getSelectedIndex();
        if (at >= 0) {
            table.scrollTo(Math.max(0, at - 3));
            table.getFocusModel().focus(at);
        }
    }

    private TableColumn<SiteEvent, SiteEvent> kindColumn() {
        TableColumn<SiteEvent, SiteEvent> c = new TableColumn<>(m.text("timeline.col.kind"));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(SiteEvent e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().removeIf(s -> s.startsWith("kind-"));
                if (empty || e == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                getStyleClass().add("kind-" + e.kind().name());
                setText(m.text("timeline.kind." + e.kind().name()));
                setGraphic(new FontIcon(icon(e.kind())));
            }
        });
        c.setPrefWidth(120);
        c.setMinWidth(110);
        c.setSortable(false);
        return c;
    }

    private TableColumn<SiteEvent, SiteEvent> col(String key, double width, Function<SiteEvent, String> text) {
        TableColumn<SiteEvent, SiteEvent> c = new TableColumn<>(m.text(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(x -> Cells.text(text));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 90));
        // the order is the timeline's: by time, then kind, then as written; a sort by column would break it
        c.setSortable(false);
        return c;
    }

    static Ikon icon(SiteEvent.Kind kind) {
        return switch (kind) {
            case DEPLOYMENT -> Material2AL.CLOUD_UPLOAD;
            case IMAGE -> Material2AL.LAYERS;
            case CONFIG -> Material2MZ.SETTINGS_BACKUP_RESTORE;
            case AUDIT -> Material2AL.FACT_CHECK;
            case HEALTH -> Material2AL.FAVORITE;
            case ALERT -> Material2MZ.NOTIFICATIONS_ACTIVE;
            case TICKET -> Material2AL.CONFIRMATION_NUMBER;
        };
    }

    public Parent root() {
        return root;
    }

    /** The table, for the window to give the keyboard to. */
    TableView<SiteEvent> table() {
        return table;
    }
}
