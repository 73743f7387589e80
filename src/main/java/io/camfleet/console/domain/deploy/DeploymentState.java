package io.camfleet.console.domain.deploy;

/**
 * Where a whole deployment is. The transitions allowed are in {@link DeploymentTransitions}.
 *
 * <p>A deployment that has stopped dispatching but still has targets under way is {@link #ABORTING} or
 * {@link #FAILING}, never one of the final states: the transition function refuses to finish while a target runs,
 * so "stopped" cannot be shown for a cancel still under way.
 */
public enum DeploymentState {
    RUNNING,
    /** Waiting for an operator: after the canary, or paused by hand. Running targets finish. */
    PAUSED,
    /** Abort requested: no new dispatches; targets under way finish and keep their results. */
    ABORTING,
    ABORTED,
    /** The failure threshold was exceeded: no new dispatches; targets under way finish and keep their results. */
    FAILING,
    /** The failure threshold was exceeded: no new dispatches. */
    FAILED,
    SUCCEEDED;

    public boolean isFinal() {
        return this == ABORTED || this == FAILED || this == SUCCEEDED;
    }

    /** New targets may be dispatched only while running. */
    public boolean dispatchesNewTargets() {
        return this == RUNNING;
    }

    /** No new dispatches and waiting for the targets under way to finish. */
    public boolean isStopping() {
        return this == ABORTING || this == FAILING;
    }
}
