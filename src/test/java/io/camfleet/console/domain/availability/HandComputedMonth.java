package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static io.camfleet.console.domain.fleet.HealthState.DEGRADED;
import static io.camfleet.console.domain.fleet.HealthState.MAINTENANCE;
import static io.camfleet.console.domain.fleet.HealthState.OFFLINE;
import static io.camfleet.console.domain.fleet.HealthState.UNKNOWN;

/**
 * October 2026 at one Lisbon site with three cameras, computed by hand under the default rule (dark) and the
 * default targets (PLATINUM 99.99 %). Public so that the stored-history tests can replay the same month.
 *
 * <pre>
 * Period 2026-10-01T00:00Z to 2026-11-01T00:00Z: 31 days = 2 678 400 s.
 * Window Sun 01:00-03:00 Europe/Lisbon: WEST (UTC+1) until 2026-10-25 01:00Z, then WET (UTC+0).
 *   Oct 4, 11, 18: 00:00Z-02:00Z (2 h each); Oct 25 (fall back, 01:00-02:00 twice): 00:00Z-03:00Z (3 h). 9 h = 32 400 s.
 * Coverage: the whole month but Oct 12 10:00Z-13:00Z (no data, 10 800 s).
 *
 * c1 (all month)  a OFFLINE Oct 3 10:00-10:30          down 1800
 *                 b MAINTENANCE Oct 11 00:30-01:30     in the window: planned 3600
 *                 c OFFLINE Oct 12 12:00-14:00         12-13 no data; down 13-14: 3600
 *                 d OFFLINE Oct 18 00:30-01:00         planned 1800
 *                 e OFFLINE Oct 20 08:00-09:00         down 3600
 *                 f OFFLINE Oct 25 02:30-03:30         planned 02:30-03:00 1800; down 03:00-03:30 1800
 *   no data 10 800; observed 2 678 400 - 10 800 - 32 400 = 2 635 200; down 10 800; planned 7200; incidents 4 (a c e f)
 * c2 (all month)  a DEGRADED Oct 5 12:00-14:00         up by the default rule
 *                 b UNKNOWN Oct 7 00:00-01:00          no data 3600
 *                 c OFFLINE Oct 12 12:00-14:00         as c1: down 3600
 *                 d OFFLINE Oct 18 00:30-01:00         planned 1800
 *                 e OFFLINE Oct 20 08:30-09:30         down 3600
 *                 f OFFLINE Oct 25 02:30-03:30         planned 1800, down 1800
 *   no data 14 400; observed 2 678 400 - 14 400 - 32 400 = 2 631 600; down 9000; planned 3600; incidents 3 (c e f)
 * c3 (joins Oct 16 00:00Z: 16 days = 1 382 400 s; windows in its life: Oct 18 2 h, Oct 25 3 h = 18 000)
 *                 a OFFLINE Oct 18 00:30-01:00         planned 1800
 *                 b OFFLINE Oct 20 08:45-09:15         down 1800
 *                 c MAINTENANCE Oct 22 10:00-10:20     outside the window: down 1200
 *                 d OFFLINE Oct 25 02:30-03:30         planned 1800, down 1800
 *                 e OFFLINE from Oct 31 23:00, open    down 3600 (to the month's end)
 *   no data 0; observed 1 382 400 - 18 000 = 1 364 400; down 8400; planned 3600; incidents 4 (b c d e)
 *
 * The site (dark when every expected camera is OFFLINE or in MAINTENANCE):
 *   Oct 12 13:00-14:00 c1 c2 OFFLINE (c3 not yet in the fleet)   down 3600
 *   Oct 18 00:30-01:00 all three OFFLINE, in the window           planned 1800
 *   Oct 20 08:45-09:00 all three OFFLINE                          down 900
 *   Oct 25 02:30-03:00 all three, in the window                   planned 1800
 *   Oct 25 03:00-03:30 all three, after the window                down 1800
 *   (Oct 7 00:00-01:00 c2 UNKNOWN, c1 up: not dark, with data. Oct 11 c1 MAINTENANCE alone, Oct 22 c3 alone: not dark.)
 *   no data 10 800; observed 2 635 200; down 6300; planned 3600; incidents 3
 *   camera-seconds lost (camera downtime while the site is up):
 *     c1 10 800 - (3600 + 900 + 1800) = 4500; c2 9000 - 6300 = 2700; c3 8400 - (900 + 1800) = 5700; site 12 900
 *   uptime (2 635 200 - 6300) / 2 635 200 = 99.7609 %; budget at 99.99 %: 2 635 200 x 0.0001 = 263.52 -> 264 s,
 *   left 264 - 6300 = -6036 s (breached).
 * </pre>
 */
public final class HandComputedMonth {

