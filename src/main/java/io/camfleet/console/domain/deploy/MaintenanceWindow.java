package io.camfleet.console.domain.deploy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site's weekly maintenance window in the site's local time, read from the text the registry holds:
 * {@code Sun 02:00-04:00}, {@code Sat,Sun 01:00-05:00}, {@code Mon-Fri 22:00-02:00}, {@code daily 01:00-03:00};
 * day names are English, three letters or whole, in any case. Empty text means always open.
 *
 * <p>The days are the days the window <em>opens</em>: an end at or before the start crosses midnight, so
 * {@code Mon-Fri 22:00-02:00} opened on Friday at 22:00 ends on Saturday at 02:00. {@code 24:00} is accepted as
 * an end, and a start equal to the end means 24 hours.
 *
 * <p>Daylight saving. An instant is in the window when its local wall-clock time is in it, and also between the
 * window's start and end as {@link ZonedDateTime#of} resolves them. So:
 * <ul>
 *   <li>spring forward: a start in the gap opens at the first valid instant after the gap, as ZonedDateTime moves it
 *       (Europe/Amsterdam 2026-03-29, {@code 02:00-04:00} opens at 03:00 CEST and ends at 04:00, one hour); a
 *       window wholly in the gap is moved past it with its length kept rather than lost for a week
 *       ({@code 02:00-02:30} → 03:00-03:30, Australia/Sydney 2026-10-04 {@code 02:00-03:00} → 03:00-04:00 AEDT);</li>
 *   <li>fall back: the window is open for every instant whose wall clock is inside it, so for the whole repeated
 *       hour(s) twice (America/New_York 2026-11-01, {@code 01:00-02:00} is open two real hours).</li>
 * </ul>
 */
