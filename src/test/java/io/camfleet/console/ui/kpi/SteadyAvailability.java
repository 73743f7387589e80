package io.camfleet.console.ui.kpi;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.service.availability.AvailabilityFigures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Availability figures that a test can predict: each subject is down a fixed share of whatever period is asked
 * (EU 0.005 %, NA 0.02 %, OC none; Acme 0.001 %, Globex 0.05 %, and a customer named like a spreadsheet formula).
 */
class SteadyAvailability implements AvailabilityFigures {

    private final boolean varying;

    SteadyAvailability() {
        this(false);
    }

    /** @param varying each day of a one-day period down 0 to 3 times its share, by the day, for a lively chart */
    SteadyAvailability(boolean varying) {
        this.varying = varying;
    }

    static final String FORMULA_CUSTOMER = "=HYPERLINK(\"http://x\")";

    private static final Map<Grouping, Map<String, Double>> DOWN = Map.of(
            Grouping.REGION, Map.of("EU", 0.00005, "NA", 0.0002, "OC", 0.0),
            Grouping.CUSTOMER, Map.of("Acme", 0.00001, "Globex", 0.0005, FORMULA_CUSTOMER, 0.0),
            Grouping.SITE, Map.of("S1", 0.0, "S2", 0.001),
            Grouping.ENVIRONMENT, Map.of("demo", 0.0001));

    @Override
    public List<Availability> by(Grouping grouping, Period period) {
        List<Availability> out = new ArrayList<>();
        long day = period.from().getEpochSecond() / 86_400;
        DOWN.getOrDefault(grouping, Map.of()).forEach((subject, share) -> {
            double times = varying && period.seconds() <= 86_400 ? (day + subject.length()) % 4 : 1;
            out.add(new Availability(grouping, subject, period, period.seconds(), 0,
                    Math.round(period.seconds() * share * times), List.of(), share > 0 ? 1 : 0, 0, 99.99));
        });
        return out;
    }

    @Override
    public Map<String, Availability> sites(Collection<String> siteIds, Period period) {
        return Map.of();
    }

    @Override
    public SiteDownRule rule() {
        return SiteDownRule.DEFAULT;
    }
}
