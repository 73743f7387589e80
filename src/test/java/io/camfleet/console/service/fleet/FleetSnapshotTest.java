package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;
import static io.camfleet.console.service.fleet.Fleets.site;
import static org.assertj.core.api.Assertions.assertThat;

class FleetSnapshotTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));

    /** A: A1 online, A2 offline; B: B1 online; C: no cameras. */
    private FleetSnapshot snapshot() {
        Instant now = clock.instant();
        FleetData data = new FleetData(
                List.of(site("A", "Alpha", "Acme", "NL", "EU"), site("B", "Bravo", "Acme", "NL", "EU"),
                        site("C", "Charlie", "Acme", "NL", "EU")),
                List.of(camera("A1", "A", "6.4.2"), camera("A2", "A", "6.4.2"), camera("B1", "B", "6.4.2")),
                Map.of("A1", beating(now), "A2", beating(now.minus(Duration.ofHours(1))), "B1", beating(now)));
        return Fleets.uncached(new TestFleetSource("Test", n -> data), clock).reload(Progress.NONE);
    }

    @Test
    void sitesAreCountedByTheRuleInForceAndCamerasByTheirOwnHealth() {
        FleetSnapshot s = snapshot();

        assertThat(s.siteCount()).isEqualTo(3);
        assertThat(s.cameraCount()).isEqualTo(3);
        // A has one camera of two offline: not dark, so Degraded under the default rule (once Offline, by its worst).
        assertThat(s.sitesIn(HealthState.OFFLINE)).isZero();
        assertThat(s.sitesIn(HealthState.DEGRADED)).isEqualTo(1);
        assertThat(s.rule()).isEqualTo(io.camfleet.console.domain.availability.SiteDownRule.DEFAULT);
        assertThat(s.sitesIn(HealthState.ONLINE)).isEqualTo(1);
        assertThat(s.camerasIn(HealthState.ONLINE)).isEqualTo(2);
        assertThat(s.camerasIn(HealthState.OFFLINE)).isEqualTo(1);
        assertThat(s.camerasIn(HealthState.DEGRADED)).isZero();
        assertThat(s.sites()).extracting(SiteSummary::id).containsExactly("A", "B", "C");
    }

    @Test
    void aSitesCamerasComeWithTheirHealthAndUnknownSitesHaveNone() {
        FleetSnapshot s = snapshot();

        assertThat(s.cameras("A")).extracting(c -> c.camera().id() + " " + c.health())
                .containsExactly("A1 ONLINE", "A2 OFFLINE");
        assertThat(s.cameras("A").get(0).telemetry().lastHeartbeat()).isEqualTo(clock.instant());
        assertThat(s.cameras("C")).isEmpty();
        assertThat(s.cameras("Z")).isEmpty();
        assertThat(s.site("B").id()).isEqualTo("B");
        assertThat(s.site("Z")).isNull();
        assertThat(s.reportedAt("Z")).isEmpty();
        assertThat(s.reportedAt("A")).isEmpty();
    }

    @Test
    void aSnapshotSaysWhereAndWhenItComesFrom() {
        FleetSnapshot s = snapshot();

        assertThat(s.source()).isEqualTo("Test");
        assertThat(s.live()).isTrue();
        assertThat(s.takenAt()).isEqualTo(clock.instant());
        assertThat(s.inventory().cameraCount()).isEqualTo(3);

        FleetSnapshot empty = FleetSnapshot.empty("Demo");
        assertThat(empty.source()).isEqualTo("Demo");
        assertThat(empty.live()).isFalse();
        assertThat(empty.asOf()).isNull();
        assertThat(empty.takenAt()).isEqualTo(Instant.EPOCH);
        assertThat(empty.siteCount()).isZero();
        assertThat(empty.camerasIn(HealthState.UNKNOWN)).isZero();
    }

    @Test
    void aCachedFleetIsEmptyOnlyWithNeitherSitesNorCameras() {
        FleetData none = new FleetData(List.of(), List.of(), Map.of());
        FleetData sitesOnly = new FleetData(List.of(site("A", "Alpha", "Acme", "NL", "EU")), List.of(), Map.of());
        FleetData camerasOnly = new FleetData(List.of(), List.of(camera("A1", "A", "1")), Map.of());

        assertThat(new CachedFleet(none, Map.of(), Map.of(), "", null).isEmpty()).isTrue();
        assertThat(new CachedFleet(sitesOnly, Map.of(), Map.of(), "", null).isEmpty()).isFalse();
        assertThat(new CachedFleet(camerasOnly, Map.of(), Map.of(), "", null).isEmpty()).isFalse();
    }
}
