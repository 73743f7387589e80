package io.camfleet.console.domain.availability;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The month of {@link HandComputedMonth}, computed, against the figures worked out by hand there. */
class HandComputedMonthTest {

    private final AvailabilityCalculator calculator = new AvailabilityCalculator(SiteDownRule.DEFAULT,
            SlaTargets.DEFAULT);

    @Test
    void octoberAtTheLisbonSiteMatchesTheHandComputation() {
        SiteFigures f = calculator.site(HandComputedMonth.SITE, HandComputedMonth.CAMERAS,
                HandComputedMonth.COVERAGE, HandComputedMonth.PERIOD);

        assertThat(f.site()).isEqualTo(HandComputedMonth.SITE_FIGURES);
        assertThat(f.cameras()).containsExactlyElementsOf(HandComputedMonth.CAMERA_FIGURES);
        assertThat(f.windowProblem()).isEmpty();
        // uptime (2 635 200 - 6300) / 2 635 200; budget 263.52 -> 264 s at 99.99 %, left 264 - 6300
        assertThat(f.site().uptimePercent()).isCloseTo(99.76093, within(0.00001));
        assertThat(f.site().budgetSeconds()).isEqualTo(264);
        assertThat(f.site().budgetLeftSeconds()).isEqualTo(-6_036);
        assertThat(f.site().metTarget()).isFalse();
        // planned maintenance of the site: 1800 + 1800
        assertThat(f.site().maintenanceSeconds()).isEqualTo(3_600);
    }

    @Test
    void theCamerasInAnyOrderGiveTheSameSiteFigures() {
        SiteFigures f = calculator.site(HandComputedMonth.SITE, List.of(HandComputedMonth.C3,
                HandComputedMonth.C1, HandComputedMonth.C2), HandComputedMonth.COVERAGE, HandComputedMonth.PERIOD);
        assertThat(f.site()).isEqualTo(HandComputedMonth.SITE_FIGURES);
        assertThat(f.cameras().getFirst()).isEqualTo(HandComputedMonth.CAMERA_FIGURES.get(2));
    }
}
