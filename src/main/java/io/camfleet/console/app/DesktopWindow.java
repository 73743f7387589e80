package io.camfleet.console.app;

import io.camfleet.console.adapter.tiles.HttpTileSource;
import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.cli.TerminalText;
import io.camfleet.console.cli.VersionProvider;
import io.camfleet.console.service.environments.EnvironmentReader;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.settings.Preferences;
import io.camfleet.console.service.settings.PreferencesStore;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.RegistryRejected;
import io.camfleet.console.service.fleet.RowError;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.map.BasemapSource;
import io.camfleet.console.service.map.TileSettings;
import io.camfleet.console.service.map.TileSource;
import io.camfleet.console.ui.audit.AuditView;
import io.camfleet.console.ui.audit.AuditViewModel;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.common.ScreenView;
import io.camfleet.console.ui.deploy.DeploymentsView;
import io.camfleet.console.ui.deploy.DeploymentsViewModel;
import io.camfleet.console.ui.fleetmap.FleetMapView;
import io.camfleet.console.ui.fleetmap.FleetMapViewModel;
import io.camfleet.console.ui.fleettable.FleetTableView;
import io.camfleet.console.ui.fleettable.FleetTableViewModel;
import io.camfleet.console.ui.shell.Banner;
import io.camfleet.console.ui.shell.PlaceholderView;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ShellView;
import io.camfleet.console.ui.shell.ShellViewModel;
import io.camfleet.console.ui.common.sitedetail.SiteDetailView;
import io.camfleet.console.ui.common.sitedetail.SiteDetailViewModel;
import io.camfleet.console.service.store.FleetStore;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The main window, assembled: shell first (shown at once), then the screens once the cache is open, then the fleet
 * loaded in the background and kept live.
 */
