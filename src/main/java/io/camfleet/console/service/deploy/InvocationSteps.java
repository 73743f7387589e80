package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.TargetEvent;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.deploy.WaveRunner.Outcome;

import java.util.ArrayList;
import java.util.List;

/**
 * The target transitions an invocation's outcome stands for. A wave's command runs every step on the camera by
 * itself, so an outcome seen at the end may stand for several steps at once: a success first seen while the target
 * is DISPATCHED is INSTALLING, VERIFYING, SUCCEEDED, journalled in that order.
 *
 * <pre>
 * QUEUED         nothing (the target stays DISPATCHED: the camera has not got the command)
 * RUNNING        INSTALLING
 * AT_VERSION     SKIPPED
 * SUCCEEDED      INSTALLING → VERIFYING → SUCCEEDED
 * NOT_INSTALLED  FAILED
 * INSTALL_FAILED INSTALLING → FAILED
 * CHECK_FAILED   INSTALLING → VERIFYING → FAILED
 * ROLLED_BACK    INSTALLING → VERIFYING → FAILED → ROLLED_BACK
 * INTERRUPTED    UNKNOWN
 * </pre>
 * Steps the target has already taken are left out.
 */
final class InvocationSteps {

    private InvocationSteps() {
    }

    /** The events that bring a target from {@code now} to where {@code outcome} says it is; empty when it is there. */
    static List<TargetEvent> events(TargetState now, Outcome outcome) {
        if (!now.isUnderWay()) {
            return List.of();
        }
        List<TargetEvent> events = new ArrayList<>();
        switch (outcome) {
            case QUEUED -> {
            }
            case RUNNING -> upTo(now, TargetState.INSTALLING, events);
            case AT_VERSION -> events.add(now == TargetState.VERIFYING ? TargetEvent.VERIFIED
                    : TargetEvent.ALREADY_AT_VERSION);
            case SUCCEEDED -> {
                upTo(now, TargetState.VERIFYING, events);
                events.add(TargetEvent.VERIFIED);
            }
            case NOT_INSTALLED -> events.add(now == TargetState.VERIFYING ? TargetEvent.CHECK_FAILED
                    : TargetEvent.FAILED);
            case INSTALL_FAILED -> {
                upTo(now, TargetState.INSTALLING, events);
                events.add(now == TargetState.VERIFYING ? TargetEvent.CHECK_FAILED : TargetEvent.FAILED);
            }
            case CHECK_FAILED -> {
                upTo(now, TargetState.VERIFYING, events);
                events.add(TargetEvent.CHECK_FAILED);
            }
            case ROLLED_BACK -> {
                upTo(now, TargetState.VERIFYING, events);
                events.add(TargetEvent.CHECK_FAILED);
                events.add(TargetEvent.ROLLED_BACK);
            }
            case INTERRUPTED -> events.add(TargetEvent.CONTACT_LOST);
        }
        return events;
    }

    /** The steps from {@code now} up to {@code step} (INSTALLING or VERIFYING), none when it is there already. */
    private static void upTo(TargetState now, TargetState step, List<TargetEvent> events) {
        if (now == TargetState.DISPATCHED) {
            events.add(TargetEvent.INSTALL_STARTED);
        }
        if (step == TargetState.VERIFYING && now != TargetState.VERIFYING) {
            events.add(TargetEvent.INSTALLED);
        }
    }
}
