package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.service.availability.AvailabilityFigures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Uptime per UTC day over a period: fleet-wide, per region and per customer. The fleet-wide figure of a day is the
 * regions' figures added up: their unplanned downtime over their observed time (time without data counts neither
 * way, as in every availability figure). A day with nothing observed has no figure (NaN), never 100 %.
 *
 * @param days one per UTC day of the period (the first and last clipped to it), oldest first
 */
public record AvailabilityTrend(List<Day> days) {

    /**
     * @param fleet      fleet-wide uptime in percent; NaN when nothing was observed
     * @param byRegion   uptime per region, in percent
     * @param byCustomer uptime per customer, in percent
     */
    public record Day(LocalDate day, double fleet, Map<String, Double> byRegion, Map<String, Double> byCustomer) {
    }

    public AvailabilityTrend {
        days = List.copyOf(days);
    }

    public static AvailabilityTrend of(AvailabilityFigures figures, Period period) {
        List<Day> days = new ArrayList<>();
        LocalDate last = DoraCalculator.day(period.to().minusNanos(1));
        for (LocalDate d = DoraCalculator.day(period.from()); !d.isAfter(last); d = d.plusDays(1)) {
            Instant from = max(period.from(), d.atStartOfDay().toInstant(ZoneOffset.UTC));
            Instant to = min(period.to(), d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            Period day = new Period(from, to);
            List<Availability> regions = figures.by(Grouping.REGION, day);
            days.add(new Day(d, fleetUptime(regions), uptimes(regions), uptimes(figures.by(Grouping.CUSTOMER, day))));
        }
        return new AvailabilityTrend(days);
    }

    /** The fleet's uptime from its regions' figures, in percent: their downtime over their observed time. */
    public static double fleetUptime(List<Availability> regions) {
        long observed = 0;
        long down = 0;
        for (Availability a : regions) {
            observed += a.observedSeconds();
            down += a.downSeconds();
        }
        return observed <= 0 ? Double.NaN : 100.0 * (observed - down) / observed;
    }

    private static Map<String, Double> uptimes(List<Availability> figures) {
        Map<String, Double> out = new TreeMap<>();
        figures.forEach(a -> out.put(a.subject(), a.uptimePercent()));
        return out;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
