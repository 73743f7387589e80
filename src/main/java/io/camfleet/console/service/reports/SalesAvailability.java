package io.camfleet.console.service.reports;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.AvailabilityCalculator;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SlaTargets;
import io.camfleet.console.domain.fleet.SlaTier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Availability achieved by region, as a proposal shows it: summed from the sites' own figures, so that the share of
 * the period with data is known (time without data is never counted as up: it is said).
 */
final class SalesAvailability {

    /** How much of a period the figures stand on. */
    enum Coverage { COMPLETE, PARTIAL, NONE }

    /**
     * A region's figures over one period.
     *
     * @param sites        the sites with cameras the figures are summed over
     * @param dataFraction the share of the period the figures stand on: after the history began, less the time
     *                     without data, 0..1
     */
    record Figures(Availability availability, int sites, double dataFraction) {

        Coverage coverage() {
            if (availability.observedSeconds() <= 0 || dataFraction <= 0) {
                return Coverage.NONE;
            }
            return dataFraction < 1 ? Coverage.PARTIAL : Coverage.COMPLETE;
        }

        /** Uptime in percent, or null when nothing was observed. */
        Double percent() {
            return coverage() == Coverage.NONE ? null : availability.uptimePercent();
        }
    }

    private SalesAvailability() {
    }

    /**
     * The figures of each region (by the region of each site in {@code regionOfSite}, in its order of first
     * appearance), then of all of them together under {@code allLabel}.
     */
    static Map<String, Figures> byRegion(Collection<Availability> siteFigures, Map<String, String> regionOfSite,
                                         List<String> regions, String allLabel, Period period,
                                         Optional<Instant> historyBegins) {
        Map<String, List<Availability>> groups = new TreeMap<>();
        for (Availability a : siteFigures) {
            String region = regionOfSite.get(a.subject());
            if (region != null) {
                groups.computeIfAbsent(region, r -> new ArrayList<>()).add(a);
            }
        }
        Map<String, Figures> out = new LinkedHashMap<>();
        List<Availability> all = new ArrayList<>();
        for (String region : regions) {
            List<Availability> sites = groups.getOrDefault(region, List.of());
            all.addAll(sites);
            out.put(region, figures(region, sites, period, historyBegins));
        }
        out.put(allLabel, figures(allLabel, all, period, historyBegins));
        return out;
    }

    /**
     * A camera's figures start when it was first seen, so a period reaching back before the history began is not
     * "no data" to the availability service; to a prospect it is, and the share says it.
     */
    private static Figures figures(String subject, List<Availability> sites, Period period,
                                   Optional<Instant> historyBegins) {
        Availability sum = AvailabilityCalculator.sum(Grouping.REGION, subject, period, sites);
        double whole = (double) period.seconds() * sites.size();
        double data = 0;
        if (whole > 0 && historyBegins.isPresent() && historyBegins.get().isBefore(period.to())) {
            Instant from = historyBegins.get().isAfter(period.from()) ? historyBegins.get() : period.from();
            double covered = (double) (period.to().getEpochSecond() - from.getEpochSecond()) / period.seconds();
            data = Math.max(0, covered - sum.noDataSeconds() / whole);
        }
        return new Figures(sum, sites.size(), data);
    }

    /**
     * The highest SLA tier whose target {@code percent} reaches, by the targets in force; empty below every tier.
     */
    static Optional<SlaTier> bestTierMet(double percent, SlaTargets targets) {
        for (SlaTier tier : SlaTier.values()) { // PLATINUM first
            if (percent >= targets.target(tier)) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }
}
