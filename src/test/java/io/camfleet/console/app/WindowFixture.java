package io.camfleet.console.app;

import io.camfleet.console.adapter.files.JsonPreferencesStore;
import io.camfleet.console.service.Messages;
import io.camfleet.console.service.Operator;
import io.camfleet.console.service.Preferences;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The real main window on a small demo fleet in a temporary data folder, for TestFX tests. */
final class WindowFixture {

    private final ExecutorService workers = Executors.newCachedThreadPool(DesktopConsole.daemon("test-worker"));
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(DesktopConsole.daemon("test-fleet"));
    private ConsoleServices services;

    void open(Stage stage, Path data, int sites) {
        open(stage, data, sites, Preferences.DEFAULT);
    }

    /** Opens with these preferences saved first (window size, theme, first screen). */
    void open(Stage stage, Path data, int sites, Preferences preferences) {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), Map.of(), data.toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        services = runtime.openServices(data, runtime.demoFleet(sites, 42));
        JsonPreferencesStore store = new JsonPreferencesStore(data.resolve("settings.json"));
        DesktopWindow window = new DesktopWindow(stage, new Messages(Locale.ENGLISH), data, store, preferences,
                runtime.basemaps(), workers, ticker, DesktopWindow.Events.NONE, code -> { });
        window.show(() -> CompletableFuture.completedFuture(services));
        stage.requestFocus();
    }

    void close() throws InterruptedException {
        ticker.shutdownNow();
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        if (services != null) {
            services.close();
        }
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
