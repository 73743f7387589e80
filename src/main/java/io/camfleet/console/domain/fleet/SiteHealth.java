package io.camfleet.console.domain.fleet;

import java.util.Arrays;

/**
 * A site's health: the worst state among its cameras and how many cameras are in each state.
 * A site without cameras is UNKNOWN.
 */
public final class SiteHealth {

    private final int[] counts;
    private final int total;
    private final HealthState worst;

    private SiteHealth(int[] counts) {
        this.counts = counts;
        int sum = 0;
        HealthState w = null;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i];
            if (w == null && counts[i] > 0) {
                w = HealthState.ofOrdinal(i);
            }
        }
        this.total = sum;
        this.worst = w == null ? HealthState.UNKNOWN : w;
    }

    public static SiteHealth of(Iterable<HealthState> states) {
        int[] counts = new int[HealthState.count()];
        for (HealthState s : states) {
            counts[s.ordinal()]++;
        }
        return new SiteHealth(counts);
    }

    public static SiteHealth ofCounts(int[] countsByOrdinal) {
        if (countsByOrdinal.length != HealthState.count()) {
            throw new IllegalArgumentException("expected one count per health state");
        }
        return new SiteHealth(countsByOrdinal.clone());
    }

    public HealthState worst() {
        return worst;
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

    /** Whether this health has exactly these per-state counts (indexed by ordinal). */
    public boolean hasCounts(int[] countsByOrdinal) {
        return Arrays.equals(counts, countsByOrdinal);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SiteHealth other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "SiteHealth[worst=" + worst + ", counts=" + Arrays.toString(counts) + "]";
    }
}
