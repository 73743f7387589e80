package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentTargetsTest {

    @Test
    void theWholeFleetIsSaidWithAllNeverByLeavingTheFilterEmpty() {
        assertThat(DeploymentTargets.parseFilter("all")).isEqualTo(FleetFilter.ALL);
        assertThat(DeploymentTargets.parseFilter(" ALL ")).isEqualTo(FleetFilter.ALL);
        for (String empty : new String[]{"", "   ", null}) {
            assertThatThrownBy(() -> DeploymentTargets.parseFilter(empty)).isInstanceOf(Problem.class)
                    .hasMessageContaining("No targets were given")
                    .satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.BAD_INPUT));
        }
        assertThatThrownBy(() -> DeploymentTargets.parseFilter("all region:EU")).isInstanceOf(Problem.class)
                .hasMessageContaining("stands alone");
    }

    @Test
    void aKeyWithNoValueIsRefusedRatherThanMatchingEverything() {
        for (String filter : new String[]{"region:", "customer:Northwind version:", "health:", "region:_"}) {
            assertThatThrownBy(() -> DeploymentTargets.parseFilter(filter)).as(filter).isInstanceOf(Problem.class)
                    .hasMessageContaining("has no value");
        }
        assertThatThrownBy(() -> DeploymentTargets.parseFilter("colour:")).isInstanceOf(Problem.class)
                .hasMessageContaining("'colour:' is not a filter key");
    }

    @Test
    void wordsAndChipsReadAsBefore() {
        FleetFilter f = DeploymentTargets.parseFilter("customer:Northwind region:EU region:OC health:online amsterdam");
        assertThat(f.text()).isEqualTo("amsterdam");
        assertThat(f.regions()).isEqualTo(Set.of("EU", "OC"));
        assertThat(f.customers()).isEqualTo(Set.of("Northwind"));
        assertThat(f.health()).isEqualTo(Set.of(HealthState.ONLINE));
    }
}
