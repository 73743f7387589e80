package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.fleet.HealthState;

import java.util.Objects;

/**
 * When a site counts as down, as Zabbix's service status rules put it: the one rule that the map, the table and every
 * availability figure use, shown beside each of them.
 *
 * <p>Cameras that count against a site are OFFLINE ones, and DEGRADED ones when {@code degradedCounts}. They are
 * weighed against the cameras expected to work: all of the site's cameras but those in MAINTENANCE and those never
 * heard from (UNKNOWN).
 * <ul>
 *   <li>{@link Kind#DARK} (the default): down when every expected camera counts against it;</li>
 *   <li>{@link Kind#AT_LEAST}: down when at least {@code threshold} cameras count against it;</li>
 *   <li>{@link Kind#AT_LEAST_PERCENT}: down when at least {@code threshold} % of the expected cameras do.</li>
 * </ul>
 * A site that is not down but has cameras OFFLINE or DEGRADED is DEGRADED: its cameras' downtime is camera downtime,
 * not site downtime.
 */
public record SiteDownRule(Kind kind, int threshold, boolean degradedCounts) {

    public enum Kind { DARK, AT_LEAST, AT_LEAST_PERCENT }

    /** Down when dark: all of its cameras OFFLINE. */
    public static final SiteDownRule DEFAULT = new SiteDownRule(Kind.DARK, 0, false);

    public SiteDownRule {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case DARK -> threshold = 0;
            case AT_LEAST -> {
                if (threshold < 1) {
                    throw new IllegalArgumentException("A site is down from at least 1 camera, not " + threshold + ".");
                }
            }
            case AT_LEAST_PERCENT -> {
                if (threshold < 1 || threshold > 100) {
                    throw new IllegalArgumentException("A share of cameras is from 1 to 100 %, not " + threshold + ".");
                }
            }
        }
    }

    /**
     * Whether a site with these cameras is down.
     *
     * @param offline  cameras OFFLINE
     * @param degraded cameras DEGRADED
     * @param expected cameras expected to work (all but MAINTENANCE and UNKNOWN)
     */
    public boolean isDown(int offline, int degraded, int expected) {
        int against = offline + (degradedCounts ? degraded : 0);
        if (expected <= 0 || against <= 0) {
            return false;
        }
        return switch (kind) {
            case DARK -> against >= expected;
            case AT_LEAST -> against >= threshold;
            case AT_LEAST_PERCENT -> against * 100L >= (long) threshold * expected;
        };
    }

    /** Whether a camera in {@code state} counts against its site (and is down itself). */
    public boolean countsAgainst(HealthState state) {
        return state == HealthState.OFFLINE || (degradedCounts && state == HealthState.DEGRADED);
    }

    /**
     * A site's state from its cameras' states, counted by ordinal: OFFLINE when the rule says down, DEGRADED when some
     * cameras are OFFLINE or DEGRADED but the site is not down, otherwise the worst of the rest (UNKNOWN, UPDATING,
     * MAINTENANCE, ONLINE). UNKNOWN for a site without cameras.
     */
    public HealthState siteState(int[] countsByOrdinal) {
        int offline = countsByOrdinal[HealthState.OFFLINE.ordinal()];
        int degraded = countsByOrdinal[HealthState.DEGRADED.ordinal()];
        int total = 0;
        for (int c : countsByOrdinal) {
            total += c;
        }
        int expected = total - countsByOrdinal[HealthState.MAINTENANCE.ordinal()]
                - countsByOrdinal[HealthState.UNKNOWN.ordinal()];
        if (isDown(offline, degraded, expected)) {
            return HealthState.OFFLINE;
        }
        if (offline > 0 || degraded > 0) {
            return HealthState.DEGRADED;
        }
        for (int i = HealthState.DEGRADED.ordinal() + 1; i < countsByOrdinal.length; i++) {
            if (countsByOrdinal[i] > 0) {
                return HealthState.ofOrdinal(i);
            }
        }
        return HealthState.UNKNOWN;
    }

    /** The message key that states this rule to the user ({@code rule.dark}, ...), with {@link #threshold()} as {0}. */
    public String messageKey() {
        String base = switch (kind) {
            case DARK -> "availability.rule.dark";
            case AT_LEAST -> "availability.rule.atLeast";
            case AT_LEAST_PERCENT -> "availability.rule.atLeastPercent";
        };
        return degradedCounts ? base + ".withDegraded" : base;
    }
}
