package io.camfleet.console.domain.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.camfleet.console.domain.deploy.TargetState.DISPATCHED;
import static io.camfleet.console.domain.deploy.TargetState.INSTALLING;
import static io.camfleet.console.domain.deploy.TargetState.PENDING;
import static io.camfleet.console.domain.deploy.TargetState.SUCCEEDED;
import static io.camfleet.console.domain.deploy.TargetState.UNKNOWN;
import static io.camfleet.console.domain.deploy.TargetState.VERIFYING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetTransitionsTest {

    /** The whole legal table, written out independently of the production code. */
    private static final String[] LEGAL = {
            "PENDING, WINDOW_CLOSED, WAITING_WINDOW",
            "PENDING, DISPATCH, DISPATCHED",
            "PENDING, ALREADY_AT_VERSION, SKIPPED",
            "PENDING, HELD_BACK, HELD_BACK",
            "WAITING_WINDOW, DISPATCH, DISPATCHED",
            "WAITING_WINDOW, ALREADY_AT_VERSION, SKIPPED",
            "WAITING_WINDOW, HELD_BACK, HELD_BACK",
            "DISPATCHED, INSTALL_STARTED, INSTALLING",
            "DISPATCHED, ALREADY_AT_VERSION, SKIPPED",
            "DISPATCHED, FAILED, FAILED",
            "DISPATCHED, CONTACT_LOST, UNKNOWN",
            "INSTALLING, INSTALLED, VERIFYING",
            "INSTALLING, ALREADY_AT_VERSION, SKIPPED",
            "INSTALLING, FAILED, FAILED",
            "INSTALLING, CONTACT_LOST, UNKNOWN",
            "VERIFYING, VERIFIED, SUCCEEDED",
            "VERIFYING, CHECK_FAILED, FAILED",
            "VERIFYING, CONTACT_LOST, UNKNOWN",
            "UNKNOWN, REPROBED_AT_VERSION, VERIFYING",
            "UNKNOWN, REPROBED_HEALTHY, SUCCEEDED",
            "UNKNOWN, REPROBED_NOT_AT_VERSION, PENDING",
            "FAILED, RETRY, PENDING",
            "FAILED, ROLLED_BACK, ROLLED_BACK",
    };

    static List<Object[]> legalTransitions() {
        List<Object[]> rows = new ArrayList<>();
        for (String row : LEGAL) {
            String[] f = row.split(",\\s*");
            rows.add(new Object[]{TargetState.valueOf(f[0]), TargetEvent.valueOf(f[1]), TargetState.valueOf(f[2])});
        }
        return rows;
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("legalTransitions")
    void everyLegalTransitionLeadsWhereTheTableSays(TargetState from, TargetEvent event, TargetState to) {
        assertThat(TargetTransitions.next(from, event)).isEqualTo(to);
        assertThat(TargetTransitions.tryNext(from, event)).contains(to);
    }

    static List<Object[]> illegalPairs() {
        Set<String> legal = Arrays.stream(LEGAL)
                .map(row -> row.substring(0, row.lastIndexOf(',')).replace(" ", ""))
                .collect(Collectors.toSet());
        List<Object[]> pairs = new ArrayList<>();
        for (TargetState from : TargetState.values()) {
            for (TargetEvent event : TargetEvent.values()) {
                if (!legal.contains(from + "," + event)) {
                    pairs.add(new Object[]{from, event});
                }
            }
        }
        return pairs;
    }

    @ParameterizedTest(name = "{0} + {1} is refused")
    @MethodSource("illegalPairs")
    void everyOtherPairIsRefusedNamingStateAndEvent(TargetState from, TargetEvent event) {
        assertThatThrownBy(() -> TargetTransitions.next(from, event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(from.name())
                .hasMessageContaining(event.name());
        assertThat(TargetTransitions.tryNext(from, event)).isEmpty();
    }

    @Test
    void finalStatesAcceptNothingButARetryOrRollbackOfAFailure() {
        for (TargetState state : TargetState.values()) {
            if (state.isFinal() && state != TargetState.FAILED) {
                for (TargetEvent event : TargetEvent.values()) {
                    assertThat(TargetTransitions.tryNext(state, event)).as(state + " + " + event).isEmpty();
                }
            }
        }
    }

    @Test
    void aHostLostDuringInstallIsReprobedAndRunsAgainWhenNotAtTheVersion() {
        TargetState s = TargetTransitions.next(PENDING, TargetEvent.DISPATCH);
        s = TargetTransitions.next(s, TargetEvent.INSTALL_STARTED);
        assertThat(s).isEqualTo(INSTALLING);
        s = TargetTransitions.next(s, TargetEvent.CONTACT_LOST);
        assertThat(s).isEqualTo(UNKNOWN);
        assertThat(s.isFailure()).isTrue();
        assertThat(s.isUnderWay()).isFalse();
        assertThat(TargetTransitions.next(s, TargetEvent.REPROBED_NOT_AT_VERSION)).isEqualTo(PENDING);
    }

    @Test
    void aHostFoundAtTheVersionAfterACrashIsCheckedAgainNotTakenForHealthy() {
        // The version marker proves the install, not the health: its health check runs again.
        assertThat(TargetTransitions.next(UNKNOWN, TargetEvent.REPROBED_AT_VERSION)).isEqualTo(VERIFYING);
        assertThat(TargetTransitions.next(UNKNOWN, TargetEvent.REPROBED_HEALTHY)).isEqualTo(SUCCEEDED);
    }

    @Test
    void aHostAlreadyAtTheVersionIsSkippedAndCountsAsSuccess() {
        TargetState s = TargetTransitions.next(DISPATCHED, TargetEvent.ALREADY_AT_VERSION);
        assertThat(s.isSuccess()).isTrue();
        assertThat(s.isFailure()).isFalse();
    }

    @Test
    void onlyDispatchedInstallingAndVerifyingAreUnderWay() {
        assertThat(Arrays.stream(TargetState.values()).filter(TargetState::isUnderWay))
                .containsExactly(DISPATCHED, INSTALLING, VERIFYING);
    }
}
