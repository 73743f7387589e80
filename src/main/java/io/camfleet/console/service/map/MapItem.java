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
}
