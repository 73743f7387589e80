package io.camfleet.console.app;

import io.camfleet.console.adapter.files.JsonPreferencesStore;
import io.camfleet.console.cli.LaunchOptions;
import io.camfleet.console.service.PreferencesStore;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the window: starts opening the cache in the background while JavaFX starts, shows the window as soon as it
 * can, and when the window closes shuts everything down in order and returns the exit code.
 */
final class DesktopConsole {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopConsole.class);

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
        CompletableFuture<ConsoleServices> services = CompletableFuture.supplyAsync(() -> runtime.openServices(
                folder, runtime.demoFleet(options.demoSites(), options.seed())), workers);
        PreferencesStore preferences = new JsonPreferencesStore(folder.resolve("settings.json"));
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger();
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            DesktopWindow window = new DesktopWindow(new Stage(), runtime.messages(), folder, preferences,
                    workers, ticker, events, code -> {
                exit.set(code);
                closed.countDown();
            });
            window.show(services);
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ticker.shutdownNow();
        services.handle((s, e) -> s).thenAccept(s -> {
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
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("Uncaught in {}", th.getName(), e));
            return t;
        };
    }
}
