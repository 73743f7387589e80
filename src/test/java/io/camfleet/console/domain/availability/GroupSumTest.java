package io.camfleet.console.domain.availability;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Customer, region and environment figures from their sites'. */
class GroupSumTest {

    private static final Period DAY = AvailabilityCalculatorTest.DAY;

    private static Availability site(String id, long observed, long noData, long down, int incidents, long lost,
                                     double target, List<Availability.Span> maintenance) {
        return new Availability(Grouping.SITE, id, DAY, observed, noData, down, maintenance, incidents, lost, target);
    }

    /** From minute {@code from} to minute {@code to} of the day. */
    private static Availability.Span minutes(int from, int to) {
        return new Availability.Span(DAY.from().plusSeconds(from * 60L), DAY.from().plusSeconds(to * 60L));
    }

    @Test
    void secondsAddUpAndTheTargetIsWeightedByObservedTime() {
        // a: 80000 s at 99.99 %, b: 20000 s at 99.5 %: target (80000 x 99.99 + 20000 x 99.5) / 100000 = 99.892.
        // Maintenance: a 01:00-01:30, b 01:15-01:45 and 02:00-02:15: listed merged 01:00-01:45, 02:00-02:15;
        // total 1800 + 1800 + 900 = 4500 s (the members' planned time, not the merged list's 3600).
        Availability a = site("a", 80_000, 6_400, 100, 1, 500, 99.99, List.of(minutes(60, 90)));
        Availability b = site("b", 20_000, 0, 50, 2, 0, 99.5, List.of(minutes(75, 105), minutes(120, 135)));
        Availability quiet = site("c", 0, 0, 0, 0, 0, 99.9, List.of());
        Availability sum = AvailabilityCalculator.sum(Grouping.CUSTOMER, "Acme", DAY, List.of(b, quiet, a));

        assertThat(sum.grouping()).isEqualTo(Grouping.CUSTOMER);
        assertThat(sum.subject()).isEqualTo("Acme");
        assertThat(sum.observedSeconds()).isEqualTo(100_000);
        assertThat(sum.noDataSeconds()).isEqualTo(6_400);
        assertThat(sum.downSeconds()).isEqualTo(150);
        assertThat(sum.incidents()).isEqualTo(3);
        assertThat(sum.cameraSecondsLost()).isEqualTo(500);
        assertThat(sum.targetPercent()).isCloseTo(99.892, within(1e-9));
        assertThat(sum.maintenance()).containsExactly(minutes(60, 105), minutes(120, 135));
        assertThat(sum.maintenanceSeconds()).isEqualTo(4_500);
    }

    @Test
    void aLongMaintenanceListIsDroppedButItsTotalKept() {
        List<Availability> sites = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // sixty sites, each planned for a minute at a different minute: sixty stretches of 60 s
            Availability.Span minute = new Availability.Span(DAY.from().plusSeconds(i * 120L),
                    DAY.from().plusSeconds(i * 120L + 60));
            sites.add(site("s" + i, 1_000, 0, 0, 0, 0, 99.9, List.of(minute)));
        }
        Availability sum = AvailabilityCalculator.sum(Grouping.REGION, "EU", DAY, sites);
        assertThat(sum.maintenance()).isEmpty();
        assertThat(sum.maintenanceSeconds()).isEqualTo(3_600);
        assertThat(AvailabilityCalculator.sum(Grouping.REGION, "EU", DAY, sites.subList(0, 50)).maintenance())
                .hasSize(50);
        // 51 stretches of which two overlap merge to 50: listed
        List<Availability> fiftyOne = new ArrayList<>(sites.subList(0, 50));
        fiftyOne.add(site("twin", 1_000, 0, 0, 0, 0, 99.9, List.of(minutes(0, 1))));
        assertThat(AvailabilityCalculator.sum(Grouping.REGION, "EU", DAY, fiftyOne).maintenance()).hasSize(50);
    }

    @Test
    void sitesPlannedAtTheSameTimeShareOneLineHoweverManyTheyAre() {
        // 200 sites dark in the same window 01:00-03:00: one merged stretch, 200 x 7200 s planned.
        List<Availability> sites = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sites.add(site("s" + i, 79_200, 0, 0, 0, 0, 99.9, List.of(minutes(60, 180))));
        }
        Availability sum = AvailabilityCalculator.sum(Grouping.REGION, "EU", DAY, sites);
        assertThat(sum.maintenance()).containsExactly(minutes(60, 180));
        assertThat(sum.maintenanceSeconds()).isEqualTo(200 * 7_200L);
    }

    @Test
    void aMemberWhoseListWasDroppedLeavesTheGroupListEmptyRatherThanIncomplete() {
        // a region's figures (list dropped, 3600 s planned) summed into an environment with a site planned 01:00-01:30
        Availability region = new Availability(Grouping.REGION, "EU", DAY, 1_000_000, 0, 0, List.of(), 3_600, 0, 0,
                99.9);
        Availability site = site("s1", 79_200, 0, 0, 0, 0, 99.9, List.of(minutes(60, 90)));
        Availability sum = AvailabilityCalculator.sum(Grouping.ENVIRONMENT, "prod", DAY, List.of(site, region));
        assertThat(sum.maintenance()).isEmpty();
        assertThat(sum.maintenanceSeconds()).isEqualTo(5_400);
    }

    @Test
    void aGroupWithNothingObservedTakesThePlainMeanAndAnEmptyGroupHasNoTarget() {
        Availability a = site("a", 0, 86_400, 0, 0, 0, 99.9, List.of());
        Availability b = site("b", 0, 86_400, 0, 0, 0, 99.5, List.of());
        assertThat(AvailabilityCalculator.sum(Grouping.ENVIRONMENT, "prod", DAY, List.of(a, b)).targetPercent())
                .isCloseTo(99.7, within(1e-9));
        Availability none = AvailabilityCalculator.sum(Grouping.ENVIRONMENT, "empty", DAY, List.of());
        assertThat(none.targetPercent()).isNaN();
        assertThat(none.observedSeconds()).isZero();
        assertThat(none.uptimePercent()).isNaN();
        assertThat(none.metTarget()).isFalse();
    }

    @Test
    void theHandComputedMonthSumsToItsSite() {
        // The cameras of HandComputedMonth summed: down 10800 + 9000 + 8400 = 28200, incidents 4 + 3 + 4 = 11.
        Availability cameras = AvailabilityCalculator.sum(Grouping.SITE, "lis-01", HandComputedMonth.PERIOD,
                HandComputedMonth.CAMERA_FIGURES);
        assertThat(cameras.downSeconds()).isEqualTo(28_200);
        assertThat(cameras.incidents()).isEqualTo(11);
        assertThat(cameras.maintenanceSeconds()).isEqualTo(7_200 + 3_600 + 3_600);
    }
}