final class DesktopWindow {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopWindow.class);

    /** Hooks for measuring start-up; the console itself needs none. */
    interface Events {
        Events NONE = new Events() {
        };

        default void windowShown(Stage stage) {
        }

        default void fleetShown(FleetSnapshot snapshot) {
        }
    }

    private final Stage stage;
    private final Messages m;
    private final Path folder;
    private final ScheduledExecutorService ticker;
    private final Events events;
    private final IntConsumer onClosed;
    private final BackgroundTasks tasks;
    private final FleetModel fleetModel;
    private final ShellViewModel shellVm;
    private final ShellView shell;
    private final ZoneId zone = ZoneId.systemDefault();
    private final BasemapSource basemaps;
    private final Executor workers;
    private final ObjectProperty<TileSource> tileSource = new SimpleObjectProperty<>();
    private final Function<SourceSettings, Function<FleetStore, FleetSource>> sources;
    private final DeploymentsViewModel.Runners runners;
    private final Function<Path, io.camfleet.console.domain.deploy.Release> releaseFiles;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private ConsoleServices services;
    /** The Deployments screen's model, once that screen was shown: it knows the rollouts this console runs. */
    private DeploymentsViewModel deployments;
    private FleetService fleet;
    private boolean loading;
    /** Set when the window is gone: late answers of background work change nothing any more. */
    private boolean closed;
    private HttpClient httpClient;
    private int exitCode = ExitCodes.OK;

    /** Banners about the fleet source replace each other. */
    private static final String SOURCE_TOPIC = "fleet-source";
    /** Bad rows of a rejected registry listed on the banner; `camfleet import` lists them all. */
    private static final int BANNER_ROWS = 12;
    /** How often a remote source (AWS) is synced again while the window is open. */
    static final Duration SYNC_EVERY = Duration.ofMinutes(5);
    private final DateTimeFormatter asOfFormat;

    /**
     * @param environments what Settings asks about AWS environments; only called off the FX thread
     * @param sources      builds the fleet source Settings name, over the cache; called off the FX thread
     * @param runners      what runs releases on cameras, per executor (demo, SSH)
     * @param releaseFiles reads a release file
     */
    DesktopWindow(Stage stage, Messages messages, Path folder, PreferencesStore preferences, Preferences loaded,
                  BasemapSource basemaps, EnvironmentReader environments,
                  Function<SourceSettings, Function<FleetStore, FleetSource>> sources,
                  DeploymentsViewModel.Runners runners, Function<Path, io.camfleet.console.domain.deploy.Release>
                          releaseFiles, Executor workers, ScheduledExecutorService ticker, Events events,
                  IntConsumer onClosed) {
        this.stage = stage;
        this.runners = runners;
        this.releaseFiles = releaseFiles;
        this.sources = sources;
        this.asOfFormat = DateTimeFormatter.ofPattern("d MMM HH:mm", messages.locale()).withZone(zone);
        this.m = messages;
        this.folder = folder;
        this.ticker = ticker;
        this.events = events;
        this.onClosed = onClosed;
        this.basemaps = basemaps;
        this.workers = workers;
        this.tasks = new BackgroundTasks(workers);
        this.fleetModel = new FleetModel(Platform::runLater, workers);
        this.shellVm = new ShellViewModel(preferences, loaded);
        this.shell = new ShellView(shellVm, fleetModel, tasks, messages, zone, aboutText(), environments);
        shellVm.tilesProperty().addListener((o, a, t) -> useTiles(t));
        useTiles(shellVm.tilesProperty().get());
    }

    /** Shows the window at once; {@code services} starts opening the cache, which happens once the window shows. */
    void show(Supplier<CompletableFuture<ConsoleServices>> services) {
        Preferences p = shellVm.preferences();
        Scene scene = new Scene(shell.root(), p.windowWidth(), p.windowHeight());
        shell.installShortcuts(scene);
        stage.setScene(scene);
        stage.setTitle(m.text("app.title"));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            // Decoded in the background: the taskbar can wait a moment for its icon, the window cannot.
            stage.getIcons().add(new Image(DesktopWindow.class.getResource(
                    "/io/camfleet/console/icons/camfleet-" + size + ".png").toExternalForm(), true));
        }
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        restoreBounds(p);
        stage.setOnCloseRequest(e -> {
            if (!mayClose()) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            closed = true;
            if (deployments != null) {
                deployments.close();
            }
            scheduled.forEach(f -> f.cancel(false));
            fleetModel.close();
            shellVm.remember(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
            onClosed.accept(exitCode);
        });
        stage.setOnShown(e -> {
            events.windowShown(stage);
            Platform.runLater(shell::installTooltips);
            services.get().whenComplete((s, err) -> Platform.runLater(() -> {
                if (err != null) {
                    fail(err instanceof CompletionException c && c.getCause() != null ? c.getCause() : err);
                } else {
                    attach(s);
                }
            }));
        });
        stage.show();
        stage.toFront();
    }

    /**
     * Closing while this console runs deployments stops them where they are: asks first. They show as interrupted
     * when the console opens again, and resume from their journal.
     */
    private boolean mayClose() {
        int running = deployments == null ? 0 : deployments.running();
        if (running == 0) {
            return true;
        }
        ButtonType close = new ButtonType(m.text("close.running.close"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, m.text("close.running", running), close, ButtonType.CANCEL);
        alert.setTitle(m.text("app.title"));
        alert.setHeaderText(m.text("close.running.title"));
        alert.initOwner(stage);
        return alert.showAndWait().filter(b -> b == close).isPresent();
    }

    private void restoreBounds(Preferences p) {
        if (!Double.isNaN(p.windowX()) && !Double.isNaN(p.windowY())
                && !javafx.stage.Screen.getScreensForRectangle(
                new Rectangle2D(p.windowX(), p.windowY(), p.windowWidth(), p.windowHeight())).isEmpty()) {
            stage.setX(p.windowX());
            stage.setY(p.windowY());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(p.maximized());
    }

    private void attach(ConsoleServices opened) {
        this.services = opened;
        opened.recoveredCache().ifPresent(aside -> shellVm.addBanner(new Banner(Banner.Kind.WARNING,
                m.text("banner.cacheRecovered.title"), m.text("banner.cacheRecovered", aside.getFileName(), folder))));
        fleetModel.visibleProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends FleetModel.Visible> o,
                                FleetModel.Visible was, FleetModel.Visible now) {
                if (now.snapshot().live()) {
                    fleetModel.visibleProperty().removeListener(this);
                    events.fleetShown(now.snapshot());
                }
            }
        });
        shell.installScreens(screen -> build(screen, opened));
        shellVm.sourceProperty().addListener((o, was, now) -> switchSource(now));
        useFleet(opened.fleet());
    }

    /** Moves to another fleet source chosen in Settings, built off the FX thread (AWS clients take a moment). */
    private void switchSource(SourceSettings settings) {
        ConsoleServices opened = services;
        tasks.job(m.text("task.switchSource"), progress -> opened.switchSource(sources.apply(settings)))
                .onSuccess(this::useFleet)
                .onFailure(e -> shellVm.addBanner(new Banner(Banner.Kind.DANGER, m.text("banner.sourceFailed.title"),
                        e instanceof Problem p ? m.text(p) : String.valueOf(e.getMessage()), SOURCE_TOPIC, "", null)))
                .start();
    }

    /** Shows {@code next}'s fleet from now on: the old one stops ticking and syncing, the new one loads. */
    private void useFleet(FleetService next) {
        if (closed) {
            return;
        }
        if (fleet != null) {
            fleet.removeListener(fleetModel);
        }
        for (ScheduledFuture<?> f : scheduled) {
            f.cancel(false);
        }
        scheduled.clear();
        shellVm.clearBanner(SOURCE_TOPIC);
        fleet = next;
        fleet.addListener(fleetModel);
        load(true);
        long every = fleet.pollInterval().toMillis();
        if (every > 0) {
            FleetService ticking = fleet;
            scheduled.add(ticker.scheduleWithFixedDelay(() -> tick(ticking), every, every, TimeUnit.MILLISECONDS));
        }
        if (!fleet.isLocal()) {
            long sync = SYNC_EVERY.toMillis();
            scheduled.add(ticker.scheduleWithFixedDelay(() -> Platform.runLater(() -> load(false)), sync, sync,
                    TimeUnit.MILLISECONDS));
        }
    }

    /**
     * Loads the fleet from its source in the background: at start (the cache first, for a remote source), or again
     * (a periodic sync, Retry). One at a time; its progress and Cancel are in the status bar.
     */
    private void load(boolean start) {
        FleetService f = fleet;
        if (loading || closed) {
            return;
        }
        loading = true;
        tasks.job(m.text(start ? "task.loadFleet" : "task.syncFleet", f.sourceName()),
                        progress -> start ? f.start(progress) : f.reload(progress))
                .onSuccess(snapshot -> {
                    loading = false;
                    if (f == fleet) {
                        loaded(f);
                    }
                })
                .onFailure(e -> {
                    loading = false;
                    if (f == fleet) {
                        failed(f, e);
                    }
                })
                .onCancelled(() -> loading = false)
                .start();
    }

    /** A load went through: a warning if part of the source could not be read, else no banner. */
    private void loaded(FleetService f) {
        List<Problem> problems = f.sourceProblems();
        if (problems.isEmpty()) {
            shellVm.clearBanner(SOURCE_TOPIC);
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Problem p : problems) {
            text.append(text.isEmpty() ? "" : "\n").append(m.text(p));
        }
        shellVm.addBanner(new Banner(Banner.Kind.WARNING, m.text("banner.sourcePartly.title"), text.toString(),
                SOURCE_TOPIC, m.text("banner.retry"), () -> load(false)));
    }

    /** A load failed: the window goes on with what the cache holds, and says as of when, and why. */
    private void failed(FleetService f, Throwable e) {
        String reason = e instanceof Problem p ? m.text(p) : m.text("banner.loadFailed", String.valueOf(e.getMessage()));
        if (e instanceof RegistryRejected rejected) {
            // Every bad row, as the CLI lists them: a registry is fixed row by row.
            StringBuilder rows = new StringBuilder(reason);
            List<RowError> errors = rejected.errors();
            errors.stream().limit(BANNER_ROWS).forEach(row -> rows.append("\n").append(row.text(m)));
            if (errors.size() > BANNER_ROWS) {
                rows.append("\n").append(m.text("banner.moreRows", errors.size() - BANNER_ROWS));
            }
            reason = rows.toString();
        }
        java.time.Instant asOf = f.current().asOf();
        String text = asOf == null ? m.text("banner.sourceFailed.never", reason)
                : m.text("banner.sourceFailed.asOf", asOfFormat.format(asOf), reason);
        shellVm.addBanner(new Banner(Banner.Kind.DANGER, m.text("banner.sourceFailed.title"), text, SOURCE_TOPIC,
                f.isLocal() ? "" : m.text("banner.retry"), () -> load(false)));
    }

    /** The map's online layer as set: built here, the composition root, and handed to the map by a property. */
    private void useTiles(TileSettings settings) {
        if (!settings.enabled() || !settings.hasValidTemplate()) {
            tileSource.set(null);
            return;
        }
        if (httpClient == null) {
            httpClient = HttpClient.newBuilder().connectTimeout(settings.timeout()).executor(workers)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        tileSource.set(new HttpTileSource(settings, folder.resolve("tiles"), httpClient, workers));
    }

    private void tick(FleetService fleet) {
        try {
            fleet.tick();
        } catch (RuntimeException e) {
            LOG.warn("Live update failed; will try again", e);
        }
    }

    private ScreenView build(Screen screen, ConsoleServices services) {
        return switch (screen) {
            case FLEET_TABLE -> new FleetTableView(new FleetTableViewModel(fleetModel),
                    new SiteDetailView(new SiteDetailViewModel(fleetModel), m), m);
            case AUDIT -> new AuditView(new AuditViewModel(services.audit(), tasks, m, Platform::runLater), m, zone);
            case DEPLOYMENTS -> {
                deployments = new DeploymentsViewModel(services.deployments(), services.rollouts(), runners,
                        releaseFiles, fleetModel, tasks, Platform::runLater, workers, m);
                yield new DeploymentsView(deployments, basemaps, workers, shellVm.darkThemeProperty(), zone);
            }
            case FLEET_MAP -> new FleetMapView(new FleetMapViewModel(fleetModel, basemaps, workers, Platform::runLater),
                    new SiteDetailView(new SiteDetailViewModel(fleetModel), m), m, shellVm.darkThemeProperty(),
                    tileSource, workers);
            default -> new PlaceholderView(screen, m);
        };
    }

    private void fail(Throwable error) {
        String text = error instanceof Problem p ? m.text(p) : m.text("startup.failed", error.getMessage());
        LOG.error("Start-up failed: {}", text, error);
        System.err.println("camfleet: " + TerminalText.escape(text));
        exitCode = ExitCodes.UNAVAILABLE;
        shell.showFatal(m.text("startup.failed.title"), text);
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.CLOSE);
        alert.setTitle(m.text("app.title"));
        alert.setHeaderText(m.text("startup.failed.title"));
        alert.initOwner(stage);
        alert.showAndWait();
        stage.close();
    }

    private String aboutText() {
        return m.text("about.text", VersionProvider.version(), folder, System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", "?"));
    }
}
