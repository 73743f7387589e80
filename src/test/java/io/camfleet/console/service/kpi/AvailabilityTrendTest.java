package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.service.availability.AvailabilityFigures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AvailabilityTrendTest {

    /** Two regions; EU is down 864 s on every day it is asked for, OC never; OC has no data on 10-02. */
    static final class TwoRegions implements AvailabilityFigures {
        final List<Period> asked = new ArrayList<>();

        @Override
        public List<Availability> by(Grouping grouping, Period period) {
            asked.add(period);
            long s = period.seconds();
            boolean ocDark = period.from().equals(Instant.parse("2026-10-02T00:00:00Z"));
            return List.of(
                    new Availability(grouping, grouping == Grouping.REGION ? "EU" : "Acme", period, s, 0, 864,
                            List.of(), 1, 0, 99.9),
                    new Availability(grouping, grouping == Grouping.REGION ? "OC" : "Globex", period,
                            ocDark ? 0 : s, ocDark ? s : 0, 0, List.of(), 0, 0, 99.99));
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

    /**
     * 10-01 12:00 to 10-03 00:00: two days, the first clipped to 12 h (43,200 s).
     * 10-01: EU 43,200 observed 864 down, OC 43,200 observed 0 down: fleet 1 - 864 / 86,400 = 99.0 %.
     * 10-02: EU 86,400 observed 864 down, OC no data (not counted as up): fleet 1 - 864 / 86,400 = 99.0 %;
     * EU alone 99.0 %, OC NaN.
     */
    @Test
    void theFleetLineAddsTheRegionsUpAndADayWithoutDataIsNotUp() {
        TwoRegions figures = new TwoRegions();
        Period period = new Period(Instant.parse("2026-10-01T12:00:00Z"), Instant.parse("2026-10-03T00:00:00Z"));
        AvailabilityTrend t = AvailabilityTrend.of(figures, period, Grouping.REGION);

        assertThat(t.days()).extracting(AvailabilityTrend.Day::day)
                .containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
        assertThat(t.days().get(0).fleet()).isCloseTo(99.0, within(1e-9));
        assertThat(t.days().get(1).fleet()).isCloseTo(99.0, within(1e-9));
        assertThat(t.days().get(1).bySubject().get("EU")).isCloseTo(99.0, within(1e-9));
        assertThat(t.days().get(1).bySubject().get("OC")).isNaN();
        assertThat(figures.asked).hasSize(2).as("one query a day, of the grouping shown only");
        AvailabilityTrend customers = AvailabilityTrend.of(figures, period, Grouping.CUSTOMER);
        assertThat(customers.days().get(0).bySubject()).containsOnlyKeys("Acme", "Globex");
        assertThat(customers.days().get(0).fleet()).isCloseTo(99.0, within(1e-9));
        assertThat(figures.asked.get(0)).isEqualTo(
                new Period(Instant.parse("2026-10-01T12:00:00Z"), Instant.parse("2026-10-02T00:00:00Z")));
    }
}
