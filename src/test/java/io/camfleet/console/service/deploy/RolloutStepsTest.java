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
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** How a rollout turns each step of a runner into a target's transition and its sentence. */
class RolloutStepsTest {

    private final Release release = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "/srv/agent.tar",
            "a".repeat(64), "install.sh", "health.sh", "rollback.sh");
    private final MemoryJournal journal = new MemoryJournal();
    private final Map<String, MaintenanceWindow> windows = new HashMap<>();

    /** A runner whose steps answer what each test sets, by camera; unset steps succeed. */
    private static final class Steps implements TargetRunner {
        final Map<String, Optional<String>> unreachable = new HashMap<>();
        final Map<String, RuntimeException> reachBreaks = new HashMap<>();
        final Map<String, StepResult> upload = new HashMap<>();
        final Map<String, StepResult> install = new HashMap<>();
        final Map<String, StepResult> verify = new HashMap<>();
        final Map<String, StepResult> rollback = new HashMap<>();
        final List<String> done = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> dialled = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Optional<String> cannotReach(Target t) {
            if (reachBreaks.containsKey(t.cameraId())) {
                throw reachBreaks.get(t.cameraId());
            }
            return unreachable.getOrDefault(t.cameraId(), Optional.empty());
        }

        @Override
        public Optional<String> installedVersion(Target t) {
            dialled.add(t.cameraId());
            return Optional.of("6.4.2");
        }

        private static StepResult answer(Map<String, StepResult> m, Target t, Consumer<String> output, String line) {
            output.accept(line + " " + t.cameraId());
            return m.containsKey(t.cameraId()) ? m.get(t.cameraId()) : StepResult.OK;
        }

        @Override
        public StepResult upload(Target t, Release r, Consumer<String> output) {
            return answer(upload, t, output, "uploaded");
        }

        @Override
        public StepResult install(Target t, Release r, Consumer<String> output) {
            return answer(install, t, output, "installed");
        }

        @Override
        public StepResult verify(Target t, Release r, Consumer<String> output) {
            return answer(verify, t, output, "checked");
        }

        @Override
        public StepResult rollback(Target t, Release r, Consumer<String> output) {
            return answer(rollback, t, output, "rolled back");
        }

        @Override
        public void done(Target t) {
            done.add(t.cameraId());
        }
    }

    private final Steps steps = new Steps();

    private Rollout rollout(int hosts, String threshold, Clock clock, Pacer pacer) {
        Map<String, Rollout.Placement> placements = new HashMap<>();
        List<TargetRecord> records = new ArrayList<>();
        List<String> cameras = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            String cam = String.format("C%03d", i);
            Target t = new Target(cam, "S", "10.0.0." + i, "", "");
            placements.put(cam, new Rollout.Placement(t, windows.getOrDefault(cam, MaintenanceWindow.ALWAYS_OPEN),
                    ZoneOffset.UTC));
            records.add(new TargetRecord(t, 0, TargetState.PENDING, 0, "", Instant.EPOCH));
            cameras.add(cam);
        }
        journal.create(new DeploymentRecord("d-1", release.name(), release.version(), ExecutorKind.SSH, "{}",
                DeploymentState.RUNNING, Instant.EPOCH, "tester", Instant.EPOCH), records);
        Strategy strategy = new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.hosts(hosts)), 1, FailureThreshold.parse(threshold), Duration.ZERO);
        return new Rollout("d-1", release, strategy, List.of(new Wave(0, false, cameras)), placements,
                DeploymentState.RUNNING, Map.of(), steps, journal, clock, pacer, r -> { });
    }

    private Rollout rollout(int hosts) {
        return rollout(hosts, "100%", Clock.systemUTC(), wait -> { });
    }

    private List<String> steps(String camera) {
        return journal.events.stream().filter(e -> e.cameraId().equals(camera)).map(e -> e.to()).toList();
    }

    private String detail(String camera) {
        return journal.targets.get(camera).detail();
    }

    @Test
    void aCameraTheRunnerCannotReachFailsWithItsSentenceAndNothingIsDialled() {
        steps.unreachable.put("C000", Optional.of("no address: not sent"));
        steps.reachBreaks.put("C001", new IllegalStateException("bad address\nat line 2"));
        Rollout r = rollout(3);

        r.run();

        assertThat(steps("C000")).containsExactly("DISPATCHED", "FAILED");
        assertThat(detail("C000")).isEqualTo("no address: not sent");
        assertThat(steps("C001")).containsExactly("DISPATCHED", "FAILED");
        assertThat(detail("C001")).isEqualTo(
                "the executor failed unexpectedly (IllegalStateException: bad address); the log has the details");
        assertThat(steps.dialled).containsExactly("C002");
        assertThat(steps.done).as("every camera is let go").containsExactlyInAnyOrder("C000", "C001", "C002");
    }

    @Test
    void eachStepsOutputGoesToTheCamerasLogAndASuccessEndsSucceeded() {
        Rollout r = rollout(1);

        r.run();

        assertThat(steps("C000")).containsExactly("DISPATCHED", "INSTALLING", "VERIFYING", "SUCCEEDED");
        assertThat(journal.logs.get("C000")).containsExactly("uploaded C000", "installed C000", "checked C000");
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(journal.events).last().extracting(DeploymentJournal.Event::detail)
                .isEqualTo("1 succeeded, 0 failed, 0 not run");
    }

    @Test
    void anUploadThatFailsOrLosesTheCameraEndsItAccordingly() {
        steps.upload.put("C000", TargetRunner.StepResult.failed("checksum differs"));
        steps.upload.put("C001", TargetRunner.StepResult.lost("connection reset"));
        steps.upload.put("C002", null);
        Rollout r = rollout(3);

        r.run();

        assertThat(steps("C000")).containsExactly("DISPATCHED", "FAILED");
        assertThat(detail("C000")).isEqualTo("checksum differs");
        assertThat(steps("C001")).containsExactly("DISPATCHED", "UNKNOWN");
        assertThat(detail("C001")).isEqualTo("connection reset");
        assertThat(steps("C002")).containsExactly("DISPATCHED", "FAILED");
        assertThat(detail("C002")).isEqualTo("the executor gave no result");
        assertThat(journal.logs.get("C000")).containsExactly("uploaded C000");
    }

    @Test
    void anInstallThatFailsIsFailedAndOneThatLosesTheCameraIsUnknown() {
        steps.install.put("C000", TargetRunner.StepResult.failed("the install exited with 3"));
        steps.install.put("C001", TargetRunner.StepResult.lost("connection reset"));
        Rollout r = rollout(2);

        r.run();

        assertThat(steps("C000")).containsExactly("DISPATCHED", "INSTALLING", "FAILED");
        assertThat(detail("C000")).isEqualTo("the install exited with 3");
        assertThat(steps("C001")).containsExactly("DISPATCHED", "INSTALLING", "UNKNOWN");
        assertThat(journal.logs.get("C000")).doesNotContain("checked C000");
    }

    @Test
    void aFailedHealthCheckRollsBackAndSaysWhyAndALostOneIsUnknownWithoutRollback() {
        steps.verify.put("C000", TargetRunner.StepResult.failed("exit 1"));
        steps.verify.put("C001", TargetRunner.StepResult.lost("connection reset"));
        steps.verify.put("C002", TargetRunner.StepResult.failed("exit 1"));
        steps.rollback.put("C002", TargetRunner.StepResult.failed("rollback.sh exit 2"));
        Rollout r = rollout(3);

        r.run();

        assertThat(steps("C000")).containsExactly("DISPATCHED", "INSTALLING", "VERIFYING", "FAILED", "ROLLED_BACK");
        assertThat(detail("C000")).isEqualTo("the health check failed (exit 1); the release's rollback ran and the "
                + "camera is back on its version before");
        assertThat(steps("C001")).containsExactly("DISPATCHED", "INSTALLING", "VERIFYING", "UNKNOWN");
        assertThat(journal.logs.get("C001")).doesNotContain("rolled back C001");
        assertThat(steps("C002")).containsExactly("DISPATCHED", "INSTALLING", "VERIFYING", "FAILED");
        assertThat(journal.logs.get("C002")).last().asString()
                .startsWith("the health check failed and the release's rollback failed too: rollback.sh exit 2.");
        assertThat(journal.events).last().extracting(DeploymentJournal.Event::detail)
                .isEqualTo("0 succeeded, 3 failed, 0 not run");
    }

    @Test
    void aCameraWaitingForItsWindowIsNeverTouchedWhenTheRolloutIsAbortedMeanwhile() {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        windows.put("C000", MaintenanceWindow.parse("Thu 12:00-13:00"));
        Rollout[] r = new Rollout[1];
        List<Duration> pauses = new ArrayList<>();
        r[0] = rollout(1, "0", clock, wait -> {
            pauses.add(wait);
            clock.advance(wait);
            if (pauses.size() == 3) {
                r[0].abort("erin");
            }
        });

        r[0].run();

        assertThat(steps("C000")).containsExactly("WAITING_WINDOW");
        assertThat(detail("C000")).isEqualTo("outside the maintenance window " + windows.get("C000")
                + " (Z); opens 2026-11-26T12:00:00Z");
        assertThat(pauses).hasSize(3).containsOnly(Duration.ofSeconds(1));
        assertThat(steps.dialled).isEmpty();
        assertThat(r[0].state()).isEqualTo(DeploymentState.ABORTED);
    }

    @Test
    void aHaltKeepsItsFirstReasonAndTheJournalWhereItWas() {
        Rollout r = rollout(2);
        Problem first = new Problem("deploy.leaseLost", "d-1");

        r.halt(first);
        r.halt(new Problem("deploy.closedUnder", "d-1"));
        r.run();

        assertThat(r.halted()).isSameAs(first);
        assertThat(r.isFinished()).isTrue();
        assertThat(r.state()).isEqualTo(DeploymentState.RUNNING);
        assertThat(journal.events).isEmpty();
    }

    @Test
    void aFailureIsOneSentenceWhateverItsMessage() {
        Problem p = new Problem("deploy.leaseLost", "d-1");
        assertThat(Rollout.describe(p)).isEqualTo(p.getMessage());
        assertThat(Rollout.describe(new NullPointerException()))
                .isEqualTo("the executor failed unexpectedly (NullPointerException); the log has the details");
        assertThat(Rollout.describe(new IllegalStateException("  ")))
                .isEqualTo("the executor failed unexpectedly (IllegalStateException); the log has the details");
        assertThat(Rollout.describe(new IllegalStateException("first\nsecond")))
                .isEqualTo("the executor failed unexpectedly (IllegalStateException: first); the log has the details");
    }
}
