package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.deploy.PlanTarget;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.Wave;
import io.camfleet.console.domain.deploy.WavePlanner;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.common.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutTest {

    private final Release release = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "/srv/agent.tar",
            "a".repeat(64), "install.sh", "health.sh", "rollback.sh");
    private final MemoryJournal journal = new MemoryJournal();
    private final ScriptedRunner runner = new ScriptedRunner();

    private Rollout rollout(int hosts, Strategy strategy, Map<String, MaintenanceWindow> windows, Clock clock,
                            Pacer pacer) {
        List<PlanTarget> plan = new ArrayList<>();
        Map<String, Rollout.Placement> placements = new HashMap<>();
        List<TargetRecord> records = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            String cam = String.format("C%03d", i);
            plan.add(new PlanTarget(cam, "S" + i / 2, "Acme", SlaTier.GOLD, "Site " + i / 2));
            Target t = new Target(cam, "S" + i / 2, "10.0.0." + i, "", "");
            placements.put(cam, new Rollout.Placement(t, windows.getOrDefault(cam, MaintenanceWindow.ALWAYS_OPEN),
                    ZoneId.of("Europe/Amsterdam")));
            records.add(new TargetRecord(t, 0, TargetState.PENDING, 0, "", Instant.EPOCH));
        }
        List<Wave> waves = WavePlanner.plan(plan, strategy);
        journal.create(new DeploymentRecord("d-1", release.name(), release.version(), ExecutorKind.SSH, "{}",
                DeploymentState.RUNNING, Instant.EPOCH, "tester", Instant.EPOCH), records);
        return new Rollout("d-1", release, strategy, waves, placements, DeploymentState.RUNNING, Map.of(), runner,
                journal, clock, pacer, r -> { });
    }

    private Rollout rollout(int hosts, Strategy strategy) {
        return rollout(hosts, strategy, Map.of(), Clock.systemUTC(), Pacer.REAL);
    }

    private static Strategy strategy(HostCount canary, CanaryApproval approval, String waves, int concurrency,
                                     String threshold) {
        return new Strategy(canary, approval, new WaveSizing.EachOf(HostCount.parse(waves)), concurrency,
                FailureThreshold.parse(threshold), Duration.ZERO);
    }

    /** Waits up to 5 s for {@code condition}. */
    private static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 5 s");
            }
            Thread.sleep(10);
        }
    }

    private static Thread start(Rollout r) {
        Thread t = Thread.ofPlatform().start(r::run);
        return t;
    }

    @Test
    void aRolloutRunsEveryWaveWithinItsConcurrencyAndJournalsWhatItDid() throws Exception {
        runner.outcomes.put("C003", ScriptedRunner.Outcome.AT_VERSION);
        runner.outcomes.put("C007", ScriptedRunner.Outcome.UNHEALTHY);
        runner.installMillis = 20;
        Rollout r = rollout(40, strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY, "25%", 4, "2"));

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(journal.state("d-1")).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(runner.mostAtOnce.get()).as("never more than the plan's concurrency").isBetween(2, 4);
        assertThat(journal.stateOf("C003")).isEqualTo(TargetState.SKIPPED);
        // A failed health check runs the release's rollback at once.
        assertThat(journal.stateOf("C007")).isEqualTo(TargetState.ROLLED_BACK);
        assertThat(runner.versions).containsEntry("C007", "6.4.2");
        assertThat(journal.stateOf("C010")).isEqualTo(TargetState.SUCCEEDED);
        assertThat(runner.installs.get()).isEqualTo(39);
        // The journal holds each step of a camera, in order, before it happened.
        assertThat(journal.events.stream().filter(e -> e.cameraId().equals("C010")).map(e -> e.to()).toList())
                .containsExactly("DISPATCHED", "INSTALLING", "VERIFYING", "SUCCEEDED");
        assertThat(r.targets()).allSatisfy((cam, state) -> assertThat(journal.stateOf(cam)).isEqualTo(state));
    }

    @Test
    void moreFailuresThanTheThresholdStopNewDispatchesAndTheRolloutEndsFailed() {
        for (String cam : List.of("C000", "C001", "C002")) {
            runner.outcomes.put(cam, ScriptedRunner.Outcome.UNREACHABLE);
        }
        Rollout r = rollout(30, strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY, "10", 1, "2"));

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.FAILED);
        // Two failures are tolerated; the third exceeds the threshold and nothing more is dispatched.
        assertThat(r.targets().values().stream().filter(TargetState::isFailure).count()).isEqualTo(3);
        assertThat(runner.installs.get()).isZero();
        assertThat(r.targets().values().stream().filter(s -> s == TargetState.PENDING).count()).isEqualTo(27);
    }

    @Test
    void anAbortLetsTargetsUnderWayFinishAndShowsAbortingUntilThen() throws Exception {
        runner.hold = new CountDownLatch(1);
        Rollout r = rollout(20, strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY, "10", 3, "5"));
        Thread running = start(r);
        until(() -> runner.installing.get() == 3);

        r.abort("bob");

        assertThat(r.state()).isEqualTo(DeploymentState.ABORTING);
        assertThat(journal.state("d-1")).isEqualTo(DeploymentState.ABORTING);
        runner.hold.countDown();
        running.join(5000);
        assertThat(r.state()).isEqualTo(DeploymentState.ABORTED);
        // The three under way finished and kept their results; nothing else was started.
        assertThat(r.targets().values().stream().filter(s -> s == TargetState.SUCCEEDED).count()).isEqualTo(3);
        assertThat(r.targets().values().stream().filter(s -> s == TargetState.PENDING).count()).isEqualTo(17);
        assertThat(journal.events.stream().filter(e -> e.cameraId().isEmpty()).map(e -> e.to()).toList())
                .containsExactly("ABORTING", "ABORTED");
    }

    @Test
    void aCanaryPausesForApprovalAndTheRestWaitsForIt() throws Exception {
        Rollout r = rollout(20, strategy(HostCount.hosts(2), CanaryApproval.PAUSE_FOR_APPROVAL, "50%", 5, "1"));
        Thread running = start(r);
        until(() -> r.state() == DeploymentState.PAUSED);
        assertThat(runner.installs.get()).isEqualTo(2);
        assertThat(r.awaitingApproval()).as("paused for the canary's approval").isTrue();

        r.approve("carol");
        assertThat(r.awaitingApproval()).isFalse();
        running.join(5000);

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(runner.installs.get()).isEqualTo(20);
    }

    @Test
    void anOperatorsPauseIsNotACanaryAwaitingApprovalAndResumeGoesOn() throws Exception {
        runner.hold = new java.util.concurrent.CountDownLatch(1);
        Rollout r = rollout(10, strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY, "50%", 2, "0"));
        Thread running = start(r);
        until(() -> runner.installing.get() == 2);

        r.pause("dave");
        runner.hold.countDown();

        assertThat(r.state()).isEqualTo(DeploymentState.PAUSED);
        assertThat(r.awaitingApproval()).isFalse();
        until(() -> runner.installing.get() == 0);
        Thread.sleep(200);
        assertThat(runner.installs.get()).as("nothing new starts while paused").isEqualTo(2);
        r.resume("dave");
        running.join(5000);
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(runner.installs.get()).isEqualTo(10);
    }

    @Test
    void aCanaryThatIsNotHealthyWaitsForADecisionEvenWhenItWouldContinueByItself() throws Exception {
        runner.outcomes.put("C000", ScriptedRunner.Outcome.UNHEALTHY);
        Rollout r = rollout(10, strategy(HostCount.hosts(2), CanaryApproval.CONTINUE_WHEN_HEALTHY, "50%", 5, "3"));
        Thread running = start(r);
        until(() -> r.state() == DeploymentState.PAUSED);

        r.abort("carol");
        running.join(5000);

        assertThat(r.state()).isEqualTo(DeploymentState.ABORTED);
        assertThat(runner.installs.get()).isEqualTo(2);
    }

    @Test
    void aCameraLostMidInstallIsUnknownAndCountsAsAFailure() {
        runner.outcomes.put("C001", ScriptedRunner.Outcome.LOST_MID_INSTALL);
        Rollout r = rollout(3, strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY, "3", 3, "0"));

        r.run();

        assertThat(journal.stateOf("C001")).isEqualTo(TargetState.UNKNOWN);
        assertThat(r.state()).isEqualTo(DeploymentState.FAILED);
    }

    @Test
    void aCameraOutsideItsMaintenanceWindowWaitsForItToOpen() {
        // 11:00 in Amsterdam on a Thursday; C001's window opens at 12:00 local.
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        Map<String, MaintenanceWindow> windows = new LinkedHashMap<>();
        windows.put("C001", MaintenanceWindow.parse("Thu 12:00-13:00"));
        Rollout r = rollout(2, strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY, "2", 2, "0"), windows,
                clock, clock::advance);

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(journal.events.stream().filter(e -> e.cameraId().equals("C001")).map(e -> e.to()).toList())
                .containsExactly("WAITING_WINDOW", "DISPATCHED", "INSTALLING", "VERIFYING", "SUCCEEDED");
        assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
        assertThat(new HashMap<>(r.targets())).containsEntry("C000", TargetState.SUCCEEDED);
    }

    @Test
    void anEmergencyPlanIgnoresMaintenanceWindowsAndDispatchesAtOnce() {
        Strategy s = strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY, "2", 2, "0");
        Strategy emergency = new Strategy(s.canary(), s.canaryApproval(), s.waves(), s.maxConcurrency(),
                s.failureThreshold(), s.pauseBetweenWaves(), true);
        Rollout r = rollout(2, emergency, Map.of("C001", MaintenanceWindow.parse("Thu 12:00-13:00")),
                Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC),
                wait -> {
                    throw new AssertionError("an emergency rollout does not wait for a window");
                });

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(journal.events.stream().map(e -> e.to())).doesNotContain("WAITING_WINDOW");
    }

    @Test
    void whateverARunnerThrowsEndsItsTargetWithASentenceAndTheRolloutGoesOn() {
        runner.outcomes.put("C001", ScriptedRunner.Outcome.UPLOAD_BREAKS);
        runner.outcomes.put("C002", ScriptedRunner.Outcome.INSTALL_BREAKS);
        Rollout r = rollout(6, strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY, "100%", 6, "2"));

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED); // 2 failures: not more than 2
        assertThat(journal.stateOf("C001")).as("nothing installed yet: failed").isEqualTo(TargetState.FAILED);
        assertThat(journal.targets.get("C001").detail()).contains("ArrayIndexOutOfBoundsException");
        assertThat(journal.stateOf("C002")).as("the install may have run: unknown").isEqualTo(TargetState.UNKNOWN);
        assertThat(journal.targets.get("C002").detail()).contains("the library broke");
        assertThat(journal.targets.values()).noneMatch(t -> t.state().isUnderWay());
        assertThat(journal.stateOf("C005")).isEqualTo(TargetState.SUCCEEDED);
    }

    @Test
    void aCameraFoundAtTheVersionOnResumeIsHealthCheckedFirstAndRolledBackWhenItFails() {
        List<TargetRecord> records = new ArrayList<>();
        Map<String, Rollout.Placement> placements = new HashMap<>();
        Map<String, TargetState> states = new LinkedHashMap<>();
        for (String cam : List.of("healthy", "unhealthy", "stuck")) {
            Target t = new Target(cam, "S", "10.0.0.1", "", "");
            records.add(new TargetRecord(t, 0, TargetState.VERIFYING, 1, "", Instant.EPOCH));
            placements.put(cam, new Rollout.Placement(t, MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
            states.put(cam, TargetState.VERIFYING);
        }
        runner.outcomes.put("unhealthy", ScriptedRunner.Outcome.UNHEALTHY);
        runner.outcomes.put("stuck", ScriptedRunner.Outcome.UNHEALTHY_STUCK);
        journal.create(new DeploymentRecord("d-1", release.name(), release.version(), ExecutorKind.SSH, "{}",
                DeploymentState.FAILING, Instant.EPOCH, "tester", Instant.EPOCH), records);
        Rollout r = new Rollout("d-1", release, strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                "100%", 3, "0"), List.of(new Wave(0, false, List.of("healthy", "unhealthy", "stuck"))), placements,
                DeploymentState.FAILING, states, runner, journal, Clock.systemUTC(), Pacer.REAL, x -> { });

        r.run(); // stopping: nothing new is dispatched, but what is under way is checked and ends

        assertThat(runner.checks.get()).isEqualTo(3);
        assertThat(runner.installs.get()).isZero();
        assertThat(journal.stateOf("healthy")).isEqualTo(TargetState.SUCCEEDED);
        assertThat(journal.stateOf("unhealthy")).isEqualTo(TargetState.ROLLED_BACK);
        assertThat(journal.stateOf("stuck")).isEqualTo(TargetState.FAILED);
        assertThat(journal.logs.get("stuck")).anyMatch(l -> l.contains("rollback failed too"));
        assertThat(r.state()).isEqualTo(DeploymentState.FAILED);
    }

    @Test
    void aJournalThatCannotBeWrittenHaltsTheRolloutAndNoStepRunsThatItDidNotRecord() {
        runner.installMillis = 5;
        journal.movesBeforeTheDiskFills = 7;
        Rollout r = rollout(10, strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY, "100%", 2, "0"));

        r.run();

        assertThat(r.halted()).isNotNull().hasMessageContaining("is full");
        assertThat(r.isFinished()).isTrue();
        assertThat(journal.state("d-1")).as("the journal keeps where it was").isEqualTo(DeploymentState.RUNNING);
        long installing = journal.events.stream().filter(e -> e.to().equals("INSTALLING")).count();
        assertThat(runner.installs.get()).as("an install runs only once INSTALLING was journalled")
                .isEqualTo((int) installing);
        assertThat(journal.targets.values()).filteredOn(t -> t.state() == TargetState.PENDING).isNotEmpty();
    }

    @Test
    void thePauseBetweenWavesIsWaitedInFullAfterEachWaveButTheLast() {
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        List<Duration> pauses = new ArrayList<>();
        List<Integer> installsAtPause = new ArrayList<>();
        Pacer pacer = wait -> {
            pauses.add(wait);
            installsAtPause.add(runner.installs.get());
            clock.advance(wait);
        };
        Strategy paced = new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.parse("3")), 3, FailureThreshold.parse("0"), Duration.ofMillis(2500));
        Rollout r = rollout(9, paced, Map.of(), clock, pacer);

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        // Three waves, two pauses of 2.5 s each, looked at every second: 1 s, 1 s, 0.5 s.
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500));
        assertThat(installsAtPause).containsExactly(3, 3, 3, 6, 6, 6);
    }

    @Test
    void anAbortDuringThePauseBetweenWavesEndsTheWaitAndStartsNoMoreWaves() {
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        Rollout[] holder = new Rollout[1];
        List<Duration> pauses = new ArrayList<>();
        Pacer pacer = wait -> {
            pauses.add(wait);
            holder[0].abort("erin");
            clock.advance(wait);
        };
        Strategy paced = new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.parse("2")), 2, FailureThreshold.parse("0"), Duration.ofMinutes(10));
        holder[0] = rollout(6, paced, Map.of(), clock, pacer);

        holder[0].run();

        assertThat(holder[0].state()).isEqualTo(DeploymentState.ABORTED);
        assertThat(pauses).hasSize(1);
        assertThat(runner.installs.get()).isEqualTo(2);
    }

    @Test
    void aHealthyCanaryGoesOnByItselfWhenThePlanSaysSo() {
        Rollout r = rollout(10, strategy(HostCount.hosts(2), CanaryApproval.CONTINUE_WHEN_HEALTHY, "50%", 5, "0"));

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(r.awaitingApproval()).isFalse();
        assertThat(runner.installs.get()).isEqualTo(10);
        assertThat(journal.events.stream().filter(e -> e.cameraId().isEmpty()).map(e -> e.to()).toList())
                .as("never paused for approval").containsExactly("SUCCEEDED");
    }

    @Test
    void theEndSaysHowManySucceededFailedAndWereNotRun() {
        runner.outcomes.put("C000", ScriptedRunner.Outcome.AT_VERSION);
        runner.outcomes.put("C001", ScriptedRunner.Outcome.UNHEALTHY);
        runner.outcomes.put("C002", ScriptedRunner.Outcome.UNREACHABLE);
        // One host a wave, one at a time: the second failure exceeds the threshold of 1 and the rest never run.
        Rollout r = rollout(6, strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY, "1", 1, "1"));

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(journal.events.stream().filter(e -> e.cameraId().isEmpty()).map(e -> e.detail()).toList())
                .last().isEqualTo("1 succeeded, 2 failed, 3 not run");
    }
}
