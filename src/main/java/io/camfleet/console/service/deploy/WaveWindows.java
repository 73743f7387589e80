package io.camfleet.console.service.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * When the maintenance windows of a wave's cameras are all open at once: a wave sent as one command touches them
 * together, so it waits for that instant.
 */
final class WaveWindows {

    /** Windows are weekly: a week and a day finds any instant they share. */
    static final Duration HORIZON = Duration.ofDays(8);

    private WaveWindows() {
    }

    /**
     * The first instant at or after {@code after} at which every window is open, within {@code within}; empty when
     * they share none. Exact: while some window is closed no instant before its next opening can do, so the search
     * jumps to the latest of those openings and looks again.
     */
    static Optional<Instant> firstCommonOpening(Collection<Rollout.Placement> placements, Instant after,
                                                Duration within) {
        Instant until = after.plus(within);
        Instant at = after;
        while (!at.isAfter(until)) {
            Instant latest = at;
            for (Rollout.Placement p : placements) {
                Instant opens = p.window().nextOpening(at, p.zone());
                if (opens.isAfter(latest)) {
                    latest = opens;
                }
            }
            if (latest.equals(at)) {
                return Optional.of(at);
            }
            at = latest;
        }
        return Optional.empty();
    }
}
