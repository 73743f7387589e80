package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.TargetState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryTest {

    private final MemoryJournal journal = new MemoryJournal();
    private final ScriptedRunner runner = new ScriptedRunner();

    private static TargetRecord target(String camera, TargetState state) {
        return new TargetRecord(new Target(camera, "S", "", "", ""), 0, state, 0, "", Instant.EPOCH);
    }

    @Test
    void whatWasUnderWayIsReprobedAndOnlyCamerasNotAtTheVersionRunAgain() {
        journal.create(new DeploymentRecord("d-1", "agent", "6.5.0", "TEST", "{}", DeploymentState.RUNNING,
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
                Map.entry("installed-before-crash", TargetState.SUCCEEDED),
                Map.entry("dispatched-not-started", TargetState.PENDING),
                Map.entry("verifying-gone", TargetState.UNKNOWN),
                Map.entry("waiting", TargetState.PENDING));
        assertThat(states).allSatisfy((cam, s) -> assertThat(journal.stateOf(cam)).isEqualTo(s));
        assertThat(journal.events.stream().filter(e -> e.cameraId().equals("installed-before-crash"))
                .map(DeploymentJournal.Event::to).toList()).containsExactly("UNKNOWN", "SUCCEEDED");
        assertThat(runner.installs.get()).as("nothing is run while recovering").isZero();
    }
}
