package io.camfleet.console.adapter.google;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying a rate-limited or unavailable call again: exponential from {@code first}, capped at
 * {@code cap}, with full jitter (a random wait between half the step and the step, so that consoles throttled
 * together do not come back together), for at most {@code tries} attempts and {@code maxWait} of waiting in all.
 *
 * @param tries   attempts in all, the first included
 * @param maxWait the longest the waits of one call may add up to; past it the call gives up
 */
record BackOff(Duration first, Duration cap, int tries, Duration maxWait, RandomGenerator random) {

    /**
     * 1 s, 2 s, 4 s... up to 32 s, six tries, two minutes at most: the Directory API's quotas are per minute, so a
     * throttled listing is worth waiting for, but not for ever.
     */
    static BackOff standard() {
        return new BackOff(Duration.ofSeconds(1), Duration.ofSeconds(32), 6, Duration.ofMinutes(2),
                RandomGenerator.getDefault());
    }

    BackOff {
        if (tries < 1 || first.isNegative() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("A back-off needs a try and a cap above its first wait");
        }
    }

    /**
     * The wait before retry number {@code retry} (0 for the first retry). A Retry-After the server gave is obeyed
     * when it is longer, within the cap.
     */
    Duration delay(int retry, Duration retryAfter) {
        long step = Math.min(cap.toMillis(), first.toMillis() << Math.min(retry, 30));
        long jittered = step / 2 + (step <= 1 ? 0 : random.nextLong(step / 2 + 1));
        long asked = retryAfter == null ? 0 : Math.min(cap.toMillis(), retryAfter.toMillis());
        return Duration.ofMillis(Math.max(jittered, asked));
    }
}
