package io.camfleet.console.domain.deploy;

/** Where a whole deployment is. The transitions allowed are in {@link DeploymentTransitions}. */
public enum DeploymentState {
    RUNNING,
    /** Waiting for an operator: after the canary, or paused by hand. Running targets finish. */
    PAUSED,
    /** Abort requested: no new dispatches; targets under way finish and keep their results. */
    ABORTING,
    ABORTED,
    /** The failure threshold was exceeded: no new dispatches. */
    FAILED,
    SUCCEEDED;

    public boolean isFinal() {
        return this == ABORTED || this == FAILED || this == SUCCEEDED;
    }
}
