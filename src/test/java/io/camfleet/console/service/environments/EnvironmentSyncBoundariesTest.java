package io.camfleet.console.service.environments;

import io.camfleet.console.domain.fleet.CameraSystem;
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

/**
 * A sync at its edges: what it tells its progress, when a cancel stops it, how many clipped values it names, how
 * long an id it shows whole, and the day after which an incremental sync reads everything.
 */
class EnvironmentSyncBoundariesTest {

    private static final Environment PROD = Environment.of("prod-eu", "ops", "eu-west-1", "")
            .withEventsQueue("https://sqs.eu-west-1.amazonaws.com/123456789012/camfleet-events");
    private final TestClock clock = new TestClock(Instant.parse("2026-06-01T08:00:00Z"));
    private final MemorySyncCache cache = new MemorySyncCache();
    private final Reader reader = new Reader();
    private final EnvironmentSync sync = new EnvironmentSync(reader, cache, clock);
    /** What the sync told its progress, and whether the user has cancelled. */
    private final List<String> told = new ArrayList<>();
    private boolean cancelled;
    private final Progress progress = new Progress() {
        @Override
        public void update(String message, long done, long total) {
            told.add(message + " [" + done + "/" + total + "]");
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    };

    /** Reads what the test scripts, in full or as changes; counts the reads of everything. */
    private static final class Reader implements EnvironmentReader {
        List<Consumer<SyncSink>> steps = List.of();
        int readsAll;
        int readsChanges;

        @Override
        public void read(Environment environment, SyncSink sink, Progress progress) {
            readsAll++;
            steps.forEach(s -> s.accept(sink));
        }

        @Override
        public ChangeRead readChanges(Environment environment, ChangeRead.Since since, SyncSink sink,
                                      Progress progress) {
            readsChanges++;
            steps.forEach(s -> s.accept(sink));
            return ChangeRead.delivered(ChangeRead.Acknowledgement.NONE);
        }

        @Override
        public CallerIdentity identity(Environment environment) {
            return new CallerIdentity("1", "arn:aws:iam::1:user/t");
        }

        @Override
        public List<AwsProfile> profiles() {
            return List.of();
        }
    }

    private static Site site(String id) {
        return new Site(id, "Site " + id, "Acme", "NL", "EU", 52.0, 4.0, "Europe/Amsterdam", SlaTier.GOLD, "",
                "prod-eu");
    }

    private static CameraSystem camera(String id) {
        return new CameraSystem(id, "S1", "cam-" + id, "10.0.0.1", "", "", "", "camos", "6.4.2");
    }

    private static List<Site> sites(int n) {
        List<Site> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(site("S" + i));
        }
        return out;
    }

    @Test
    void eachPageAndEachThrottledCallIsToldToTheProgress() {
        reader.steps = List.of(sink -> sink.sites(List.of(site("S1"), site("S2"))),
                sink -> sink.throttled("DescribeThings"),
                sink -> sink.cameras(List.of(camera("C1")), Map.of()));

        sync.sync(PROD, true, "AWS", progress);

        assertThat(told).containsExactly("prod-eu: page 1, 2 sites read [2/-1]",
                "prod-eu: AWS is throttling DescribeThings; retrying [-1/-1]",
                "prod-eu: page 2, 2 sites and 1 cameras read [1/-1]");
    }

    @Test
    void aCancelBeforeACamerasPageStopsTheSyncBeforeIt() {
        reader.steps = List.of(sink -> sink.sites(List.of(site("S1"))), sink -> cancelled = true,
                sink -> sink.cameras(List.of(camera("C1")), Map.of()));

        assertThatThrownBy(() -> sync.sync(PROD, true, "AWS", progress)).isInstanceOf(CancellationException.class);
        assertThat(cache.pageSizes).containsExactly(1);
        assertThat(cache.asOf).isEmpty();
    }

    @Test
    void aCancelAfterTheLastPageStillFinishesNothing() {
        reader.steps = List.of(sink -> sink.sites(List.of(site("S1"))), sink -> cancelled = true);

        assertThatThrownBy(() -> sync.sync(PROD, true, "AWS", progress)).isInstanceOf(CancellationException.class);
        assertThat(cache.asOf).isEmpty();
        assertThat(cache.lastFull).isNull();
    }

