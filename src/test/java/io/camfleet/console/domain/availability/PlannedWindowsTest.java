package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static io.camfleet.console.domain.availability.AvailabilityCalculatorTest.ALWAYS;
import static io.camfleet.console.domain.availability.AvailabilityCalculatorTest.span;
import static io.camfleet.console.domain.availability.AvailabilityCalculatorTest.t;
import static io.camfleet.console.domain.fleet.HealthState.OFFLINE;
import static org.assertj.core.api.Assertions.assertThat;

/** The maintenance window in the site's zone, across daylight-saving changes, as availability excludes it. */
class PlannedWindowsTest {

    private final AvailabilityCalculator calculator = new AvailabilityCalculator(SiteDownRule.DEFAULT,
            SlaTargets.DEFAULT);

    private SiteFigures offlineAllNight(String zone, String window, String day) {
        // one camera OFFLINE from the evening before (22:00Z) to 09:00Z on the day; the period is that UTC day
        Site site = new Site("s1", "Night site", "Acme", "", "EU", null, null, zone, SlaTier.PLATINUM, window);
        Instant midnight = t(day + "T00:00:00Z");
        CameraHistory c1 = new CameraHistory("c1", "s1", t("2026-01-01T00:00:00Z"), null,
                List.of(new StateSpan(OFFLINE, midnight.minusSeconds(7_200), t(day + "T09:00:00Z"))));
        return calculator.site(site, List.of(c1), ALWAYS, new Period(midnight, midnight.plusSeconds(86_400)));
    }

    @Test
    void lisbonSpringForwardShortensTheWindowToTheHourThatExists() {
        // 2026-03-29 (last Sunday of March) Lisbon jumps from 01:00 WET to 02:00 WEST at 01:00Z. The window
        // Sun 01:00-03:00 opens in the gap, so at 02:00 WEST (01:00Z), and ends at 03:00 WEST (02:00Z): one hour.
        // OFFLINE 00:00Z-09:00Z in the day: planned 01:00Z-02:00Z (3600), down 9 h - 1 h = 28800, observed 82800.
        SiteFigures f = offlineAllNight("Europe/Lisbon", "Sun 01:00-03:00", "2026-03-29");
        assertThat(f.site().maintenance()).containsExactly(span("2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"));
        assertThat(f.site().downSeconds()).isEqualTo(28_800);
        assertThat(f.site().observedSeconds()).isEqualTo(82_800);
        assertThat(f.site().incidents()).isEqualTo(1);
    }

    @Test
    void lisbonFallBackOpensTheWindowForTheRepeatedHourTwice() {
        // 2026-10-25 (last Sunday of October) Lisbon goes from 02:00 WEST back to 01:00 WET at 01:00Z. Wall clock
        // 01:00-02:00 happens twice (00:00Z-01:00Z WEST, 01:00Z-02:00Z WET), 02:00-03:00 WET is 02:00Z-03:00Z:
        // the window Sun 01:00-03:00 is open 00:00Z-03:00Z, three real hours.
        // OFFLINE 00:00Z-09:00Z: planned 10800, down 32400 - 10800 = 21600, observed 86400 - 10800 = 75600.
        SiteFigures f = offlineAllNight("Europe/Lisbon", "Sun 01:00-03:00", "2026-10-25");
        assertThat(f.site().maintenance()).containsExactly(span("2026-10-25T00:00:00Z", "2026-10-25T03:00:00Z"));
        assertThat(f.site().maintenanceSeconds()).isEqualTo(10_800);
        assertThat(f.site().downSeconds()).isEqualTo(21_600);
        assertThat(f.site().observedSeconds()).isEqualTo(75_600);
    }

