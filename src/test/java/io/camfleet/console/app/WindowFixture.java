package io.camfleet.console.app;

import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.ui.shell.WindowSettings;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.service.store.FleetStore;
import io.camfleet.console.service.environments.EnvironmentReader;
import io.camfleet.console.service.environments.FakeEnvironmentReader;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.environments.SourceSettings;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** The real main window on a small demo fleet in a temporary data folder, for TestFX tests. */
final class WindowFixture {

    private final ExecutorService workers = Executors.newCachedThreadPool(DesktopConsole.daemon("test-worker"));
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(DesktopConsole.daemon("test-fleet"));
    private ConsoleServices services;
    private Stage stage;

    /** Settings with the window at the top left and this size, the rest at their defaults. */
    static Settings sized(double width, double height) {
        return Settings.DEFAULTS.with(WindowSettings.SECTION,
                WindowSettings.DEFAULT.withBounds(0, 0, width, height, false));
    }

    void open(Stage stage, Path data, int sites) {
        open(stage, data, sites, Settings.DEFAULTS);
    }

    /** Opens with these preferences saved first (window size, theme, first screen). */
    void open(Stage stage, Path data, int sites, Settings preferences) {
        open(stage, data, sites, preferences, new FakeEnvironmentReader(List.of()));
    }

    /** Opens with Settings asking {@code environments} about AWS. */
    void open(Stage stage, Path data, int sites, Settings preferences, EnvironmentReader environments) {
        open(stage, data, runtime -> runtime.demoFleet(sites, 42), preferences, environments);
    }

    /** Opens on the fleet of {@code source} instead of the demo. */
    void open(Stage stage, Path data, Function<ConsoleRuntime, FleetSource> source, Settings preferences,
              EnvironmentReader environments) {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), Map.of(), data.toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        // A source chosen in Settings stays the demo here: these tests must never reach out to a real AWS.
        open(stage, data, runtime, cache -> source.apply(runtime), preferences, environments,
                settings -> cache -> runtime.demoFleet(200, 42));
    }

    /**
     * Opens through {@code runtime} (its environment and AWS clients), on the source {@code initial} builds; a
     * source chosen later in Settings is what {@code sources} builds for it.
     */
    void open(Stage stage, Path data, ConsoleRuntime runtime, Function<FleetStore, FleetSource> initial,
              Settings preferences, EnvironmentReader environments,
              Function<SourceSettings, Function<FleetStore, FleetSource>> sources) {
        this.stage = stage;
        services = runtime.openServices(data, initial);
        SettingsStore store = SettingsFile.in(data);
        DesktopWindow window = new DesktopWindow(stage, new Messages(Locale.ENGLISH), data, store, preferences,
                runtime.features(sources, environments), workers, ticker, DesktopWindow.Events.NONE, code -> { });
        window.show(() -> CompletableFuture.completedFuture(services));
        stage.requestFocus();
    }

    /** The open data folder behind the window. */
    ConsoleServices services() {
        return services;
    }

    /** Closes as the console does: the window first (it stops taking fleet updates), then the workers, the cache. */
    void close() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
        }
        ticker.shutdownNow();
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        if (services != null) {
            services.close();
        }
    }

    /**
     * Waits up to 30 s. On a time-out the failure says what the FX thread was doing and which windows were open, so
     * that a failure seen only on CI can be understood from its log.
     */
    static void waitFor(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            StringBuilder state = new StringBuilder("condition not met in 30 s");
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                state.append("\n  window ").append(w.getClass().getSimpleName()).append(" showing=")
                        .append(w.isShowing()).append(" root=").append(w.getScene() == null ? null
                                : w.getScene().getRoot().getStyleClass());
            }
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                if (thread.getName().equals("JavaFX Application Thread")) {
                    state.append("\n  FX thread ").append(thread.getState());
                    for (StackTraceElement frame : stack) {
                        state.append("\n    at ").append(frame);
                    }
                }
            });
            throw new AssertionError(state.toString(), e);
        }
    }
}
