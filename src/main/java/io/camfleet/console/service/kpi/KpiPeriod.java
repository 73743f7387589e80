package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.availability.Period;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** The periods the dashboard offers; months are UTC calendar months, as the SLA reports count them. */
public enum KpiPeriod {
    THIS_MONTH, LAST_MONTH, LAST_30_DAYS, LAST_90_DAYS;

    public Period at(Instant now) {
        return switch (this) {
            case THIS_MONTH -> Period.monthSoFar(now);
            case LAST_MONTH -> Period.month(YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(1));
            case LAST_30_DAYS -> new Period(now.minus(Duration.ofDays(30)), now);
            case LAST_90_DAYS -> new Period(now.minus(Duration.ofDays(90)), now);
        };
    }
}