    @Test
    void newYorkSpringForwardAndFallBack() {
        // 2026-03-08: 02:00 EST (07:00Z) becomes 03:00 EDT. Sun 01:00-03:00 = 01:00 EST (06:00Z) to 03:00 EDT
        // (07:00Z): one hour. OFFLINE to 09:00Z: planned 3600, down 32400 - 3600 = 28800.
        SiteFigures spring = offlineAllNight("America/New_York", "Sun 01:00-03:00", "2026-03-08");
        assertThat(spring.site().maintenance()).containsExactly(span("2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z"));
        assertThat(spring.site().downSeconds()).isEqualTo(28_800);
        // 2026-11-01: 02:00 EDT (06:00Z) becomes 01:00 EST. Sun 01:00-03:00 = 01:00 EDT (05:00Z) to 03:00 EST
        // (08:00Z): three hours. Planned 10800, down 32400 - 10800 = 21600.
        SiteFigures fall = offlineAllNight("America/New_York", "Sun 01:00-03:00", "2026-11-01");
        assertThat(fall.site().maintenance()).containsExactly(span("2026-11-01T05:00:00Z", "2026-11-01T08:00:00Z"));
        assertThat(fall.site().downSeconds()).isEqualTo(21_600);
    }

    @Test
    void aWindowOpenedTheEveningBeforeReachesIntoThePeriod() {
        // Sat 22:00-02:00 in UTC opened on Saturday 2026-10-03 ends Sunday 02:00Z: the Sunday period starts planned.
        // OFFLINE 22:00Z Saturday to 09:00Z: planned 00:00-02:00 (7200), down 7 h = 25200.
        SiteFigures f = offlineAllNight("UTC", "Sat 22:00-02:00", "2026-10-04");
        assertThat(f.site().maintenance()).containsExactly(span("2026-10-04T00:00:00Z", "2026-10-04T02:00:00Z"));
        assertThat(f.site().downSeconds()).isEqualTo(25_200);
    }

    @ParameterizedTest
    @CsvSource({
            "Europe/Lisbon, Sun 01:00-03:00, 2026-03",
            "Europe/Lisbon, Sun 01:00-03:00, 2026-10",
            "America/New_York, Sun 01:00-03:00, 2026-03",
            "America/New_York, Sun 01:00-03:00, 2026-11",
            "America/New_York, daily 01:30-02:30, 2026-11",
            "America/New_York, Sat-Sun 00:30-01:30, 2026-11",
            "Europe/Amsterdam, Mon-Fri 22:00-02:00, 2026-03",
            "Australia/Sydney, Sun 02:00-03:00, 2026-10",
            "Australia/Lord_Howe, Sun 01:45-02:15, 2026-04",
            "Europe/Lisbon, daily 00:00-24:00, 2026-10",
    })
    void theOpenStretchesAreExactlyTheInstantsTheWindowSaysAreOpen(String zone, String text, String month) {
        // Brute force: every minute of the month (and a second on either side of every boundary) asked directly.
        MaintenanceWindow window = MaintenanceWindow.parse(text);
        ZoneId id = ZoneId.of(zone);
        Period period = Period.month(YearMonth.parse(month));
        long from = period.from().getEpochSecond();
        long to = period.to().getEpochSecond();
        long[] open = PlannedWindows.compute(window, id, from, to);

        List<Long> probes = new ArrayList<>();
        for (long s = from; s < to; s += 60) {
            probes.add(s);
        }
        for (long boundary : open) {
            probes.add(boundary - 1);
            probes.add(boundary);
        }
        for (long s : probes) {
            if (s < from || s >= to) {
                continue;
            }
            assertThat(inside(open, s)).as("%s %s at %s", zone, text, Instant.ofEpochSecond(s))
                    .isEqualTo(window.isOpen(Instant.ofEpochSecond(s), id));
        }
        for (int i = 1; i < open.length; i++) {
            assertThat(open[i]).as("sorted, disjoint, not touching").isGreaterThan(open[i - 1]);
        }
    }

    private static boolean inside(long[] open, long s) {
        for (int i = 0; i < open.length; i += 2) {
            if (s >= open[i] && s < open[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
