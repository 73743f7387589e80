package io.camfleet.console.domain.deploy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static io.camfleet.console.domain.deploy.TargetState.DISPATCHED;
import static io.camfleet.console.domain.deploy.TargetState.FAILED;
import static io.camfleet.console.domain.deploy.TargetState.HELD_BACK;
import static io.camfleet.console.domain.deploy.TargetState.INSTALLING;
import static io.camfleet.console.domain.deploy.TargetState.PENDING;
import static io.camfleet.console.domain.deploy.TargetState.ROLLED_BACK;
import static io.camfleet.console.domain.deploy.TargetState.SKIPPED;
import static io.camfleet.console.domain.deploy.TargetState.SUCCEEDED;
import static io.camfleet.console.domain.deploy.TargetState.UNKNOWN;
import static io.camfleet.console.domain.deploy.TargetState.VERIFYING;
import static io.camfleet.console.domain.deploy.TargetState.WAITING_WINDOW;

/**
 * The transition function of one target. The whole table is here, so that a reader sees every legal move:
 *
 * <pre>
 * PENDING        WINDOW_CLOSED → WAITING_WINDOW   DISPATCH → DISPATCHED   ALREADY_AT_VERSION → SKIPPED
 *                HELD_BACK → HELD_BACK
 * WAITING_WINDOW DISPATCH → DISPATCHED            ALREADY_AT_VERSION → SKIPPED   HELD_BACK → HELD_BACK
 * DISPATCHED     INSTALL_STARTED → INSTALLING     ALREADY_AT_VERSION → SKIPPED   FAILED → FAILED   CONTACT_LOST → UNKNOWN
 * INSTALLING     INSTALLED → VERIFYING            FAILED → FAILED                CONTACT_LOST → UNKNOWN
 *                ALREADY_AT_VERSION → SKIPPED
 * VERIFYING      VERIFIED → SUCCEEDED             CHECK_FAILED → FAILED          CONTACT_LOST → UNKNOWN
 * UNKNOWN        REPROBED_AT_VERSION → VERIFYING  REPROBED_HEALTHY → SUCCEEDED   REPROBED_NOT_AT_VERSION → PENDING
 * FAILED         RETRY → PENDING                  ROLLED_BACK → ROLLED_BACK
 * </pre>
 *
 * SUCCEEDED, SKIPPED, HELD_BACK and ROLLED_BACK accept nothing: a new release is a new deployment. A camera found at the version
 * after a crash goes back to VERIFYING: its version marker proves the install, not its health.
 */
public final class TargetTransitions {

    private static final Map<TargetState, Map<TargetEvent, TargetState>> TABLE = table();

    private TargetTransitions() {
    }

    /**
     * Where {@code event} takes a target in state {@code from}.
     *
     * @throws IllegalStateException when the event cannot happen in that state
     */
    public static TargetState next(TargetState from, TargetEvent event) {
        return tryNext(from, event).orElseThrow(() -> new IllegalStateException(
                "A target in state " + from + " cannot take the event " + event + "."));
    }

    /** Where {@code event} takes a target in state {@code from}, or empty when it cannot happen there. */
    public static Optional<TargetState> tryNext(TargetState from, TargetEvent event) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(event));
    }

    private static Map<TargetState, Map<TargetEvent, TargetState>> table() {
        Map<TargetState, Map<TargetEvent, TargetState>> t = new EnumMap<>(TargetState.class);
        t.put(PENDING, Map.of(
                TargetEvent.WINDOW_CLOSED, WAITING_WINDOW,
                TargetEvent.DISPATCH, DISPATCHED,
                TargetEvent.ALREADY_AT_VERSION, SKIPPED,
                TargetEvent.HELD_BACK, HELD_BACK));
        t.put(WAITING_WINDOW, Map.of(
                TargetEvent.DISPATCH, DISPATCHED,
                TargetEvent.ALREADY_AT_VERSION, SKIPPED,
                TargetEvent.HELD_BACK, HELD_BACK));
        t.put(DISPATCHED, Map.of(
                TargetEvent.INSTALL_STARTED, INSTALLING,
                // the agent checks the version marker before installing
                TargetEvent.ALREADY_AT_VERSION, SKIPPED,
                TargetEvent.FAILED, FAILED,
                TargetEvent.CONTACT_LOST, UNKNOWN));
        t.put(INSTALLING, Map.of(
                TargetEvent.INSTALLED, VERIFYING,
                // SSM reports its one script running before the script's own version check tells it had nothing to do
                TargetEvent.ALREADY_AT_VERSION, SKIPPED,
                TargetEvent.FAILED, FAILED,
                TargetEvent.CONTACT_LOST, UNKNOWN));
        t.put(VERIFYING, Map.of(
                TargetEvent.VERIFIED, SUCCEEDED,
                TargetEvent.CHECK_FAILED, FAILED,
                TargetEvent.CONTACT_LOST, UNKNOWN));
        t.put(UNKNOWN, Map.of(
                TargetEvent.REPROBED_AT_VERSION, VERIFYING,
                TargetEvent.REPROBED_HEALTHY, SUCCEEDED,
                TargetEvent.REPROBED_NOT_AT_VERSION, PENDING));
        t.put(FAILED, Map.of(
                TargetEvent.RETRY, PENDING,
                TargetEvent.ROLLED_BACK, ROLLED_BACK));
        return Map.copyOf(t);
    }
}
