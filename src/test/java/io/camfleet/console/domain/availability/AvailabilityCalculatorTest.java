package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.camfleet.console.domain.fleet.HealthState.DEGRADED;
import static io.camfleet.console.domain.fleet.HealthState.MAINTENANCE;
import static io.camfleet.console.domain.fleet.HealthState.OFFLINE;
import static io.camfleet.console.domain.fleet.HealthState.UNKNOWN;
import static io.camfleet.console.domain.fleet.HealthState.UPDATING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of {@link AvailabilityCalculator}, each on a small hand-computed case. Times are UTC. */
class AvailabilityCalculatorTest {

    /** 2026-10-02, a Friday: 86 400 s. */
    static final Period DAY = new Period(t("2026-10-02T00:00:00Z"), t("2026-10-03T00:00:00Z"));
    static final List<Availability.Span> ALWAYS = List.of(span("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));

    private final AvailabilityCalculator calculator = new AvailabilityCalculator(SiteDownRule.DEFAULT,
            SlaTargets.DEFAULT);

    static Instant t(String text) {
        return Instant.parse(text);
    }

    static Availability.Span span(String from, String to) {
        return new Availability.Span(t(from), t(to));
    }

    static Site site(String window, String zone) {
        return new Site("s1", "Porto Docks", "Acme", "PT", "EU", 41.1, -8.6, zone, SlaTier.PLATINUM, window);
    }

    static CameraHistory camera(String id, StateSpan... spans) {
        return new CameraHistory(id, "s1", t("2026-01-01T00:00:00Z"), null, List.of(spans));
    }

    static StateSpan in(HealthState state, String from, String to) {
        return new StateSpan(state, t(from), to == null ? null : t(to));
    }

    @Test
    void aDarkSiteIsDownAndOfflineCamerasAtASiteThatIsUpAreCameraSecondsLost() {
        // c1 OFFLINE 01:00-03:00, c2 OFFLINE 02:00-04:00. Dark (both OFFLINE) 02:00-03:00: site down 3600 s, 1 incident.
        // c1 and c2 are down 7200 s each; of it, while the site is up: c1 01:00-02:00, c2 03:00-04:00 = 3600 s each.
        SiteFigures f = calculator.site(site("", "Europe/Lisbon"), List.of(
                camera("c1", in(OFFLINE, "2026-10-02T01:00:00Z", "2026-10-02T03:00:00Z")),
                camera("c2", in(OFFLINE, "2026-10-02T02:00:00Z", "2026-10-02T04:00:00Z"))), ALWAYS, DAY);

        assertThat(f.site().grouping()).isEqualTo(Grouping.SITE);
        assertThat(f.site().observedSeconds()).isEqualTo(86_400);
        assertThat(f.site().noDataSeconds()).isZero();
        assertThat(f.site().downSeconds()).isEqualTo(3_600);
        assertThat(f.site().incidents()).isEqualTo(1);
        assertThat(f.site().cameraSecondsLost()).isEqualTo(7_200);
        assertThat(f.site().targetPercent()).isEqualTo(99.99);
        Availability c1 = f.cameras().get(0);
        assertThat(c1.grouping()).isEqualTo(Grouping.CAMERA);
        assertThat(c1.subject()).isEqualTo("c1");
        assertThat(c1.downSeconds()).isEqualTo(7_200);
        assertThat(c1.incidents()).isEqualTo(1);
        assertThat(c1.cameraSecondsLost()).isEqualTo(3_600);
        assertThat(f.cameras().get(1).cameraSecondsLost()).isEqualTo(3_600);
        assertThat(f.windowProblem()).isEmpty();
    }

    @Test
    void downtimeInsideTheMaintenanceWindowIsExcludedAndListedSeparately() {
        // Lisbon on Sunday 2026-10-04 is on WEST (UTC+1): the window Sun 02:00-04:00 is 01:00Z-03:00Z (7200 s).
        // c1 OFFLINE 00:00Z-02:00Z: down 00:00-01:00 = 3600, planned 01:00-02:00.
        // c2 MAINTENANCE 01:30Z-04:00Z: planned 01:30-03:00; 03:00-04:00 is MAINTENANCE outside the window: down 3600.
        // Site (dark only when both are down): both down 01:30-02:00, inside the window: planned 1800, never down.
        // Observed: 86400 - 7200 = 79200 for all three. Camera-seconds lost: 3600 + 3600.
        Period sunday = new Period(t("2026-10-04T00:00:00Z"), t("2026-10-05T00:00:00Z"));
        SiteFigures f = calculator.site(site("Sun 02:00-04:00", "Europe/Lisbon"), List.of(
                camera("c1", in(OFFLINE, "2026-10-04T00:00:00Z", "2026-10-04T02:00:00Z")),
                camera("c2", in(MAINTENANCE, "2026-10-04T01:30:00Z", "2026-10-04T04:00:00Z"))), ALWAYS, sunday);

        Availability c1 = f.cameras().get(0);
        assertThat(c1.observedSeconds()).isEqualTo(79_200);
        assertThat(c1.downSeconds()).isEqualTo(3_600);
        assertThat(c1.maintenance()).containsExactly(span("2026-10-04T01:00:00Z", "2026-10-04T02:00:00Z"));
        assertThat(c1.maintenanceSeconds()).isEqualTo(3_600);
        assertThat(c1.incidents()).isEqualTo(1);
        Availability c2 = f.cameras().get(1);
        assertThat(c2.downSeconds()).isEqualTo(3_600);
        assertThat(c2.maintenance()).containsExactly(span("2026-10-04T01:30:00Z", "2026-10-04T03:00:00Z"));
        assertThat(c2.incidents()).isEqualTo(1);
        assertThat(f.site().observedSeconds()).isEqualTo(79_200);
        assertThat(f.site().downSeconds()).isZero();
        assertThat(f.site().incidents()).isZero();
        assertThat(f.site().maintenance()).containsExactly(span("2026-10-04T01:30:00Z", "2026-10-04T02:00:00Z"));
        assertThat(f.site().maintenanceSeconds()).isEqualTo(1_800);
        assertThat(f.site().cameraSecondsLost()).isEqualTo(7_200);
    }

    @Test
    void aPeriodStartingOrEndingInsideAStretchCountsOnlyItsPartAndAnOpenStretchRunsToTheEnd() {
        // Period 2026-10-02 00:00-12:00 (43200 s). OFFLINE from the day before 22:00 to 02:00: 7200 inside, an
        // incident open at the start counts. OFFLINE from 11:00, still open: 3600 to the period's end. DEGRADED
        // 10:00-13:00 is up by the default rule. Down 10800, 2 incidents, up 32400: 75 %.
        Period morning = new Period(t("2026-10-02T00:00:00Z"), t("2026-10-02T12:00:00Z"));
        Availability a = calculator.camera(site("", "Europe/Lisbon"), camera("c1",
                in(OFFLINE, "2026-10-01T22:00:00Z", "2026-10-02T02:00:00Z"),
                in(DEGRADED, "2026-10-02T10:00:00Z", "2026-10-02T13:00:00Z"),
                in(OFFLINE, "2026-10-02T11:00:00Z", null)), ALWAYS, morning);

        assertThat(a.observedSeconds()).isEqualTo(43_200);
        assertThat(a.downSeconds()).isEqualTo(10_800);
        assertThat(a.incidents()).isEqualTo(2);
        assertThat(a.uptimePercent()).isEqualTo(75.0);
    }

    @Test
    void overlappingUnsortedAndReplayedStretchesCountOnceWithTheWorseStateWinning() {
        // DEGRADED 01:00-05:00, OFFLINE 02:00-04:00 (twice: a replayed write), OFFLINE 03:00-06:00, unsorted.
        // OFFLINE wins where they overlap: down 02:00-06:00 = 14400 s, one incident (01:00-02:00 and nothing after
        // 06:00 are DEGRADED or ONLINE: up by the default rule). With DEGRADED counting: 01:00-06:00 = 18000 s.
        CameraHistory c1 = camera("c1",
                in(OFFLINE, "2026-10-02T03:00:00Z", "2026-10-02T06:00:00Z"),
                in(OFFLINE, "2026-10-02T02:00:00Z", "2026-10-02T04:00:00Z"),
                in(DEGRADED, "2026-10-02T01:00:00Z", "2026-10-02T05:00:00Z"),
                in(OFFLINE, "2026-10-02T02:00:00Z", "2026-10-02T04:00:00Z"));
        Availability a = calculator.camera(site("", "Europe/Lisbon"), c1, ALWAYS, DAY);
        assertThat(a.downSeconds()).isEqualTo(14_400);
        assertThat(a.incidents()).isEqualTo(1);

        Availability withDegraded = new AvailabilityCalculator(new SiteDownRule(SiteDownRule.Kind.DARK, 0, true),
                SlaTargets.DEFAULT).camera(site("", "Europe/Lisbon"), c1, ALWAYS, DAY);
        assertThat(withDegraded.downSeconds()).isEqualTo(18_000);
        assertThat(withDegraded.incidents()).isEqualTo(1);
    }

    @Test
    void overlappingCoverageStretchesAreJoinedAndWhatTheyLeaveOutIsNoData() {
        // Coverage 00:00-10:00, 05:00-12:00 and 08:00-09:00 joined: 00:00-12:00; 12:00-24:00 (43200 s) has no data.
        // The OFFLINE stretch 11:00-13:00 is down only for its hour with data.
        List<Availability.Span> coverage = List.of(span("2026-10-02T05:00:00Z", "2026-10-02T12:00:00Z"),
                span("2026-10-02T00:00:00Z", "2026-10-02T10:00:00Z"),
                span("2026-10-02T08:00:00Z", "2026-10-02T09:00:00Z"));
        Availability a = calculator.camera(site("", "Europe/Lisbon"),
                camera("c1", in(OFFLINE, "2026-10-02T11:00:00Z", "2026-10-02T13:00:00Z")), coverage, DAY);
        assertThat(a.observedSeconds()).isEqualTo(43_200);
        assertThat(a.noDataSeconds()).isEqualTo(43_200);
        assertThat(a.downSeconds()).isEqualTo(3_600);
    }

    @Test
    void aGapWithNoDataIsNoDataNeverUpAndDoesNotSplitAnIncident() {
        // Coverage misses 10:00-13:00: "no data 3 h" = 10800 s, observed 75600.
        // OFFLINE 09:00-14:00: down 09:00-10:00 and 13:00-14:00 = 7200; one incident (no data showed it up between).
        List<Availability.Span> coverage = List.of(span("2026-10-02T00:00:00Z", "2026-10-02T10:00:00Z"),
                span("2026-10-02T13:00:00Z", "2026-10-03T00:00:00Z"));
        SiteFigures f = calculator.site(site("", "Europe/Lisbon"),
                List.of(camera("c1", in(OFFLINE, "2026-10-02T09:00:00Z", "2026-10-02T14:00:00Z"))), coverage, DAY);
        assertThat(f.site().noDataSeconds()).isEqualTo(10_800);
        assertThat(f.site().observedSeconds()).isEqualTo(75_600);
        assertThat(f.site().downSeconds()).isEqualTo(7_200);
        assertThat(f.site().incidents()).isEqualTo(1);
        assertThat(f.site().uptimePercent()).isEqualTo(100.0 * (75_600 - 7_200) / 75_600);
    }

    @Test
    void aRecoveryHiddenInAGapDoesNotSplitAnIncidentButOneSeenDoes() {
        // Coverage misses 10:00-13:00. OFFLINE 09:00-10:30 and 12:00-14:00: the recovery at 10:30 fell in the gap,
        // so the data show one outage (09:00-10:00, 13:00-14:00: 7200 s). OFFLINE again 15:00-16:00 after an hour
        // seen up: a second incident.
        List<Availability.Span> coverage = List.of(span("2026-10-02T00:00:00Z", "2026-10-02T10:00:00Z"),
                span("2026-10-02T13:00:00Z", "2026-10-03T00:00:00Z"));
        Availability a = calculator.camera(site("", "Europe/Lisbon"), camera("c1",
                in(OFFLINE, "2026-10-02T09:00:00Z", "2026-10-02T10:30:00Z"),
                in(OFFLINE, "2026-10-02T12:00:00Z", "2026-10-02T14:00:00Z"),
                in(OFFLINE, "2026-10-02T15:00:00Z", "2026-10-02T16:00:00Z")), coverage, DAY);
        assertThat(a.downSeconds()).isEqualTo(10_800);
        assertThat(a.incidents()).isEqualTo(2);
    }

    @Test
    void aRecoverySeenInsideTheWindowEndsAnIncidentAndOneLastingThroughItDoesNot() {
        // Sun 02:00-04:00 Lisbon (WEST) = 01:00Z-03:00Z on 2026-10-04.
        // c1 OFFLINE 00:30-01:30, up 01:30-02:30 (seen, in the window), OFFLINE 02:30-03:30: two incidents
        // (00:30 and 03:00), down 1800 + 1800. c2 OFFLINE 00:30-03:30 throughout: one incident, down 3600.
        Period sunday = new Period(t("2026-10-04T00:00:00Z"), t("2026-10-05T00:00:00Z"));
        SiteFigures f = calculator.site(site("Sun 02:00-04:00", "Europe/Lisbon"), List.of(
                camera("c1", in(OFFLINE, "2026-10-04T00:30:00Z", "2026-10-04T01:30:00Z"),
                        in(OFFLINE, "2026-10-04T02:30:00Z", "2026-10-04T03:30:00Z")),
                camera("c2", in(OFFLINE, "2026-10-04T00:30:00Z", "2026-10-04T03:30:00Z"))), ALWAYS, sunday);
        assertThat(f.cameras().get(0).incidents()).isEqualTo(2);
        assertThat(f.cameras().get(0).downSeconds()).isEqualTo(3_600);
        assertThat(f.cameras().get(1).incidents()).isEqualTo(1);
        assertThat(f.cameras().get(1).downSeconds()).isEqualTo(3_600);
        // the site is dark 00:30-01:00 (down), 01:00-01:30 (planned), 02:30-03:00 (planned), 03:00-03:30 (down):
        // c1 was seen up in the window between, so two incidents
        assertThat(f.site().incidents()).isEqualTo(2);
        assertThat(f.site().downSeconds()).isEqualTo(3_600);
        assertThat(f.site().maintenanceSeconds()).isEqualTo(3_600);
    }

    @Test
    void windowTimeWithoutDataIsNoDataNotMaintenanceAndTouchingPlannedStretchesAreOne() {
        // Sun 02:00-04:00 Lisbon (WEST) = 01:00Z-03:00Z on 2026-10-04. Coverage misses 01:00Z-02:00Z.
        // OFFLINE 00:30Z-03:30Z. Planned: the window with data, 02:00-03:00 (nothing at the gap's edge).
        // Down: 00:30-01:00 and 03:00-03:30 = 3600. No data: 01:00-02:00 = 3600, inside the window too.
        // Observed: 86400 - 3600 (no data) - 3600 (window with data) = 79200. One incident.
        Period sunday = new Period(t("2026-10-04T00:00:00Z"), t("2026-10-05T00:00:00Z"));
        List<Availability.Span> coverage = List.of(span("2026-10-01T00:00:00Z", "2026-10-04T01:00:00Z"),
                span("2026-10-04T02:00:00Z", "2026-10-06T00:00:00Z"));
        Availability a = calculator.camera(site("Sun 02:00-04:00", "Europe/Lisbon"), camera("c1",
                in(OFFLINE, "2026-10-04T00:30:00Z", "2026-10-04T03:30:00Z")), coverage, sunday);
        assertThat(a.maintenance()).containsExactly(span("2026-10-04T02:00:00Z", "2026-10-04T03:00:00Z"));
        assertThat(a.downSeconds()).isEqualTo(3_600);
        assertThat(a.noDataSeconds()).isEqualTo(3_600);
        assertThat(a.observedSeconds()).isEqualTo(79_200);
        assertThat(a.incidents()).isEqualTo(1);

        // DEGRADED (counting) 00:30-01:30 then OFFLINE 01:30-03:30, coverage whole: planned 01:00-03:00 as one
        // stretch though the camera changed state inside it.
        AvailabilityCalculator degradedCounts = new AvailabilityCalculator(
                new SiteDownRule(SiteDownRule.Kind.DARK, 0, true), SlaTargets.DEFAULT);
        Availability whole = degradedCounts.camera(site("Sun 02:00-04:00", "Europe/Lisbon"), camera("c1",
                in(DEGRADED, "2026-10-04T00:30:00Z", "2026-10-04T01:30:00Z"),
                in(OFFLINE, "2026-10-04T01:30:00Z", "2026-10-04T03:30:00Z")), ALWAYS, sunday);
        assertThat(whole.maintenance()).containsExactly(span("2026-10-04T01:00:00Z", "2026-10-04T03:00:00Z"));
        assertThat(whole.maintenanceSeconds()).isEqualTo(7_200);
    }

    @Test
    void aCameraAddedMidPeriodCountsOnlyFromThenAndChangesWhenTheSiteIsDark() {
        // c1 all day, OFFLINE 02:00-03:00 and 14:00-15:00. c2 joins at 12:00 (firstSeen), ONLINE.
        // 02:00-03:00 c1 is the only camera: the site is dark (3600 down). 14:00-15:00 c2 is up: not dark.
        // c2: observed 12:00-24:00 = 43200, no data 0 (before it joined it is neither up, down nor without data).
        // Site camera-seconds lost: c1's 14:00-15:00 = 3600.
        CameraHistory c2 = new CameraHistory("c2", "s1", t("2026-10-02T12:00:00Z"), null, List.of());
        SiteFigures f = calculator.site(site("", "Europe/Lisbon"), List.of(camera("c1",
                in(OFFLINE, "2026-10-02T02:00:00Z", "2026-10-02T03:00:00Z"),
                in(OFFLINE, "2026-10-02T14:00:00Z", "2026-10-02T15:00:00Z")), c2), ALWAYS, DAY);
        assertThat(f.site().downSeconds()).isEqualTo(3_600);
        assertThat(f.site().incidents()).isEqualTo(1);
        assertThat(f.site().cameraSecondsLost()).isEqualTo(3_600);
        assertThat(f.cameras().get(1).observedSeconds()).isEqualTo(43_200);
        assertThat(f.cameras().get(1).noDataSeconds()).isZero();
        assertThat(f.cameras().get(1).downSeconds()).isZero();
    }

    @Test
    void aSiteCountsOnlyWhileItHasCamerasAndACameraThatLeftStopsCounting() {
        // c1 joins at 06:00 and leaves at 18:00: 43200 s of life, all observed, for it and its site.
        // Coverage misses 00:00-08:00: no data 06:00-08:00 only (7200); before 06:00 the site had no camera.
        CameraHistory c1 = new CameraHistory("c1", "s1", t("2026-10-02T06:00:00Z"), t("2026-10-02T18:00:00Z"),
                List.of(in(OFFLINE, "2026-10-02T17:00:00Z", null)));
        List<Availability.Span> coverage = List.of(span("2026-10-02T08:00:00Z", "2026-10-03T00:00:00Z"));
        SiteFigures f = calculator.site(site("", "Europe/Lisbon"), List.of(c1), coverage, DAY);
        assertThat(f.site().noDataSeconds()).isEqualTo(7_200);
        assertThat(f.site().observedSeconds()).isEqualTo(36_000);
        // OFFLINE from 17:00, open, but the camera left at 18:00: 3600 down
        assertThat(f.site().downSeconds()).isEqualTo(3_600);
        assertThat(f.cameras().getFirst().downSeconds()).isEqualTo(3_600);
    }

    @Test
    void unknownIsNoDataUpdatingIsUpAndMaintenanceOutsideTheWindowIsDown() {
        // c1: UNKNOWN 01:00-03:00 (no data 7200), UPDATING 04:00-05:00 (up), MAINTENANCE 06:00-07:00 (no window:
        // down 3600). c2: UNKNOWN 02:00-04:00.
        // Site: 02:00-03:00 both UNKNOWN: no data 3600. 06:00-07:00 c1 MAINTENANCE, c2 up: not dark.
        SiteFigures f = calculator.site(site("", "Europe/Lisbon"), List.of(
                camera("c1", in(UNKNOWN, "2026-10-02T01:00:00Z", "2026-10-02T03:00:00Z"),
                        in(UPDATING, "2026-10-02T04:00:00Z", "2026-10-02T05:00:00Z"),
                        in(MAINTENANCE, "2026-10-02T06:00:00Z", "2026-10-02T07:00:00Z")),
                camera("c2", in(UNKNOWN, "2026-10-02T02:00:00Z", "2026-10-02T04:00:00Z"))), ALWAYS, DAY);
        Availability c1 = f.cameras().get(0);
        assertThat(c1.noDataSeconds()).isEqualTo(7_200);
        assertThat(c1.observedSeconds()).isEqualTo(79_200);
        assertThat(c1.downSeconds()).isEqualTo(3_600);
        assertThat(f.site().noDataSeconds()).isEqualTo(3_600);
        assertThat(f.site().observedSeconds()).isEqualTo(82_800);
        assertThat(f.site().downSeconds()).isZero();
        assertThat(f.site().cameraSecondsLost()).isEqualTo(3_600);
    }

    @Test
    void aCameraTakenAloneCountsAllItsDowntimeAsLostForItsSiteIsNotKnown() {
        // The same OFFLINE hour: alone, the camera's site cannot be judged, so the hour is camera-seconds lost.
        Availability a = calculator.camera(site("", "Europe/Lisbon"),
                camera("c1", in(OFFLINE, "2026-10-02T01:00:00Z", "2026-10-02T02:00:00Z")), ALWAYS, DAY);
        assertThat(a.downSeconds()).isEqualTo(3_600);
        assertThat(a.cameraSecondsLost()).isEqualTo(3_600);
    }

    @Test
    void anUnreadableWindowOrZoneExcludesNothingAndSaysWhy() {
        CameraHistory c1 = camera("c1", in(OFFLINE, "2026-10-04T01:00:00Z", "2026-10-04T02:00:00Z"));
        Period sunday = new Period(t("2026-10-04T00:00:00Z"), t("2026-10-05T00:00:00Z"));

        SiteFigures badWindow = calculator.site(site("Sundays at two", "Europe/Lisbon"), List.of(c1), ALWAYS, sunday);
        assertThat(badWindow.windowProblem()).contains("Sundays at two").contains("not understood");
        assertThat(badWindow.site().downSeconds()).isEqualTo(3_600);
        assertThat(badWindow.site().maintenance()).isEmpty();

        SiteFigures badZone = calculator.site(site("Sun 02:00-04:00", "Mars/Olympus"), List.of(c1), ALWAYS, sunday);
        assertThat(badZone.windowProblem()).contains("Mars/Olympus").contains("s1");
        assertThat(badZone.site().downSeconds()).isEqualTo(3_600);
    }

    @Test
    void camerasOfAnotherSiteAndBackwardStretchesAreRefusedWithASentence() {
        CameraHistory elsewhere = new CameraHistory("c9", "s2", t("2026-01-01T00:00:00Z"), null, List.of());
        assertThatThrownBy(() -> calculator.site(site("", "Europe/Lisbon"), List.of(elsewhere), ALWAYS, DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Camera c9 belongs to site s2, not to s1.");
        Period ages = new Period(t("2026-01-01T00:00:00Z"), t("2026-01-01T00:00:00Z").plusSeconds(1L << 37));
        assertThatThrownBy(() -> calculator.site(site("", "Europe/Lisbon"), List.of(), ALWAYS, ages))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
        assertThatThrownBy(() -> in(OFFLINE, "2026-10-02T02:00:00Z", "2026-10-02T01:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> new CameraHistory("c1", "s1", t("2026-10-02T02:00:00Z"),
                t("2026-10-02T01:00:00Z"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it joined");
    }
}
