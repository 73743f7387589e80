package io.camfleet.console.domain.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/** A stretch of time figures are computed over: from {@code from} (inclusive) to {@code to} (exclusive). */
public record Period(Instant from, Instant to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A period ends after it starts: " + from + " to " + to + ".");
        }
    }

    /** A calendar month in UTC, the month SLA reports use. */
    public static Period month(YearMonth month) {
        return new Period(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** The UTC calendar month {@code at} falls in, up to {@code at}: what "this month so far" means. */
    public static Period monthSoFar(Instant at) {
        YearMonth month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new Period(start, at.isAfter(start) ? at : start.plusSeconds(1));
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public long seconds() {
        return length().toSeconds();
    }
}
