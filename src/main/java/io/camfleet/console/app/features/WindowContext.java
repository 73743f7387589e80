package io.camfleet.console.app.features;

import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.FleetWatch;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.common.sitedetail.SiteActions;
import io.camfleet.console.ui.shell.ShellViewModel;
import javafx.application.Platform;
import javafx.scene.control.Tab;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the window offers the features: the shared fleet model and its watch, the background tasks, the shell, and
 * once it is open the data folder. One per window; the features keep what they build for a window here, not in
 * their own fields.
 */
public final class WindowContext {

    private final Messages messages;
    private final ZoneId zone;
    private final Path folder;
    private final FleetModel fleet;
    private final FleetWatch watch;
    private final BackgroundTasks tasks;
    private final Executor workers;
    private final ShellViewModel shell;
    private final List<IntSupplier> running = new CopyOnWriteArrayList<>();
    private final List<Runnable> closing = new CopyOnWriteArrayList<>();
    private final List<Supplier<Tab>> settingsTabs = new CopyOnWriteArrayList<>();
    private volatile ConsoleBackend.Session session;
    private volatile SiteActions siteActions = SiteActions.NONE;
    private volatile Consumer<Alert> ticketFromAlert;

    public WindowContext(Messages messages, ZoneId zone, Path folder, FleetModel fleet, FleetWatch watch,
                         BackgroundTasks tasks, Executor workers, ShellViewModel shell) {
        this.messages = messages;
        this.zone = zone;
        this.folder = folder;
        this.fleet = fleet;
        this.watch = watch;
        this.tasks = tasks;
        this.workers = workers;
        this.shell = shell;
    }

    public Messages messages() {
        return messages;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The data folder the window is on. */
    public Path folder() {
        return folder;
    }

    /** The fleet as the screens share it (filter, selection), fed by {@link #watch()}. */
    public FleetModel fleet() {
        return fleet;
    }

    /** The fleet kept live: what alerts, KPIs and banners subscribe to. */
    public FleetWatch watch() {
        return watch;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public Executor workers() {
        return workers;
    }

    /** Hands work to the FX thread. */
    public Executor fx() {
        return Platform::runLater;
    }

    public ShellViewModel shell() {
        return shell;
    }

    /**
     * The open data folder. Screens are built only once it is open.
     *
     * @throws IllegalStateException before it is
     */
    public ConsoleBackend.Session session() {
        ConsoleBackend.Session s = session;
        if (s == null) {
            throw new IllegalStateException("The data folder is not open yet: build screens on their first visit");
        }
        return s;
    }

    /** Called by the window once its data folder is open. */
    public void opened(ConsoleBackend.Session opened) {
        session = opened;
    }

    /** Counts work of this feature that closing the window would stop (running rollouts): closing asks first. */
    public void countRunning(IntSupplier work) {
        running.add(work);
    }

    /** The work closing the window would stop now. */
    public int running() {
        return running.stream().mapToInt(IntSupplier::getAsInt).sum();
    }

    /**
     * Adds a tab of this feature's own to Settings, after the common ones. It is built each time Settings open
     * (once the data folder is open) and saves its own changes.
     */
    public void settingsTab(Supplier<Tab> tab) {
        settingsTabs.add(tab);
    }

    /** The tabs the features added to Settings. */
    public List<Supplier<Tab>> settingsTabs() {
        return List.copyOf(settingsTabs);
    }

    /**
     * What the site detail of the map and the table offers beyond itself (a ticket, the site's timeline): set by the
     * feature that offers it, read when those screens are built.
     */
    public SiteActions siteActions() {
        return siteActions;
    }

    public void siteActions(SiteActions actions) {
        siteActions = actions;
    }

    /** Starts a support ticket from an alert; null when no feature offers tickets. */
    public Consumer<Alert> ticketFromAlert() {
        return ticketFromAlert;
    }

    public void ticketFromAlert(Consumer<Alert> start) {
        ticketFromAlert = start;
    }

    /** Runs when the window is gone. */
    public void onClose(Runnable stop) {
        closing.add(stop);
    }

    /** Called by the window when it is gone. */
    public void closed() {
        closing.forEach(Runnable::run);
    }
}
