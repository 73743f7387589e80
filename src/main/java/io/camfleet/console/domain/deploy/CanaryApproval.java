package io.camfleet.console.domain.deploy;

/** What happens once the canary wave has finished healthy. */
public enum CanaryApproval {
    /** The deployment pauses until an operator approves the rest. */
    PAUSE_FOR_APPROVAL,
    /** The deployment goes on by itself once the health gate passes. */
    CONTINUE_WHEN_HEALTHY
}
