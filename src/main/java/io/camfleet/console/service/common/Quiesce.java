package io.camfleet.console.service.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops background work without interrupting it: work that is under way finishes, nothing new starts. An interrupt
 * that lands in H2's file I/O closes the store's file channel under it, and the cache can then neither be written
 * nor closed (the JVM's exit waits on it), so the cache's users are stopped this way before the cache closes.
 */
public final class Quiesce {

    private static final Logger LOG = LoggerFactory.getLogger(Quiesce.class);

    private Quiesce() {
    }

    /**
     * Lets {@code executor} finish what it runs and waits up to {@code wait} for it; interrupts it only after that.
     *
     * @return whether it ended by itself within the wait
     */
    public static boolean stop(ExecutorService executor, Duration wait, String what) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            LOG.warn("{} still running after {} s; interrupting it", what, wait.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        return false;
    }
}
