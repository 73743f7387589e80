package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.fleet.CachedFleet;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.environments.SyncCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache as environment syncs write it: pages, then one finishing transaction per environment. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class JdbcSyncCacheTest {

    @Parameter
    StoreEngine engine;

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(300);

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcFleetCache cache;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        cache = new JdbcFleetCache(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Site site(String env, String id) {
        return new Site(id, "Site " + id, "Acme", "NL", "EU", 52.0, 4.0, "Europe/Amsterdam", SlaTier.GOLD, "", env);
    }

    private static CameraSystem camera(String siteId, String id, String version) {
        return new CameraSystem(id, siteId, id, "", "", "", id, "ami-1", version);
    }

    @Test
    void eachEnvironmentIsWrittenAndReadOnItsOwnAndTheCacheIsAsFreshAsItsStalestEnvironment() {
        cache.writePage("prod", List.of(site("prod", "prod/S1")), List.of(camera("prod/S1", "prod/C1", "6.4")),
                Map.of("prod/C1", new CameraTelemetry(T0, OperatingMode.NORMAL, 600.0, 10.0, 40.0)));
        cache.finishSync("prod", List.of(), List.of(), "AWS", T1, true);
        cache.writePage("dev", List.of(site("dev", "dev/S1")), List.of(camera("dev/S1", "dev/C1", "6.5")), Map.of());
        cache.finishSync("dev", List.of(), List.of(), "AWS", T0, false);

        assertThat(cache.readEnvironment("prod").sites()).containsExactly(site("prod", "prod/S1"));
        assertThat(cache.readEnvironment("prod").telemetryOf("prod/C1").framesPerMinute()).isEqualTo(600.0);
        assertThat(cache.readEnvironment("dev").cameras()).containsExactly(camera("dev/S1", "dev/C1", "6.5"));
        assertThat(cache.environmentsAsOf()).isEqualTo(Map.of("prod", T1, "dev", T0));
        CachedFleet all = cache.read();
        assertThat(all.fleet().sites()).hasSize(2);
        assertThat(all.asOf()).isEqualTo(T0);
        assertThat(all.source()).isEqualTo("AWS");
    }

    @Test
    void aPageUpdatesWhatIsThereAndAddsWhatIsNot() {
        cache.writePage("prod", List.of(site("prod", "S1")), List.of(camera("S1", "C1", "6.4")), Map.of());
        cache.writePage("prod", List.of(site("prod", "S1"), site("prod", "S2")),
                List.of(camera("S1", "C1", "6.5"), camera("S2", "C2", "6.5")), Map.of());

        FleetData back = cache.readEnvironment("prod");
        assertThat(back.sites()).extracting(Site::id).containsExactly("S1", "S2");
        assertThat(back.cameras()).extracting(CameraSystem::softwareVersion).containsExactly("6.5", "6.5");
    }

    @Test
    void finishingRemovesWhatIsGoneFromThatEnvironmentOnly() {
        cache.writePage("prod", List.of(site("prod", "S1"), site("prod", "S2")),
                List.of(camera("S1", "C1", "6.4"), camera("S2", "C2", "6.4")), Map.of());
        cache.writePage("dev", List.of(site("dev", "D1")), List.of(camera("D1", "DC1", "6.4")), Map.of());
        cache.finishSync("prod", List.of("S2"), List.of("C2"), "AWS", T1, false);

        assertThat(cache.readEnvironment("prod").cameras()).extracting(CameraSystem::id).containsExactly("C1");
        assertThat(cache.readEnvironment("dev").cameras()).extracting(CameraSystem::id).containsExactly("DC1");
    }

    @Test
    void aSyncStoppedBetweenPagesLeavesTheOldAsOfAndWholePages() {
        cache.writePage("prod", List.of(site("prod", "S1")), List.of(camera("S1", "C1", "6.4")), Map.of());
        cache.finishSync("prod", List.of(), List.of(), "AWS", T0, true);

        // The next sync writes one page, then fails on the second, after its sites, at its camera: the database
        // refuses it (a value too long no longer fails a page: it is clipped, see below).
        cache.writePage("prod", List.of(site("prod", "S2")), List.of(camera("S2", "C2", "6.5")), Map.of());
        refuseCamera("C4");
        assertThatThrownBy(() -> cache.writePage("prod", List.of(site("prod", "S4"), site("prod", "S3")),
                List.of(camera("S4", "C4", "6.5")), Map.of())).isInstanceOf(StoreException.class);

        assertThat(cache.environmentsAsOf()).containsEntry("prod", T0);
        assertThat(cache.read().asOf()).isEqualTo(T0);
        // The page that failed left nothing, not even its good rows.
        assertThat(cache.readEnvironment("prod").sites()).extracting(Site::id).containsExactly("S1", "S2");
        assertThat(cache.readEnvironment("prod").cameras()).extracting(CameraSystem::id).containsExactly("C1", "C2");
    }

    private void refuseCamera(String id) {
        try (java.sql.Connection c = db.dataSource().getConnection();
             java.sql.Statement st = c.createStatement()) {
            st.execute("ALTER TABLE camera_system ADD CONSTRAINT refused CHECK (id <> '" + id + "')");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aValueLongerThanItsColumnIsClippedWithANoteNamingTheRecordAndTheFieldAndThePageIsWritten() {
        CameraSystem longHost = new CameraSystem("prod/C1", "prod/S1", "h".repeat(3000), "", "", "", "C1", "ami-1",
                "6.4");
        Site longName = new Site("prod/S1", "n".repeat(5000), "Acme", "NL", "EU", 52.0, 4.0, "UTC", SlaTier.GOLD,
                "", "prod");

        List<SyncCache.Clipped> notes = cache.writePage("prod", List.of(longName, site("prod", "prod/S2")),
                List.of(longHost, camera("prod/S2", "prod/C2", "6.4")), Map.of());

        assertThat(notes).containsExactlyInAnyOrder(
                new SyncCache.Clipped("prod/S1", "name", 5000, 2048, false),
                new SyncCache.Clipped("prod/C1", "hostname", 3000, 800, false));
        FleetData back = cache.readEnvironment("prod");
        assertThat(back.sites()).extracting(Site::id).containsExactly("prod/S1", "prod/S2");
        assertThat(back.sites().get(0).name()).hasSize(2048).startsWith("nnn").endsWith("…");
        assertThat(back.cameras()).extracting(CameraSystem::id).containsExactly("prod/C1", "prod/C2");
        assertThat(back.cameras().get(0).hostname()).hasSize(800).endsWith("…");
    }

    @Test
    void aRecordWhoseIdIsTooLongToStoreIsLeftOutWithANoteAndTheRestIsWritten() {
        String longId = "prod/" + "x".repeat(300);

        List<SyncCache.Clipped> notes = cache.writePage("prod", List.of(site("prod", "prod/S1")),
                List.of(camera("prod/S1", longId, "6.4"), camera("prod/S1", "prod/C2", "6.4")), Map.of());

        assertThat(notes).containsExactly(new SyncCache.Clipped(longId, "id", longId.length(), 200, true));
        assertThat(cache.readEnvironment("prod").cameras()).extracting(CameraSystem::id).containsExactly("prod/C2");
    }

    @Test
    void aValueTheDatabaseRefusesIsNamedSoAndNeverBlamedOnDiskSpace() {
        Site tooLong = new Site("S1", "n".repeat(5000), "Acme", "NL", "EU", 52.0, 4.0, "UTC", SlaTier.GOLD, "");

        assertThatThrownBy(() -> cache.replaceFleet(new FleetData(List.of(tooLong), List.of(), Map.of()), List.of(),
                "Import: sites.csv", T0))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.key()).isEqualTo("problem.cacheValueRefused");
                    assertThat(e.getMessage()).doesNotContainIgnoringCase("disk space");
                });
    }

    @Test
    void theColumnsHoldWhatAwsAllowsForIdsAndValues() {
        // A label of 32 characters and a thing name of 128: the longest id an environment sync makes.
        String label = "l".repeat(32);
        String site = label + "/" + "g".repeat(128);
        String camera = label + "/" + "t".repeat(128);
        String v = "v".repeat(800);
        Site s = new Site(site, "d".repeat(2028), v, "NL", v, 52.0, 4.0, "Europe/Amsterdam", SlaTier.GOLD, v, label);
        CameraSystem c = new CameraSystem(camera, site, v, v, v, v, "t".repeat(128), v, v);

        assertThat(cache.writePage(label, List.of(s), List.of(c), Map.of())).isEmpty();

        assertThat(cache.readEnvironment(label).sites()).containsExactly(s);
        assertThat(cache.readEnvironment(label).cameras()).containsExactly(c);
    }

    @Test
    void environmentsNoLongerConfiguredAreRemovedWithTheirState() {
        cache.writePage("prod", List.of(site("prod", "S1")), List.of(camera("S1", "C1", "6.4")), Map.of());
        cache.finishSync("prod", List.of(), List.of(), "AWS", T0, true);
        cache.writePage("old", List.of(site("old", "O1")), List.of(camera("O1", "OC1", "6.4")), Map.of());
        cache.finishSync("old", List.of(), List.of(), "AWS", T0, true);
        cache.writePage("", List.of(site("", "DEMO-1")), List.of(camera("DEMO-1", "DEMO-C1", "6.4")), Map.of());

        assertThat(cache.retainEnvironments(Set.of("prod"))).containsExactly(
                new SyncCache.Removed("", 1, 1), new SyncCache.Removed("old", 1, 1));

        assertThat(cache.read().fleet().sites()).extracting(Site::id).containsExactly("S1");
        assertThat(cache.read().fleet().cameras()).extracting(CameraSystem::id).containsExactly("C1");
        assertThat(cache.environmentsAsOf()).containsOnlyKeys("prod");
    }

    @Test
    void replacingTheWholeFleetForgetsEnvironmentStates() {
        cache.writePage("prod", List.of(site("prod", "S1")), List.of(camera("S1", "C1", "6.4")), Map.of());
        cache.finishSync("prod", List.of(), List.of(), "AWS", T0, true);

        cache.replaceFleet(new FleetData(List.of(site("", "DEMO-1")), List.of(), Map.of()), List.of(), "Demo", T1);

        assertThat(cache.environmentsAsOf()).isEmpty();
        assertThat(cache.read().fleet().sites()).extracting(Site::environment).containsExactly("");
        assertThat(cache.read().asOf()).isEqualTo(T1);
    }
}
