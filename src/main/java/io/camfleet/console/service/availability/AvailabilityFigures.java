package io.camfleet.console.service.availability;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: availability computed from the stored health history, by the rule in force. What the dashboard, the CLI,
 * the rollout guard and the burn-rate alerts ask; the availability service answers it.
 */
public interface AvailabilityFigures {

    /** The figures of each camera, site, customer, region or environment over {@code period}, by subject. */
    List<Availability> by(Grouping grouping, Period period);

    /** The figures of these sites over {@code period} (sites unknown to the fleet are absent). */
    Map<String, Availability> sites(Collection<String> siteIds, Period period);

    /** The error budget of these sites this UTC month so far, as of {@code now}: what the rollout guard weighs. */
    default Map<String, Availability> budgetThisMonth(Collection<String> siteIds, Instant now) {
        return sites(siteIds, Period.monthSoFar(now));
    }

    /** The rule the figures follow, to show beside them. */
    SiteDownRule rule();
}
