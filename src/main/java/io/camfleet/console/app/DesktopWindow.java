package io.camfleet.console.app;

import io.camfleet.console.app.features.Feature;
import io.camfleet.console.app.features.FleetLoads;
import io.camfleet.console.app.features.WindowContext;
import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.cli.TerminalText;
import io.camfleet.console.cli.VersionProvider;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.FleetWatch;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.shell.Banner;
import io.camfleet.console.ui.shell.ScreenRegistry;
import io.camfleet.console.ui.shell.ShellView;
import io.camfleet.console.ui.shell.ShellViewModel;
import io.camfleet.console.ui.shell.WindowSettings;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The main window, assembled: the shell first (shown at once) with the screens the features registered, then, once
 * the data folder is open, the features' parts of it. The fleet is loaded and kept live by its {@link FleetWatch};
 * the window only shows what that publishes.
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
    private final Events events;
    private final IntConsumer onClosed;
    private final List<Feature> features;
    private final FleetModel fleetModel;
    private final FleetWatch watch;
    private final ShellViewModel shellVm;
    private final ShellView shell;
    private final WindowContext context;
    private int exitCode = ExitCodes.OK;

    /**
     * @param features the console's capabilities: their screens make the navigation, in this order
     * @param ticker   runs the fleet's live ticks and periodic syncs
     * @throws IllegalStateException when the features register no screen, or not the screen they name as home
     */
    DesktopWindow(Stage stage, Messages messages, Path folder, SettingsStore settings, Settings loaded,
                  List<Feature> features, Executor workers, ScheduledExecutorService ticker, Events events,
                  IntConsumer onClosed) {
        this.stage = stage;
        this.m = messages;
        this.folder = folder;
        this.events = events;
        this.onClosed = onClosed;
        this.features = features;
        ZoneId zone = ZoneId.systemDefault();
        BackgroundTasks tasks = new BackgroundTasks(workers);
        this.fleetModel = new FleetModel(Platform::runLater, workers);
        this.watch = new FleetWatch(new FleetLoads(tasks, messages), ticker);
        watch.subscribe(fleetModel);
        // Once the first load is stored (it has an "as of"), the heap it needed is given back.
        java.util.concurrent.atomic.AtomicBoolean trimmed = new java.util.concurrent.atomic.AtomicBoolean();
        watch.subscribe(snapshot -> {
            if (snapshot.live() && snapshot.asOf() != null && trimmed.compareAndSet(false, true)) {
                HeapTrim.afterFirstLoad(workers);
            }
        });
        this.shellVm = new ShellViewModel(settings, loaded);
        this.context = new WindowContext(messages, zone, folder, fleetModel, watch, tasks, workers, shellVm);
        ScreenRegistry.Builder screens = ScreenRegistry.builder();
        features.forEach(f -> f.window(context, screens));
        ScreenRegistry registered = screens.build();
        shellVm.useScreens(registered);
        this.shell = new ShellView(shellVm, registered, fleetModel, tasks, messages, zone, aboutText());
        if (!loaded.problems().isEmpty()) {
            shellVm.addBanner(new Banner(Banner.Kind.WARNING, m.text("banner.settingsUnreadable.title"),
                    m.text("banner.settingsUnreadable", String.join(" ", loaded.problems().stream().map(m::text)
                            .toList()), "settings.json"), ShellViewModel.SETTINGS_TOPIC, "", null));
        }
    }

    /** Shows the window at once; {@code services} starts opening the cache, which happens once the window shows. */
    void show(Supplier<CompletableFuture<ConsoleServices>> services) {
        WindowSettings p = shellVm.window();
        Scene scene = new Scene(shell.root(), p.width(), p.height());
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
            watch.close();
            context.closed();
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
        int running = context.running();
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

    private void restoreBounds(WindowSettings p) {
        if (!Double.isNaN(p.x()) && !Double.isNaN(p.y())
                && !javafx.stage.Screen.getScreensForRectangle(
                new Rectangle2D(p.x(), p.y(), p.width(), p.height())).isEmpty()) {
            stage.setX(p.x());
            stage.setY(p.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(p.maximized());
    }

    private void attach(ConsoleServices opened) {
        if (!stage.isShowing()) {
            return; // closed while the folder opened
        }
        context.opened(opened);
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
        shell.openScreens();
        features.forEach(f -> f.opened(context, opened));
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
