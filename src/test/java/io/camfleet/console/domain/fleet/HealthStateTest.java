package io.camfleet.console.domain.fleet;

import org.junit.jupiter.api.Test;

import static io.camfleet.console.domain.fleet.HealthState.DEGRADED;
import static io.camfleet.console.domain.fleet.HealthState.MAINTENANCE;
import static io.camfleet.console.domain.fleet.HealthState.OFFLINE;
import static io.camfleet.console.domain.fleet.HealthState.ONLINE;
import static io.camfleet.console.domain.fleet.HealthState.UNKNOWN;
import static io.camfleet.console.domain.fleet.HealthState.UPDATING;
import static org.assertj.core.api.Assertions.assertThat;

class HealthStateTest {

    @Test
    void offlineIsWorseThanEverythingAndNothingIsWorseThanItself() {
        assertThat(OFFLINE.isWorseThan(DEGRADED)).isTrue();
        assertThat(OFFLINE.isWorseThan(ONLINE)).isTrue();
        assertThat(DEGRADED.isWorseThan(OFFLINE)).isFalse();
        assertThat(UNKNOWN.isWorseThan(UPDATING)).isTrue();
        assertThat(MAINTENANCE.isWorseThan(ONLINE)).isTrue();
        assertThat(ONLINE.isWorseThan(MAINTENANCE)).isFalse();
        for (HealthState s : HealthState.all()) {
            assertThat(s.isWorseThan(s)).as(s + " against itself").isFalse();
        }
    }

    @Test
    void theWorstOfTwoIsTheOneOfMoreConcernWhicheverComesFirst() {
        assertThat(HealthState.worst(ONLINE, OFFLINE)).isEqualTo(OFFLINE);
        assertThat(HealthState.worst(OFFLINE, ONLINE)).isEqualTo(OFFLINE);
        assertThat(HealthState.worst(UPDATING, UPDATING)).isEqualTo(UPDATING);
        assertThat(HealthState.worst(MAINTENANCE, DEGRADED)).isEqualTo(DEGRADED);
    }

    @Test
    void statesAreCountedAndFoundByTheirOrderOfConcern() {
        assertThat(HealthState.count()).isEqualTo(6);
        assertThat(HealthState.all()).startsWith(OFFLINE).endsWith(ONLINE).hasSize(HealthState.count());
        assertThat(HealthState.ofOrdinal(0)).isEqualTo(OFFLINE);
        assertThat(HealthState.ofOrdinal(5)).isEqualTo(ONLINE);
        HealthState[] copy = HealthState.all();
        copy[0] = ONLINE;
        assertThat(HealthState.all()[0]).as("callers get a copy").isEqualTo(OFFLINE);
    }
}
