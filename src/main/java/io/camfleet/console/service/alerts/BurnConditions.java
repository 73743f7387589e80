package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertRules;
import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.service.availability.AvailabilityFigures;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The multiwindow burn-rate alerts of the SRE workbook, per site: a site's error budget burns too fast when the rate
 * is above the threshold over both a long window (it is real) and a short one (it is still going on). Fast: the last
 * hour and the last 5 minutes; slow: the last 6 hours and the last 30 minutes.
 */
final class BurnConditions {

    private BurnConditions() {
    }

    static Map<String, Condition> of(AvailabilityFigures figures, AlertRules rules, Instant now) {
        Map<String, Condition> out = new HashMap<>();
        add(out, AlertKind.BUDGET_BURN_FAST, rules.fastBurnRate(), figures, now, AlertRules.FAST_LONG,
                AlertRules.FAST_SHORT);
        add(out, AlertKind.BUDGET_BURN_SLOW, rules.slowBurnRate(), figures, now, AlertRules.SLOW_LONG,
                AlertRules.SLOW_SHORT);
        return out;
    }

    private static void add(Map<String, Condition> out, AlertKind kind, double threshold, AvailabilityFigures figures,
                            Instant now, Duration longWindow, Duration shortWindow) {
        Map<String, Double> longRates = rates(figures, now, longWindow);
        Map<String, Double> shortRates = rates(figures, now, shortWindow);
        longRates.forEach((site, longRate) -> {
            double shortRate = shortRates.getOrDefault(site, 0.0);
            if (longRate > threshold && shortRate > threshold) {
                Condition c = new Condition(kind, site, site, now, List.of(site,
                        String.format(Locale.ROOT, "%.1f", longRate), threshold));
                out.put(c.key(), c);
            }
        });
    }

    private static Map<String, Double> rates(AvailabilityFigures figures, Instant now, Duration window) {
        Map<String, Double> out = new HashMap<>();
        for (Availability a : figures.by(Grouping.SITE, new Period(now.minus(window), now))) {
            out.put(a.subject(), AlertRules.burnRate(a.downSeconds(), a.observedSeconds(), a.targetPercent()));
        }
        return out;
    }
}
