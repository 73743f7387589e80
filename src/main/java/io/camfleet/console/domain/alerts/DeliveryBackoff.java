package io.camfleet.console.domain.alerts;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a delivery that failed is tried again: exponential back-off with full jitter (AWS Architecture Blog, "Exponential
 * Backoff And Jitter"), never sooner than the receiver's Retry-After, and never again after {@code maxAttempts}
 * attempts or once the notice is older than {@code maxAge}: a page that arrives an hour late helps nobody, and a
 * delivery given up on is shown instead.
 *
 * @param first  the ceiling of the first wait; each failed attempt doubles it
 * @param cap    the ceiling no wait goes beyond (a Retry-After may ask for longer, up to {@code maxAge})
 */
public record DeliveryBackoff(int maxAttempts, Duration maxAge, Duration first, Duration cap) {

    public static final DeliveryBackoff DEFAULT =
            new DeliveryBackoff(8, Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofMinutes(5));

    public DeliveryBackoff {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
        if (maxAttempts < 1 || first.isNegative() || first.isZero() || cap.compareTo(first) < 0
                || maxAge.isNegative()) {
            throw new IllegalArgumentException("A back-off needs at least one attempt, a first wait above zero and a"
                    + " cap no shorter than it");
        }
    }

    /**
     * The wait before the next attempt, or empty when there is none: the attempts are used up, or the next one would
     * come after {@code maxAge}.
     *
     * @param attemptsMade attempts made so far, the one that just failed included (1 after the first)
     * @param age          how old the notice is now
     * @param retryAfter   what the receiver asked for (HTTP 429 Retry-After), or null
     * @param random       a number in [0, 1): where in the window the jittered wait falls
     */
    public Optional<Duration> next(int attemptsMade, Duration age, Duration retryAfter, double random) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = jittered(attemptsMade, random);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        if (age.plus(wait).compareTo(maxAge) > 0) {
            return Optional.empty();
        }
        return Optional.of(wait);
    }

    /** Full jitter: uniform in [0, min(cap, first * 2^(attempts - 1))], at least a millisecond. */
    Duration jittered(int attemptsMade, double random) {
        long ceiling = first.toMillis();
        for (int i = 1; i < attemptsMade && ceiling < cap.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, cap.toMillis());
        return Duration.ofMillis(Math.max(1, (long) (ceiling * random)));
    }
}
