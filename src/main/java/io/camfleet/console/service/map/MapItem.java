package io.camfleet.console.service.map;

import io.camfleet.console.domain.fleet.HealthState;

/**
 * One thing drawn on the map: a single site, or a cluster of sites with how many are in each health state.
 *
 * @param x         screen position, pixels
 * @param y         screen position, pixels
 * @param siteIndex the site's index in the snapshot when this is a single site, else -1
 * @param counts    visible sites per health state, indexed by ordinal
 * @param key       identifies the grid cell at this zoom: the same cell gives the same key while zoom stays
 * @param selected  how many of its sites are selected
 */
public record MapItem(double x, double y, int siteIndex, int count, int[] counts, HealthState worst, long key,
                      int selected) {

    public boolean isSite() {
        return siteIndex >= 0;
    }

    public int count(HealthState s) {
        return counts[s.ordinal()];
    }

    /** Equal when drawn the same: the counts by content, so that a tick that changed nothing shown redraws nothing. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MapItem m && Double.compare(x, m.x) == 0 && Double.compare(y, m.y) == 0
                && siteIndex == m.siteIndex && count == m.count
                && java.util.Arrays.equals(counts, m.counts) && worst == m.worst && key == m.key
                && selected == m.selected;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(x, y, siteIndex, count, java.util.Arrays.hashCode(counts), worst, key, selected);
    }
}
