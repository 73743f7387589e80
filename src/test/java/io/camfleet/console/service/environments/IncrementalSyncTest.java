package io.camfleet.console.service.environments;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The incremental sync that asks only for the changes: when it does, when it reads everything instead and says why,
 * and that the changes leave their queue only after the cache has committed them.
 */
class IncrementalSyncTest {

    private static final Environment NO_QUEUE = Environment.of("prod-eu", "ops", "eu-west-1", "");
    private static final Environment PROD = NO_QUEUE
            .withEventsQueue("https://sqs.eu-west-1.amazonaws.com/123456789012/camfleet-events");
    private final TestClock clock = new TestClock(Instant.parse("2026-06-01T08:00:00Z"));
    private final MemorySyncCache cache = new MemorySyncCache();
    private final World world = new World();
    private final EnvironmentSync sync = new EnvironmentSync(world, cache, clock);
    /** What happened, in order: "commit", "read all", "changes", "ack". */
    private final List<String> log = new ArrayList<>();

    /**
     * The environment as it is, and a queue of the cameras that changed: a full read delivers the world; an
     * incremental one delivers the base it is given with the queued cameras as they are now.
     */
    private final class World implements EnvironmentReader {
        final Map<String, CameraSystem> cameras = new LinkedHashMap<>();
        final Set<String> queue = new LinkedHashSet<>();
        Problem refuse;
        Problem fails;
        RuntimeException ackFails;

        void put(String id, String version) {
            cameras.put(id, new CameraSystem(id, "S1", "h-" + id, "", "", "", id, "camos", version));
            queue.add(id);
        }

        void remove(String id) {
            cameras.remove(id);
            queue.add(id);
        }

        @Override
        public void read(Environment environment, SyncSink sink, Progress progress) {
            log.add("read all");
            sink.called("iot:SearchIndex");
            sink.sites(List.of(SITE));
            sink.cameras(List.copyOf(cameras.values()), Map.of());
        }

