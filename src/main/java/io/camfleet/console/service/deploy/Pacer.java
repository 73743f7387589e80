package io.camfleet.console.service.deploy;

import java.time.Duration;

/** How a rollout waits (between waves, for a maintenance window): real sleeps, or a test's own clock. */
public interface Pacer {

    Pacer REAL = wait -> Thread.sleep(wait);

    /** Waits up to {@code wait}; a rollout checks its state again after each wait. */
    void pause(Duration wait) throws InterruptedException;
}
