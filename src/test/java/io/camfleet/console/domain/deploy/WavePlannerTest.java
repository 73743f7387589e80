package io.camfleet.console.domain.deploy;

import io.camfleet.console.domain.fleet.SlaTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WavePlannerTest {

    static List<PlanTarget> targets(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> new PlanTarget("cam-" + i, "site-" + ((i - 1) / 3), "Customer " + ((i - 1) / 6),
                        SlaTier.values()[i % 4], "Site " + ((i - 1) / 3)))
                .toList();
    }

    static Strategy strategy(HostCount canary, WaveSizing waves) {
        return new Strategy(canary, CanaryApproval.PAUSE_FOR_APPROVAL, waves, 2, FailureThreshold.count(1),
                Duration.ofMinutes(10));
    }

    private static List<List<String>> ids(List<Wave> waves) {
        return waves.stream().map(Wave::cameraIds).toList();
    }

    @ParameterizedTest(name = "{0}% of {1} hosts is {2}")
    @CsvSource({"10, 5, 1", "10, 10, 1", "10, 11, 2", "25, 10, 3", "30, 10, 3", "1, 1000, 10", "1, 3, 1",
            "100, 7, 7", "0, 7, 0"})
    void percentagesRoundUpToAtLeastOneHost(int percent, int total, int hosts) {
        assertThat(HostCount.percent(percent).hostsOf(total)).isEqualTo(hosts);
    }

    @Test
    void aCanaryOfNHostsComesOutOfTheFirstTargets() {
        List<Wave> waves = WavePlanner.plan(targets(7), strategy(HostCount.hosts(2), WaveSizing.eachOf(HostCount.hosts(3))));
        assertThat(ids(waves)).containsExactly(
                List.of("cam-1", "cam-2"),
                List.of("cam-3", "cam-4", "cam-5"),
                List.of("cam-6", "cam-7"));
        assertThat(waves).extracting(Wave::index).containsExactly(0, 1, 2);
        assertThat(waves).extracting(Wave::canary).containsExactly(true, false, false);
    }

    @Test
    void aPercentCanaryAndPercentWavesRoundUp() {
        // 10% of 12 = 1.2 -> 2 hosts; 25% of 12 = 3 hosts per wave
        List<Wave> waves = WavePlanner.plan(targets(12),
                strategy(HostCount.percent(10), WaveSizing.eachOf(HostCount.percent(25))));
        assertThat(waves).extracting(Wave::size).containsExactly(2, 3, 3, 3, 1);
        assertThat(waves.get(0).canary()).isTrue();
        assertThat(waves.stream().flatMap(w -> w.cameraIds().stream()))
                .containsExactlyElementsOf(targets(12).stream().map(PlanTarget::cameraId).toList());
    }

    @Test
    void withoutACanaryTheFirstWaveIsAnOrdinaryOne() {
        List<Wave> waves = WavePlanner.plan(targets(4), strategy(HostCount.NONE, WaveSizing.eachOf(HostCount.hosts(2))));
        assertThat(waves).extracting(Wave::canary).containsExactly(false, false);
        assertThat(waves).extracting(Wave::index).containsExactly(0, 1);
    }

    @Test
    void aCanaryLargerThanTheTargetsTakesThemAll() {
        List<Wave> waves = WavePlanner.plan(targets(2), strategy(HostCount.hosts(5), WaveSizing.eachOf(HostCount.hosts(1))));
        assertThat(ids(waves)).containsExactly(List.of("cam-1", "cam-2"));
    }

    @Test
    void explicitListsComeFirstAndTheTargetsTheyLeaveOutFormAFinalWave() {
        WaveSizing explicit = WaveSizing.explicit(List.of(List.of("cam-5", "cam-2"), List.of("cam-1")));
        List<Wave> waves = WavePlanner.plan(targets(6), strategy(HostCount.NONE, explicit));
        assertThat(ids(waves)).containsExactly(
                List.of("cam-5", "cam-2"),
                List.of("cam-1"),
                List.of("cam-3", "cam-4", "cam-6"));
    }

    @Test
    void withExplicitListsTheCanaryIsTheFirstTargetsNamed() {
        WaveSizing explicit = WaveSizing.explicit(List.of(List.of("cam-5", "cam-2"), List.of("cam-1")));
        List<Wave> waves = WavePlanner.plan(targets(6), strategy(HostCount.hosts(1), explicit));
        assertThat(ids(waves)).containsExactly(
                List.of("cam-5"),
                List.of("cam-2"),
                List.of("cam-1"),
                List.of("cam-3", "cam-4", "cam-6"));
        assertThat(waves.get(0).canary()).isTrue();
    }

    @Test
    void explicitListsNamingUnknownOrRepeatedTargetsAreRefusedListingThem() {
        WaveSizing bad = WaveSizing.explicit(List.of(
                List.of("cam-1", "cam-99"), List.of("cam-2", "cam-1"), List.of("ghost", "cam-2")));
        assertThatThrownBy(() -> WavePlanner.plan(targets(3), strategy(HostCount.NONE, bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not among the targets: cam-99, ghost")
                .hasMessageContaining("named in more than one place: cam-1, cam-2");
    }

    @Test
    void anEmptyExplicitWaveIsRefused() {
        WaveSizing bad = WaveSizing.explicit(List.of(List.of("cam-1"), List.of()));
        assertThatThrownBy(() -> WavePlanner.plan(targets(3), strategy(HostCount.NONE, bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty wave(s) number [2]");
    }

    @Test
    void aTargetListedTwiceIsRefused() {
        List<PlanTarget> twice = List.of(targets(2).get(0), targets(2).get(1), targets(2).get(0));
        assertThatThrownBy(() -> WavePlanner.plan(twice, strategy(HostCount.NONE, WaveSizing.eachOf(HostCount.hosts(1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cam-1");
    }

    @Test
    void noTargetsMeansNoWaves() {
        assertThat(WavePlanner.plan(List.of(), strategy(HostCount.hosts(1), WaveSizing.eachOf(HostCount.hosts(1)))))
                .isEmpty();
    }

    @Test
    void aStrategyRefusesNonsense() {
        assertThatThrownBy(() -> WaveSizing.eachOf(HostCount.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Strategy(HostCount.NONE, null, WaveSizing.eachOf(HostCount.hosts(1)), 0, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency");
        assertThatThrownBy(() -> new Strategy(HostCount.NONE, null, WaveSizing.eachOf(HostCount.hosts(1)), 1, null,
                Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostCount.parse("half"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The host count 'half' is not understood");
        assertThat(HostCount.parse("10%")).isEqualTo(HostCount.percent(10));
    }
}