    @Test
    void aSiteTwiceInOnePageIsServedAndWrittenOnce() {
        reader.steps = List.of(sink -> sink.sites(List.of(site("S1"), site("S1"), site("S2"))));

        SyncReport r = sync.sync(PROD, true, "AWS", Progress.NONE);

        assertThat(r.sites()).isEqualTo(2);
        assertThat(r.written()).isEqualTo(2);
        assertThat(sync.current("prod-eu").sites()).extracting(Site::id).containsExactly("S1", "S2");
    }

    @Test
    void onlySitesWithoutUsableCoordinatesAreCountedUnplaced() {
        Site nowhere = new Site("S9", "Site S9", "Acme", "NL", "EU", null, null, "Europe/Amsterdam", SlaTier.GOLD,
                "", "prod-eu");
        reader.steps = List.of(sink -> sink.sites(List.of(site("S1"), site("S2"), nowhere)));

        assertThat(sync.sync(PROD, true, "AWS", Progress.NONE).unplaced()).isEqualTo(1);
    }

    @Test
    void tenClippedValuesAreAllNamedAndNoneCounted() {
        cache.clip = id -> List.of(new SyncCache.Clipped(id, "name", 300, 200, false));
        reader.steps = List.of(sink -> sink.sites(sites(10)));

        SyncReport r = sync.sync(PROD, true, "AWS", Progress.NONE);

        assertThat(r.warnings()).extracting(Problem::key).hasSize(10).containsOnly("sync.clipped");
    }

    @Test
    void theEleventhClippedValueIsCountedNotNamed() {
        cache.clip = id -> List.of(new SyncCache.Clipped(id, "name", 300, 200, false));
        reader.steps = List.of(sink -> sink.sites(sites(11)));

        SyncReport r = sync.sync(PROD, true, "AWS", Progress.NONE);

        assertThat(r.warnings()).hasSize(11);
        assertThat(r.warnings().subList(0, 10)).extracting(Problem::key).containsOnly("sync.clipped");
        assertThat(r.warnings().getLast().key()).isEqualTo("sync.clippedMore");
        assertThat(r.warnings().getLast().args()).containsExactly(1);
    }

    @Test
    void anIdOfEightyCharactersIsShownWhole() {
        String id = "S" + "x".repeat(79);
        cache.clip = i -> List.of(new SyncCache.Clipped(i, "name", 300, 200, false));
        reader.steps = List.of(sink -> sink.sites(List.of(site(id))));

        SyncReport r = sync.sync(PROD, true, "AWS", Progress.NONE);

        assertThat(r.warnings().getFirst().args()[0]).isEqualTo(id);
    }

    @Test
    void aCameraLeftOutIsNotServedAndTheOthersAre() {
        cache.clip = id -> id.equals("C1") ? List.of(new SyncCache.Clipped(id, "id", 300, 64, true)) : List.of();
        reader.steps = List.of(sink -> sink.sites(List.of(site("S1"))),
                sink -> sink.cameras(List.of(camera("C1"), camera("C2")), Map.of()));

        SyncReport r = sync.sync(PROD, true, "AWS", Progress.NONE);

        assertThat(r.written()).isEqualTo(2);
        assertThat(sync.current("prod-eu").cameras()).extracting(CameraSystem::id).containsExactly("C2");
        assertThat(sync.current("prod-eu").sites()).extracting(Site::id).containsExactly("S1");
    }

    @Test
    void exactlyADayAfterTheLastReadOfEverythingOnlyTheChangesAreStillAskedFor() {
        reader.steps = List.of(sink -> sink.sites(List.of(site("S1"))));
        sync.sync(PROD, true, "AWS", Progress.NONE);
        clock.advance(EnvironmentSync.READ_ALL_AT_LEAST_EVERY);

        SyncReport r = sync.sync(PROD, false, "AWS", Progress.NONE);

        assertThat(reader.readsChanges).isEqualTo(1);
        assertThat(reader.readsAll).isEqualTo(1);
        assertThat(r.readAllBecause()).isNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sync.sync(PROD, false, "AWS", Progress.NONE).readAllBecause().key())
                .as("a second later it is more than a day").isEqualTo("sync.because.tooOld");
    }
}
