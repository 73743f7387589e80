package io.camfleet.console.adapter.aws;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcFleetCache;
import io.camfleet.console.domain.CameraSystem;
import io.camfleet.console.domain.CameraTelemetry;
import io.camfleet.console.domain.OperatingMode;
import io.camfleet.console.domain.Site;
import io.camfleet.console.domain.SlaTier;
import io.camfleet.console.service.Environment;
import io.camfleet.console.service.EnvironmentSync;
import io.camfleet.console.service.FleetData;
import io.camfleet.console.service.MetricNames;
import io.camfleet.console.service.Progress;
import io.camfleet.console.service.SyncReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Syncs environments seeded on a real moto_server into a real H2 cache. */
class AwsSyncTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path dir;
    private CacheDatabase db;
    private JdbcFleetCache cache;
    private AwsClients clients;
    private EnvironmentSync sync;
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void open() {
        db = CacheDatabase.open(dir, clock);
        cache = new JdbcFleetCache(db.dataSource());
        clients = MOTO.clients(op -> { });
        sync = new EnvironmentSync(new AwsEnvironmentReader(clients, MetricNames.DEFAULT, clock), cache, clock);
    }

    @AfterEach
    void close() {
        clients.close();
        db.close();
    }

    @Test
    void sitesThingsConnectivityAndMetricsBecomeTheCachedFleet() {
        Environment prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (FleetSeeder seed = new FleetSeeder(prod)) {
            seed.region("EU")
                    .site("ams-01", "EU", FleetSeeder.siteAttributes("Amsterdam_Hub", "Northwind", "nl", "52.37",
                            "4.89", "Europe/Amsterdam", "platinum"))
                    .site("nowhere", "EU", FleetSeeder.siteAttributes("Nowhere", "Acme", "DE", null, null,
                            "Europe/Berlin", "gold"))
                    .site("broken", null, FleetSeeder.siteAttributes("Broken", "Acme", "FR", "north", "2.35",
                            "Not/AZone", "diamond"))
                    .thing("cam-ams-1", "ams-01", Map.of("softwareVersion", "6.4.2", "image", "ami-0abc",
                            "sshAddress", "10.1.0.5:22", "jumpHost", "bastion-eu", "ssmNodeId", "mi-0123456789abcdef0"))
                    .thing("cam-ams-2", "ams-01", Map.of("softwareVersion", "6.4.1", "mode", "maintenance"))
                    .thing("cam-now-1", "nowhere", Map.of())
                    .thing("cam-brk-1", "broken", Map.of())
                    .thing("cam-stray", null, Map.of("softwareVersion", "6.0.0"))
                    .metrics("cam-ams-1", now.minusSeconds(30), Map.of("Heartbeat", 1.0, "FramesCaptured", 590.0,
                            "DiskUsedPercent", 41.5, "TemperatureC", 81.0));
        }

        SyncReport report = sync.sync(prod, true, "AWS", Progress.NONE);

        assertThat(report.sites()).isEqualTo(4); // three site groups and the stray thing's "no site"
        assertThat(report.cameras()).isEqualTo(5);
        assertThat(report.unplaced()).isEqualTo(3);
        FleetData back = cache.readEnvironment("prod-eu");
        Site ams = back.sites().stream().filter(s -> s.id().equals("prod-eu/ams-01")).findFirst().orElseThrow();
        assertThat(ams).isEqualTo(new Site("prod-eu/ams-01", "Amsterdam_Hub", "Northwind", "NL", "EU", 52.37, 4.89,
                "Europe/Amsterdam", SlaTier.PLATINUM, "Sun 02:00-04:00", "prod-eu"));
        Site broken = back.sites().stream().filter(s -> s.id().equals("prod-eu/broken")).findFirst().orElseThrow();
        assertThat(broken.isPlaced()).as("a latitude that is not a number is not 0").isFalse();
        assertThat(broken.latitude()).isNull();
        assertThat(broken.region()).isEmpty();
        assertThat(broken.timeZone()).isEmpty();
        assertThat(broken.slaTier()).isEqualTo(SlaTier.BRONZE);
        assertThat(back.sites()).filteredOn(s -> s.id().equals("prod-eu/(no site)")).singleElement()
                .satisfies(s -> assertThat(s.isPlaced()).isFalse());

        CameraSystem cam = back.cameras().stream().filter(c -> c.id().equals("prod-eu/cam-ams-1")).findFirst()
                .orElseThrow();
        assertThat(cam).isEqualTo(new CameraSystem("prod-eu/cam-ams-1", "prod-eu/ams-01", "cam-ams-1", "10.1.0.5:22",
                "bastion-eu", "mi-0123456789abcdef0", "cam-ams-1", "ami-0abc", "6.4.2"));
        CameraTelemetry t = back.telemetryOf("prod-eu/cam-ams-1");
        assertThat(t.framesPerMinute()).isEqualTo(590.0);
        assertThat(t.diskUsedPercent()).isEqualTo(41.5);
        assertThat(t.temperatureC()).isEqualTo(81.0);
        assertThat(t.lastHeartbeat()).isBetween(now.minusSeconds(90), Instant.now());
        assertThat(back.telemetryOf("prod-eu/cam-ams-2").mode()).isEqualTo(OperatingMode.MAINTENANCE);
        assertThat(back.telemetryOf("prod-eu/cam-now-1").lastHeartbeat()).as("no metrics, no index").isNull();
        assertThat(back.cameras()).filteredOn(c -> c.id().equals("prod-eu/cam-stray")).singleElement()
                .extracting(CameraSystem::siteId).isEqualTo("prod-eu/(no site)");
        assertThat(cache.environmentsAsOf()).containsKey("prod-eu");
    }
}
