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
 * Uptime per UTC day over a period: fleet-wide, and per region or per customer. The fleet-wide figure of a day is the
 * subjects' figures added up (every site is in one region and one customer): their unplanned downtime over their
 * observed time (time without data counts neither way, as in every availability figure). A day with nothing
 * observed has no figure (NaN), never 100 %. One figures query per day: a grouping is asked for only when shown.
 *
 * @param days one per UTC day of the period (the first and last clipped to it), oldest first
 */
public record AvailabilityTrend(Grouping grouping, List<Day> days) {

    /**
     * @param fleet     fleet-wide uptime in percent; NaN when nothing was observed
     * @param bySubject uptime per region or customer, in percent
     */
    public record Day(LocalDate day, double fleet, Map<String, Double> bySubject) {
    }

    public AvailabilityTrend {
        java.util.Objects.requireNonNull(grouping, "grouping");
        days = List.copyOf(days);
    }

    public static AvailabilityTrend of(AvailabilityFigures figures, Period period, Grouping grouping) {
        List<Day> days = new ArrayList<>();
        LocalDate last = DoraCalculator.day(period.to().minusNanos(1));
        for (LocalDate d = DoraCalculator.day(period.from()); !d.isAfter(last); d = d.plusDays(1)) {
            Instant from = max(period.from(), d.atStartOfDay().toInstant(ZoneOffset.UTC));
            Instant to = min(period.to(), d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            Period day = new Period(from, to);
            List<Availability> subjects = figures.by(grouping, day);
            days.add(new Day(d, fleetUptime(subjects), uptimes(subjects)));
        }
        return new AvailabilityTrend(grouping, days);
    }

    /**
     * The fleet's uptime from the figures of a grouping that covers every site once (regions, customers), in
     * percent: their downtime over their observed time.
     */
    public static double fleetUptime(List<Availability> subjects) {
        long observed = 0;
        long down = 0;
        for (Availability a : subjects) {
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
