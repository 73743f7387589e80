package io.camfleet.console.domain.deploy;

import java.util.Collection;

import static io.camfleet.console.domain.deploy.DeploymentState.ABORTED;
import static io.camfleet.console.domain.deploy.DeploymentState.ABORTING;
import static io.camfleet.console.domain.deploy.DeploymentState.FAILED;
import static io.camfleet.console.domain.deploy.DeploymentState.FAILING;
import static io.camfleet.console.domain.deploy.DeploymentState.PAUSED;
import static io.camfleet.console.domain.deploy.DeploymentState.RUNNING;
import static io.camfleet.console.domain.deploy.DeploymentState.SUCCEEDED;

/**
 * The transition function of a deployment:
 *
 * <pre>
 * RUNNING  PAUSE → PAUSED   CANARY_DONE_NEEDS_APPROVAL → PAUSED   ABORT → ABORTING   THRESHOLD_EXCEEDED → FAILING
 *          ALL_DONE → SUCCEEDED or FAILED (every target settled; see below)
 * PAUSED   RESUME → RUNNING   APPROVE → RUNNING   ABORT → ABORTING   THRESHOLD_EXCEEDED → FAILING
 *          ALL_DONE → SUCCEEDED or FAILED (every target settled; see below)
 * ABORTING ABORT, THRESHOLD_EXCEEDED → ABORTING (already stopping; the operator's abort stays the reason)
 *          ALL_DONE → ABORTED (no target under way)
 * FAILING  ABORT, THRESHOLD_EXCEEDED → FAILING (already stopping)
 *          ALL_DONE → FAILED (no target under way)
 * </pre>
 *
 * A deployment that ends by itself SUCCEEDED when no target failed or at least one succeeded (or was already at the
 * version); when every target failed it FAILED, whatever the threshold tolerated: a 100% threshold lets a rollout go
 * on past failures, it never makes a rollout that reached no camera a success. The final states accept nothing. {@code ALL_DONE} is checked against the targets' states, so a deployment can
 * never be ABORTED, FAILED or SUCCEEDED while a target is still dispatched, installing or verifying.
 */
public final class DeploymentTransitions {

    private DeploymentTransitions() {
    }

    /**
     * Where {@code event} takes a deployment in state {@code from}, given its targets' current states.
     *
     * @throws IllegalStateException when the event cannot happen in that state, or {@code ALL_DONE} comes while
     *                               a target is under way (or, while running or paused, one has not settled)
     */
    public static DeploymentState next(DeploymentState from, DeploymentEvent event,
                                       Collection<TargetState> targets) {
        DeploymentState to = switch (from) {
            case RUNNING -> switch (event) {
                case PAUSE, CANARY_DONE_NEEDS_APPROVAL -> PAUSED;
                case ABORT -> ABORTING;
                case THRESHOLD_EXCEEDED -> FAILING;
                case ALL_DONE -> ended(targets);
                default -> null;
            };
            case PAUSED -> switch (event) {
                case RESUME, APPROVE -> RUNNING;
                case ABORT -> ABORTING;
                case THRESHOLD_EXCEEDED -> FAILING;
                case ALL_DONE -> ended(targets);
                default -> null;
            };
            case ABORTING -> switch (event) {
                case ABORT, THRESHOLD_EXCEEDED -> ABORTING;
                case ALL_DONE -> ABORTED;
                default -> null;
            };
            case FAILING -> switch (event) {
                case ABORT, THRESHOLD_EXCEEDED -> FAILING;
                case ALL_DONE -> FAILED;
                default -> null;
            };
            case ABORTED, FAILED, SUCCEEDED -> null;
        };
        if (to == null) {
            throw new IllegalStateException("A deployment in state " + from + " cannot take the event " + event + ".");
        }
        if (event == DeploymentEvent.ALL_DONE) {
            long underWay = targets.stream().filter(TargetState::isUnderWay).count();
            if (underWay > 0) {
                throw new IllegalStateException("A deployment in state " + from + " cannot take the event ALL_DONE: "
                        + underWay + " target(s) still under way.");
            }
            long unsettled = targets.stream().filter(t -> !t.isSettled()).count();
            if (!from.isStopping() && unsettled > 0) {
                throw new IllegalStateException("A deployment in state " + from + " cannot take the event ALL_DONE: "
                        + unsettled + " target(s) not yet settled.");
            }
        }
        return to;
    }

    private static DeploymentState ended(Collection<TargetState> targets) {
        boolean anyFailed = targets.stream().anyMatch(TargetState::isFailure);
        boolean anySucceeded = targets.stream().anyMatch(TargetState::isSuccess);
        return !anyFailed || anySucceeded ? SUCCEEDED : FAILED;
    }
}
