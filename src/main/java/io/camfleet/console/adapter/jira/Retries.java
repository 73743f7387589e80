package io.camfleet.console.adapter.jira;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how long a call to Jira is tried again.
 *
 * @param tries         attempts in all for a server error, a lost connection or a timeout, the first included
 * @param first         the wait before the first retry after such a failure; doubled each time, with jitter
 * @param throttleTries attempts in all while Jira answers 429
 * @param maxRetryAfter the longest Retry-After obeyed; a longer one gives up at once, saying how long Jira asked
 */
record Retries(int tries, Duration first, int throttleTries, Duration maxRetryAfter, RandomGenerator random) {

    /** Three tries from 1 s; four under throttling, waiting at most 30 s each: a person is waiting on the push. */
    static Retries standard() {
        return new Retries(3, Duration.ofSeconds(1), 4, Duration.ofSeconds(30), RandomGenerator.getDefault());
    }

    Retries {
        if (tries < 1 || throttleTries < 1 || first.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("Retries need at least one try and waits that are not negative");
        }
    }

    /**
     * The wait before retry number {@code retry} (0 for the first) after a failure: {@code first * 2^retry}, with
     * full jitter between half of it and all of it, so that consoles failed together do not come back together.
     */
    Duration afterFailure(int retry) {
        long step = first.toMillis() << Math.min(retry, 20);
        return Duration.ofMillis(step / 2 + (step <= 1 ? 0 : random.nextLong(step / 2 + 1)));
    }
}
