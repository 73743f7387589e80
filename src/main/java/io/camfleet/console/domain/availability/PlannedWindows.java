package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.deploy.MaintenanceWindow;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stretches of a period in which a site's maintenance window is open, as {@link MaintenanceWindow#isOpen} decides
 * (so daylight-saving gaps and repeated hours resolve exactly as they do for rollouts).
 *
 * <p>The open time is a union of half-open stretches whose ends are the window's start or end read with an offset the
 * zone uses then, or a zone transition (the wall clock jumping into or out of the window). Asking {@code isOpen} at each
 * such candidate gives the stretches exactly. Sites share few (window, zone) pairs, so results are cached per period.
 */
final class PlannedWindows {

    private static final int CACHE_LIMIT = 4096;
    private static final long DAY = 86_400;

    /** A site's window text and zone over a period; what the stretches depend on. */
    private record Key(String window, String zone, long from, long to) {
    }

    /**
     * The open stretches (absolute epoch-second pairs) and, when the window or zone could not be read, why (then
     * {@code open} is empty).
     */
    record Planned(long[] open, String problem) {
    }

    private final Map<Key, Planned> cache = new ConcurrentHashMap<>();

    /**
     * The open stretches of the window {@code text} in {@code zone} within [from, to) (epoch seconds), as sorted,
     * disjoint pairs {@code [start0, end0, start1, end1, ...]}; a blank text means no window. Callers must not change
     * the array.
     */
    Planned open(String text, String zone, long from, long to) {
        Key key = new Key(text, zone, from, to);
        Planned known = cache.get(key);
        if (known != null) {
            return known;
        }
        Planned computed = read(text, zone, from, to);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, computed);
        return computed;
    }

    private static Planned read(String text, String zone, long from, long to) {
        if (text.isBlank()) {
            return new Planned(new long[0], "");
        }
        MaintenanceWindow window;
        try {
            window = MaintenanceWindow.parse(text);
        } catch (IllegalArgumentException e) {
            return new Planned(new long[0], e.getMessage());
        }
        ZoneId id;
        try {
            id = ZoneId.of(zone);
        } catch (DateTimeException e) {
            return new Planned(new long[0], "The time zone '" + zone + "' is not an IANA zone such as Europe/Lisbon,"
                    + " so the maintenance window '" + text.strip() + "' could not be placed.");
        }
        return new Planned(compute(window, id, from, to), "");
    }

    static long[] compute(MaintenanceWindow window, ZoneId zone, long from, long to) {
        if (window.isAlwaysOpen()) {
            return new long[] {from, to};
        }
        ZoneRules rules = zone.getRules();
        LongList candidates = new LongList();
        candidates.add(from);
        LocalDate firstDay = LocalDate.ofInstant(Instant.ofEpochSecond(from), zone).minusDays(1);
        LocalDate lastDay = LocalDate.ofInstant(Instant.ofEpochSecond(to), zone);
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (!window.days().contains(day.getDayOfWeek())) {
                continue;
            }
            LocalDateTime start = day.atTime(window.start());
            LocalDateTime end = (window.end().isAfter(window.start()) ? day : day.plusDays(1)).atTime(window.end());
            addReadings(start, rules, candidates);
            addReadings(end, rules, candidates);
            // a window wholly in a spring-forward gap is moved past it with its length kept
            candidates.add(ZonedDateTime.of(start, zone).toInstant().plus(Duration.between(start, end))
                    .getEpochSecond());
        }
        ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(from - 2 * DAY));
        while (t != null && t.getInstant().getEpochSecond() < to + 2 * DAY) {
            candidates.add(t.getInstant().getEpochSecond());
            t = rules.nextTransition(t.getInstant());
        }
        long[] points = candidates.sortedDistinct();
        LongList open = new LongList();
        for (int i = 0; i < points.length; i++) {
            long at = points[i];
            if (at < from || at >= to) {
                continue;
            }
            long next = i + 1 < points.length ? Math.min(points[i + 1], to) : to;
            if (window.isOpen(Instant.ofEpochSecond(at), zone)) {
                if (open.size() > 0 && open.last() == at) {
                    open.setLast(next);
                } else {
                    open.add(at);
                    open.add(next);
                }
            }
        }
        return open.toArray();
    }

    /** {@code local} read with every offset the zone may use for it (two in a gap or an overlap). */
    private static void addReadings(LocalDateTime local, ZoneRules rules, LongList into) {
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition == null) {
            ZoneOffset offset = rules.getValidOffsets(local).getFirst();
            into.add(local.toEpochSecond(offset));
        } else {
            into.add(local.toEpochSecond(transition.getOffsetBefore()));
            into.add(local.toEpochSecond(transition.getOffsetAfter()));
        }
    }
}
