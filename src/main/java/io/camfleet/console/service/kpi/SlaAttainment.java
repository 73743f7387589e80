package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.service.availability.AvailabilityFigures;

import java.util.Comparator;
import java.util.List;

/**
 * Whether each customer and each region met its SLA over a period, with the budget left, and the fleet's uptime
 * (the regions added up), by the rule in force.
 *
 * @param byCustomer worst uptime first
 * @param byRegion   worst uptime first
 */
public record SlaAttainment(Period period, double fleetUptime, List<Availability> byCustomer,
                            List<Availability> byRegion, SiteDownRule rule) {

    public SlaAttainment {
        byCustomer = List.copyOf(byCustomer);
        byRegion = List.copyOf(byRegion);
    }

    public static SlaAttainment of(AvailabilityFigures figures, Period period) {
        List<Availability> regions = worstFirst(figures.by(Grouping.REGION, period));
        return new SlaAttainment(period, AvailabilityTrend.fleetUptime(regions),
                worstFirst(figures.by(Grouping.CUSTOMER, period)), regions, figures.rule());
    }

    /** Subjects with no observed time last: they have no figure to rank. */
    private static List<Availability> worstFirst(List<Availability> figures) {
        return figures.stream().sorted(Comparator.comparingDouble((Availability a) -> Double.isNaN(a.uptimePercent())
                ? Double.MAX_VALUE : a.uptimePercent()).thenComparing(Availability::subject)).toList();
    }

    public long met(List<Availability> subjects) {
        return subjects.stream().filter(Availability::metTarget).count();
    }
}
