package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.availability.Period;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KpiPeriodTest {

    private static final Instant NOW = Instant.parse("2026-12-06T07:20:00Z");

    @Test
    void eachChoiceOfThePickerIsThePeriodItNames() {
        assertThat(KpiPeriod.THIS_MONTH.at(NOW)).isEqualTo(new Period(Instant.parse("2026-12-01T00:00:00Z"), NOW));
        assertThat(KpiPeriod.LAST_MONTH.at(NOW)).isEqualTo(
                new Period(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));
        assertThat(KpiPeriod.LAST_30_DAYS.at(NOW)).isEqualTo(
                new Period(Instant.parse("2026-11-06T07:20:00Z"), NOW));
        assertThat(KpiPeriod.LAST_90_DAYS.at(NOW)).isEqualTo(
                new Period(Instant.parse("2026-09-07T07:20:00Z"), NOW));
    }

    @Test
    void lastMonthInJanuaryIsDecemberOfTheYearBefore() {
        assertThat(KpiPeriod.LAST_MONTH.at(Instant.parse("2027-01-01T00:00:01Z"))).isEqualTo(
                new Period(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")));
    }
}
