package io.camfleet.console.domain.deploy;

/** What can happen to a whole deployment. {@link DeploymentTransitions#next} says where each leads. */
public enum DeploymentEvent {
    /** An operator pauses: no new dispatches until resumed. */
    PAUSE,
    /** An operator resumes a paused deployment. */
    RESUME,
    /** The canary finished healthy and the strategy asks an operator to approve the rest. */
    CANARY_DONE_NEEDS_APPROVAL,
    /** An operator approves the rest of the rollout after the canary. */
    APPROVE,
    /** An operator aborts. */
    ABORT,
    /** The failures went over the {@link FailureThreshold}. */
    THRESHOLD_EXCEEDED,
    /** Nothing is left to do: no target under way (and, while running, none waiting either). */
    ALL_DONE
}
