package io.camfleet.console.ui.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.common.HealthStyle;
import io.camfleet.console.ui.common.SiteStates;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.geometry.Orientation;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.TaskProgressView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The bottom line of the window: where the data comes from, how fresh the cache is, what runs in the background
 * (with progress and cancel), and how many sites are in each health state.
 */
final class StatusBar extends HBox {

    private final Messages m;
    private final NumberFormat count;
    private final DateTimeFormatter time;
    private final Label source = new Label();
    private final Label asOf = new Label();
    private final Tooltip sourceTip = new Tooltip();
    private final HBox taskBox = new HBox(8);
    private final Label taskTitle = new Label();
    private final ProgressBar taskProgress = new ProgressBar();
    private final Button taskCancel = new Button(null, new FontIcon(Material2AL.CLOSE));
    private final Button moreTasks = new Button();
    private final Map<HealthState, Label> counts = new EnumMap<>(HealthState.class);
    private final Map<HealthState, Tooltip> countTips = new EnumMap<>(HealthState.class);
    private FleetSnapshot shown;
    private final BackgroundTasks tasks;

    StatusBar(FleetModel fleet, BackgroundTasks tasks, Messages messages, ZoneId zone) {
        this.m = messages;
        this.tasks = tasks;
        this.count = NumberFormat.getIntegerInstance(messages.locale());
        this.time = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", messages.locale()).withZone(zone);
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(4, 12, 4, 12));

        source.setGraphic(new FontIcon(Material2MZ.STORAGE));
        source.setId("status-source");
        asOf.setGraphic(new FontIcon(Material2AL.ACCESS_TIME));
        asOf.setId("status-as-of");

        taskProgress.setPrefWidth(120);
        taskCancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        moreTasks.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        moreTasks.setOnAction(e -> showAllTasks());
        taskBox.setAlignment(Pos.CENTER_LEFT);
        taskBox.getChildren().addAll(taskTitle, taskProgress, taskCancel, moreTasks);
        taskBox.setId("status-tasks");
        tasks.running().addListener((ListChangeListener<Task<?>>) c -> renderTasks());
        renderTasks();

        HBox countBox = new HBox(12);
        countBox.setAlignment(Pos.CENTER_RIGHT);
        for (HealthState s : HealthState.all()) {
            Label l = new Label("0", HealthStyle.icon(s, 13));
            l.getStyleClass().add("health-count");
            l.setId("status-count-" + s.name().toLowerCase(java.util.Locale.ROOT));
            counts.put(s, l);
            countBox.getChildren().add(l);
        }

        getChildren().addAll(source, sep(), asOf, new Spacer(), taskBox, sep(), countBox);
        fleet.snapshotProperty().addListener((o, a, s) -> render(s));
        render(fleet.snapshot());
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    /** See {@link ShellView#installTooltips()}. */
    void installTooltips() {
        taskCancel.setTooltip(new Tooltip(m.text("status.task.cancel")));
        for (HealthState st : HealthState.all()) {
            Tooltip tip = new Tooltip();
            countTips.put(st, tip);
            counts.get(st).setTooltip(tip);
        }
        render(shown);
    }

    private void render(FleetSnapshot s) {
        shown = s;
        source.setText(s.source().isEmpty() ? m.text("status.source.none") : s.live()
                ? m.text("status.source.live", s.source(), count.format(s.siteCount()), count.format(s.cameraCount()))
                : m.text("status.source.cached", s.source(), count.format(s.siteCount()),
                count.format(s.cameraCount())));
        asOf.setText(asOfText(s));
        // What the last sync cost, per environment: shown only for a source that makes calls.
        sourceTip.setText(s.calls().stream()
                .map(c -> m.text("status.source.calls", c.part(), m.text("sync.calls", c.total(), c.byOperation(),
                        m.text("sync.path." + c.path())))
                        + (c.readAllBecause() == null ? "" : "\n" + m.text("sync.readAll", c.part(),
                        m.text(c.readAllBecause()))))
                .collect(java.util.stream.Collectors.joining("\n")));
        source.setTooltip(s.calls().isEmpty() ? null : sourceTip);
        for (HealthState st : HealthState.all()) {
            Label l = counts.get(st);
            l.setText(count.format(s.sitesIn(st)));
            Tooltip tip = countTips.get(st);
            if (tip != null) {
                tip.setText(m.text("status.count.tip", m.text(HealthStyle.key(st)), count.format(s.sitesIn(st)),
                        count.format(s.camerasIn(st)), SiteStates.rule(m, s.rule())));
            }
        }
    }

    /**
     * How fresh the cache is. A fleet just read from its source is shown before it is stored: the cache is then being
     * written, not empty.
     */
    private String asOfText(FleetSnapshot s) {
        if (s.asOf() != null) {
            return m.text("status.asOf", time.format(s.asOf()));
        }
        return s.live() && s.siteCount() > 0 ? m.text("status.asOf.saving") : m.text("status.asOf.never");
    }

    private void renderTasks() {
        var running = tasks.running();
        taskBox.setVisible(!running.isEmpty());
        taskBox.setManaged(!running.isEmpty());
        if (running.isEmpty()) {
            taskTitle.textProperty().unbind();
            taskProgress.progressProperty().unbind();
            return;
        }
        Task<?> latest = running.get(running.size() - 1);
        taskTitle.textProperty().bind(latest.titleProperty());
        taskProgress.progressProperty().bind(latest.progressProperty());
        taskBox.setOnMouseClicked(e -> showAllTasks());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(latest.messageProperty());
        taskTitle.setTooltip(tip);
        taskCancel.setOnAction(e -> latest.cancel());
        moreTasks.setVisible(running.size() > 1);
        moreTasks.setManaged(running.size() > 1);
        moreTasks.setText(m.text("status.task.more", running.size() - 1));
    }

    private void showAllTasks() {
        TaskProgressView<Task<?>> view = new TaskProgressView<>();
        view.getTasks().setAll(tasks.running());
        view.setPrefSize(420, 240);
        PopOver pop = new PopOver(view);
        pop.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
        pop.setTitle(m.text("status.task.all"));
        pop.setHeaderAlwaysVisible(true);
        pop.show(taskBox);
    }
}
