package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.Wave;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.deploy.WaveRunner.Order;
import io.camfleet.console.service.deploy.WaveRunner.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One wave of 120 cameras (C000 to C119) split by the executor into parts of at most 50: C000-C049, C050-C099 and
 * C100-C119, run at once as far as the plan's concurrency allows, with a scripted executor.
 */
class SplitWaveRolloutTest {

    private final Release release = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "s3://rel/agent.tar",
            "a".repeat(64), "install.sh", "health.sh", "rollback.sh");
    private final MemoryJournal journal = new MemoryJournal();
    private final ScriptedWaves waves = new ScriptedWaves();
    private final Map<String, Rollout.Placement> placements = new HashMap<>();
    private static final Pacer BRIEFLY = wait -> Thread.sleep(1);
    /** How often the rollout told its listener of a change. */
    private final AtomicInteger changes = new AtomicInteger();

    SplitWaveRolloutTest() {
        waves.mostPerCommand = 50;
    }

    private static String camera(int i) {
        return String.format("C%03d", i);
    }

    private static List<String> cameras(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(SplitWaveRolloutTest::camera).toList();
    }

    /** The wave with the plan's concurrency and threshold; {@code states} as journalled (PENDING when absent). */
    private Rollout rollout(int concurrency, String threshold, Map<String, TargetState> states, Clock clock,
                           Pacer pacer) {
        List<TargetRecord> records = new ArrayList<>();
        for (String cam : cameras(0, 119)) {
            Target t = new Target(cam, "S" + cam, "", "", "mi-0" + cam);
            placements.put(cam, new Rollout.Placement(t, MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
            records.add(new TargetRecord(t, 0, states.getOrDefault(cam, TargetState.PENDING), 0, "", Instant.EPOCH));
        }
        Strategy strategy = new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.hosts(120)), concurrency, FailureThreshold.parse(threshold),
                Duration.ZERO);
        journal.create(new DeploymentRecord("d-1", release.name(), release.version(), ExecutorKind.SSM, "{}",
                DeploymentState.RUNNING, Instant.EPOCH, "tester", Instant.EPOCH), records);
        return new Rollout("d-1", release, strategy, List.of(new Wave(0, false, cameras(0, 119))), placements,
                DeploymentState.RUNNING, states, waves, journal, clock, pacer, r -> changes.incrementAndGet());
    }

    private Rollout rollout(int concurrency, String threshold) {
        return rollout(concurrency, threshold, Map.of(), Clock.systemUTC(), BRIEFLY);
    }

    private static void awaitUntil(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 10 s: " + what);
            }
            Thread.sleep(2);
        }
    }

    /** Runs the rollout to its end, failing (and halting it) when that takes more than 10 s: a part never sent. */
    private static void runWithin10s(Rollout r) throws InterruptedException {
        Thread running = Thread.ofVirtual().start(r::run);
        running.join(10_000);
        if (running.isAlive()) {
            stop(r, running);
            fail("the rollout did not end within 10 s; it is " + r.state());
        }
    }

    /** Ends a rollout that a failed test left running, so that it does not poll on after the test. */
    private static void stop(Rollout r, Thread running) throws InterruptedException {
        if (running.isAlive()) {
            r.halt(new IllegalStateException("the test ended"));
            running.join(5_000);
        }
    }

    /** The id of the command sent for a part of the wave. */
    private String commandOf(int part) {
        synchronized (waves) {
            return waves.commands.entrySet().stream().filter(e -> e.getValue().part() == part)
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
        }
    }

    private void allQueuedUntilCancelled(List<String> cameras) {
        cameras.forEach(c -> waves.outcomes.put(c, List.of(Outcome.QUEUED)));
    }

    @Test
    void aPartsDispatchAndWhatEachPollReportsAreJournalledAsOneBatchEachAndToldOnce() throws Exception {
        Rollout r = rollout(50, "0"); // one part at a time: the batches come in a known order

        runWithin10s(r);

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        // Per part: its cameras DISPATCHED before the send; the poll that saw them RUNNING (INSTALLING); the poll
        // that saw them succeed (VERIFYING, SUCCEEDED each).
        assertThat(journal.batches).extracting(List::size).containsExactly(50, 50, 100, 50, 50, 100, 20, 20, 40);
        assertThat(journal.batches.get(2)).extracting(DeploymentJournal.Move::to).containsOnly(
                TargetState.VERIFYING, TargetState.SUCCEEDED);
        assertThat(journal.events).filteredOn(e -> !e.cameraId().isEmpty()).as("no transition outside a batch")
                .hasSize(480);
        assertThat(changes.get()).as("one change per batch, and the end").isEqualTo(journal.batches.size() + 1);
    }

    @Test
    void aPollThatCannotBeJournalledHaltsTheRolloutWithNoneOfItsTransitionsTaken() throws Exception {
        journal.movesBeforeTheDiskFills = 2; // the first part's DISPATCH and its first poll; not the second poll
        Rollout r = rollout(50, "0");

        runWithin10s(r);

        assertThat(r.halted()).isNotNull().hasMessageContaining("is full");
        assertThat(r.targets()).as("memory as the journal: the whole poll untaken")
                .containsAllEntriesOf(Map.of(camera(0), TargetState.INSTALLING, camera(49), TargetState.INSTALLING,
                        camera(50), TargetState.PENDING));
        assertThat(journal.targets.values()).extracting(TargetRecord::state).containsOnly(TargetState.INSTALLING,
                TargetState.PENDING);
        assertThat(waves.sent()).as("no further part sent").hasSize(1);
    }

    @Test
    void atConcurrency100TwoPartsOf50RunAtOnceAndTheThirdIsSentWhenOneEnds() throws Exception {
        waves.hold = new CountDownLatch(1); // every invocation stays RUNNING until the test lets go
        Rollout r = rollout(100, "0");
        Thread running = Thread.ofVirtual().start(r::run);
        try {
            awaitUntil(() -> waves.sent().size() == 2, "parts 0 and 1 sent while part 0 still runs");
            waves.hold.countDown();
            running.join(10_000);
        } finally {
            waves.hold.countDown();
            stop(r, running);
        }

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        // Parts 0 and 1 are sent from threads of their own, either first; part 2 only once one of them has ended.
        assertThat(waves.sent()).extracting(Order::part).endsWith(2)
                .containsExactlyInAnyOrder(0, 1, 2);
        assertThat(waves.sent()).extracting(Order::maxConcurrency).containsExactly(50, 50, 20);
        assertThat(waves.sent().get(2).targets()).extracting(Target::cameraId)
                .containsExactlyElementsOf(cameras(100, 119));
        assertThat(waves.mostInFlight).as("commands in flight at once").isEqualTo(2);
        assertThat(waves.mostConcurrencyInFlight).as("their MaxConcurrency together").isEqualTo(100);
        assertThat(journal.ssmCommands("d-1", 0)).containsOnlyKeys(0, 1, 2);
        assertThat(r.targets().values()).containsOnly(TargetState.SUCCEEDED);
    }

    @Test
    void belowFiftyOneCommandRunsAtATimeWithThePlansConcurrency() throws Exception {
        Rollout r = rollout(30, "0");

        runWithin10s(r);

        assertThat(waves.sent()).extracting(Order::maxConcurrency).containsExactly(30, 30, 20);
        assertThat(waves.mostInFlight).isEqualTo(1);
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void failuresInTwoPartsRunningAtOnceExceedTheThresholdTogetherCancelBothAndSendNoFurtherPart() throws Exception {
        allQueuedUntilCancelled(cameras(0, 99));
        waves.outcomes.put("C000", List.of(Outcome.ROLLED_BACK));
        waves.outcomes.put("C050", List.of(Outcome.ROLLED_BACK));
        // A threshold of 1: C000 alone is tolerated, so part 1 is sent; C050 is the second failure of the wave.
        Rollout r = rollout(100, "1");

        runWithin10s(r);

        // The two parts are sent from threads of their own: either may be sent, and so numbered, first.
        assertThat(waves.sent()).extracting(Order::part).containsExactlyInAnyOrder(0, 1);
        // The first part sent went before any failure; the other may have been sent after the first one's.
        assertThat(waves.sent().getFirst().toleratedFailures()).isEqualTo(1);
        assertThat(waves.cancels.get(commandOf(0))).containsExactlyInAnyOrderElementsOf(cameras(1, 49));
        assertThat(waves.cancels.get(commandOf(1))).containsExactlyInAnyOrderElementsOf(cameras(51, 99));
        assertThat(r.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(journal.stateOf("C050")).isEqualTo(TargetState.ROLLED_BACK);
        assertThat(cameras(100, 119)).allSatisfy(c -> assertThat(journal.stateOf(c)).isEqualTo(TargetState.PENDING));
    }

    @Test
    void anAbortWhileTwoPartsRunCancelsThePendingInvocationsOfBothAndSendsNoFurtherPart() throws Exception {
        allQueuedUntilCancelled(cameras(0, 99));
        Rollout r = rollout(100, "0");
        Thread running = Thread.ofVirtual().start(r::run);
        try {
            awaitUntil(() -> waves.sent().size() == 2, "parts 0 and 1 sent");
            r.abort("bob");
            running.join(10_000);
            assertThat(running.isAlive()).as("ended within 10 s of the abort").isFalse();
        } finally {
            stop(r, running);
        }

        assertThat(waves.sent()).hasSize(2);
        // The two parts are sent from threads of their own: either may be sent, and so numbered, first.
        assertThat(waves.cancels.get(commandOf(0))).containsExactlyInAnyOrderElementsOf(cameras(0, 49));
        assertThat(waves.cancels.get(commandOf(1))).containsExactlyInAnyOrderElementsOf(cameras(50, 99));
        assertThat(r.state()).isEqualTo(DeploymentState.ABORTED);
        assertThat(cameras(100, 119)).allSatisfy(c -> assertThat(journal.stateOf(c)).isEqualTo(TargetState.PENDING));
    }

    @Test
    void aPauseWhileAPartWaitsForItsShareHoldsItsSendUntilTheResume() throws Exception {
        waves.hold = new CountDownLatch(1);
        Rollout r = rollout(50, "0"); // one part at a time
        Thread running = Thread.ofVirtual().start(r::run);
        try {
            awaitUntil(() -> waves.sent().size() == 1, "part 0 sent");
            r.pause("bob");
            waves.hold.countDown();
            awaitUntil(() -> cameras(0, 49).stream().allMatch(c -> journal.stateOf(c) == TargetState.SUCCEEDED),
                    "part 0 ended");
            Thread.sleep(50); // a part sent during the pause would be sent by now
            assertThat(waves.sent()).as("nothing sent while paused").hasSize(1);
            r.resume("bob");
            running.join(10_000);
        } finally {
            stop(r, running);
        }

        assertThat(waves.sent()).extracting(Order::part).containsExactly(0, 1, 2);
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(r.targets().values()).containsOnly(TargetState.SUCCEEDED);
    }

    @Test
    void afterACrashWithPartsZeroAndOneJournalledTheyAreWatchedAndOnlyPartTwoIsSentOnce() throws Exception {
        Map<String, TargetState> states = new HashMap<>();
        cameras(0, 99).forEach(c -> states.put(c, TargetState.DISPATCHED));
        Rollout r = rollout(100, "0", states, Clock.systemUTC(), BRIEFLY);
        for (int part = 0; part < 2; part++) {
            List<Target> targets = cameras(part * 50, part * 50 + 49).stream()
                    .map(c -> placements.get(c).target()).toList();
            journal.ssmCommand("d-1", 0, part, waves.sentBefore(new Order("d-1", 0, release, targets, 50, 0, part)));
        }

        runWithin10s(r);

        assertThat(waves.sentAt).as("sends by this run").hasSize(1);
        assertThat(waves.sent()).extracting(Order::part).containsExactly(0, 1, 2);
        assertThat(journal.ssmCommands("d-1", 0)).containsExactly(Map.entry(0, "cmd-0"), Map.entry(1, "cmd-1"),
                Map.entry(2, "cmd-2"));
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(r.targets().values()).containsOnly(TargetState.SUCCEEDED);
    }

    @Test
    void aThrottledPollDoublesTheIntervalAndNeverCountsTowardsLosingSightOfTheCommand() throws Exception {
        waves.mostPerCommand = Integer.MAX_VALUE;
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        List<Long> pauses = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        waves.pollProblem = () -> {
            if (calls.incrementAndGet() <= 40) { // 40 throttled polls: more than the 15 minutes that lose sight
                throw new WaveRunner.Throttled(new Problem("aws.failed", "prod", "ssm:ListCommandInvocations",
                        "Rate exceeded"));
            }
            Map<String, WaveRunner.Invocation> all = new HashMap<>();
            cameras(0, 119).forEach(c -> all.put(c, new WaveRunner.Invocation(Outcome.SUCCEEDED, "", List.of())));
            return all;
        };
        Rollout r = rollout(200, "0", Map.of(), clock, wait -> {
            pauses.add(wait.toSeconds());
            clock.advance(wait);
        });

        runWithin10s(r);

        assertThat(pauses.subList(0, 5)).containsExactly(4L, 8L, 16L, 30L, 30L);
        assertThat(pauses).hasSize(40);
        assertThat(clock.instant()).isAfter(Instant.parse("2026-11-26T10:15:00Z"));
        assertThat(r.targets().values()).containsOnly(TargetState.SUCCEEDED);
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }
}
