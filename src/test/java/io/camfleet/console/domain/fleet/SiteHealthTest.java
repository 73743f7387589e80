package io.camfleet.console.domain.fleet;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.camfleet.console.domain.fleet.HealthState.DEGRADED;
import static io.camfleet.console.domain.fleet.HealthState.MAINTENANCE;
import static io.camfleet.console.domain.fleet.HealthState.OFFLINE;
import static io.camfleet.console.domain.fleet.HealthState.ONLINE;
import static io.camfleet.console.domain.fleet.HealthState.UNKNOWN;
import static io.camfleet.console.domain.fleet.HealthState.UPDATING;
import static org.assertj.core.api.Assertions.assertThat;

class SiteHealthTest {

    @Test
    void aSiteIsAsBadAsItsWorstCamera() {
        assertThat(SiteHealth.of(List.of(ONLINE, ONLINE, DEGRADED)).worst()).isEqualTo(DEGRADED);
        assertThat(SiteHealth.of(List.of(DEGRADED, OFFLINE, ONLINE)).worst()).isEqualTo(OFFLINE);
        assertThat(SiteHealth.of(List.of(ONLINE, MAINTENANCE)).worst()).isEqualTo(MAINTENANCE);
        assertThat(SiteHealth.of(List.of(MAINTENANCE, UPDATING)).worst()).isEqualTo(UPDATING);
        assertThat(SiteHealth.of(List.of(UPDATING, UNKNOWN)).worst()).isEqualTo(UNKNOWN);
        assertThat(SiteHealth.of(List.of(ONLINE)).worst()).isEqualTo(ONLINE);
    }

    @Test
    void itCountsCamerasPerState() {
        SiteHealth h = SiteHealth.of(List.of(ONLINE, ONLINE, DEGRADED, OFFLINE, ONLINE));
        assertThat(h.total()).isEqualTo(5);
        assertThat(h.online()).isEqualTo(3);
        assertThat(h.count(DEGRADED)).isEqualTo(1);
        assertThat(h.count(OFFLINE)).isEqualTo(1);
        assertThat(h.count(UPDATING)).isZero();
    }

    @Test
    void aSiteWithoutCamerasIsUnknown() {
        assertThat(SiteHealth.of(List.of()).worst()).isEqualTo(UNKNOWN);
        assertThat(SiteHealth.of(List.of()).total()).isZero();
    }

    @Test
    void healthWithTheSameCountsIsEqual() {
        assertThat(SiteHealth.of(List.of(ONLINE, OFFLINE))).isEqualTo(SiteHealth.of(List.of(OFFLINE, ONLINE)));
        assertThat(SiteHealth.of(List.of(ONLINE, OFFLINE))).isNotEqualTo(SiteHealth.of(List.of(ONLINE, ONLINE)));
    }
}
