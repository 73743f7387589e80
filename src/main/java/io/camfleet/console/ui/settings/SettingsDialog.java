package io.camfleet.console.ui.settings;

import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.environments.EnvironmentReader;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.fleet.HistoryRetention;
import io.camfleet.console.service.map.TileSettings;
import io.camfleet.console.ui.common.BackgroundTasks;
import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Settings, in tabs: where the fleet comes from (demo, AWS environments, an imported file) and the map's optional
 * online tile layer. Nothing secret is asked for or stored.
 */
public final class SettingsDialog {

    /** What the operator saved. */
    public record Result(TileSettings tiles, SourceSettings source, AvailabilitySettings availability) {
    }

    private final Messages m;
    private final EnvironmentReader environments;
    private final BackgroundTasks tasks;
    private final List<Supplier<Tab>> more;

    /**
     * @param environments answers the Fleet source tab's questions to AWS (profiles, who am I); called off the FX
     *                     thread, as a task of {@code tasks}
     */
    public SettingsDialog(Messages messages, EnvironmentReader environments, BackgroundTasks tasks) {
        this(messages, environments, tasks, List.of());
    }

    /** @param more the features' own tabs, after the common ones; each saves its own changes at once */
    public SettingsDialog(Messages messages, EnvironmentReader environments, BackgroundTasks tasks,
                          List<Supplier<Tab>> more) {
        this.m = messages;
        this.environments = environments;
        this.tasks = tasks;
        this.more = List.copyOf(more);
    }

    /** Shows the dialog; what was set when the operator saved valid settings. */
    public Optional<Result> edit(Window owner, TileSettings tiles, SourceSettings source,
                                 AvailabilitySettings availability) {
        Dialog<Result> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.text("settings.title"));

        // AWS calls show in the status bar's task list while they run; their answers come back on the FX thread.
        Executor background = work -> tasks.job(m.text("settings.source.task"), progress -> {
            work.run();
            return null;
        }).start();
        FleetSourceViewModel sourceVm = new FleetSourceViewModel(source, environments, m, background,
                Platform::runLater);
        MapTilesTab tilesTab = new MapTilesTab(m, tiles);
        FleetSourceTab sourceTab = new FleetSourceTab(sourceVm, m);
        AvailabilityTab availabilityTab = new AvailabilityTab(m, availability);
        TabPane tabs = new TabPane(tilesTab.tab(), sourceTab.tab(), availabilityTab.tab());
        more.forEach(tab -> tabs.getTabs().add(tab.get()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("settings-tabs");
        // Read only: what keeps the cache bounded however long the console runs live.
        Label history = new Label(m.text("settings.history", HistoryRetention.DEFAULT.days(),
                HistoryRetention.DEFAULT.perCamera()));
        history.setWrapText(true);
        history.setMinHeight(Region.USE_PREF_SIZE);
        history.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        history.setPadding(new Insets(0, 16, 0, 16)); // in line with the tabs' own text
        history.setId("settings-history");
        dialog.getDialogPane().setContent(new VBox(10, tabs, history));
        // Wide enough for the environments table to show an account and role without cutting them. The theme's
        // stylesheet caps dialogs at 600 px (a message, not a form with a table) and wins over a maximum set here;
        // a minimum still counts.
        dialog.getDialogPane().setMinWidth(860);
        dialog.setResizable(true); // taller, for many environments

        ButtonType save = new ButtonType(m.text("settings.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        // Settings that cannot work keep the dialog open, on the tab that says why.
        Result[] accepted = new Result[1];
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, e -> {
            Optional<TileSettings> t = tilesTab.result();
            Optional<SourceSettings> s = t.isPresent() ? sourceVm.result() : Optional.empty();
            Optional<AvailabilitySettings> a = s.isPresent() ? availabilityTab.result() : Optional.empty();
            if (t.isEmpty()) {
                tabs.getSelectionModel().select(tilesTab.tab());
                e.consume();
            } else if (s.isEmpty()) {
                tabs.getSelectionModel().select(sourceTab.tab());
                e.consume();
            } else if (a.isEmpty()) {
                tabs.getSelectionModel().select(availabilityTab.tab());
                e.consume();
                // The sentences beside the fields take room: the dialog grows to show them all.
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            } else {
                accepted[0] = new Result(t.get(), s.get(), a.get());
            }
        });
        dialog.setResultConverter(b -> b == save ? accepted[0] : null);
        sourceVm.loadProfiles();
        return dialog.showAndWait();
    }
}
