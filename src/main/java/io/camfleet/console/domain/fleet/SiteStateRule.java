package io.camfleet.console.domain.fleet;

/**
 * How a site's state follows from how many of its cameras are in each state: the rule in force (the site-down rule
 * of availability, {@code SiteDownRule::siteState}). Here, so that a site's health can carry its state without the
 * fleet knowing how availability is judged.
 */
@FunctionalInterface
public interface SiteStateRule {

    /** @param countsByOrdinal how many cameras are in each {@link HealthState}, by ordinal */
    HealthState siteState(int[] countsByOrdinal);
}