        @Override
        public ChangeRead readChanges(Environment environment, ChangeRead.Since since, SyncSink sink,
                                      Progress progress) {
            log.add("changes since " + since.lastSync());
            sink.called("sqs:ReceiveMessage");
            if (refuse != null) {
                return ChangeRead.fullReadNeeded(refuse);
            }
            if (fails != null) {
                throw fails;
            }
            Set<String> asked = Set.copyOf(queue);
            sink.readThrough(SyncReport.Path.REGISTRY_EVENTS);
            Map<String, CameraSystem> now = new LinkedHashMap<>();
            since.fleet().cameras().forEach(c -> now.put(c.id(), c));
            for (String id : asked) {
                sink.called("iot:SearchIndex");
                now.remove(id);
                if (cameras.containsKey(id)) {
                    now.put(id, cameras.get(id));
                }
            }
            sink.sites(List.of(SITE));
            sink.cameras(List.copyOf(now.values()), Map.<String, CameraTelemetry>of());
            return ChangeRead.delivered(() -> {
                if (ackFails != null) {
                    throw ackFails;
                }
                log.add("ack " + asked.size());
                queue.removeAll(asked);
            });
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

    private static final Site SITE = new Site("S1", "Amsterdam", "Acme", "NL", "EU", 52.0, 4.0, "Europe/Amsterdam",
            SlaTier.GOLD, "", "prod-eu");

    private void fullSyncOfThreeCameras() {
        world.put("C1", "6.4.0");
        world.put("C2", "6.4.0");
        world.put("C3", "6.4.0");
        world.queue.clear();
        cache.afterFinish = () -> log.add("commit");
        sync.sync(PROD, true, "AWS", Progress.NONE);
        log.clear();
        clock.advance(Duration.ofMinutes(10));
    }

    private List<String> versions() {
        return cache.cameras.values().stream().map(c -> c.id() + " " + c.softwareVersion()).sorted().toList();
    }

    @Test
    void afterAFullSyncOnlyTheQueuedChangesAreAskedForAndTheyLeaveTheQueueAfterTheCommit() {
        fullSyncOfThreeCameras();
        world.put("C2", "6.5.0");
        world.remove("C3");
        world.put("C4", "6.5.0");

        SyncReport r = sync.sync(PROD, false, "AWS", Progress.NONE);

        assertThat(log).containsExactly("changes since 2026-06-01T08:00:00Z", "commit", "ack 3");
        assertThat(r.path()).isEqualTo(SyncReport.Path.REGISTRY_EVENTS);
        assertThat(r.readAllBecause()).isNull();
        assertThat(r.calls()).containsEntry("ReceiveMessage", 1).containsEntry("SearchIndex", 3);
        assertThat(r.written()).isEqualTo(2); // C2 changed, C4 new; C3 removed
        assertThat(r.removed()).isEqualTo(1);
        assertThat(versions()).containsExactly("C1 6.4.0", "C2 6.5.0", "C4 6.5.0");
        assertThat(world.queue).isEmpty();
        // An incremental read is no base for later changes: the last read of everything still is.
        assertThat(cache.lastFullSync("prod-eu")).contains(Instant.parse("2026-06-01T08:00:00Z"));
    }

    @Test
    void aCrashAfterTheCommitButBeforeTheAcknowledgementAppliesTheSameChangesAgainToTheSameFleet() {
        fullSyncOfThreeCameras();
        world.put("C2", "6.5.0");
        world.remove("C3");
        cache.afterFinish = () -> {
            log.add("commit");
            throw new IllegalStateException("power cut");
        };

        assertThatThrownBy(() -> sync.sync(PROD, false, "AWS", Progress.NONE)).hasMessage("power cut");
        assertThat(log).containsExactly("changes since 2026-06-01T08:00:00Z", "commit");
        assertThat(world.queue).containsExactlyInAnyOrder("C2", "C3");
        List<String> afterCrash = versions();

        cache.afterFinish = () -> log.add("commit");
        SyncReport again = sync.sync(PROD, false, "AWS", Progress.NONE);

        assertThat(again.path()).isEqualTo(SyncReport.Path.REGISTRY_EVENTS);
        assertThat(versions()).isEqualTo(afterCrash).containsExactly("C1 6.4.0", "C2 6.5.0");
        assertThat(again.written()).isZero();
        assertThat(world.queue).isEmpty();
    }

    @Test
    void withoutAQueueEverythingIsReadAndTheReportSaysWhy() {
        world.put("C1", "6.4.0");
        sync.sync(NO_QUEUE, true, "AWS", Progress.NONE);

        SyncReport r = sync.sync(NO_QUEUE, false, "AWS", Progress.NONE);

        assertThat(log).containsExactly("read all", "read all");
        assertThat(r.readAllBecause().key()).isEqualTo("sync.because.noQueue");
        assertThat(r.calls()).containsOnlyKeys("SearchIndex");
    }

    @Test
    void withoutAnEarlierReadOfEverythingEverythingIsRead() {
        world.put("C1", "6.4.0");

        SyncReport r = sync.sync(PROD, false, "AWS", Progress.NONE);

        assertThat(log).containsExactly("read all");
        assertThat(r.readAllBecause().key()).isEqualTo("sync.because.noFullSync");
        // That read is the base the next one's changes apply to.
        assertThat(cache.lastFullSync("prod-eu")).isPresent();
        assertThat(sync.sync(PROD, false, "AWS", Progress.NONE).path()).isEqualTo(SyncReport.Path.REGISTRY_EVENTS);
    }

    @Test
    void aDayAfterTheLastReadOfEverythingEverythingIsReadAgain() {
        fullSyncOfThreeCameras();
        clock.advance(Duration.ofHours(24));

        SyncReport r = sync.sync(PROD, false, "AWS", Progress.NONE);

        assertThat(log).containsExactly("read all", "commit");
        assertThat(r.readAllBecause().key()).isEqualTo("sync.because.tooOld");
        assertThat(r.readAllBecause().args()).containsExactly("prod-eu", 24L);
    }

    @Test
    void whenTheReaderCannotTellTheChangesEverythingIsReadWithItsReason() {
        fullSyncOfThreeCameras();
        world.refuse = new Problem("sync.because.unreadableEvent", "prod-eu", "m-7", "not JSON");
        world.put("C2", "6.5.0");

        SyncReport r = sync.sync(PROD, false, "AWS", Progress.NONE);

        assertThat(log).containsExactly("changes since 2026-06-01T08:00:00Z", "read all", "commit");
        assertThat(r.readAllBecause()).isSameAs(world.refuse);
        assertThat(r.calls()).containsEntry("ReceiveMessage", 1).containsEntry("SearchIndex", 1);
        assertThat(versions()).contains("C2 6.5.0");
    }

    @Test
    void aQueueThatCannotBeReadMakesTheSyncReadEverythingAndSayWhy() {
        fullSyncOfThreeCameras();
        world.fails = new Problem("aws.denied", "ops", "sqs:ReceiveMessage", "not authorized");
        world.put("C2", "6.5.0");

        SyncReport r = sync.sync(PROD, false, "AWS", Progress.NONE);

        assertThat(log).containsExactly("changes since 2026-06-01T08:00:00Z", "read all", "commit");
        assertThat(r.readAllBecause().key()).isEqualTo("sync.because.changesFailed");
        assertThat(r.readAllBecause().getCause()).isSameAs(world.fails);
        assertThat(versions()).contains("C2 6.5.0");
    }

    @Test
    void aQueueThatRefusesTheAcknowledgementLeavesAWarningNotAFailedSync() {
        fullSyncOfThreeCameras();
        world.put("C1", "6.5.0");
        world.ackFails = new IllegalStateException("AccessDenied on DeleteMessageBatch");

        SyncReport r = sync.sync(PROD, false, "AWS", Progress.NONE);

        assertThat(versions()).contains("C1 6.5.0");
        assertThat(r.warnings()).extracting(Problem::key).containsExactly("sync.ackFailed");
        assertThat(world.queue).containsExactly("C1");
    }

    @Test
    void anEnvironmentsQueueMustBeAnSqsQueueUrl() {
        assertThat(PROD.eventsQueue()).hasToString(
                "https://sqs.eu-west-1.amazonaws.com/123456789012/camfleet-events");
        for (String bad : List.of("http://sqs.eu-west-1.amazonaws.com/123456789012/q",
                "https://example.com/123456789012/q", "https://sqs.eu-west-1.amazonaws.com/q",
                "sqs://camfleet-events")) {
            assertThatThrownBy(() -> NO_QUEUE.withEventsQueue(bad)).isInstanceOf(Problem.class)
                    .extracting(p -> ((Problem) p).key()).isEqualTo("environment.badEventsQueue");
        }
        assertThat(NO_QUEUE.withEventsQueue("  ").eventsQueue()).isNull();
    }
}
