package io.camfleet.console.domain.deploy;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlastRadiusTest {

    private static final List<PlanTarget> TARGETS = List.of(
            new PlanTarget("a1", "ams", "Acme", SlaTier.GOLD, "Amsterdam"),
            new PlanTarget("a2", "ams", "Acme", SlaTier.GOLD, "Amsterdam"),
            new PlanTarget("n1", "nyc", "Globex", SlaTier.PLATINUM, "New York"),
            new PlanTarget("s1", "syd", "Acme", SlaTier.BRONZE, "Sydney"),
            new PlanTarget("k1", "blr", "", SlaTier.SILVER, "Bengaluru"));
    private static final Map<String, PlanTarget> BY_ID =
            TARGETS.stream().collect(Collectors.toMap(PlanTarget::cameraId, Function.identity()));

    @Test
    void countsTargetsSitesCustomersAndTiersPerWaveAndInTotal() {
        List<Wave> waves = List.of(
                new Wave(0, true, List.of("a1")),
                new Wave(1, false, List.of("a2", "n1", "s1", "k1")));
        BlastRadius radius = BlastRadius.of(waves, BY_ID);

        BlastRadius.Reach canary = radius.waves().get(0);
        assertThat(canary.canary()).isTrue();
        assertThat(canary.targets()).isEqualTo(1);
        assertThat(canary.sites()).isEqualTo(1);
        assertThat(canary.siteNames()).containsExactly("Amsterdam");
        assertThat(canary.customers()).containsExactly("Acme");
        assertThat(canary.targetsByTier()).containsExactly(Map.entry(SlaTier.GOLD, 1));

        BlastRadius.Reach second = radius.waves().get(1);
        assertThat(second.waveIndex()).isEqualTo(1);
        assertThat(second.targets()).isEqualTo(4);
        assertThat(second.sites()).isEqualTo(4);
        assertThat(second.siteNames()).containsExactly("Amsterdam", "Bengaluru", "New York", "Sydney");
        assertThat(second.customers()).containsExactly("Acme", "Globex");
        assertThat(second.targetsByTier()).containsExactly(
                Map.entry(SlaTier.PLATINUM, 1), Map.entry(SlaTier.GOLD, 1),
                Map.entry(SlaTier.SILVER, 1), Map.entry(SlaTier.BRONZE, 1));

        BlastRadius.Reach total = radius.total();
        assertThat(total.waveIndex()).isEqualTo(-1);
        assertThat(total.targets()).isEqualTo(5);
        assertThat(total.sites()).isEqualTo(4);
        assertThat(total.customers()).containsExactly("Acme", "Globex");
        assertThat(total.targetsByTier()).containsEntry(SlaTier.GOLD, 2).hasSize(4);
    }

    @Test
    void aPlannedDryRunCoversEveryTarget() {
        Strategy strategy = new Strategy(HostCount.hosts(1), CanaryApproval.CONTINUE_WHEN_HEALTHY,
                WaveSizing.eachOf(HostCount.percent(50)), 2, FailureThreshold.percent(10), null);
        BlastRadius radius = BlastRadius.of(WavePlanner.plan(TARGETS, strategy), BY_ID);
        assertThat(radius.waves()).extracting(BlastRadius.Reach::targets).containsExactly(1, 3, 1);
        assertThat(radius.total().targets()).isEqualTo(TARGETS.size());
    }

    @Test
    void aPlanNamingAnUnknownCameraIsRefused() {
        assertThatThrownBy(() -> BlastRadius.of(List.of(new Wave(0, false, List.of("a1", "zz"))), BY_ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zz");
    }

    @Test
    void aTargetIsBuiltFromItsCameraAndSite() {
        Site site = new Site("ams", "Amsterdam", "Acme", "NL", "EU", 52.37, 4.9, "Europe/Amsterdam",
                SlaTier.GOLD, "Sun 02:00-04:00");
        CameraSystem camera = new CameraSystem("a1", "ams", null, null, null, null, null, null, "1.2.3");
        assertThat(PlanTarget.of(camera, site)).isEqualTo(TARGETS.get(0));
        CameraSystem elsewhere = new CameraSystem("x", "nyc", null, null, null, null, null, null, null);
        assertThatThrownBy(() -> PlanTarget.of(elsewhere, site)).isInstanceOf(IllegalArgumentException.class);
    }
}
