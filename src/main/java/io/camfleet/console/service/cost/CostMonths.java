package io.camfleet.console.service.cost;

import io.camfleet.console.service.common.Problem;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The months cost is asked for, and the dates Cost Explorer takes for them: a closed month is its first day to the
 * next month's first (the end is exclusive), the current month is its first day to tomorrow (month to date).
 */
public final class CostMonths {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private CostMonths() {
    }

    /**
     * A month as typed, {@code 2026-10}; a month after the current one is refused, as no cost is known for it.
     *
     * @throws Problem of kind BAD_INPUT saying the format, or that the month is still to come
     */
    public static YearMonth parse(String text, LocalDate today) {
        String t = text == null ? "" : text.strip();
        YearMonth month;
        try {
            if (!MONTH.matcher(t).matches()) {
                throw new DateTimeParseException("not yyyy-MM", t, 0);
            }
            month = YearMonth.parse(t);
        } catch (DateTimeParseException e) {
            throw Problem.badInput("cost.badMonth", t);
        }
        if (month.isAfter(YearMonth.from(today))) {
            throw Problem.badInput("cost.futureMonth", t, YearMonth.from(today).toString());
        }
        return month;
    }

    /** The first day of {@code from}. */
    public static LocalDate start(YearMonth from) {
        return from.atDay(1);
    }

    /** The exclusive end of {@code to}: the next month's first day, or tomorrow while {@code to} is running. */
    public static LocalDate end(YearMonth to, LocalDate today) {
        LocalDate next = to.plusMonths(1).atDay(1);
        LocalDate tomorrow = today.plusDays(1);
        return next.isAfter(tomorrow) ? tomorrow : next;
    }
}
