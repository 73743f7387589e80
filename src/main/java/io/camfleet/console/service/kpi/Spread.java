package io.camfleet.console.service.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How a set of durations spreads: how many, the median and the 90th percentile. The median of an even count is the
 * mean of the two middle values; the 90th percentile is the nearest rank (the value at rank ceil(0.9 n) of n sorted
 * values), so that it is always a time that was actually measured.
 *
 * @param median null when there are none
 * @param p90    null when there are none
 */
public record Spread(int count, Duration median, Duration p90) {

    public static final Spread NONE = new Spread(0, null, null);

    public static Spread of(Collection<Duration> durations) {
        if (durations.isEmpty()) {
            return NONE;
        }
        List<Duration> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        int n = sorted.size();
        Duration median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        int rank = (int) Math.ceil(0.9 * n);
        return new Spread(n, median, sorted.get(rank - 1));
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
