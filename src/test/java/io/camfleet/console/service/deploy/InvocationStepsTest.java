package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.TargetEvent;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.TargetTransitions;
import io.camfleet.console.service.deploy.WaveRunner.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationStepsTest {

    private static TargetState walk(TargetState from, Outcome outcome) {
        TargetState at = from;
        for (TargetEvent e : InvocationSteps.events(from, outcome)) {
            at = TargetTransitions.next(at, e);
        }
        return at;
    }

    @ParameterizedTest(name = "{0} then {1}: {2}")
    @CsvSource({
            "DISPATCHED, QUEUED, ''",
            "DISPATCHED, RUNNING, INSTALLING",
            "INSTALLING, RUNNING, ''",
            "DISPATCHED, AT_VERSION, SKIPPED",
            "INSTALLING, AT_VERSION, SKIPPED",
            "DISPATCHED, SUCCEEDED, INSTALLING VERIFYING SUCCEEDED",
            "INSTALLING, SUCCEEDED, VERIFYING SUCCEEDED",
            "VERIFYING, SUCCEEDED, SUCCEEDED",
            "DISPATCHED, NOT_INSTALLED, FAILED",
            "INSTALLING, NOT_INSTALLED, FAILED",
            "DISPATCHED, INSTALL_FAILED, INSTALLING FAILED",
            "INSTALLING, INSTALL_FAILED, FAILED",
            "DISPATCHED, CHECK_FAILED, INSTALLING VERIFYING FAILED",
            "DISPATCHED, ROLLED_BACK, INSTALLING VERIFYING FAILED ROLLED_BACK",
            "INSTALLING, ROLLED_BACK, VERIFYING FAILED ROLLED_BACK",
            "DISPATCHED, INTERRUPTED, UNKNOWN",
            "INSTALLING, INTERRUPTED, UNKNOWN",
    })
    void anOutcomeIsTheStepsTheTargetHasNotTakenYetInOrder(TargetState from, Outcome outcome, String states) {
        TargetState at = from;
        StringBuilder seen = new StringBuilder();
        for (TargetEvent e : InvocationSteps.events(from, outcome)) {
            at = TargetTransitions.next(at, e);
            seen.append(seen.isEmpty() ? "" : " ").append(at);
        }
        assertThat(seen.toString()).isEqualTo(states);
    }

    @Test
    void everyOutcomeFromEveryStateUnderWayIsALegalWalkAndEndsWhereTheOutcomeSays() {
        List<TargetState> underWay = Arrays.stream(TargetState.values()).filter(TargetState::isUnderWay).toList();
        for (TargetState from : underWay) {
            for (Outcome o : Outcome.values()) {
                TargetState to = walk(from, o); // throws on an illegal step
                assertThat(to.isSettled()).as("%s then %s ends settled", from, o).isEqualTo(o.ended());
            }
        }
    }

    @Test
    void aSettledTargetIsNotMovedByAnyOutcome() {
        for (TargetState s : TargetState.values()) {
            if (!s.isUnderWay()) {
                for (Outcome o : Outcome.values()) {
                    assertThat(InvocationSteps.events(s, o)).isEmpty();
                }
            }
        }
    }
}
