package io.camfleet.console.domain.deploy;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What each target state counts as: the rollout's summary, threshold and resume all rest on these. */
class TargetStateTest {

    private static EnumSet<TargetState> where(java.util.function.Predicate<TargetState> p) {
        return Arrays.stream(TargetState.values()).filter(p)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TargetState.class)));
    }

    @Test
    void onlySucceededAndSkippedCountAsSuccess() {
        assertThat(where(TargetState::isSuccess)).containsExactlyInAnyOrder(TargetState.SUCCEEDED, TargetState.SKIPPED);
    }

    @Test
    void failedRolledBackAndUnknownCountAsFailures() {
        assertThat(where(TargetState::isFailure))
                .containsExactlyInAnyOrder(TargetState.FAILED, TargetState.ROLLED_BACK, TargetState.UNKNOWN);
    }

    @Test
    void theFinalStatesAreTheEndsOfAnAttemptAndUnknownIsSettledButNotFinal() {
        // HELD_BACK (the error-budget guard) is an end too: neither a success nor a failure.
        assertThat(where(TargetState::isFinal)).containsExactlyInAnyOrder(TargetState.SUCCEEDED, TargetState.FAILED,
                TargetState.ROLLED_BACK, TargetState.SKIPPED, TargetState.HELD_BACK);
        assertThat(where(TargetState::isSettled)).containsExactlyInAnyOrder(TargetState.SUCCEEDED, TargetState.FAILED,
                TargetState.ROLLED_BACK, TargetState.SKIPPED, TargetState.UNKNOWN, TargetState.HELD_BACK);
        assertThat(where(TargetState::isUnderWay)).containsExactlyInAnyOrder(TargetState.DISPATCHED,
                TargetState.INSTALLING, TargetState.VERIFYING);
    }

    @Test
    void noStateIsBothASuccessAndAFailure() {
        assertThat(where(s -> s.isSuccess() && s.isFailure())).isEmpty();
    }
}
