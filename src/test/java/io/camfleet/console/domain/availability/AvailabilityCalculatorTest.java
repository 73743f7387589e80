package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityCalculatorTest {

    private static final Period DAY = new Period(t("2026-10-01T00:00:00Z"), t("2026-10-02T00:00:00Z"));
    private static final List<Availability.Span> ALWAYS = List.of(new Availability.Span(t("2026-01-01T00:00:00Z"),
            t("2027-01-01T00:00:00Z")));
    private final AvailabilityCalculator calculator = new AvailabilityCalculator(SiteDownRule.DEFAULT,
            SlaTargets.DEFAULT);

    static Instant t(String text) {
        return Instant.parse(text);
    }

    static Site site(String window, String zone) {
        return new Site("s1", "Site 1", "Acme", "PT", "EU", 38.7, -9.1, zone, SlaTier.PLATINUM, window);
    }

    static CameraHistory camera(String id, StateSpan... spans) {
        return new CameraHistory(id, "s1", t("2026-01-01T00:00:00Z"), null, List.of(spans));
    }

    static StateSpan span(HealthState state, String from, String to) {
        return new StateSpan(state, t(from), to == null ? null : t(to));
    }

    @Test
    void aDarkSiteIsDownAndAPartlyOfflineSiteLosesCameraSeconds() {
        // Two cameras, one day (86400 s). c1 OFFLINE 01:00-03:00, c2 OFFLINE 02:00-04:00.
        // Dark (both offline) 02:00-03:00: site down 3600 s, one incident.
        // c1 down 7200, c2 down 7200; while the site is up: c1 01:00-02:00 (3600), c2 03:00-04:00 (3600): lost 7200.
        SiteFigures f = calculator.site(site("", "Europe/Lisbon"), List.of(
                camera("c1", span(HealthState.OFFLINE, "2026-10-01T01:00:00Z", "2026-10-01T03:00:00Z")),
                camera("c2", span(HealthState.OFFLINE, "2026-10-01T02:00:00Z", "2026-10-01T04:00:00Z"))),
                ALWAYS, DAY);
        assertThat(f.site().observedSeconds()).isEqualTo(86_400);
        assertThat(f.site().downSeconds()).isEqualTo(3_600);
        assertThat(f.site().incidents()).isEqualTo(1);
        assertThat(f.site().cameraSecondsLost()).isEqualTo(7_200);
        assertThat(f.cameras().get(0).downSeconds()).isEqualTo(7_200);
        assertThat(f.cameras().get(0).cameraSecondsLost()).isEqualTo(3_600);
        assertThat(f.cameras().get(1).cameraSecondsLost()).isEqualTo(3_600);
    }
}
