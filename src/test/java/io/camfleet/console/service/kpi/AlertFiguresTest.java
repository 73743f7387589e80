package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.service.kpi.IncidentHistory.PastAlert;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AlertFiguresTest {

    private static final Period OCTOBER = Period.month(YearMonth.of(2026, 10));

    private static PastAlert alert(AlertKind kind, String raised, String acked, String resolved) {
        return new PastAlert(kind, kind == AlertKind.SITE_OFFLINE ? AlertSeverity.CRITICAL
                : AlertSeverity.WARNING, Instant.parse(raised), acked == null ? null : Instant.parse(acked),
                resolved == null ? null : Instant.parse(resolved));
    }

    /**
     * Hand computation. In October: three incidents (site offline) raised 10-02 10:00, 10-09 00:00, 10-20 12:00;
     * resolved after 30 min, 4 h, and not yet. Acknowledged after 2 min, 10 min, 6 min. One degraded camera raised
     * 10-02 11:00, never acknowledged, resolved 10-02 11:20. One stale sync raised 09-30 23:00 (before the period:
     * not counted).
     * <pre>
     * raised 4 (3 SITE_OFFLINE CRITICAL, 1 CAMERA_DEGRADED WARNING); 10-02: 2, 10-09: 1, 10-20: 1
     * time to acknowledge: 2, 6, 10 min: median 6 min, p90 rank ceil(2.7) = 3rd = 10 min; unacknowledged 1
     * time to restore: 30 min, 4 h (one open): median (30 + 240) / 2 = 135 min, p90 rank ceil(1.8) = 2nd = 4 h
     * </pre>
     */
    @Test
    void aKnownMonthOfAlertsGivesTheHandComputedFigures() {
        List<PastAlert> alerts = List.of(
                alert(AlertKind.SYNC_STALE, "2026-09-30T23:00:00Z", null, "2026-10-01T01:00:00Z"),
                alert(AlertKind.SITE_OFFLINE, "2026-10-02T10:00:00Z", "2026-10-02T10:02:00Z", "2026-10-02T10:30:00Z"),
                alert(AlertKind.CAMERA_DEGRADED, "2026-10-02T11:00:00Z", null, "2026-10-02T11:20:00Z"),
                alert(AlertKind.SITE_OFFLINE, "2026-10-09T00:00:00Z", "2026-10-09T00:10:00Z", "2026-10-09T04:00:00Z"),
                alert(AlertKind.SITE_OFFLINE, "2026-10-20T12:00:00Z", "2026-10-20T12:06:00Z", null));

        AlertFigures f = AlertFigures.of(OCTOBER, alerts);

        assertThat(f.raised()).isEqualTo(4);
        assertThat(f.byKind()).isEqualTo(Map.of(AlertKind.SITE_OFFLINE, 3, AlertKind.CAMERA_DEGRADED, 1));
        assertThat(f.bySeverity()).isEqualTo(Map.of(AlertSeverity.CRITICAL, 3, AlertSeverity.WARNING, 1));
        assertThat(f.perDay()).hasSize(31);
        assertThat(f.perDay().get(1).count()).isEqualTo(2);
        assertThat(f.perDay().get(8).count()).isEqualTo(1);
        assertThat(f.perDay().get(19).count()).isEqualTo(1);
        assertThat(f.timeToAcknowledge()).isEqualTo(new Spread(3, Duration.ofMinutes(6), Duration.ofMinutes(10)));
        assertThat(f.unacknowledged()).isEqualTo(1);
        assertThat(f.incidents()).isEqualTo(3);
        assertThat(f.openIncidents()).isEqualTo(1);
        assertThat(f.timeToRestore()).isEqualTo(new Spread(2, Duration.ofMinutes(135), Duration.ofHours(4)));
    }

    @Test
    void withoutAnIncidentHistoryThereAreNoAlertFiguresRatherThanZeros() {
        KpiService kpis = new KpiService(null, Optional::empty, Optional::empty, Optional::empty,
                java.time.Clock.systemUTC());

        assertThat(kpis.alerts(OCTOBER)).isEmpty();
    }

    @Test
    void anIncidentHistoryIsAskedForThePeriodOnly() {
        List<Instant[]> asked = new java.util.ArrayList<>();
        IncidentHistory history = (from, to) -> {
            asked.add(new Instant[]{from, to});
            return List.of(alert(AlertKind.SITE_OFFLINE, "2026-10-02T10:00:00Z", null, null));
        };
        KpiService kpis = new KpiService(null, () -> Optional.of(history), Optional::empty, Optional::empty,
                java.time.Clock.systemUTC());

        assertThat(kpis.alerts(OCTOBER)).get().extracting(AlertFigures::openIncidents).isEqualTo(1);
        assertThat(asked).singleElement().satisfies(a -> assertThat(a).containsExactly(OCTOBER.from(), OCTOBER.to()));
    }

    @Test
    void theSpreadOfOneValueIsThatValue() {
        assertThat(Spread.of(List.of(Duration.ofMinutes(7))))
                .isEqualTo(new Spread(1, Duration.ofMinutes(7), Duration.ofMinutes(7)));
    }
}