public record MaintenanceWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    /** No restriction: every day, 24 hours from midnight. */
    public static final MaintenanceWindow ALWAYS_OPEN =
            new MaintenanceWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    private static final Pattern FORM = Pattern.compile(
            "(?<days>.+?)\\s+(?<start>\\d{1,2}:\\d{2})\\s*-\\s*(?<end>\\d{1,2}:\\d{2})");
    private static final String EXAMPLES = "such as 'Sun 02:00-04:00', 'Sat,Sun 01:00-05:00', 'Mon-Fri 22:00-02:00'"
            + " or 'daily 01:00-03:00', or leave it empty for always open";

    public MaintenanceWindow {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("A maintenance window needs at least one day.");
        }
        if (start == null || end == null) {
            throw new IllegalArgumentException("A maintenance window needs a start and an end time.");
        }
        days = Set.copyOf(days);
    }

    /**
     * Reads a site's window text.
     *
     * @throws IllegalArgumentException with a sentence naming the text and showing the accepted forms
     */
    public static MaintenanceWindow parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return ALWAYS_OPEN;
        }
        Matcher m = FORM.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("The maintenance window '" + trimmed
                    + "' is not understood: write days and a time range, " + EXAMPLES + ".");
        }
        Set<DayOfWeek> days = parseDays(m.group("days"), trimmed);
        LocalTime start = parseTime(m.group("start"), trimmed, false);
        LocalTime end = parseTime(m.group("end"), trimmed, true);
        return new MaintenanceWindow(days, start, end);
    }

    public boolean isAlwaysOpen() {
        return days.size() == 7 && start.equals(end);
    }

    /** Whether a target in {@code zone} may be worked on at {@code at}. */
    public boolean isOpen(Instant at, ZoneId zone) {
        if (isAlwaysOpen()) {
            return true;
        }
        LocalDateTime wall = LocalDateTime.ofInstant(at, zone);
        LocalDate today = wall.toLocalDate();
        // a window lasts at most 24 hours, so only one opened today or yesterday can hold this instant
        for (LocalDate opened : List.of(today.minusDays(1), today)) {
            if (!days.contains(opened.getDayOfWeek())) {
                continue;
            }
            LocalDateTime from = opened.atTime(start);
            LocalDateTime to = endOf(opened);
            boolean wallInside = !wall.isBefore(from) && wall.isBefore(to);
            Instant resolvedFrom = ZonedDateTime.of(from, zone).toInstant();
            Instant resolvedTo = ZonedDateTime.of(to, zone).toInstant();
            if (!resolvedTo.isAfter(resolvedFrom)) {
                // wholly in a spring-forward gap and ending where the gap ends: keep its length past the gap
                resolvedTo = resolvedFrom.plus(Duration.between(from, to));
            }
            boolean resolvedInside = !at.isBefore(resolvedFrom) && at.isBefore(resolvedTo);
            if (wallInside || resolvedInside) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first instant at or after {@code after} at which the window is open: {@code after} itself when it is open
     * then.
     */
    public Instant nextOpening(Instant after, ZoneId zone) {
        if (isOpen(after, zone)) {
            return after;
        }
        // The open time is a union of intervals; each begins at a start resolved with either offset of an overlap,
        // or at a zone transition (the wall clock jumping back into the window).
        LocalDate first = LocalDate.ofInstant(after, zone).minusDays(1);
        List<Instant> candidates = new ArrayList<>();
        for (int d = 0; d <= 9; d++) {
            LocalDate opened = first.plusDays(d);
            if (days.contains(opened.getDayOfWeek())) {
                ZonedDateTime zoned = ZonedDateTime.of(opened.atTime(start), zone);
                candidates.add(zoned.withEarlierOffsetAtOverlap().toInstant());
                candidates.add(zoned.withLaterOffsetAtOverlap().toInstant());
            }
        }
        Instant horizon = first.plusDays(10).atStartOfDay(zone).toInstant();
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition transition = rules.nextTransition(after);
        while (transition != null && transition.getInstant().isBefore(horizon)) {
            candidates.add(transition.getInstant());
            transition = rules.nextTransition(transition.getInstant());
        }
        return candidates.stream()
                .filter(c -> c.isAfter(after))
                .sorted()
                .filter(c -> isOpen(c, zone))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No opening within ten days of " + after + " for " + this));
    }

    private LocalDateTime endOf(LocalDate opened) {
        LocalDate endDay = end.isAfter(start) ? opened : opened.plusDays(1);
        return endDay.atTime(end);
    }

    private static Set<DayOfWeek> parseDays(String text, String whole) {
        String days = text.strip().toLowerCase(Locale.ROOT);
        if (days.equals("daily") || days.equals("every day")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
        for (String part : days.split("\\s*,\\s*")) {
            String[] range = part.split("\\s*-\\s*", -1);
            if (range.length == 1) {
                result.add(day(range[0], whole));
            } else if (range.length == 2) {
                DayOfWeek from = day(range[0], whole);
                DayOfWeek to = day(range[1], whole);
                // a range may wrap over the week's end: Sat-Mon
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    result.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("The maintenance window '" + whole + "' has a bad day range '"
                        + part + "': write a range as Mon-Fri, " + EXAMPLES + ".");
            }
        }
        return result;
    }

    private static DayOfWeek day(String name, String whole) {
        String n = name.strip();
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (n.equals(full) || n.equals(full.substring(0, 3))) {
                return d;
            }
        }
        throw new IllegalArgumentException("The maintenance window '" + whole + "' names an unknown day '" + n
                + "': use Mon, Tue, Wed, Thu, Fri, Sat, Sun or daily, " + EXAMPLES + ".");
    }

    private static LocalTime parseTime(String hhmm, String whole, boolean isEnd) {
        String[] parts = hhmm.split(":");
        int hour = Integer.parseInt(parts[0]);
        int minute = Integer.parseInt(parts[1]);
        if (isEnd && hour == 24 && minute == 0) {
            return LocalTime.MIDNIGHT;
        }
        if (hour > 23 || minute > 59) {
            throw new IllegalArgumentException("The maintenance window '" + whole + "' has an impossible time '"
                    + hhmm + "': use 00:00 to 23:59 (24:00 only as an end), " + EXAMPLES + ".");
        }
        return LocalTime.of(hour, minute);
    }

    @Override
    public String toString() {
        return "MaintenanceWindow" + new TreeSet<>(days) + " " + start + "-" + end;
    }
}
