package io.camfleet.console.app;

import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.service.store.FleetStore;
import io.camfleet.console.cli.LaunchOptions;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.ui.common.IconFonts;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
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
        return run(new LoggedStartup());
    }

    /** Blocks until the window is closed. */
    int run(DesktopWindow.Events events) {
        Path folder = runtime.chooseFolder(options.dataDir());
        ExecutorService workers = Executors.newCachedThreadPool(daemon("camfleet-worker"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("camfleet-fleet"));
        // Everything slow that the first window does not need runs beside it: logging's set-up, the settings file
        // (Jackson's first use), and, once the window shows, the cache.
        // One after the other, on one thread: JavaFX's own start-up keeps the other core.
        CompletableFuture<SettingsStore> store = CompletableFuture.supplyAsync(() -> {
            LoggerFactory.getILoggerFactory();
            return SettingsFile.in(folder);
        }, workers);
        CompletableFuture<Settings> onDisk = store.thenApplyAsync(SettingsStore::read, workers);
        AtomicReference<CompletableFuture<ConsoleServices>> services = new AtomicReference<>();
        Function<SourceSettings, Function<FleetStore, FleetSource>> sources =
                settings -> runtime.source(settings, options.demoSites(), options.seed());
        Supplier<CompletableFuture<ConsoleServices>> openServices = () -> services.updateAndGet(
                started -> started != null ? started : CompletableFuture.supplyAsync(() -> runtime.openKeeping(
                        folder, sources.apply(onDisk.join().get(SourceSettings.SECTION))), workers));
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger();
        Platform.setImplicitExit(false);
        Platform.startup(IconFonts::preload);
        onDisk.thenAcceptBoth(store, (loaded, saved) -> Platform.runLater(() -> {
            DesktopWindow window = new DesktopWindow(new Stage(), runtime.messages(), folder, saved, loaded,
                    runtime.features(sources, runtime.environments()), workers, ticker, events, code -> {
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
        // Work under way (the cache write after a reload, a tick) finishes before the cache closes: interrupting H2
        // in its file I/O can leave the store unable to close, and the JVM with it.
        ticker.shutdown();
        workers.shutdown();
        awaitQuietly(ticker, SHUTDOWN_WAIT);
        awaitQuietly(workers, SHUTDOWN_WAIT);
        CompletableFuture<ConsoleServices> opened = services.get();
        if (opened != null) {
            opened.handle((s, e) -> s).thenAccept(s -> {
                if (s != null) {
                    s.close();
                }
            }).join();
        }
        ticker.shutdownNow();
        workers.shutdownNow();
        Platform.exit();
        return exit.get();
    }

    /** How long closing waits for background work to end by itself. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(15);

    private static void awaitQuietly(ExecutorService executor, Duration wait) {
        try {
            if (!executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                LoggerFactory.getLogger(DesktopConsole.class)
                        .warn("Background work still running after {} s; closing anyway", wait.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
