package io.camfleet.console.domain.support;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How soon a ticket of each severity must be answered (response) and fixed (resolution), in working-clock time: the
 * clock stands still while waiting on the customer (see {@link SlaClock}).
 */
public record SlaTargets(Map<Severity, Duration> response, Map<Severity, Duration> resolution) {

    /** From one minute up to 90 days. */
    public static final Duration LEAST = Duration.ofMinutes(1);
    public static final Duration MOST = Duration.ofDays(90);

    public static final SlaTargets DEFAULT = new SlaTargets(
            Map.of(Severity.P1, Duration.ofMinutes(15), Severity.P2, Duration.ofHours(1),
                    Severity.P3, Duration.ofHours(4), Severity.P4, Duration.ofDays(1)),
            Map.of(Severity.P1, Duration.ofHours(4), Severity.P2, Duration.ofHours(8),
                    Severity.P3, Duration.ofDays(3), Severity.P4, Duration.ofDays(10)));

    public SlaTargets {
        response = new EnumMap<>(response);
        resolution = new EnumMap<>(resolution);
        for (Severity s : Severity.values()) {
            Duration r = within("response", s, response.get(s));
            Duration f = within("resolution", s, resolution.get(s));
            if (r.compareTo(f) > 0) {
                throw new IllegalArgumentException("The SLA response target of " + s + " (" + r.toMinutes()
                        + " min) must not be longer than its resolution target (" + f.toMinutes() + " min).");
            }
        }
        response = Map.copyOf(response);
        resolution = Map.copyOf(resolution);
    }

    private static Duration within(String what, Severity s, Duration d) {
        if (d == null || d.compareTo(LEAST) < 0 || d.compareTo(MOST) > 0) {
            throw new IllegalArgumentException("The SLA " + what + " target of " + s + " must be from 1 to "
                    + MOST.toMinutes() + " minutes, not " + (d == null ? "missing" : d.toMinutes()) + ".");
        }
        return d;
    }

    public Duration response(Severity s) {
        return response.get(s);
    }

    public Duration resolution(Severity s) {
        return resolution.get(s);
    }
}
