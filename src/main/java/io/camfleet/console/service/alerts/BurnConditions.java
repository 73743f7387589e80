package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.BurnRate;
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
 * The multiwindow burn-rate alerts of the SRE workbook, per site, by {@link BurnRate}: the fast one when the budget
 * burns too fast over both its long window (it is real) and its short one (it is still going on), else the slow one.
 * Each of the four windows is one question to the health history, for every site at once.
 */
final class BurnConditions {

    private BurnConditions() {
    }

    static Map<String, Condition> of(AvailabilityFigures figures, BurnRate burn, Instant now) {
        Map<Duration, Map<String, Availability>> windows = new HashMap<>();
        for (Duration w : List.of(burn.fastLong(), burn.fastShort(), burn.slowLong(), burn.slowShort())) {
            windows.computeIfAbsent(w, d -> bySite(figures, new Period(now.minus(d), now)));
        }
        Map<String, Condition> out = new HashMap<>();
        for (String site : windows.get(burn.slowLong()).keySet()) {
            BurnRate.Level level = burn.level(w -> windows.get(w).getOrDefault(site, nothing(site, now, w)));
            if (level == BurnRate.Level.NONE) {
                continue;
            }
            boolean fast = level == BurnRate.Level.FAST;
            double rate = BurnRate.of(windows.get(fast ? burn.fastLong() : burn.slowLong()).get(site));
            Condition c = new Condition(fast ? AlertKind.BUDGET_BURN_FAST : AlertKind.BUDGET_BURN_SLOW, site, site,
                    now, List.of(site, String.format(Locale.ROOT, "%.1f", rate),
                    fast ? burn.fastFactor() : burn.slowFactor()));
            out.put(c.key(), c);
        }
        return out;
    }

    private static Map<String, Availability> bySite(AvailabilityFigures figures, Period period) {
        Map<String, Availability> out = new HashMap<>();
        for (Availability a : figures.by(Grouping.SITE, period)) {
            out.put(a.subject(), a);
        }
        return out;
    }

    /** A site the history has nothing on over a window: no burn there. */
    private static Availability nothing(String site, Instant now, Duration window) {
        return new Availability(Grouping.SITE, site, new Period(now.minus(window), now), 0, 0, 0, List.of(), 0, 0,
                99.0);
    }
}
