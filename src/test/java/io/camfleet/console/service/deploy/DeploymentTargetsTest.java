package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.deploy.PlanTarget;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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

    @Test
    void healthKeysAndUnderscoresReadAsTheOperatorMeansThem() {
        FleetFilter f = DeploymentTargets.parseFilter("Health:Degraded health:OFFLINE customer:Harbor_&_Rail "
                + "version:6.4.2 environment:prod-eu :word");
        assertThat(f.health()).isEqualTo(Set.of(HealthState.DEGRADED, HealthState.OFFLINE));
        assertThat(f.customers()).isEqualTo(Set.of("Harbor & Rail"));
        assertThat(f.versions()).isEqualTo(Set.of("6.4.2"));
        assertThat(f.environments()).isEqualTo(Set.of("prod-eu"));
        assertThat(f.regions()).isEmpty();
        assertThat(f.text()).as("a leading colon is a word to search for").isEqualTo(":word");
        assertThatThrownBy(() -> DeploymentTargets.parseFilter("health:sleepy")).isInstanceOf(Problem.class)
                .hasMessageContaining("'sleepy' is not a health state")
                .satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.BAD_INPUT));
        assertThatThrownBy(() -> DeploymentTargets.parseFilter("region:EU All")).isInstanceOf(Problem.class)
                .hasMessageContaining("stands alone");
    }

    private static Site site(String id, String zone, String window) {
        return new Site(id, "Site " + id, "Acme", "NL", "EU", 52.0, 4.0, zone, SlaTier.GOLD, window);
    }

    private static CameraSystem camera(String id, String siteId, String version) {
        return new CameraSystem(id, siteId, "cam-" + id, "10.0.0." + id.length() + ":22", "jump-" + siteId,
                "mi-" + id, "", "camos", version);
    }

    private static FleetSnapshot fleet(List<Site> sites, List<CameraSystem> cameras) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
        return Fleets.uncached(new TestFleetSource("t", now -> new FleetData(sites, cameras, Map.of())), clock)
                .reload(Progress.NONE);
    }

    @Test
    void theTargetsAreTheCamerasOfTheFilteredSitesEachWithItsAddressWindowAndZone() {
        FleetSnapshot snapshot = fleet(
                List.of(site("A", "Europe/Amsterdam", "Sun 02:00-04:00"), site("B", "", ""),
                        site("C", "Mars/Olympus_Mons", "Sat 01:00-02:00")),
                List.of(camera("A1", "A", "6.4.2"), camera("A2", "A", "6.3.7"), camera("B1", "B", "6.4.2"),
                        camera("C1", "C", "6.4.2")));

        DeploymentTargets all = DeploymentTargets.of(snapshot, FleetFilter.ALL);

        assertThat(all.plan()).extracting(PlanTarget::cameraId).containsExactly("A1", "A2", "B1", "C1");
        assertThat(all.plan().get(0)).isEqualTo(new PlanTarget("A1", "A", "Acme", SlaTier.GOLD, "Site A"));
        assertThat(all.placements()).containsOnlyKeys("A1", "A2", "B1", "C1");
        Rollout.Placement a1 = all.placements().get("A1");
        assertThat(a1.target()).isEqualTo(new Target("A1", "A", "10.0.0.2:22", "jump-A", "mi-A1"));
        assertThat(a1.window()).isEqualTo(MaintenanceWindow.parse("Sun 02:00-04:00"));
        assertThat(a1.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        assertThat(all.placements().get("B1").window()).isEqualTo(MaintenanceWindow.ALWAYS_OPEN);
        assertThat(all.placements().get("B1").zone()).as("no zone: UTC").isEqualTo(ZoneOffset.UTC);
        assertThat(all.placements().get("C1").zone()).as("a zone that does not exist: UTC")
                .isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aVersionInTheFilterKeepsOnlyTheCamerasOnItAndOtherChipsKeepOnlyTheirSites() {
        FleetSnapshot snapshot = fleet(List.of(site("A", "Europe/Amsterdam", ""), site("B", "Europe/Amsterdam", "")),
                List.of(camera("A1", "A", "6.4.2"), camera("A2", "A", "6.3.7"), camera("B1", "B", "6.3.7")));

        assertThat(DeploymentTargets.of(snapshot, DeploymentTargets.parseFilter("version:6.3.7")).plan())
                .extracting(PlanTarget::cameraId).containsExactly("A2", "B1");
        assertThat(DeploymentTargets.of(snapshot, DeploymentTargets.parseFilter("version:6.3.7 version:6.4.2"))
                .plan()).extracting(PlanTarget::cameraId).containsExactly("A1", "A2", "B1");
        assertThat(DeploymentTargets.of(snapshot, DeploymentTargets.parseFilter("site b")).placements())
                .containsOnlyKeys("B1");
    }

    @Test
    void aSiteWhoseWindowCannotBeReadStopsTheTargetingAndIsNamed() {
        FleetSnapshot snapshot = fleet(List.of(site("A", "Europe/Amsterdam", ""),
                site("B", "Europe/Amsterdam", "whenever it suits")), List.of(camera("A1", "A", "6.4.2")));

        assertThatThrownBy(() -> DeploymentTargets.of(snapshot, FleetFilter.ALL)).isInstanceOf(Problem.class)
                .hasMessageContaining("site Site B (B)").hasMessageContaining("'whenever it suits'")
                .satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.BAD_INPUT));
    }
}
