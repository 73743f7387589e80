package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.FleetSummary;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DemoFleetSourceTest {

    private static final Instant START = Instant.parse("2026-11-26T08:00:00Z");
    private static final List<WorldCity> CITIES = WorldCities.load();

    private static FleetData load(int sites, long seed) {
        return new DemoFleetSource(sites, seed, CITIES).load(START, Progress.NONE);
    }

    @Test
    void theSameSeedGivesTheSameFleet() {
        FleetData a = load(500, 7);
        FleetData b = load(500, 7);
        assertThat(a.sites()).isEqualTo(b.sites());
        assertThat(a.cameras()).isEqualTo(b.cameras());
        assertThat(a.telemetry()).isEqualTo(b.telemetry());
    }

    @Test
    void theSameSeedGivesTheSameLiveUpdates() {
        DemoFleetSource x = new DemoFleetSource(400, 11, CITIES);
        DemoFleetSource y = new DemoFleetSource(400, 11, CITIES);
        x.load(START, Progress.NONE);
        y.load(START, Progress.NONE);
        for (int i = 1; i <= 50; i++) {
            Instant t = START.plusSeconds(3L * i);
            assertThat(x.poll(t)).as("tick " + i).isEqualTo(y.poll(t));
        }
    }

    @Test
    void aFirstLookAtTheDemoFleetDatesEachStateFromTheSimulationNotFromTheConsole() {
        TestClock clock = new TestClock(START);
        FleetService fleet = Fleets.uncached(new DemoFleetSource(300, 42, CITIES), clock);
        FleetSnapshot s = fleet.reload(Progress.NONE);

        List<CameraStatus> cameras = s.sites().stream().flatMap(site -> s.cameras(site.id()).stream()).toList();
        assertThat(cameras).filteredOn(c -> c.health() != HealthState.UNKNOWN)
                .allSatisfy(c -> assertThat(c.healthSince()).isBefore(START));
        assertThat(cameras).filteredOn(c -> c.health() == HealthState.OFFLINE).isNotEmpty()
                .allSatisfy(c -> assertThat(c.healthSince()).isEqualTo(
                        c.telemetry().lastHeartbeat().plus(HealthRules.DEFAULT.offlineAfter())));
        assertThat(cameras).filteredOn(c -> c.health() == HealthState.ONLINE).isNotEmpty()
                .allSatisfy(c -> assertThat(c.healthSince()).isBefore(START.minus(Duration.ofMinutes(59))));
    }

    @Test
    void anotherSeedGivesAnotherFleet() {
        assertThat(load(500, 7).sites()).isNotEqualTo(load(500, 8).sites());
    }

    @Test
    void theDefaultFleetHasTwentyFiveHundredSitesAndAboutSixThousandCameras() {
        FleetData f = load(DemoFleetSource.DEFAULT_SITES, DemoFleetSource.DEFAULT_SEED);
        assertThat(f.sites()).hasSize(2_500);
        assertThat(f.cameras().size()).isBetween(5_700, 6_300);
    }

    @Test
    void itScalesToTwentyThousandSitesAndAboutAHundredThousandCameras() {
        FleetData f = load(20_000, 1);
        assertThat(f.sites()).hasSize(20_000);
        assertThat(f.cameras().size()).isBetween(95_000, 105_000);
    }

    @Test
    void sitesAreRealisticAndSpreadOverEveryContinent() {
        FleetData f = load(2_500, 42);
        Set<String> ids = new HashSet<>();
        for (Site s : f.sites()) {
            assertThat(ids.add(s.id())).isTrue();
            assertThat(s.customer()).isNotBlank();
            assertThat(ZoneId.of(s.timeZone())).isNotNull();
            assertThat(s.maintenanceWindow()).matches("(Sun|Sat|Tue|Wed) \\d\\d:00-\\d\\d:00");
        }
        assertThat(f.sites().stream().map(Site::region).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("NA", "LATAM", "EU", "ME", "AF", "APAC", "OC");
        assertThat(f.sites().stream().filter(Site::isPlaced).count()).isGreaterThan(2_450);
        Set<String> siteIds = f.sites().stream().map(Site::id).collect(Collectors.toSet());
        for (CameraSystem c : f.cameras()) {
            assertThat(siteIds).contains(c.siteId());
            assertThat(c.softwareVersion()).isNotBlank();
            assertThat(c.image()).startsWith("camos-");
            assertThat(c.ssmNodeId()).matches("mi-[0-9a-f]{17}");
        }
    }

    @Test
    void mostCamerasAreHealthyAndEveryStateOccurs() {
        FleetData f = load(2_500, 42);
        FleetSummary s = FleetSummary.of(f, HealthRules.DEFAULT, START);
        assertThat(s.camerasByHealth().get(HealthState.ONLINE) / (double) s.cameras()).isCloseTo(0.92, within(0.04));
        for (HealthState h : HealthState.values()) {
            assertThat(s.camerasByHealth().get(h)).as(h.name()).isPositive();
        }
    }

    @Test
    void theLiveFeedMovesCamerasBetweenStatesOverTime() {
        DemoFleetSource source = new DemoFleetSource(2_500, 42, CITIES);
        FleetData f = source.load(START, Progress.NONE);
        Map<String, CameraTelemetry> current = new java.util.HashMap<>(f.telemetry());
        Map<String, HealthState> before = judge(current, START);
        Instant t = START;
        int updates = 0;
        for (int i = 0; i < 200; i++) {   // ten minutes of ticks
            t = t.plus(Duration.ofSeconds(3));
            Map<String, CameraTelemetry> changed = source.poll(t);
            updates += changed.size();
            current.putAll(changed);
        }
        Map<String, HealthState> after = judge(current, t);
        long moved = before.keySet().stream().filter(id -> before.get(id) != after.get(id)).count();
        assertThat(updates).isGreaterThan(10_000);   // heartbeats keep coming
        assertThat(moved).isBetween(20L, 3_000L);      // some cameras change state, most do not
        assertThat(after.values().stream().filter(h -> h == HealthState.ONLINE).count())
                .isGreaterThan((long) (0.85 * after.size()));
    }

    @Test
    void aCameraChangesStateAFewTimesAMonthNotDozensOfTimesADay() {
        // Judged as the console judges it, every 3-second tick, over the second and third hour of a 2,500-site fleet
        // (the first hour lets the troubles the fleet starts with run out). The simulation once changed each camera
        // about 28 times a day; a camera of a real fleet is out of ONLINE a few times a month.
        DemoFleetSource source = new DemoFleetSource(2_500, 42, CITIES);
        FleetData f = source.load(START, Progress.NONE);
        Map<String, CameraTelemetry> current = new java.util.HashMap<>(f.telemetry());
        Map<String, HealthState> judged = judge(current, START);
        Instant t = START;
        long changes = 0;
        int ticks = 3 * 1200;
        for (int i = 1; i <= ticks; i++) {
            t = t.plus(Duration.ofSeconds(3));
            current.putAll(source.poll(t));
            for (Map.Entry<String, CameraTelemetry> e : current.entrySet()) {
                HealthState h = HealthRules.DEFAULT.evaluate(e.getValue(), t);
                if (judged.put(e.getKey(), h) != h && i > 1200) {
                    changes++;
                }
            }
        }
        double perCameraDay = changes / (current.size() * (2.0 / 24));
        assertThat(perCameraDay).isGreaterThan(0.0).isLessThan(1.0);
    }

    @Test
    void anOutageSilencesAWholePlaceAtOnce() {
        FleetData f = load(2_500, 42);
        // The fleet starts with one outage under way: a city or country where every camera is silent.
        Map<String, List<HealthState>> byPlace = new java.util.HashMap<>();
        Map<String, Site> sites = f.sites().stream().collect(Collectors.toMap(Site::id, s -> s));
        for (CameraSystem c : f.cameras()) {
            Site s = sites.get(c.siteId());
            byPlace.computeIfAbsent(s.countryCode() + "/" + Math.round(s.latitude() == null ? 0 : s.latitude()),
                    k -> new ArrayList<>()).add(HealthRules.DEFAULT.evaluate(f.telemetryOf(c.id()), START));
        }
        assertThat(byPlace.values()).anyMatch(states -> states.size() >= 5
                && states.stream().allMatch(h -> h == HealthState.OFFLINE));
    }

    @Test
    void aSizeOutsideOneToTwentyThousandIsRefused() {
        assertThatThrownBy(() -> new DemoFleetSource(0, 1, CITIES)).isInstanceOf(Problem.class)
                .hasMessageContaining("from 1 to 20,000");
        assertThatThrownBy(() -> new DemoFleetSource(20_001, 1, CITIES)).isInstanceOf(Problem.class);
    }

    private static Map<String, HealthState> judge(Map<String, CameraTelemetry> t, Instant now) {
        Map<String, HealthState> out = new java.util.HashMap<>();
        t.forEach((id, tel) -> out.put(id, HealthRules.DEFAULT.evaluate(tel, now)));
        return out;
    }
}