    public static final Period PERIOD = Period.month(YearMonth.of(2026, 10));
    public static final Site SITE = new Site("lis-01", "Lisbon Harbour", "Atlantic Foods", "PT", "EU", 38.70, -9.16,
            "Europe/Lisbon", SlaTier.PLATINUM, "Sun 01:00-03:00");
    /** The console had data all month but for three hours on Oct 12. */
    public static final List<Availability.Span> COVERAGE = List.of(
            new Availability.Span(t("2026-09-01T00:00"), t("2026-10-12T10:00")),
            new Availability.Span(t("2026-10-12T13:00"), t("2026-12-01T00:00")));

    public static final CameraHistory C1 = new CameraHistory("lis-01-c1", "lis-01", t("2026-09-01T00:00"), null,
            List.of(span(OFFLINE, "2026-10-20T08:00", "2026-10-20T09:00"),
                    span(OFFLINE, "2026-10-03T10:00", "2026-10-03T10:30"),
                    span(MAINTENANCE, "2026-10-11T00:30", "2026-10-11T01:30"),
                    span(OFFLINE, "2026-10-12T12:00", "2026-10-12T14:00"),
                    span(OFFLINE, "2026-10-18T00:30", "2026-10-18T01:00"),
                    span(OFFLINE, "2026-10-25T02:30", "2026-10-25T03:30")));
    public static final CameraHistory C2 = new CameraHistory("lis-01-c2", "lis-01", t("2026-09-01T00:00"), null,
            List.of(span(DEGRADED, "2026-10-05T12:00", "2026-10-05T14:00"),
                    span(UNKNOWN, "2026-10-07T00:00", "2026-10-07T01:00"),
                    span(OFFLINE, "2026-10-12T12:00", "2026-10-12T14:00"),
                    span(OFFLINE, "2026-10-18T00:30", "2026-10-18T01:00"),
                    span(OFFLINE, "2026-10-20T08:30", "2026-10-20T09:30"),
                    span(OFFLINE, "2026-10-25T02:30", "2026-10-25T03:30")));
    public static final CameraHistory C3 = new CameraHistory("lis-01-c3", "lis-01", t("2026-10-16T00:00"), null,
            List.of(span(OFFLINE, "2026-10-18T00:30", "2026-10-18T01:00"),
                    span(OFFLINE, "2026-10-20T08:45", "2026-10-20T09:15"),
                    span(MAINTENANCE, "2026-10-22T10:00", "2026-10-22T10:20"),
                    span(OFFLINE, "2026-10-25T02:30", "2026-10-25T03:30"),
                    span(OFFLINE, "2026-10-31T23:00", null)));
    public static final List<CameraHistory> CAMERAS = List.of(C1, C2, C3);

    /** The site's figures as computed by hand above. */
    public static final Availability SITE_FIGURES = new Availability(Grouping.SITE, "lis-01", PERIOD,
            2_635_200, 10_800, 6_300,
            List.of(new Availability.Span(t("2026-10-18T00:30"), t("2026-10-18T01:00")),
                    new Availability.Span(t("2026-10-25T02:30"), t("2026-10-25T03:00"))),
            3, 12_900, 99.99);
    /** The cameras' figures as computed by hand above. */
    public static final List<Availability> CAMERA_FIGURES = List.of(
            new Availability(Grouping.CAMERA, "lis-01-c1", PERIOD, 2_635_200, 10_800, 10_800,
                    List.of(new Availability.Span(t("2026-10-11T00:30"), t("2026-10-11T01:30")),
                            new Availability.Span(t("2026-10-18T00:30"), t("2026-10-18T01:00")),
                            new Availability.Span(t("2026-10-25T02:30"), t("2026-10-25T03:00"))),
                    4, 4_500, 99.99),
            new Availability(Grouping.CAMERA, "lis-01-c2", PERIOD, 2_631_600, 14_400, 9_000,
                    List.of(new Availability.Span(t("2026-10-18T00:30"), t("2026-10-18T01:00")),
                            new Availability.Span(t("2026-10-25T02:30"), t("2026-10-25T03:00"))),
                    3, 2_700, 99.99),
            new Availability(Grouping.CAMERA, "lis-01-c3", PERIOD, 1_364_400, 0, 8_400,
                    List.of(new Availability.Span(t("2026-10-18T00:30"), t("2026-10-18T01:00")),
                            new Availability.Span(t("2026-10-25T02:30"), t("2026-10-25T03:00"))),
                    4, 5_700, 99.99));

    private HandComputedMonth() {
    }

    private static Instant t(String utcMinute) {
        return Instant.parse(utcMinute + ":00Z");
    }

    private static StateSpan span(HealthState state, String from, String to) {
        return new StateSpan(state, t(from), to == null ? null : t(to));
    }
}
