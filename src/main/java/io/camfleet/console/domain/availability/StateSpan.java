package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.fleet.HealthState;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time a camera spent in one state other than ONLINE, from {@code from} (inclusive) to {@code to}
 * (exclusive); {@code to} is {@code null} while the stretch is still open.
 */
public record StateSpan(HealthState state, Instant from, Instant to) {

    public StateSpan {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("A " + state + " stretch ends before it starts: " + from + " to " + to
                    + ".");
        }
    }

    /** Whether the stretch is still going on. */
    public boolean isOpen() {
        return to == null;
    }
}
