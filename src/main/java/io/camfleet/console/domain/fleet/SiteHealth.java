package io.camfleet.console.domain.fleet;

import java.util.Arrays;

/**
 * A site's health: how many of its cameras are in each state, and the site's state by the rule in force when it was
 * judged ({@link SiteStateRule}). The map, the table, the counts and the filters all read {@link #state()}: no
 * screen decides a site's state by itself. A site without cameras is UNKNOWN.
 */
public final class SiteHealth {

    private final int[] counts;
    private final int total;
    private final HealthState state;

    private SiteHealth(int[] counts, SiteStateRule rule) {
        this.counts = counts;
        int sum = 0;
        for (int c : counts) {
            sum += c;
        }
        this.total = sum;
        this.state = sum == 0 ? HealthState.UNKNOWN : rule.siteState(counts.clone());
    }

    public static SiteHealth of(Iterable<HealthState> states, SiteStateRule rule) {
        int[] counts = new int[HealthState.count()];
        for (HealthState s : states) {
            counts[s.ordinal()]++;
        }
        return new SiteHealth(counts, rule);
    }

    public static SiteHealth ofCounts(int[] countsByOrdinal, SiteStateRule rule) {
        if (countsByOrdinal.length != HealthState.count()) {
            throw new IllegalArgumentException("expected one count per health state");
        }
        return new SiteHealth(countsByOrdinal.clone(), rule);
    }

    /** The site's state by the rule it was judged by: OFFLINE only when that rule says it is down. */
    public HealthState state() {
        return state;
    }

    public int count(HealthState state) {
        return counts[state.ordinal()];
    }

    public int total() {
        return total;
    }

    public int online() {
        return counts[HealthState.ONLINE.ordinal()];
    }

    public int offline() {
        return counts[HealthState.OFFLINE.ordinal()];
    }

    /** Whether this health has exactly these per-state counts (indexed by ordinal). */
    public boolean hasCounts(int[] countsByOrdinal) {
        return Arrays.equals(counts, countsByOrdinal);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SiteHealth other && state == other.state && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + state.hashCode();
    }

    @Override
    public String toString() {
        return "SiteHealth[state=" + state + ", counts=" + Arrays.toString(counts) + "]";
    }
}
