package io.camfleet.console.domain.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertTransitionsTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private static Alert raised() {
        return Alert.raise(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, "ams", "ams", "dark", T0, false);
    }

    private static AlertTransitions.Refusal refusal(AlertStatus from, AlertStep step) {
        try {
            AlertTransitions.next(from, step);
        } catch (AlertTransitions.Refused r) {
            return r.reason();
        }
        throw new AssertionError(step + " from " + from + " was taken");
    }

    @Test
    void anAlertGoesFromRaisedThroughAcknowledgedToResolvedOrStraightToResolved() {
        assertThat(AlertTransitions.next(null, AlertStep.RAISE)).isEqualTo(AlertStatus.RAISED);
        assertThat(AlertTransitions.next(AlertStatus.RAISED, AlertStep.ACKNOWLEDGE)).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(AlertTransitions.next(AlertStatus.ACKNOWLEDGED, AlertStep.RESOLVE)).isEqualTo(AlertStatus.RESOLVED);
        assertThat(AlertTransitions.next(AlertStatus.RAISED, AlertStep.RESOLVE)).isEqualTo(AlertStatus.RESOLVED);
    }

    @Test
    void aFlapKeepsTheAlertWhereItWas() {
        assertThat(AlertTransitions.next(AlertStatus.RAISED, AlertStep.REOPEN)).isEqualTo(AlertStatus.RAISED);
        assertThat(AlertTransitions.next(AlertStatus.ACKNOWLEDGED, AlertStep.REOPEN))
                .isEqualTo(AlertStatus.ACKNOWLEDGED);
    }

    @Test
    void stepsThatDoNotFitAreRefusedWithTheirReason() {
        assertThat(refusal(AlertStatus.RESOLVED, AlertStep.ACKNOWLEDGE))
                .isEqualTo(AlertTransitions.Refusal.ALREADY_RESOLVED);
        assertThat(refusal(AlertStatus.RESOLVED, AlertStep.RESOLVE)).isEqualTo(AlertTransitions.Refusal.ALREADY_RESOLVED);
        assertThat(refusal(AlertStatus.RESOLVED, AlertStep.REOPEN)).isEqualTo(AlertTransitions.Refusal.ALREADY_RESOLVED);
        assertThat(refusal(AlertStatus.ACKNOWLEDGED, AlertStep.ACKNOWLEDGE))
                .isEqualTo(AlertTransitions.Refusal.ALREADY_ACKNOWLEDGED);
        assertThat(refusal(AlertStatus.RAISED, AlertStep.RAISE)).isEqualTo(AlertTransitions.Refusal.ALREADY_RAISED);
        assertThat(refusal(null, AlertStep.ACKNOWLEDGE)).isEqualTo(AlertTransitions.Refusal.NOT_RAISED_YET);
    }

    @Test
    void eachStepKeepsItsTimeWhoAndNote() {
        Alert acked = raised().acknowledge("nina", "on it", T0.plusSeconds(60));
        Alert resolved = acked.resolve("omar", "fibre spliced", T0.plusSeconds(600));
        assertThat(resolved.raisedAt()).isEqualTo(T0);
        assertThat(resolved.acknowledgedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(resolved.acknowledgedBy()).isEqualTo("nina");
        assertThat(resolved.acknowledgedNote()).isEqualTo("on it");
        assertThat(resolved.resolvedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(resolved.resolvedBy()).isEqualTo("omar");
        assertThat(resolved.resolvedNote()).isEqualTo("fibre spliced");
        assertThat(resolved.resolvedAutomatically()).isFalse();
        assertThat(resolved.isOpen()).isFalse();
        assertThatThrownBy(() -> resolved.acknowledge("x", "y", T0)).isInstanceOf(AlertTransitions.Refused.class);
    }

    @Test
    void anAlertMayResolveOnlyOnceItsConditionStayedClearForTheHysteresis() {
        Alert clearing = raised().clearing(T0.plusSeconds(300));
        Duration twoMinutes = Duration.ofMinutes(2);
        assertThat(clearing.clearFor(twoMinutes, T0.plusSeconds(419))).isFalse();
        assertThat(clearing.clearFor(twoMinutes, T0.plusSeconds(420))).isTrue();
        assertThat(raised().clearFor(twoMinutes, T0.plusSeconds(10_000))).as("never cleared").isFalse();
        Alert flapped = clearing.reopen();
        assertThat(flapped.flaps()).isEqualTo(1);
        assertThat(flapped.clearSince()).isNull();
    }

    @Test
    void theDedupKeyNamesKindSubjectAndId() {
        assertThat(raised().withId(17).dedupKey()).isEqualTo("camfleet-site-offline-ams-17");
    }
}
