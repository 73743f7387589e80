package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.availability.SiteDownRule.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.camfleet.console.domain.availability.AvailabilityCalculatorTest.ALWAYS;
import static io.camfleet.console.domain.availability.AvailabilityCalculatorTest.DAY;
import static io.camfleet.console.domain.availability.AvailabilityCalculatorTest.camera;
import static io.camfleet.console.domain.availability.AvailabilityCalculatorTest.in;
import static io.camfleet.console.domain.availability.AvailabilityCalculatorTest.site;
import static io.camfleet.console.domain.fleet.HealthState.DEGRADED;
import static io.camfleet.console.domain.fleet.HealthState.OFFLINE;
import static io.camfleet.console.domain.fleet.HealthState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One day at a four-camera site judged by each rule. The hours (UTC, 2026-10-02):
 * <pre>
 *   01-02  c1 OFFLINE                                   1 of 4 OFFLINE
 *   03-04  c1 c2 OFFLINE                                2 of 4
 *   05-06  c1 OFFLINE, c2 c3 c4 DEGRADED                1 OFFLINE + 3 DEGRADED of 4
 *   07-08  c1 c2 c3 c4 OFFLINE                          4 of 4 (dark)
 *   09-10  c1 c2 c3 OFFLINE, c4 UNKNOWN                 3 of 3 expected (dark: UNKNOWN is not expected)
 * </pre>
 * Camera downtime without DEGRADED: c1 5 h, c2 3 h, c3 2 h, c4 1 h = 11 h. With DEGRADED: + c2 c3 c4 05-06 = 14 h.
 */
class SiteDownRulesOnOneHistoryTest {

    private static final List<CameraHistory> CAMERAS = List.of(
            camera("c1", in(OFFLINE, "2026-10-02T01:00:00Z", "2026-10-02T02:00:00Z"),
                    in(OFFLINE, "2026-10-02T03:00:00Z", "2026-10-02T04:00:00Z"),
                    in(OFFLINE, "2026-10-02T05:00:00Z", "2026-10-02T06:00:00Z"),
                    in(OFFLINE, "2026-10-02T07:00:00Z", "2026-10-02T08:00:00Z"),
                    in(OFFLINE, "2026-10-02T09:00:00Z", "2026-10-02T10:00:00Z")),
            camera("c2", in(OFFLINE, "2026-10-02T03:00:00Z", "2026-10-02T04:00:00Z"),
                    in(DEGRADED, "2026-10-02T05:00:00Z", "2026-10-02T06:00:00Z"),
                    in(OFFLINE, "2026-10-02T07:00:00Z", "2026-10-02T08:00:00Z"),
                    in(OFFLINE, "2026-10-02T09:00:00Z", "2026-10-02T10:00:00Z")),
            camera("c3", in(DEGRADED, "2026-10-02T05:00:00Z", "2026-10-02T06:00:00Z"),
                    in(OFFLINE, "2026-10-02T07:00:00Z", "2026-10-02T08:00:00Z"),
                    in(OFFLINE, "2026-10-02T09:00:00Z", "2026-10-02T10:00:00Z")),
            camera("c4", in(DEGRADED, "2026-10-02T05:00:00Z", "2026-10-02T06:00:00Z"),
                    in(OFFLINE, "2026-10-02T07:00:00Z", "2026-10-02T08:00:00Z"),
                    in(UNKNOWN, "2026-10-02T09:00:00Z", "2026-10-02T10:00:00Z")));

    @ParameterizedTest(name = "{0} {1} degraded={2}: down {3} h in {4} incidents, {5} camera-hours lost")
    @CsvSource({
            // dark: 07-08, 09-10. Lost 11 - (4 + 3 camera-hours while down) = 4.
            "DARK,             0,   false, 2, 2, 4",
            // dark counting DEGRADED: also 05-06 (4 of 4 against), three stretches. Lost 14 - (4 + 4 + 3) = 3.
            "DARK,             0,   true,  3, 3, 3",
            // at least 2 OFFLINE: 03-04, 07-08, 09-10 (05-06 has 1). Lost 11 - (2 + 4 + 3) = 2.
            "AT_LEAST,         2,   false, 3, 3, 2",
            // at least 2 counting DEGRADED: 03-04, 05-06, 07-08, 09-10, up between each. Lost 14 - 13 = 1.
            "AT_LEAST,         2,   true,  4, 4, 1",
            // at least 75 %: 03-04 is 50 %, no; 07-08 100 %; 09-10 3 of 3. Lost 11 - 7 = 4.
            "AT_LEAST_PERCENT, 75,  false, 2, 2, 4",
            // at least 50 %: 03-04 (2 of 4) too. Lost 11 - 9 = 2.
            "AT_LEAST_PERCENT, 50,  false, 3, 3, 2",
            // at least 75 % counting DEGRADED: 05-06 (4 of 4) too, three stretches. Lost 14 - 11 = 3.
            "AT_LEAST_PERCENT, 75,  true,  3, 3, 3",
    })
    void eachRuleJudgesTheSameDayItsOwnWay(Kind kind, int threshold, boolean degradedCounts, int downHours,
                                           int incidents, int lostHours) {
        AvailabilityCalculator calculator = new AvailabilityCalculator(
                new SiteDownRule(kind, threshold, degradedCounts), SlaTargets.DEFAULT);
        SiteFigures f = calculator.site(site("", "Europe/Lisbon"), CAMERAS, ALWAYS, DAY);
        assertThat(f.site().downSeconds()).isEqualTo(downHours * 3_600L);
        assertThat(f.site().incidents()).isEqualTo(incidents);
        assertThat(f.site().cameraSecondsLost()).isEqualTo(lostHours * 3_600L);
        assertThat(f.site().observedSeconds()).isEqualTo(86_400);
        // the cameras' own downtime does not depend on the site's rule, only on whether DEGRADED counts
        assertThat(f.cameras().stream().mapToLong(Availability::downSeconds).sum())
                .isEqualTo((degradedCounts ? 14 : 11) * 3_600L);
        assertThat(f.cameras().get(3).noDataSeconds()).isEqualTo(3_600);
    }
}
