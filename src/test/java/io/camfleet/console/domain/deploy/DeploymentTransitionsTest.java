package io.camfleet.console.domain.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static io.camfleet.console.domain.deploy.DeploymentEvent.ABORT;
import static io.camfleet.console.domain.deploy.DeploymentEvent.ALL_DONE;
import static io.camfleet.console.domain.deploy.DeploymentEvent.THRESHOLD_EXCEEDED;
import static io.camfleet.console.domain.deploy.DeploymentState.ABORTED;
import static io.camfleet.console.domain.deploy.DeploymentState.ABORTING;
import static io.camfleet.console.domain.deploy.DeploymentState.FAILED;
import static io.camfleet.console.domain.deploy.DeploymentState.FAILING;
import static io.camfleet.console.domain.deploy.DeploymentState.RUNNING;
import static io.camfleet.console.domain.deploy.TargetState.INSTALLING;
import static io.camfleet.console.domain.deploy.TargetState.PENDING;
import static io.camfleet.console.domain.deploy.TargetState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentTransitionsTest {

    private static final List<TargetState> ALL_SETTLED = List.of(SUCCEEDED, TargetState.SKIPPED, TargetState.FAILED);

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "RUNNING, PAUSE, PAUSED",
            "RUNNING, CANARY_DONE_NEEDS_APPROVAL, PAUSED",
            "RUNNING, ABORT, ABORTING",
            "RUNNING, THRESHOLD_EXCEEDED, FAILING",
            "RUNNING, ALL_DONE, SUCCEEDED",
            "PAUSED, RESUME, RUNNING",
            "PAUSED, APPROVE, RUNNING",
            "PAUSED, ABORT, ABORTING",
            "PAUSED, THRESHOLD_EXCEEDED, FAILING",
            "PAUSED, ALL_DONE, SUCCEEDED",
            "ABORTING, ABORT, ABORTING",
            "ABORTING, THRESHOLD_EXCEEDED, ABORTING",
            "ABORTING, ALL_DONE, ABORTED",
            "FAILING, ABORT, FAILING",
            "FAILING, THRESHOLD_EXCEEDED, FAILING",
            "FAILING, ALL_DONE, FAILED",
    })
    void everyLegalTransitionLeadsWhereTheTableSays(DeploymentState from, DeploymentEvent event, DeploymentState to) {
        assertThat(DeploymentTransitions.next(from, event, ALL_SETTLED)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} + {1} is refused")
    @CsvSource({
            "RUNNING, RESUME", "RUNNING, APPROVE",
            "PAUSED, PAUSE", "PAUSED, CANARY_DONE_NEEDS_APPROVAL",
            "ABORTING, RESUME", "ABORTING, APPROVE", "ABORTING, PAUSE",
            "FAILING, RESUME", "FAILING, APPROVE",
            "ABORTED, RESUME", "ABORTED, ABORT", "ABORTED, ALL_DONE",
            "FAILED, RESUME", "FAILED, ABORT",
            "SUCCEEDED, ABORT", "SUCCEEDED, PAUSE", "SUCCEEDED, ALL_DONE",
    })
    void illegalEventsAreRefusedNamingStateAndEvent(DeploymentState from, DeploymentEvent event) {
        assertThatThrownBy(() -> DeploymentTransitions.next(from, event, ALL_SETTLED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(from.name())
                .hasMessageContaining(event.name());
    }

    @Test
    void aRolloutEndingWithEveryTargetFailedIsFailedEvenWhenTheThresholdToleratedIt() {
        List<TargetState> allFailed = List.of(TargetState.FAILED, TargetState.ROLLED_BACK, TargetState.UNKNOWN);
        assertThat(DeploymentTransitions.next(RUNNING, ALL_DONE, allFailed)).isEqualTo(FAILED);
        assertThat(DeploymentTransitions.next(DeploymentState.PAUSED, ALL_DONE, allFailed)).isEqualTo(FAILED);
        // One camera that took the release (or already had it) makes a tolerated rollout a success.
        assertThat(DeploymentTransitions.next(RUNNING, ALL_DONE, List.of(TargetState.FAILED, SUCCEEDED)))
                .isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(DeploymentTransitions.next(RUNNING, ALL_DONE, List.of(TargetState.FAILED, TargetState.SKIPPED)))
                .isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(DeploymentTransitions.next(RUNNING, ALL_DONE, List.of(SUCCEEDED, SUCCEEDED)))
                .isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void abortStopsNewDispatchesButLetsRunningFinishAndKeepTheirResults() {
        List<TargetState> targets = new ArrayList<>(List.of(INSTALLING, PENDING, PENDING));

        DeploymentState d = DeploymentTransitions.next(RUNNING, ABORT, targets);
        assertThat(d).isEqualTo(ABORTING);
        assertThat(d.dispatchesNewTargets()).isFalse();
        assertThat(d.isFinal()).isFalse();

        // never ABORTED while a target installs
        assertThatThrownBy(() -> DeploymentTransitions.next(ABORTING, ALL_DONE, targets))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 target(s) still under way");

        targets.set(0, TargetTransitions.next(INSTALLING, TargetEvent.INSTALLED));
        assertThatThrownBy(() -> DeploymentTransitions.next(ABORTING, ALL_DONE, targets))
                .isInstanceOf(IllegalStateException.class);

        targets.set(0, TargetTransitions.next(targets.get(0), TargetEvent.VERIFIED));
        assertThat(DeploymentTransitions.next(ABORTING, ALL_DONE, targets)).isEqualTo(ABORTED);
        // the finished target keeps its result; the ones never dispatched stay pending
        assertThat(targets).containsExactly(SUCCEEDED, PENDING, PENDING);
    }

    @Test
    void aDoubleAbortStaysAbortingAndAFailureDuringAbortDoesNotChangeTheReason() {
        List<TargetState> targets = List.of(INSTALLING);
        assertThat(DeploymentTransitions.next(ABORTING, ABORT, targets)).isEqualTo(ABORTING);
        assertThat(DeploymentTransitions.next(ABORTING, THRESHOLD_EXCEEDED, targets)).isEqualTo(ABORTING);
    }

    @Test
    void exceedingTheThresholdStopsNewDispatchesAndFailsOnlyOnceRunningTargetsFinish() {
        List<TargetState> targets = List.of(TargetState.FAILED, TargetState.VERIFYING, PENDING);
        DeploymentState d = DeploymentTransitions.next(RUNNING, THRESHOLD_EXCEEDED, targets);
        assertThat(d).isEqualTo(FAILING);
        assertThat(d.dispatchesNewTargets()).isFalse();
        assertThat(d.isStopping()).isTrue();
        assertThatThrownBy(() -> DeploymentTransitions.next(FAILING, ALL_DONE, targets))
                .isInstanceOf(IllegalStateException.class);
        assertThat(DeploymentTransitions.next(FAILING, ALL_DONE,
                List.of(TargetState.FAILED, SUCCEEDED, PENDING))).isEqualTo(FAILED);
    }

    @Test
    void aRunningDeploymentCannotSucceedWhileTargetsWaitOrRun() {
        assertThatThrownBy(() -> DeploymentTransitions.next(RUNNING, ALL_DONE, List.of(SUCCEEDED, PENDING)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not yet settled");
        assertThatThrownBy(() -> DeploymentTransitions.next(RUNNING, ALL_DONE,
                List.of(SUCCEEDED, TargetState.WAITING_WINDOW)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DeploymentTransitions.next(DeploymentState.PAUSED, ALL_DONE, List.of(INSTALLING)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnreachableTargetDoesNotHoldUpTheEndOfAnAbort() {
        assertThat(DeploymentTransitions.next(ABORTING, ALL_DONE, List.of(TargetState.UNKNOWN, SUCCEEDED)))
                .isEqualTo(ABORTED);
    }

    @Test
    void onlyRunningDispatchesNewTargets() {
        for (DeploymentState s : DeploymentState.values()) {
            assertThat(s.dispatchesNewTargets()).as(s.name()).isEqualTo(s == RUNNING);
        }
    }
}
