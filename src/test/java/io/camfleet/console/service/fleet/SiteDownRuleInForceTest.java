package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.camfleet.console.domain.availability.SiteDownRule.Kind.AT_LEAST;
import static io.camfleet.console.domain.availability.SiteDownRule.Kind.AT_LEAST_PERCENT;
import static io.camfleet.console.domain.availability.SiteDownRule.Kind.DARK;
import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;
import static io.camfleet.console.service.fleet.Fleets.site;
import static org.assertj.core.api.Assertions.assertThat;

/** The site-down rule in force decides every site's state in the snapshot: its counts, its filter, live changes. */
class SiteDownRuleInForceTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));

    /**
     * SEVEN: 7 of 8 cameras online, 1 offline. HALF: 2 of 4 offline. DARK: 3 of 3 offline. SLOW: 1 of 2 degraded
     * (heartbeat 60 s late), 1 online. FINE: 2 of 2 online.
     */
    private FleetData fleet() {
        Instant now = clock.instant();
        Instant silent = now.minus(Duration.ofHours(1));
        CameraTelemetry late = new CameraTelemetry(now.minusSeconds(60), OperatingMode.NORMAL, 600.0, 40.0, 45.0);
        List<CameraSystem> cameras = new ArrayList<>();
        Map<String, CameraTelemetry> telemetry = new HashMap<>();
        add(cameras, telemetry, "SEVEN", 7, beating(now), 1, beating(silent));
        add(cameras, telemetry, "HALF", 2, beating(now), 2, beating(silent));
        add(cameras, telemetry, "DARK", 0, beating(now), 3, beating(silent));
        add(cameras, telemetry, "SLOW", 1, beating(now), 1, late);
        add(cameras, telemetry, "FINE", 2, beating(now), 0, null);
        return new FleetData(List.of(site("SEVEN", "Seven of eight", "Acme", "NL", "EU"),
                site("HALF", "Half", "Acme", "NL", "EU"), site("DARK", "Dark", "Acme", "NL", "EU"),
                site("SLOW", "Slow", "Acme", "NL", "EU"), site("FINE", "Fine", "Acme", "NL", "EU")),
                cameras, telemetry);
    }

    private static void add(List<CameraSystem> cameras, Map<String, CameraTelemetry> telemetry, String site,
                            int good, CameraTelemetry goodOnes, int bad, CameraTelemetry badOnes) {
        for (int i = 0; i < good + bad; i++) {
            String id = site + "-C" + i;
            cameras.add(camera(id, site, "6.4.2"));
            telemetry.put(id, i < good ? goodOnes : badOnes);
        }
    }

    private FleetSnapshot judgedBy(SiteDownRule rule) {
        FleetData data = fleet();
        return Fleets.uncached(new TestFleetSource("Test", n -> data), clock, rule).reload(Progress.NONE);
    }

    private static Map<String, HealthState> states(FleetSnapshot s) {
        Map<String, HealthState> out = new HashMap<>();
        s.sites().forEach(x -> out.put(x.id(), x.health().state()));
        return out;
    }

    private static List<String> shown(FleetSnapshot s, HealthState chip) {
        FleetFilter f = new FleetFilter("", Set.of(chip), Set.of(), Set.of(), Set.of(), Set.of());
        return java.util.Arrays.stream(f.apply(s)).mapToObj(i -> s.sites().get(i).id()).toList();
    }

    @Test
    void underTheDefaultRuleOnlyTheDarkSiteIsOfflineAndSevenOfEightIsDegradedWithItsOfflineCameraCounted() {
        FleetSnapshot s = judgedBy(SiteDownRule.DEFAULT);

        assertThat(states(s)).containsEntry("SEVEN", HealthState.DEGRADED).containsEntry("HALF", HealthState.DEGRADED)
                .containsEntry("DARK", HealthState.OFFLINE).containsEntry("SLOW", HealthState.DEGRADED)
                .containsEntry("FINE", HealthState.ONLINE);
        assertThat(s.site("SEVEN").health().offline()).isEqualTo(1);
        assertThat(s.sitesIn(HealthState.OFFLINE)).isEqualTo(1);
        assertThat(s.sitesIn(HealthState.DEGRADED)).isEqualTo(3);
        assertThat(s.sitesIn(HealthState.ONLINE)).isEqualTo(1);
        assertThat(s.camerasIn(HealthState.OFFLINE)).isEqualTo(6);
        assertThat(shown(s, HealthState.OFFLINE)).containsExactly("DARK");
        assertThat(shown(s, HealthState.DEGRADED)).containsExactly("SEVEN", "HALF", "SLOW");
    }

    @Test
    void atLeastTwoCamerasTakesTheHalfSiteDownButNotSevenOfEight() {
        FleetSnapshot s = judgedBy(new SiteDownRule(AT_LEAST, 2, false));

        assertThat(shown(s, HealthState.OFFLINE)).containsExactly("HALF", "DARK");
        assertThat(shown(s, HealthState.DEGRADED)).containsExactly("SEVEN", "SLOW");
        assertThat(s.sitesIn(HealthState.OFFLINE)).isEqualTo(2);
    }

    @Test
    void atLeastTenPercentTakesSevenOfEightDown() {
        // SEVEN: 1 of 8 = 12.5 % >= 10 %; HALF: 50 %; DARK: 100 %; SLOW: no camera offline, degraded does not count.
        FleetSnapshot s = judgedBy(new SiteDownRule(AT_LEAST_PERCENT, 10, false));

        assertThat(shown(s, HealthState.OFFLINE)).containsExactly("SEVEN", "HALF", "DARK");
        assertThat(shown(s, HealthState.DEGRADED)).containsExactly("SLOW");
        assertThat(s.sitesIn(HealthState.OFFLINE)).isEqualTo(3);
    }

    @Test
    void whenDegradedCountsASiteOfDegradedAndOfflineCamerasCanBeDown() {
        // SLOW: 1 degraded of 2 = 50 % >= 50 % once degraded counts; HALF: 2 of 4 = 50 %; SEVEN: 12.5 %.
        assertThat(shown(judgedBy(new SiteDownRule(AT_LEAST_PERCENT, 50, false)), HealthState.OFFLINE))
                .containsExactly("HALF", "DARK");
        assertThat(shown(judgedBy(new SiteDownRule(AT_LEAST_PERCENT, 50, true)), HealthState.OFFLINE))
                .containsExactly("HALF", "DARK", "SLOW");
        assertThat(shown(judgedBy(new SiteDownRule(DARK, 0, true)), HealthState.OFFLINE)).containsExactly("DARK");
    }

    @Test
    void aRuleChangedInSettingsJudgesTheLiveFleetAgainAtOnce() {
        FleetData data = fleet();
        FleetService fleet = Fleets.uncached(new TestFleetSource("Test", n -> data), clock, SiteDownRule.DEFAULT);
        List<FleetSnapshot> published = new ArrayList<>();
        fleet.addListener(published::add);
        FleetSnapshot before = fleet.reload(Progress.NONE);
        assertThat(before.sitesIn(HealthState.OFFLINE)).isEqualTo(1);

        SiteDownRule strict = new SiteDownRule(AT_LEAST, 1, false);
        FleetSnapshot after = fleet.useSiteRule(strict);

        assertThat(after.rule()).isEqualTo(strict);
        assertThat(after.sitesIn(HealthState.OFFLINE)).isEqualTo(3);
        assertThat(after.site("SEVEN").health().state()).isEqualTo(HealthState.OFFLINE);
        assertThat(published.getLast()).isSameAs(after);
        assertThat(fleet.current()).isSameAs(after);
        assertThat(fleet.tick().site("SEVEN").health().state()).as("the next beat keeps the new rule")
                .isEqualTo(HealthState.OFFLINE);
        int count = published.size();
        assertThat(fleet.useSiteRule(strict)).isSameAs(fleet.current());
        assertThat(published).as("the same rule again publishes nothing").hasSize(count);
    }
}
