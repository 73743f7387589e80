package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.fleet.CachedFleet;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.HealthChange;
import io.camfleet.console.service.fleet.HealthInterval;
import io.camfleet.console.service.fleet.ReportedVersion;
import io.camfleet.console.service.fleet.HistoryRetention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class JdbcFleetCacheTest {

    @Parameter
    StoreEngine engine;

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123Z");

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcFleetCache cache;

    private final Site amsterdam = new Site("NL-1", "Amsterdam Hub", "Northwind", "NL", "EU", 52.37, 4.89,
            "Europe/Amsterdam", SlaTier.PLATINUM, "Sun 02:00-04:00");
    private final Site unplaced = new Site("XX-2", "Somewhere", "Acme", "BR", "LATAM", null, null,
            "America/Sao_Paulo", SlaTier.BRONZE, "");
    private final CameraSystem cam1 = new CameraSystem("NL-1-C01", "NL-1", "cam-nl1-01", "10.0.0.1:22",
            "jump-eu-1", "mi-0123456789abcdef0", "cam-nl1-01", "camos-24.04.3", "6.4.2");
    private final CameraSystem cam2 = new CameraSystem("NL-1-C02", "NL-1", "cam-nl1-02", "", "", "", "", "", "");
    private final CameraSystem cam3 = new CameraSystem("XX-2-C01", "XX-2", "cam-xx2-01", "", "", "", "", "", "6.3.7");
    private final CameraTelemetry t1 = new CameraTelemetry(T0, OperatingMode.UPDATING, 598.0, 41.5, 47.25);

    @BeforeEach
    void open() {
        db = engine.open(dir);
        cache = new JdbcFleetCache(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFleetComesBackAsItWasStored() {
        FleetData data = new FleetData(List.of(amsterdam, unplaced), List.of(cam1, cam2, cam3), Map.of("NL-1-C01", t1));
        cache.replaceFleet(data, List.of(new HealthChange("NL-1-C01", null, HealthState.UPDATING, T0)), "Demo", T0);

        CachedFleet back = cache.read();
        assertThat(back.fleet().sites()).containsExactlyInAnyOrder(amsterdam, unplaced);
        assertThat(back.fleet().cameras()).containsExactlyInAnyOrder(cam1, cam2, cam3);
        assertThat(back.fleet().telemetryOf("NL-1-C01")).isEqualTo(t1);
        assertThat(back.fleet().telemetryOf("NL-1-C02")).isEqualTo(CameraTelemetry.NEVER_SEEN);
        assertThat(back.health()).containsEntry("NL-1-C01", HealthState.UPDATING);
        assertThat(back.healthSince()).containsEntry("NL-1-C01", T0);
        assertThat(back.source()).isEqualTo("Demo");
        assertThat(back.asOf()).isEqualTo(T0);
    }

    @Test
    void reportedVersionsAreKeptReplacedSettledAndGoWithTheirCamera() {
        cache.replaceFleet(new FleetData(List.of(amsterdam, unplaced), List.of(cam1, cam2, cam3), Map.of()),
                List.of(), "Demo", T0);
        cache.reportVersion(new ReportedVersion("NL-1-C01", "6.5.0", "d-1", T0, null));
        cache.reportVersion(new ReportedVersion("NL-1-C01", "6.6.0", "d-2", T0.plusSeconds(60), null));
        cache.reportVersion(new ReportedVersion("NL-1-C02", "6.6.0", "d-2", T0.plusSeconds(60), null));
        cache.reportVersion(new ReportedVersion("XX-2-C01", "6.6.0", "d-2", T0.plusSeconds(60), null));

        assertThat(cache.reportedVersions()).hasSize(3).containsEntry("NL-1-C01",
                new ReportedVersion("NL-1-C01", "6.6.0", "d-2", T0.plusSeconds(60), null));

        cache.settleReports(List.of(new ReportedVersion("NL-1-C01", "6.6.0", "d-2", T0.plusSeconds(60),
                T0.plusSeconds(300))), List.of("NL-1-C02"));
        assertThat(cache.reportedVersions().get("NL-1-C01").confirmedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(cache.reportedVersions()).doesNotContainKey("NL-1-C02");

        cache.replaceFleet(new FleetData(List.of(amsterdam), List.of(cam1, cam2), Map.of()), List.of(), "Demo", T0);
        assertThat(cache.reportedVersions()).as("a camera gone from the fleet takes its report with it")
                .containsOnlyKeys("NL-1-C01");
    }

    @Test
    void anEmptyCacheReadsAsAnEmptyFleetWithNoAsOf() {
        CachedFleet back = cache.read();
        assertThat(back.isEmpty()).isTrue();
        assertThat(back.asOf()).isNull();
    }

    @Test
    void replacingTheFleetUpdatesWhatChangedAndRemovesWhatIsGone() {
        cache.replaceFleet(new FleetData(List.of(amsterdam, unplaced), List.of(cam1, cam2, cam3), Map.of()),
                List.of(new HealthChange("XX-2-C01", null, HealthState.ONLINE, T0)), "Demo", T0);
        Site renamed = new Site("NL-1", "Amsterdam North Hub", "Northwind", "NL", "EU", 52.40, 4.90,
                "Europe/Amsterdam", SlaTier.GOLD, "Sat 01:00-03:00");
        CameraSystem upgraded = new CameraSystem("NL-1-C01", "NL-1", "cam-nl1-01", "10.0.0.1:22", "jump-eu-1",
                "mi-0123456789abcdef0", "cam-nl1-01", "camos-24.04.3", "6.5.0");
        cache.replaceFleet(new FleetData(List.of(renamed), List.of(upgraded), Map.of()), List.of(), "Demo",
                T0.plusSeconds(60));

        CachedFleet back = cache.read();
        assertThat(back.fleet().sites()).containsExactly(renamed);
        assertThat(back.fleet().cameras()).containsExactly(upgraded);
        assertThat(back.health()).doesNotContainKey("XX-2-C01");
        assertThat(back.asOf()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void healthHistoryIsKeptAsIntervals() {
        cache.replaceFleet(new FleetData(List.of(amsterdam), List.of(cam1), Map.of()),
                List.of(new HealthChange("NL-1-C01", null, HealthState.ONLINE, T0)), "Demo", T0);
        cache.update(Map.of(), List.of(new HealthChange("NL-1-C01", HealthState.ONLINE, HealthState.OFFLINE,
                T0.plusSeconds(100))), null);
        cache.update(Map.of("NL-1-C01", t1), List.of(new HealthChange("NL-1-C01", HealthState.OFFLINE,
                HealthState.ONLINE, T0.plusSeconds(400))), T0.plusSeconds(400));

        List<HealthInterval> h = cache.history("NL-1-C01", 10);
        assertThat(h).containsExactly(
                new HealthInterval("NL-1-C01", HealthState.ONLINE, T0.plusSeconds(400), null),
                new HealthInterval("NL-1-C01", HealthState.OFFLINE, T0.plusSeconds(100), T0.plusSeconds(400)),
                new HealthInterval("NL-1-C01", HealthState.ONLINE, T0, T0.plusSeconds(100)));
        assertThat(cache.read().health()).containsEntry("NL-1-C01", HealthState.ONLINE);
        assertThat(cache.read().fleet().telemetryOf("NL-1-C01")).isEqualTo(t1);
        assertThat(cache.read().asOf()).isEqualTo(T0.plusSeconds(400));
    }

    @Test
    void healthHistoryKeepsEachCamerasNewestChangesAndForgetsWhatEndedBeforeTheRetention() {
        JdbcFleetCache kept = new JdbcFleetCache(db.dataSource(), new HistoryRetention(Duration.ofDays(1), 3));
        kept.replaceFleet(new FleetData(List.of(amsterdam), List.of(cam1, cam2), Map.of()), List.of(
                new HealthChange("NL-1-C01", null, HealthState.ONLINE, T0),
                new HealthChange("NL-1-C02", null, HealthState.ONLINE, T0)), "Demo", T0);
        HealthState was = HealthState.ONLINE;
        for (int hour = 1; hour <= 5; hour++) {
            HealthState next = was == HealthState.ONLINE ? HealthState.OFFLINE : HealthState.ONLINE;
            kept.update(Map.of(), List.of(new HealthChange("NL-1-C01", was, next, T0.plus(Duration.ofHours(hour)))),
                    null);
            was = next;
        }
        assertThat(kept.history("NL-1-C01", 100)).extracting(HealthInterval::start)
                .containsExactly(T0.plus(Duration.ofHours(5)), T0.plus(Duration.ofHours(4)),
                        T0.plus(Duration.ofHours(3)));
        assertThat(kept.history("NL-1-C02", 100)).hasSize(1);

        kept.update(Map.of(), List.of(new HealthChange("NL-1-C02", HealthState.ONLINE, HealthState.DEGRADED,
                T0.plus(Duration.ofDays(2)))), null);
        // What ended more than a day before is gone; what still lasts is kept, however old.
        assertThat(kept.history("NL-1-C01", 100)).extracting(HealthInterval::start)
                .containsExactly(T0.plus(Duration.ofHours(5)));
        assertThat(kept.history("NL-1-C02", 100)).extracting(HealthInterval::state)
                .containsExactly(HealthState.DEGRADED, HealthState.ONLINE);
    }

    @Test
    void aHeartbeatAloneIsStoredOnceTheStoredOneIsBehindByTheLagAndWithAChangeOfHealthAtOnce() {
        cache.replaceFleet(new FleetData(List.of(amsterdam), List.of(cam1, cam2), Map.of("NL-1-C01", t1,
                "NL-1-C02", t1)), List.of(), "Demo", T0);
        CameraTelemetry minute = beat(T0.plusSeconds(60));
        cache.update(Map.of("NL-1-C01", minute, "NL-1-C02", minute), List.of(), T0.plusSeconds(60));
        assertThat(cache.read().fleet().telemetryOf("NL-1-C01")).isEqualTo(minute);

        CameraTelemetry twoMinutes = beat(T0.plusSeconds(120));
        cache.update(Map.of("NL-1-C01", twoMinutes, "NL-1-C02", twoMinutes), List.of(
                new HealthChange("NL-1-C02", HealthState.UPDATING, HealthState.ONLINE, T0.plusSeconds(120))), null);
        assertThat(cache.read().fleet().telemetryOf("NL-1-C01")).isEqualTo(minute);
        assertThat(cache.read().fleet().telemetryOf("NL-1-C02")).isEqualTo(twoMinutes);

        CameraTelemetry lagLater = beat(T0.plusSeconds(60).plus(JdbcFleetCache.STORED_HEARTBEAT_LAG.multipliedBy(2)));
        cache.update(Map.of("NL-1-C01", lagLater), List.of(), null);
        assertThat(cache.read().fleet().telemetryOf("NL-1-C01")).isEqualTo(lagLater);
    }

    private static CameraTelemetry beat(Instant at) {
        return new CameraTelemetry(at, OperatingMode.NORMAL, 600.0, 41.0, 47.0);
    }

    @Test
    void anUpdateWithoutAsOfLeavesItAlone() {
        cache.replaceFleet(new FleetData(List.of(amsterdam), List.of(cam1), Map.of()), List.of(), "Demo", T0);
        cache.update(Map.of("NL-1-C01", t1), List.of(), null);
        assertThat(cache.read().asOf()).isEqualTo(T0);
    }

    @Test
    void aWriteThatFailsMidwayNeitherMovesTheAsOfNorRemovesAnything() {
        cache.replaceFleet(new FleetData(List.of(amsterdam, unplaced), List.of(cam1, cam3), Map.of()), List.of(),
                "Demo", T0);
        String tooLong = "x".repeat(3000); // longer than any site name column holds
        Site broken = new Site("NL-9", tooLong, "c", "NL", "EU", 1.0, 1.0, "UTC", SlaTier.GOLD, "");
        assertThatThrownBy(() -> cache.replaceFleet(new FleetData(List.of(amsterdam, broken), List.of(cam1),
                Map.of()), List.of(), "Demo", T0.plusSeconds(5)))
                .hasMessageContaining("cache refused a value");
        CachedFleet back = cache.read();
        assertThat(back.fleet().sites()).containsExactlyInAnyOrder(amsterdam, unplaced);
        assertThat(back.fleet().cameras()).containsExactlyInAnyOrder(cam1, cam3);
        assertThat(back.asOf()).isEqualTo(T0);
    }

    @Test
    void largeFleetsAreWrittenInPagesAndComeBackWhole() {
        List<Site> sites = new java.util.ArrayList<>();
        List<CameraSystem> cams = new java.util.ArrayList<>();
        Map<String, CameraTelemetry> tel = new java.util.HashMap<>();
        for (int i = 0; i < 1_500; i++) {
            sites.add(new Site("S" + i, "Site " + i, "C", "NL", "EU", 50.0, 5.0, "UTC", SlaTier.GOLD, ""));
            for (int k = 0; k < 2; k++) {
                CameraSystem cam = new CameraSystem("S" + i + "-" + k, "S" + i, "h" + i + k, "", "", "", "", "", "1");
                cams.add(cam);
                tel.put(cam.id(), t1);
            }
        }
        cache.replaceFleet(new FleetData(sites, cams, tel), List.of(), "Demo", T0);
        CachedFleet back = cache.read();
        assertThat(back.fleet().sites()).hasSize(1_500);
        assertThat(back.fleet().cameras()).hasSize(3_000);
        assertThat(back.fleet().telemetry()).hasSize(3_000).containsValue(t1);
    }
}
