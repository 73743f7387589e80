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
import io.camfleet.console.service.deploy.WaveRunner.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Rollouts whose waves are each one command (SSM Run Command), with a scripted executor. */
class WholeWaveRolloutTest {

    private final Release release = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "s3://rel/agent.tar",
            "a".repeat(64), "install.sh", "health.sh", "rollback.sh");
    private final MemoryJournal journal = new MemoryJournal();
    private final ScriptedWaves waves = new ScriptedWaves();
    private final Set<String> withoutNode = new java.util.HashSet<>();
    private final Map<String, MaintenanceWindow> windows = new HashMap<>();
    private static final Pacer NO_WAIT = wait -> { };

    /** {@code perWave} targets in each of {@code count} waves: C000, C001... */
    private Rollout rollout(int count, int perWave, String threshold, Clock clock, Pacer pacer) {
        Map<String, Rollout.Placement> placements = new HashMap<>();
        List<TargetRecord> records = new ArrayList<>();
        List<Wave> planned = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            List<String> cameras = new ArrayList<>();
            for (int i = 0; i < perWave; i++) {
                String cam = String.format("C%03d", w * perWave + i);
                Target t = new Target(cam, "S" + i, "", "", withoutNode.contains(cam) ? "" : "mi-0" + cam);
                placements.put(cam, new Rollout.Placement(t, windows.getOrDefault(cam, MaintenanceWindow.ALWAYS_OPEN),
                        ZoneId.of("Europe/Amsterdam")));
                records.add(new TargetRecord(t, w, TargetState.PENDING, 0, "", Instant.EPOCH));
                cameras.add(cam);
            }
            planned.add(new Wave(w, false, cameras));
        }
        Strategy strategy = new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.hosts(perWave)), 2, FailureThreshold.parse(threshold), Duration.ZERO);
        journal.create(new DeploymentRecord("d-1", release.name(), release.version(), ExecutorKind.SSM, "{}",
                DeploymentState.RUNNING, Instant.EPOCH, "tester", Instant.EPOCH), records);
        return new Rollout("d-1", release, strategy, planned, placements, DeploymentState.RUNNING, Map.of(), waves,
                journal, clock, pacer, r -> { });
    }

    private List<String> steps(String camera) {
        return journal.events.stream().filter(e -> e.cameraId().equals(camera)).map(e -> e.to()).toList();
    }

    private String lastDetail(String camera) {
        return journal.events.stream().filter(e -> e.cameraId().equals(camera)).reduce((a, b) -> b).orElseThrow()
                .detail();
    }

    @Test
    void eachWaveIsOneCommandAndWhatItsInvocationsReportIsJournalledStepByStep() {
        waves.outcomes.put("C001", List.of(Outcome.RUNNING, Outcome.AT_VERSION));
        waves.outcomes.put("C002", List.of(Outcome.ROLLED_BACK));
        waves.outcomes.put("C004", List.of(Outcome.QUEUED, Outcome.QUEUED, Outcome.RUNNING, Outcome.INSTALL_FAILED));
        Rollout r = rollout(2, 3, "2", Clock.systemUTC(), NO_WAIT);

        r.run();

        List<WaveRunner.Order> sent = waves.sent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).targets()).extracting(Target::cameraId).containsExactly("C000", "C001", "C002");
        assertThat(sent.get(0).targets()).extracting(Target::ssmNodeId).containsExactly("mi-0C000", "mi-0C001",
                "mi-0C002");
        assertThat(sent.get(0).maxConcurrency()).isEqualTo(2);
        // The threshold counts the whole deployment: after one failure in wave 0, wave 1 tolerates one more.
        assertThat(sent).extracting(WaveRunner.Order::toleratedFailures).containsExactly(2, 1);
        assertThat(journal.ssmCommand("d-1", 0)).contains("cmd-0");
        assertThat(journal.ssmCommand("d-1", 1)).contains("cmd-1");
        assertThat(steps("C000")).containsExactly("DISPATCHED", "INSTALLING", "VERIFYING", "SUCCEEDED");
        assertThat(steps("C001")).containsExactly("DISPATCHED", "INSTALLING", "SKIPPED");
        assertThat(steps("C002")).containsExactly("DISPATCHED", "INSTALLING", "VERIFYING", "FAILED", "ROLLED_BACK");
        assertThat(lastDetail("C002")).isEqualTo("ended ROLLED_BACK");
        assertThat(steps("C004")).containsExactly("DISPATCHED", "INSTALLING", "FAILED");
        assertThat(journal.logs.get("C002")).containsExactly("sent with the command cmd-0 of wave 0",
                "C002 says ROLLED_BACK");
        // Two failures are within the threshold of 2.
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(r.targets()).allSatisfy((cam, state) -> assertThat(journal.stateOf(cam)).isEqualTo(state));
    }

    @Test
    void moreFailuresThanTheThresholdSendNoFurtherWaveButTheWaveUnderWayIsWatchedToItsEnd() {
        waves.outcomes.put("C000", List.of(Outcome.NOT_INSTALLED));
        waves.outcomes.put("C001", List.of(Outcome.RUNNING, Outcome.RUNNING, Outcome.RUNNING, Outcome.SUCCEEDED));
        Rollout r = rollout(2, 3, "0", Clock.systemUTC(), NO_WAIT);

        r.run();

        assertThat(waves.sent()).hasSize(1);
        assertThat(waves.sent().get(0).toleratedFailures()).isZero();
        assertThat(journal.stateOf("C000")).isEqualTo(TargetState.FAILED);
        assertThat(journal.stateOf("C001")).isEqualTo(TargetState.SUCCEEDED);
        assertThat(journal.stateOf("C002")).isEqualTo(TargetState.SUCCEEDED);
        assertThat(List.of("C003", "C004", "C005")).allSatisfy(c ->
                assertThat(journal.stateOf(c)).isEqualTo(TargetState.PENDING));
        assertThat(journal.events.stream().filter(e -> e.cameraId().isEmpty()).map(e -> e.to()).toList())
                .containsExactly("FAILING", "FAILED");
    }

    @Test
    void anAbortSendsNoFurtherWaveAndWaitsUntilEveryInvocationHasEnded() throws Exception {
        waves.hold = new CountDownLatch(1);
        Rollout r = rollout(2, 3, "0", Clock.systemUTC(), wait -> Thread.sleep(5));
        Thread running = Thread.ofPlatform().start(r::run);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!List.of("C000", "C001", "C002").stream().allMatch(c -> journal.stateOf(c) == TargetState.INSTALLING)) {
            assertThat(System.nanoTime()).as("wave 0 running within 5 s").isLessThan(deadline);
            Thread.sleep(5);
        }

        r.abort("bob");
        int pollsAtAbort = waves.polls.get();
        Thread.sleep(100);

        assertThat(r.state()).isEqualTo(DeploymentState.ABORTING);
        assertThat(waves.polls.get()).as("still watching the wave").isGreaterThan(pollsAtAbort);
        waves.hold.countDown();
        running.join(5000);
        assertThat(r.state()).isEqualTo(DeploymentState.ABORTED);
        assertThat(waves.sent()).hasSize(1);
        assertThat(List.of("C000", "C001", "C002")).allSatisfy(c ->
                assertThat(journal.stateOf(c)).isEqualTo(TargetState.SUCCEEDED));
        assertThat(List.of("C003", "C004", "C005")).allSatisfy(c ->
                assertThat(journal.stateOf(c)).isEqualTo(TargetState.PENDING));
    }

    @Test
    void aCameraTheExecutorCannotReachFailsWithItsSentenceAndIsLeftOutOfTheCommand() {
        withoutNode.add("C001");
        Rollout r = rollout(1, 3, "1", Clock.systemUTC(), NO_WAIT);

        r.run();

        assertThat(waves.sent().get(0).targets()).extracting(Target::cameraId).containsExactly("C000", "C002");
        assertThat(steps("C001")).containsExactly("DISPATCHED", "FAILED");
        assertThat(lastDetail("C001")).isEqualTo("no SSM node id: not sent");
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void aRefusedSendFailsItsTargetsWithTheReasonAndNoCommandIsJournalled() {
        waves.dispatch = order -> new WaveRunner.Refused("SSM refused: AccessDenied");
        Rollout r = rollout(1, 2, "100%", Clock.systemUTC(), NO_WAIT);

        r.run();

        assertThat(steps("C000")).containsExactly("DISPATCHED", "FAILED");
        assertThat(lastDetail("C000")).isEqualTo("SSM refused: AccessDenied");
        assertThat(journal.commands).isEmpty();
        assertThat(waves.polls.get()).isZero();
    }

    @Test
    void aSendThatMayHaveHappenedIsLookedForAndWatchedWhenFoundNeverSentAgain() {
        waves.dispatch = order -> {
            waves.sentBefore(order); // SSM took it, but the answer was lost
            return new WaveRunner.Unconfirmed("the answer timed out");
        };
        Rollout r = rollout(1, 2, "0", Clock.systemUTC(), NO_WAIT);

        r.run();

        assertThat(waves.sent()).hasSize(1);
        assertThat(journal.ssmCommand("d-1", 0)).contains("cmd-0");
        assertThat(steps("C000")).containsExactly("DISPATCHED", "INSTALLING", "VERIFYING", "SUCCEEDED");
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void aSendThatMayHaveHappenedButExistsNowhereFailsAsNotSent() {
        waves.dispatch = order -> new WaveRunner.Unconfirmed("The answer timed out.");
        Rollout r = rollout(1, 2, "100%", Clock.systemUTC(), NO_WAIT);

        r.run();

        assertThat(steps("C000")).containsExactly("DISPATCHED", "FAILED");
        assertThat(lastDetail("C000")).isEqualTo("The answer timed out. Looked for since, it does not exist: nothing "
                + "was sent.");
        assertThat(journal.commands).isEmpty();
    }

    @Test
    void aSendThatMayHaveHappenedAndCannotBeLookedForLeavesItsCamerasUnknownAfterFifteenMinutes() {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        waves.dispatch = order -> new WaveRunner.Unconfirmed("The answer timed out.");
        waves.findProblem = new Problem("aws.unreachable", "https://ssm.eu-west-1.amazonaws.com", "timed out");
        Rollout r = rollout(1, 2, "0", clock, clock::advance);

        r.run();

        assertThat(steps("C000")).containsExactly("DISPATCHED", "UNKNOWN");
        assertThat(lastDetail("C000")).startsWith("The answer timed out. It could not be looked for during 15 minutes");
        assertThat(clock.instant()).isBetween(Instant.parse("2026-11-26T10:15:00Z"),
                Instant.parse("2026-11-26T10:16:00Z"));
        assertThat(journal.commands).isEmpty();
    }

    @Test
    void aWaveIsSentOnlyOnceEveryOneOfItsCamerasIsInsideItsWindow() {
        // Thursday 11:00 in Amsterdam: C000's window opens at 12:00, C001's at 12:30.
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        windows.put("C000", MaintenanceWindow.parse("Thu 12:00-13:00"));
        windows.put("C001", MaintenanceWindow.parse("Thu 12:30-14:00"));
        waves.clock = clock::instant;
        Rollout r = rollout(1, 2, "0", clock, clock::advance);

        r.run();

        assertThat(waves.sentAt).containsExactly(Instant.parse("2026-11-26T11:30:00Z"));
        assertThat(steps("C000")).startsWith("WAITING_WINDOW", "DISPATCHED");
        assertThat(steps("C001")).startsWith("WAITING_WINDOW", "DISPATCHED");
        assertThat(journal.events.stream().filter(e -> e.cameraId().equals("C000")).findFirst().orElseThrow()
                .detail()).contains("12:00-13:00").contains("2026-11-26T11:30:00Z");
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void whenTheCommandCannotBePolledForFifteenMinutesItsCamerasAreUnknown() {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        waves.pollProblem = () -> {
            throw new Problem("ssm.noSuchCommand", "cmd-0");
        };
        Rollout r = rollout(1, 2, "0", clock, clock::advance);

        r.run();

        assertThat(steps("C000")).containsExactly("DISPATCHED", "UNKNOWN");
        assertThat(lastDetail("C000")).contains("cmd-0").contains("15 minutes");
        assertThat(clock.instant()).isBetween(Instant.parse("2026-11-26T10:15:00Z"),
                Instant.parse("2026-11-26T10:16:00Z"));
        assertThat(r.state()).isEqualTo(DeploymentState.FAILED);
    }

    /** A pacer that moves the clock by each pause and keeps the pauses, in seconds. */
    private static Pacer recording(TestClock clock, List<Long> pauses) {
        return wait -> {
            pauses.add(wait.toSeconds());
            clock.advance(wait);
        };
    }

    @Test
    void theWatchPollsTwoSecondsApartThenDoublesUpToThirtyWhileNothingChanges() {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        List<Long> pauses = new ArrayList<>();
        List<Outcome> slow = List.of(Outcome.RUNNING, Outcome.RUNNING, Outcome.RUNNING, Outcome.RUNNING,
                Outcome.RUNNING, Outcome.RUNNING, Outcome.RUNNING, Outcome.SUCCEEDED);
        waves.outcomes.put("C000", slow);
        waves.outcomes.put("C001", slow);
        Rollout r = rollout(1, 2, "0", clock, recording(clock, pauses));

        r.run();

        assertThat(pauses).containsExactly(2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(waves.polls.get()).isEqualTo(8);
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void aChangeInAnyInvocationBringsThePollingBackToTwoSeconds() {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        List<Long> pauses = new ArrayList<>();
        waves.outcomes.put("C000", List.of(Outcome.RUNNING, Outcome.RUNNING, Outcome.RUNNING, Outcome.SUCCEEDED));
        waves.outcomes.put("C001", List.of(Outcome.RUNNING, Outcome.RUNNING, Outcome.RUNNING, Outcome.RUNNING,
                Outcome.RUNNING, Outcome.RUNNING, Outcome.SUCCEEDED));
        Rollout r = rollout(1, 2, "0", clock, recording(clock, pauses));

        r.run();

        assertThat(pauses).containsExactly(2L, 4L, 8L, 2L, 4L, 8L);
        assertThat(waves.polled.get("C000").get()).as("an ended invocation is not asked again").isEqualTo(4);
        assertThat(waves.polled.get("C001").get()).isEqualTo(7);
    }

    @Test
    void pollsThatFailSlowDownTheSameWayAndTheWatchGoesOnWhenTheyAnswerAgain() {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        List<Long> pauses = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        waves.pollProblem = () -> {
            if (calls.incrementAndGet() <= 6) {
                throw new Problem("aws.unreachable", "https://ssm.eu-west-1.amazonaws.com", "timed out");
            }
            return Map.of("C000", new WaveRunner.Invocation(Outcome.SUCCEEDED, "", List.of()),
                    "C001", new WaveRunner.Invocation(Outcome.SUCCEEDED, "", List.of()));
        };
        Rollout r = rollout(1, 2, "0", clock, recording(clock, pauses));

        r.run();

        assertThat(pauses).containsExactly(2L, 4L, 8L, 16L, 30L, 30L);
        assertThat(steps("C000")).containsExactly("DISPATCHED", "INSTALLING", "VERIFYING", "SUCCEEDED");
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void aSendThatMayHaveHappenedIsLookedForAtTheSameSlowingPace() {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        List<Long> pauses = new ArrayList<>();
        waves.dispatch = order -> {
            waves.sentBefore(order);
            return new WaveRunner.Unconfirmed("the answer timed out");
        };
        waves.findProblem = new Problem("aws.unreachable", "https://ssm.eu-west-1.amazonaws.com", "timed out");
        Pacer pacer = recording(clock, pauses);
        Rollout r = rollout(1, 2, "0", clock, wait -> {
            pacer.pause(wait);
            if (pauses.size() == 5) {
                waves.findProblem = null; // the sixth look finds it
            }
        });

        r.run();

        // Four failed looks, the fifth finds the command; then the watch: its first poll sees a change, the next the end.
        assertThat(pauses).containsExactly(2L, 4L, 8L, 16L, 30L, 2L);
        assertThat(waves.sent()).hasSize(1);
        assertThat(journal.ssmCommand("d-1", 0)).contains("cmd-0");
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void aSendThatCannotBeLookedForIsGivenUpAfterFifteenMinutesOfLooksThirtySecondsApart() {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        List<Long> pauses = new ArrayList<>();
        waves.dispatch = order -> new WaveRunner.Unconfirmed("The answer timed out.");
        waves.findProblem = new Problem("aws.unreachable", "https://ssm.eu-west-1.amazonaws.com", "timed out");
        Rollout r = rollout(1, 2, "0", clock, recording(clock, pauses));

        r.run();

        assertThat(pauses).startsWith(2L, 4L, 8L, 16L, 30L, 30L);
        assertThat(pauses.subList(4, pauses.size())).containsOnly(30L);
        // 2 + 4 + 8 + 16 = 30 s, then 29 looks 30 s apart reach 15 minutes.
        assertThat(pauses).hasSize(33);
        assertThat(lastDetail("C001")).isEqualTo("The answer timed out. It could not be looked for during 15 minutes "
                + "either, so what it did on this camera is unknown. Look in the AWS console for the command whose "
                + "comment names this deployment and wave.");
    }
}
