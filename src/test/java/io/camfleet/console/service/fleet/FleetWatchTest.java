package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;
import static io.camfleet.console.service.fleet.Fleets.site;
import static org.assertj.core.api.Assertions.assertThat;

/** The fleet as a service: what it publishes when ticks, syncs and switches change the fleet. No toolkit. */
class FleetWatchTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    /** Loads run at once on the caller's thread: what they publish is there when the call returns. */
    private final FleetWatch watch = new FleetWatch(FleetWatch.Loads.on(Runnable::run), ticker);
    private final List<FleetEvent> events = new CopyOnWriteArrayList<>();
    private final List<FleetSnapshot> snapshots = new CopyOnWriteArrayList<>();
    private final Remote source = new Remote();

    /** A remote source of one site with two cameras; it fails while {@link #failure} is set. */
    private class Remote implements FleetSource {
        final Map<String, CameraTelemetry> telemetry = new HashMap<>();
        String version = "6.4.2";
        RuntimeException failure;
        List<Problem> problems = List.of();

        @Override
        public String name() {
            return "Remote";
        }

        @Override
        public FleetData load(Instant now, Progress progress) {
            if (failure != null) {
                throw failure;
            }
            return new FleetData(List.of(site("A", "Alpha", "Acme", "NL", "EU")),
                    List.of(camera("A1", "A", version), camera("A2", "A", "6.4.2")), Map.copyOf(telemetry));
        }

        @Override
        public List<Problem> problems() {
            return problems;
        }
    }

    FleetWatchTest() {
        watch.onEvent(events::add);
        watch.subscribe(snapshots::add);
    }

    @AfterEach
    void stop() {
        watch.close();
        ticker.shutdownNow();
    }

    private FleetService fleetOf(FleetSource s) {
        return new FleetService(s, new InMemoryFleetCache(), io.camfleet.console.domain.fleet.HealthRules.DEFAULT,
                clock, new io.camfleet.console.service.audit.AuditService(
                new io.camfleet.console.service.audit.InMemoryAuditTrail(),
                new io.camfleet.console.service.audit.InMemoryAuditAnchor(),
                new io.camfleet.console.service.audit.Operator("t", ""), clock));
    }

    private <T extends FleetEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aTickThatChangesACamerasHealthPublishesHealthChanged() {
        source.telemetry.put("A1", beating(clock.instant()));
        source.telemetry.put("A2", beating(clock.instant()));
        FleetService fleet = fleetOf(source);
        watch.watch(fleet);
        assertThat(snapshots).isNotEmpty();
        assertThat(snapshots.getLast().camerasIn(HealthState.ONLINE)).isEqualTo(2);
        assertThat(eventsOf(FleetEvent.HealthChanged.class)).as("loading the fleet is not a change").isEmpty();

        clock.advance(Duration.ofSeconds(91)); // both silent past the offline limit
        watch.tick(fleet);

        List<FleetEvent.HealthChanged> changed = eventsOf(FleetEvent.HealthChanged.class);
        assertThat(changed).hasSize(1);
        assertThat(changed.getFirst().changes()).extracting(HealthChange::cameraId).containsExactly("A1", "A2");
        assertThat(changed.getFirst().changes()).allSatisfy(c -> {
            assertThat(c.from()).isEqualTo(HealthState.ONLINE);
            assertThat(c.to()).isEqualTo(HealthState.OFFLINE);
            assertThat(c.at()).isEqualTo(clock.instant());
        });
        watch.tick(fleet);
        assertThat(eventsOf(FleetEvent.HealthChanged.class)).as("a tick that changes nothing says nothing").hasSize(1);
    }

    @Test
    void aSyncThatFindsAnotherVersionPublishesVersionChanged() {
        watch.watch(fleetOf(source));
        source.version = "6.6.0";
        watch.sync();

        List<FleetEvent.VersionChanged> changed = eventsOf(FleetEvent.VersionChanged.class);
        assertThat(changed).hasSize(1);
        assertThat(changed.getFirst().changes())
                .containsExactly(new FleetEvent.VersionChange("A1", "6.4.2", "6.6.0"));
    }

    @Test
    void aFailingSourcePublishesSyncFailedAndSyncRecoveredOnceItWorksAgain() {
        watch.watch(fleetOf(source));
        assertThat(eventsOf(FleetEvent.SyncRecovered.class)).as("nothing to recover from").isEmpty();
        Instant asOf = snapshots.getLast().asOf();

        source.failure = new Problem("aws.unreachable", "eu-west-1");
        watch.sync();
        List<FleetEvent.SyncFailed> failed = eventsOf(FleetEvent.SyncFailed.class);
        assertThat(failed).hasSize(1);
        assertThat(failed.getFirst().cause()).isSameAs(source.failure);
        assertThat(failed.getFirst().asOf()).as("the cache still shown").isEqualTo(asOf);
        assertThat(failed.getFirst().retryable()).isTrue();

        source.failure = null;
        watch.sync();
        assertThat(eventsOf(FleetEvent.SyncRecovered.class)).containsExactly(new FleetEvent.SyncRecovered("Remote"));
        watch.sync();
        assertThat(eventsOf(FleetEvent.SyncRecovered.class)).as("recovered once, not at every sync").hasSize(1);
    }

    @Test
    void aPartlyReadSourceIsSaidAndItsFullReadIsARecovery() {
        source.problems = List.of(new Problem("aws.unreachable", "us-east-1"));
        watch.watch(fleetOf(source));
        assertThat(eventsOf(FleetEvent.SyncPartly.class)).singleElement()
                .satisfies(p -> assertThat(p.problems()).isEqualTo(source.problems));
        source.problems = List.of();
        watch.sync();
        assertThat(eventsOf(FleetEvent.SyncRecovered.class)).hasSize(1);
    }

    @Test
    void oneSubscriberFailingDoesNotStopTheOthers() {
        List<FleetEvent> afterTheFailingOne = new ArrayList<>();
        List<FleetSnapshot> snapshotsAfter = new ArrayList<>();
        FleetWatch w = new FleetWatch(FleetWatch.Loads.on(Runnable::run), ticker);
        w.onEvent(e -> {
            throw new IllegalStateException("a broken subscriber");
        });
        w.onEvent(afterTheFailingOne::add);
        w.subscribe(s -> {
            throw new IllegalStateException("a broken subscriber");
        });
        w.subscribe(snapshotsAfter::add);
        source.failure = new Problem("aws.unreachable", "eu-west-1");

        w.watch(fleetOf(source));

        assertThat(afterTheFailingOne).hasSize(1).first().isInstanceOf(FleetEvent.SyncFailed.class);
        assertThat(snapshotsAfter).as("the cache still shows").isNotEmpty();
        w.close();
    }

    @Test
    void aSwitchedSourceIsWatchedAndTheOldOneIsNot() {
        FleetService old = fleetOf(source);
        watch.watch(old);
        Remote other = new Remote() {
            @Override
            public String name() {
                return "Other";
            }
        };
        watch.switchTo("Other", () -> fleetOf(other));
        assertThat(eventsOf(FleetEvent.SourceSwitched.class))
                .containsExactly(new FleetEvent.SourceSwitched("Remote", "Other"));
        assertThat(snapshots.getLast().source()).isEqualTo("Other");
        int seen = snapshots.size();
        old.reload(Progress.NONE);
        assertThat(snapshots).as("the old fleet publishes to nobody").hasSize(seen);

        Problem refused = new Problem("aws.unreachable", "x");
        watch.switchTo("Broken", () -> {
            throw refused;
        });
        assertThat(eventsOf(FleetEvent.SwitchRefused.class)).singleElement()
                .satisfies(e -> assertThat(e.cause()).isSameAs(refused));
        assertThat(watch.fleet().sourceName()).isEqualTo("Other");
    }

    @Test
    void aLiveSourceTicksAndARemoteOneSyncsOnTheirOwn() throws Exception {
        FleetWatch w = new FleetWatch(FleetWatch.Loads.on(Runnable::run), ticker, Duration.ofMillis(50));
        List<FleetSnapshot> seen = new CopyOnWriteArrayList<>();
        w.subscribe(seen::add);
        Remote ticking = new Remote() {
            @Override
            public Duration pollInterval() {
                return Duration.ofMillis(20);
            }
        };
        w.watch(fleetOf(ticking));
        int afterStart = seen.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < afterStart + 6 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(seen.size()).as("ticks and syncs publish by themselves").isGreaterThanOrEqualTo(afterStart + 6);
        w.close();
        Thread.sleep(100);
        int atClose = seen.size();
        Thread.sleep(200);
        assertThat(seen).as("nothing after close").hasSize(atClose);
    }
}
