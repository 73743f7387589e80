package io.camfleet.console.service.environments;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentSyncTest {

    private static final Environment PROD = Environment.of("prod-eu", "ops", "eu-west-1", "");
    private final TestClock clock = new TestClock(Instant.parse("2026-06-01T08:00:00Z"));
    private final MemorySyncCache cache = new MemorySyncCache();
    private final ScriptedReader reader = new ScriptedReader();
    private final EnvironmentSync sync = new EnvironmentSync(reader, cache, clock);

    /** Reads what the test scripts: a list of steps, each given the sink. */
    private final class ScriptedReader implements EnvironmentReader {
        List<Consumer<SyncSink>> steps = new ArrayList<>();

        @Override
        public CallerIdentity identity(Environment environment) {
            return new CallerIdentity("1", "arn:aws:iam::1:user/t");
        }

        @Override
        public List<AwsProfile> profiles() {
            return List.of();
        }

        @Override
        public void read(Environment environment, SyncSink sink, Progress progress) {
            clock.advance(Duration.ofSeconds(2));
            steps.forEach(s -> s.accept(sink));
        }
    }

    private static Site site(String id, Double lat) {
        return new Site(id, "Site " + id, "Acme", "NL", "EU", lat, 4.0, "Europe/Amsterdam", SlaTier.GOLD, "",
                "prod-eu");
    }

    private static CameraSystem camera(String id, String site, String version) {
        return new CameraSystem(id, site, "cam-" + id, "10.0.0.1", "", "", "", "camos", version);
    }

    private static CameraTelemetry seen(String at) {
        return new CameraTelemetry(Instant.parse(at), OperatingMode.NORMAL, 600.0, 40.0, 45.0);
    }

    private void fleetOf(List<Site> sites, List<CameraSystem> cameras, Map<String, CameraTelemetry> t) {
        reader.steps = List.of(sink -> sink.sites(sites), sink -> sink.cameras(cameras, t));
    }

    @Test
    void aFirstSyncWritesEverythingCountsItAndMovesTheAsOfToWhenItStarted() {
        fleetOf(List.of(site("S1", 52.0), site("S2", null)),
                List.of(camera("C1", "S1", "6.4.2"), camera("C2", "S2", "6.4.2")),
                Map.of("C1", seen("2026-06-01T07:59:00Z")));

        SyncReport r = sync.sync(PROD, false, "AWS", Progress.NONE);

        assertThat(r.environment()).isEqualTo("prod-eu");
        assertThat(r.full()).isFalse();
        assertThat(r.sites()).isEqualTo(2);
        assertThat(r.cameras()).isEqualTo(2);
        assertThat(r.unplaced()).as("S2 has no latitude").isEqualTo(1);
        assertThat(r.written()).isEqualTo(4);
        assertThat(r.pages()).isEqualTo(2);
        assertThat(r.removed()).isZero();
        assertThat(r.took()).isEqualTo(Duration.ofSeconds(2));
        assertThat(cache.asOf).containsEntry("prod-eu", Instant.parse("2026-06-01T08:00:00Z"));
        assertThat(cache.telemetry).containsOnlyKeys("C1");
        assertThat(sync.current("prod-eu").cameras()).hasSize(2);
        assertThat(sync.current("prod-eu").telemetry()).containsOnlyKeys("C1");
    }

    @Test
    void anIncrementalSyncWritesOnlyWhatChangedAndAFullOneRewritesEverything() {
        fleetOf(List.of(site("S1", 52.0), site("S2", 51.0)),
                List.of(camera("C1", "S1", "6.4.2"), camera("C2", "S2", "6.4.2")),
                Map.of("C1", seen("2026-06-01T07:59:00Z")));
        sync.sync(PROD, false, "AWS", Progress.NONE);
        int readsAfterFirst = cache.reads;

        // C2 moves to 6.5.0, C1 sends a new heartbeat; the sites are as they were.
        fleetOf(List.of(site("S1", 52.0), site("S2", 51.0)),
                List.of(camera("C1", "S1", "6.4.2"), camera("C2", "S2", "6.5.0")),
                Map.of("C1", seen("2026-06-01T08:01:00Z")));
        SyncReport again = sync.sync(PROD, false, "AWS", Progress.NONE);
        assertThat(again.written()).isEqualTo(2);
        assertThat(cache.reads).as("compared with what the last sync kept, not read again").isEqualTo(readsAfterFirst);
        assertThat(cache.cameras.get("C2").softwareVersion()).isEqualTo("6.5.0");

        SyncReport same = sync.sync(PROD, false, "AWS", Progress.NONE);
        assertThat(same.written()).isZero();
        assertThat(same.pages()).isEqualTo(2);

        SyncReport full = sync.sync(PROD, true, "AWS", Progress.NONE);
        assertThat(full.written()).isEqualTo(4);
        assertThat(cache.lastFull).isTrue();
    }

    @Test
    void whatTheSourceNoLongerHasIsRemovedAndARecordSeenTwiceCountsOnce() {
        fleetOf(List.of(site("S1", 52.0), site("S2", 51.0)),
                List.of(camera("C1", "S1", "6.4.2"), camera("C2", "S2", "6.4.2")), Map.of());
        sync.sync(PROD, false, "AWS", Progress.NONE);

        reader.steps = List.of(sink -> sink.sites(List.of(site("S1", 52.0))),
                sink -> sink.sites(List.of(site("S1", 52.0))),
                sink -> sink.cameras(List.of(camera("C1", "S1", "6.4.2"), camera("C1", "S1", "6.4.2")), Map.of()));
        SyncReport r = sync.sync(PROD, false, "AWS", Progress.NONE);

        assertThat(r.sites()).isEqualTo(1);
        assertThat(r.cameras()).isEqualTo(1);
        assertThat(r.removed()).isEqualTo(2);
        assertThat(cache.removed).containsExactly("S2", "C2");
        assertThat(cache.sites).containsOnlyKeys("S1");
        assertThat(sync.current("prod-eu").sites()).extracting(Site::id).containsExactly("S1");
    }

    @Test
    void aFailedSyncKeepsTheOldAsOfAndTheNextComparesWithTheCacheAgain() {
        fleetOf(List.of(site("S1", 52.0)), List.of(camera("C1", "S1", "6.4.2")), Map.of());
        sync.sync(PROD, false, "AWS", Progress.NONE);
        Instant firstAsOf = cache.asOf.get("prod-eu");
        int reads = cache.reads;

        reader.steps = List.of(sink -> sink.sites(List.of(site("S1", 52.0))), sink -> {
            throw new Problem("aws.unreachable", "prod-eu", "reset");
        });
        assertThatThrownBy(() -> sync.sync(PROD, false, "AWS", Progress.NONE)).isInstanceOf(Problem.class);
        assertThat(cache.asOf).containsEntry("prod-eu", firstAsOf);

        fleetOf(List.of(site("S1", 52.0)), List.of(camera("C1", "S1", "6.4.2")), Map.of());
        sync.sync(PROD, false, "AWS", Progress.NONE);
        assertThat(cache.reads).as("what the failed sync half wrote is read back").isEqualTo(reads + 1);
    }

    @Test
    void aCancelledSyncStopsBetweenPagesAndFinishesNothing() {
        fleetOf(List.of(site("S1", 52.0)), List.of(camera("C1", "S1", "6.4.2")), Map.of());
        Progress cancelled = new Progress() {
            @Override
            public void update(String message, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> sync.sync(PROD, false, "AWS", cancelled)).isInstanceOf(CancellationException.class);
        assertThat(cache.asOf).isEmpty();
        assertThat(cache.pageSizes).isEmpty();
    }

    @Test
    void clippedValuesAreNamedUpToTenAndTheRestCountedAndWhatWasLeftOutIsNotServed() {
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sites.add(site("S" + i, 50.0));
        }
        String longId = "S" + "x".repeat(100);
        sites.add(site(longId, 50.0));
        cache.clip = id -> id.equals("S0") ? List.of(new SyncCache.Clipped(id, "name", 300, 200, true))
                : List.of(new SyncCache.Clipped(id, "name", 300, 200, false));
        reader.steps = List.of(sink -> sink.sites(sites), sink -> sink.throttled("DescribeThings"),
                sink -> sink.warning(new Problem("aws.unreachable", "prod-eu", "timeout")));

        SyncReport r = sync.sync(PROD, false, "AWS", Progress.NONE);

        assertThat(r.written()).as("13 written, S0 left out").isEqualTo(12);
        assertThat(r.throttled()).isEqualTo(1);
        List<String> keys = r.warnings().stream().map(Problem::key).toList();
        assertThat(keys.subList(0, 10)).first().isEqualTo("sync.leftOut");
        assertThat(keys.subList(1, 10)).containsOnly("sync.clipped");
        assertThat(keys).contains("aws.unreachable");
        assertThat(keys.getLast()).isEqualTo("sync.clippedMore");
        assertThat(r.warnings().getLast().args()).containsExactly(3);
        assertThat(sync.current("prod-eu").sites()).extracting(Site::id).doesNotContain("S0").hasSize(12);
    }

    @Test
    void aWarningNamesAnOverlongRecordIdByItsFirstCharacters() {
        String longId = "S" + "x".repeat(100);
        cache.clip = id -> List.of(new SyncCache.Clipped(id, "id", 101, 64, false));
        reader.steps = List.of(sink -> sink.sites(List.of(site(longId, 50.0))));

        SyncReport r = sync.sync(PROD, false, "AWS", Progress.NONE);

        Object shown = r.warnings().getFirst().args()[0];
        assertThat(shown).asString().hasSize(80).endsWith("…").startsWith("Sxxx");
    }
}
