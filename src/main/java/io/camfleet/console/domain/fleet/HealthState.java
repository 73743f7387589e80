package io.camfleet.console.domain.fleet;

/**
 * The health of a camera system, derived by {@link HealthRules}, never typed in.
 *
 * <p>The declaration order is the order of concern, worst first: a site's health is the worst of its cameras'.
 */
public enum HealthState {
    /** No heartbeat for longer than the rules allow. */
    OFFLINE,
    /** Heartbeating, but late or with a metric out of bounds (disk, temperature, frames). */
    DEGRADED,
    /** Never heard from, or reported nothing we can judge. */
    UNKNOWN,
    /** Installing software; may miss heartbeats for a grace period. */
    UPDATING,
    /** Deliberately out of service. */
    MAINTENANCE,
    /** Heartbeating on time with healthy metrics. */
    ONLINE;

    private static final HealthState[] VALUES = values();

    /** All states, worst first; shared so hot loops do not copy the array. */
    public static HealthState[] all() {
        return VALUES.clone();
    }

    public static int count() {
        return VALUES.length;
    }

    public static HealthState ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    public boolean isWorseThan(HealthState other) {
        return ordinal() < other.ordinal();
    }

    public static HealthState worst(HealthState a, HealthState b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
