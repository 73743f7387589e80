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
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecoveryTest {

    private final MemoryJournal journal = new MemoryJournal();
    private final ScriptedRunner runner = new ScriptedRunner();

    private static TargetRecord target(String camera, TargetState state) {
        return new TargetRecord(new Target(camera, "S", "", "", ""), 0, state, 0, "", Instant.EPOCH);
    }

    @Test
    void whatWasUnderWayIsReprobedAndOnlyCamerasNotAtTheVersionRunAgain() {
        journal.create(new DeploymentRecord("d-1", "agent", "6.5.0", ExecutorKind.SSH, "{}", DeploymentState.RUNNING,
                Instant.EPOCH, "t", Instant.EPOCH), List.of(
                target("done", TargetState.SUCCEEDED),
                target("installed-before-crash", TargetState.INSTALLING),
                target("dispatched-not-started", TargetState.DISPATCHED),
                target("verifying-gone", TargetState.VERIFYING),
                target("waiting", TargetState.PENDING)));
        runner.versions.put("installed-before-crash", "6.5.0");
        runner.outcomes.put("verifying-gone", ScriptedRunner.Outcome.UNREACHABLE);

        Map<String, TargetState> states = Recovery.recover("d-1", "6.5.0", journal.targets("d-1"), runner, journal);

        assertThat(states).containsExactly(
                Map.entry("done", TargetState.SUCCEEDED),
                Map.entry("installed-before-crash", TargetState.VERIFYING),
                Map.entry("dispatched-not-started", TargetState.PENDING),
                Map.entry("verifying-gone", TargetState.UNKNOWN),
                Map.entry("waiting", TargetState.PENDING));
        assertThat(states).allSatisfy((cam, s) -> assertThat(journal.stateOf(cam)).isEqualTo(s));
        assertThat(journal.events.stream().filter(e -> e.cameraId().equals("installed-before-crash"))
                .map(DeploymentJournal.Event::to).toList()).containsExactly("UNKNOWN", "VERIFYING");
        assertThat(runner.installs.get()).as("nothing is run while recovering").isZero();
    }

    // ---- waves sent as one command ----

    private final ScriptedWaves waves = new ScriptedWaves();
    private final Release release = new Release("agent", "6.5.0", ReleaseKind.RELEASE, "s3://rel/agent.tar",
            "a".repeat(64), "install.sh", "health.sh", "rollback.sh");

    private static TargetRecord inWave(String camera, int wave, TargetState state) {
        return new TargetRecord(new Target(camera, "S", "", "", "mi-" + camera), wave, state, 0, "", Instant.EPOCH);
    }

    private DeploymentRecord deployment() {
        return journal.find("d-1").orElseThrow();
    }

    /** What the console had journalled when it stopped: wave 0 DISPATCHED, its command id not (yet) saved. */
    private void stoppedAfterDispatchingWaveZero() {
        journal.create(new DeploymentRecord("d-1", "agent", "6.5.0", ExecutorKind.SSM, "{}", DeploymentState.RUNNING,
                Instant.EPOCH, "t", Instant.EPOCH), List.of(
                inWave("a", 0, TargetState.DISPATCHED),
                inWave("b", 0, TargetState.DISPATCHED),
                inWave("c", 1, TargetState.PENDING)));
    }

    private WaveRunner.Order waveZero() {
        return new WaveRunner.Order("d-1", 0, release, List.of(journal.targets.get("a").target(),
                journal.targets.get("b").target()), 2, 0);
    }

    private Rollout resumed(Map<String, TargetState> states) {
        Map<String, Rollout.Placement> placements = new HashMap<>();
        journal.targets("d-1").forEach(t -> placements.put(t.target().cameraId(), new Rollout.Placement(t.target(),
                MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC)));
        Strategy strategy = new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.hosts(2)), 2, FailureThreshold.count(0), Duration.ZERO);
        return new Rollout("d-1", release, strategy, List.of(new Wave(0, false, List.of("a", "b")),
                new Wave(1, false, List.of("c"))), placements, DeploymentState.RUNNING, states, waves, journal,
                Clock.systemUTC(), wait -> { }, r -> { });
    }

    @Test
    void aWaveSentJustBeforeTheConsoleStoppedIsFoundByWhatItCarriesAndWatchedNeverSentAgain() {
        stoppedAfterDispatchingWaveZero();
        String sent = waves.sentBefore(waveZero());

        Map<String, TargetState> states = Recovery.recover(deployment(), journal.targets("d-1"), waves, journal);

        assertThat(states).containsEntry("a", TargetState.DISPATCHED).containsEntry("b", TargetState.DISPATCHED);
        assertThat(journal.ssmCommand("d-1", 0)).as("adopted").contains(sent);
        assertThat(journal.logs.get("a")).anyMatch(l -> l.contains(sent));
        Rollout r = resumed(states);
        r.run();
        assertThat(waves.sent()).as("wave 0 once, wave 1 once").extracting(WaveRunner.Order::wave)
                .containsExactly(0, 1);
        assertThat(r.targets()).containsOnly(Map.entry("a", TargetState.SUCCEEDED),
                Map.entry("b", TargetState.SUCCEEDED), Map.entry("c", TargetState.SUCCEEDED));
    }

    @Test
    void aWaveWhoseCommandExistsNowhereNeverRanAndIsSentOnce() {
        stoppedAfterDispatchingWaveZero();

        Map<String, TargetState> states = Recovery.recover(deployment(), journal.targets("d-1"), waves, journal);

        assertThat(states).containsEntry("a", TargetState.PENDING).containsEntry("b", TargetState.PENDING);
        assertThat(journal.events.stream().filter(e -> e.cameraId().equals("a")).map(DeploymentJournal.Event::to)
                .toList()).containsExactly("UNKNOWN", "PENDING");
        assertThat(waves.sent()).isEmpty();
        Rollout r = resumed(states);
        r.run();
        assertThat(waves.sent()).extracting(WaveRunner.Order::wave).containsExactly(0, 1);
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void aJournalledCommandIsWatchedAgainWithoutLookingItUp() {
        stoppedAfterDispatchingWaveZero();
        journal.ssmCommand("d-1", 0, waves.sentBefore(waveZero()));
        waves.findProblem = new IllegalStateException("no lookup needed");

        Map<String, TargetState> states = Recovery.recover(deployment(), journal.targets("d-1"), waves, journal);

        assertThat(states).containsEntry("a", TargetState.DISPATCHED);
        assertThat(journal.events).isEmpty();
    }

    @Test
    void aLookupThatFailsLeavesTheJournalAsItWas() {
        stoppedAfterDispatchingWaveZero();
        waves.findProblem = new Problem("aws.unreachable", "http://ssm", "refused");

        assertThatThrownBy(() -> Recovery.recover(deployment(),
                journal.targets("d-1"), waves, journal)).hasMessageContaining("http://ssm");

        assertThat(journal.events).isEmpty();
        assertThat(journal.commands).isEmpty();
        assertThat(journal.stateOf("a")).isEqualTo(TargetState.DISPATCHED);
    }

    @Test
    void anUnknownCameraIsSucceededOnlyWhenItsInvocationGotToTheVersion() {
        journal.create(new DeploymentRecord("d-1", "agent", "6.5.0", ExecutorKind.SSM, "{}", DeploymentState.RUNNING,
                Instant.EPOCH, "t", Instant.EPOCH), List.of(
                inWave("a", 0, TargetState.UNKNOWN),
                inWave("b", 0, TargetState.UNKNOWN)));
        String sent = waves.sentBefore(waveZero());
        journal.ssmCommand("d-1", 0, sent);
        waves.outcomes.put("a", List.of(WaveRunner.Outcome.SUCCEEDED));
        waves.outcomes.put("b", List.of(WaveRunner.Outcome.INTERRUPTED));

        Map<String, TargetState> states = Recovery.recover(deployment(), journal.targets("d-1"), waves, journal);

        assertThat(states).containsEntry("a", TargetState.SUCCEEDED).containsEntry("b", TargetState.UNKNOWN);
        assertThat(journal.logs.get("b")).anyMatch(l -> l.contains("INTERRUPTED"));
    }
    @Test
    void anUnknownCameraIsReprobedThroughTheCommandWhileItsWavesOtherOpenTargetsAreLeftToTheWatch() {
        journal.create(new DeploymentRecord("d-1", "agent", "6.5.0", ExecutorKind.SSM, "{}", DeploymentState.RUNNING,
                Instant.EPOCH, "t", Instant.EPOCH), List.of(
                inWave("a", 0, TargetState.UNKNOWN),
                inWave("b", 0, TargetState.INSTALLING),
                inWave("c", 0, TargetState.SUCCEEDED),
                inWave("d", 1, TargetState.PENDING)));
        String sent = waves.sentBefore(new WaveRunner.Order("d-1", 0, release, List.of(
                journal.targets.get("a").target(), journal.targets.get("b").target()), 2, 0));
        journal.ssmCommand("d-1", 0, sent);
        waves.outcomes.put("a", List.of(WaveRunner.Outcome.AT_VERSION));

        Map<String, TargetState> states = Recovery.recover(deployment(), journal.targets("d-1"), waves, journal);

        assertThat(states).containsExactly(
                Map.entry("a", TargetState.SUCCEEDED),
                Map.entry("b", TargetState.INSTALLING),
                Map.entry("c", TargetState.SUCCEEDED),
                Map.entry("d", TargetState.PENDING));
        assertThat(waves.polled).as("only the unknown camera is asked").containsOnlyKeys("a");
        assertThat(journal.events).singleElement().satisfies(e -> {
            assertThat(e.cameraId()).isEqualTo("a");
            assertThat(e.to()).isEqualTo("SUCCEEDED");
            assertThat(e.detail()).isEqualTo("re-probed: the command " + sent + " ended AT_VERSION on this camera");
        });
        assertThat(journal.logs).as("a journalled command was not found again: nothing to say").isEmpty();
    }

    @Test
    void anUnknownCameraTheCommandSaysNothingAboutStaysUnknownAsQueued() {
        journal.create(new DeploymentRecord("d-1", "agent", "6.5.0", ExecutorKind.SSM, "{}", DeploymentState.RUNNING,
                Instant.EPOCH, "t", Instant.EPOCH), List.of(
                inWave("a", 0, TargetState.UNKNOWN),
                inWave("b", 0, TargetState.DISPATCHED)));
        journal.ssmCommand("d-1", 0, "cmd-9");
        waves.pollProblem = Map::of;

        Map<String, TargetState> states = Recovery.recover(deployment(), journal.targets("d-1"), waves, journal);

        assertThat(states).containsExactly(Map.entry("a", TargetState.UNKNOWN), Map.entry("b", TargetState.DISPATCHED));
        assertThat(journal.events).isEmpty();
        assertThat(journal.logs.get("a")).containsExactly(
                "re-probe: the command cmd-9 says QUEUED for this camera; it stays unknown");
    }

    @Test
    void anUnknownCameraOfAWaveWithNoCommandAnywhereIsSentAgainWithItsWave() {
        journal.create(new DeploymentRecord("d-1", "agent", "6.5.0", ExecutorKind.SSM, "{}", DeploymentState.RUNNING,
                Instant.EPOCH, "t", Instant.EPOCH), List.of(
                inWave("a", 0, TargetState.SUCCEEDED),
                inWave("b", 1, TargetState.UNKNOWN),
                inWave("c", 1, TargetState.DISPATCHED)));

        Map<String, TargetState> states = Recovery.recover(deployment(), journal.targets("d-1"), waves, journal);

        assertThat(states).containsExactly(Map.entry("a", TargetState.SUCCEEDED),
                Map.entry("b", TargetState.PENDING), Map.entry("c", TargetState.PENDING));
        assertThat(journal.events.stream().filter(e -> e.cameraId().equals("b")).toList()).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("no command carries deployment d-1 wave 1: nothing "
                        + "ran on this camera, so it is sent with its wave again"));
        assertThat(journal.events.stream().filter(e -> e.cameraId().equals("c")).map(e -> e.from() + ">" + e.to()
                + ":" + e.detail()).toList()).containsExactly(
                "DISPATCHED>UNKNOWN:interrupted before the command of its wave was sent",
                "UNKNOWN>PENDING:no command carries deployment d-1 wave 1: nothing ran on this camera, so it is sent "
                        + "with its wave again");
        assertThat(journal.commands).isEmpty();
    }

    @Test
    void aReprobeSaysWhatTheMarkerHoldsAndThatAnInstallIsNotYetHealth() {
        journal.create(new DeploymentRecord("d-1", "agent", "6.5.0", ExecutorKind.SSH, "{}", DeploymentState.RUNNING,
                Instant.EPOCH, "t", Instant.EPOCH), List.of(
                target("there", TargetState.UNKNOWN),
                target("before", TargetState.UNKNOWN),
                target("blank", TargetState.UNKNOWN),
                target("gone", TargetState.UNKNOWN)));
        runner.versions.put("there", "6.5.0");
        runner.versions.put("before", "6.4.2");
        runner.outcomes.put("gone", ScriptedRunner.Outcome.UNREACHABLE);
        TargetRunner withoutMarker = new TargetRunner() {
            @Override
            public java.util.Optional<String> installedVersion(Target t) {
                return t.cameraId().equals("blank") ? java.util.Optional.empty() : runner.installedVersion(t);
            }

            @Override
            public StepResult upload(Target t, Release r, java.util.function.Consumer<String> o) {
                throw new AssertionError("nothing is run while recovering");
            }

            @Override
            public StepResult install(Target t, Release r, java.util.function.Consumer<String> o) {
                throw new AssertionError("nothing is run while recovering");
            }

            @Override
            public StepResult verify(Target t, Release r, java.util.function.Consumer<String> o) {
                throw new AssertionError("nothing is run while recovering");
            }

            @Override
            public StepResult rollback(Target t, Release r, java.util.function.Consumer<String> o) {
                throw new AssertionError("nothing is run while recovering");
            }
        };

        Map<String, TargetState> states = Recovery.recover(deployment(), journal.targets("d-1"), withoutMarker,
                journal);

        assertThat(states).containsExactly(Map.entry("there", TargetState.VERIFYING),
                Map.entry("before", TargetState.PENDING), Map.entry("blank", TargetState.PENDING),
                Map.entry("gone", TargetState.UNKNOWN));
        assertThat(journal.events).extracting(e -> e.cameraId() + ": " + e.detail()).containsExactly(
                "there: re-probed: the version marker says 6.5.0; the marker proves the install, not the health: "
                        + "the health check runs again",
                "before: re-probed: the version marker says 6.4.2",
                "blank: re-probed: the version marker says nothing");
        assertThat(journal.logs.get("gone")).singleElement().asString().startsWith("re-probe: ")
                .contains("connection refused");
    }
}
