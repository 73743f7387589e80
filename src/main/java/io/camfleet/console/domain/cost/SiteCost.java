package io.camfleet.console.domain.cost;

import java.math.BigDecimal;

/**
 * A site's cost in a month, and its share per camera.
 *
 * @param site      the site id as tagged; "" for the cost no resource's site tag names (shown as untagged)
 * @param amount    the site's tagged cost, exact as summed
 * @param cameras   the site's cameras in the fleet cache; 0 when the site is not in it
 * @param perCamera {@code amount / cameras} rounded to cents: an allocation (every camera of the site gets an equal
 *                  share), not a measurement; null with no cameras, and for the untagged row
 */
public record SiteCost(String site, BigDecimal amount, int cameras, BigDecimal perCamera) {

    public boolean untagged() {
        return site.isEmpty();
    }
}
