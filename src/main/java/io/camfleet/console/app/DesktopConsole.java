package io.camfleet.console.app;

import io.camfleet.console.adapter.files.JsonPreferencesStore;
import io.camfleet.console.cli.LaunchOptions;
import io.camfleet.console.service.Preferences;
import io.camfleet.console.service.PreferencesStore;
import io.camfleet.console.ui.common.IconFonts;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs the window: starts opening the cache in the background while JavaFX starts, shows the window as soon as it
 * can, and when the window closes shuts everything down in order and returns the exit code.
 */
final class DesktopConsole {

    private final ConsoleRuntime runtime;
    private final LaunchOptions options;

    DesktopConsole(ConsoleRuntime runtime, LaunchOptions options) {
        this.runtime = runtime;
        this.options = options;
    }

    int run() {
        return run(DesktopWindow.Events.NONE);
    }

    /** Blocks until the window is closed. */
    int run(DesktopWindow.Events events) {
        Path folder = runtime.chooseFolder(options.dataDir());
        ExecutorService workers = Executors.newCachedThreadPool(daemon("camfleet-worker"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("camfleet-fleet"));
        // Everything slow that the first window does not need runs beside it: logging's set-up, the settings file
        // (Jackson's first use), and, once the window shows, the cache.
        // One after the other, on one thread: JavaFX's own start-up keeps the other core.
        CompletableFuture<PreferencesStore> store = CompletableFuture.supplyAsync(() -> {
            LoggerFactory.getILoggerFactory();
            return new JsonPreferencesStore(folder.resolve("settings.json"));
        }, workers);
        CompletableFuture<Preferences> preferences = store.thenApplyAsync(PreferencesStore::load, workers);
        AtomicReference<CompletableFuture<ConsoleServices>> services = new AtomicReference<>();
        Supplier<CompletableFuture<ConsoleServices>> openServices = () -> services.updateAndGet(
                started -> started != null ? started : CompletableFuture.supplyAsync(() -> runtime.openServices(
                        folder, runtime.demoFleet(options.demoSites(), options.seed())), workers));
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger();
        Platform.setImplicitExit(false);
        Platform.startup(IconFonts::preload);
        preferences.thenAcceptBoth(store, (loaded, saved) -> Platform.runLater(() -> {
            DesktopWindow window = new DesktopWindow(new Stage(), runtime.messages(), folder, saved, loaded,
                    runtime.basemaps(), workers, ticker, events, code -> {
                exit.set(code);
                closed.countDown();
            });
            window.show(openServices);
        }));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ticker.shutdownNow();
        CompletableFuture<ConsoleServices> opened = openServices.get();
        opened.handle((s, e) -> s).thenAccept(s -> {
            if (s != null) {
                s.close();
            }
        }).join();
        workers.shutdownNow();
        Platform.exit();
        return exit.get();
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) ->
                    LoggerFactory.getLogger(DesktopConsole.class).error("Uncaught in {}", th.getName(), e));
            return t;
        };
    }
}
