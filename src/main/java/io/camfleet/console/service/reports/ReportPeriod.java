package io.camfleet.console.service.reports;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of a saved report, relative to the day it runs: {@code last-N-days} (the N whole days before that day),
 * {@code previous-month} (the calendar month before), {@code month-to-date} (from the first of the month to that day).
 *
 * @param days the N of {@code last-N-days}; 0 otherwise
 */
public record ReportPeriod(Kind kind, int days) {

    /** The most days a relative period may cover: ten years. */
    public static final int MAX_DAYS = 3660;

    private static final Pattern LAST_DAYS = Pattern.compile("last-(\\d{1,5})-days?");

    public enum Kind { LAST_DAYS, PREVIOUS_MONTH, MONTH_TO_DATE }

    public ReportPeriod {
        if (kind == Kind.LAST_DAYS && (days < 1 || days > MAX_DAYS)) {
            throw new IllegalArgumentException("last N days needs 1 <= N <= " + MAX_DAYS + ": " + days);
        }
        if (kind != Kind.LAST_DAYS) {
            days = 0;
        }
    }

    /** As typed ({@code last-30-days}, {@code previous-month}, {@code month-to-date}); empty when it is none. */
    public static Optional<ReportPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher last = LAST_DAYS.matcher(t);
        if (last.matches()) {
            int n = Integer.parseInt(last.group(1));
            return n < 1 || n > MAX_DAYS ? Optional.empty() : Optional.of(new ReportPeriod(Kind.LAST_DAYS, n));
        }
        return switch (t) {
            case "previous-month" -> Optional.of(new ReportPeriod(Kind.PREVIOUS_MONTH, 0));
            case "month-to-date" -> Optional.of(new ReportPeriod(Kind.MONTH_TO_DATE, 0));
            default -> Optional.empty();
        };
    }

    /** The first day of the period when run on {@code today}. */
    public LocalDate from(LocalDate today) {
        return switch (kind) {
            case LAST_DAYS -> today.minusDays(days);
            case PREVIOUS_MONTH -> today.withDayOfMonth(1).minusMonths(1);
            case MONTH_TO_DATE -> today.withDayOfMonth(1);
        };
    }

    /** The last day of the period (inclusive) when run on {@code today}. */
    public LocalDate to(LocalDate today) {
        return switch (kind) {
            case LAST_DAYS -> today.minusDays(1);
            case PREVIOUS_MONTH -> today.withDayOfMonth(1).minusDays(1);
            case MONTH_TO_DATE -> today;
        };
    }

    /** As {@link #parse} reads it. */
    public String text() {
        return switch (kind) {
            case LAST_DAYS -> "last-" + days + "-days";
            case PREVIOUS_MONTH -> "previous-month";
            case MONTH_TO_DATE -> "month-to-date";
        };
    }
}
