package io.camfleet.console.domain.deploy;

/**
 * Where one target (a camera system) of a deployment is. The transitions allowed are in {@link TargetTransitions}.
 *
 * <pre>
 * PENDING → WAITING_WINDOW → DISPATCHED → INSTALLING → VERIFYING → SUCCEEDED | FAILED | ROLLED_BACK
 *         ↘ SKIPPED (already at the version)            any live state ↘ UNKNOWN (contact lost)
 *         ↘ HELD_BACK (its site's error budget is below the plan's guard)
 * </pre>
 */
public enum TargetState {
    PENDING,
    WAITING_WINDOW,
    DISPATCHED,
    INSTALLING,
    VERIFYING,
    SUCCEEDED,
    FAILED,
    ROLLED_BACK,
    /** Already at the target version: nothing done, counts as a success. */
    SKIPPED,
    /** Contact lost after dispatch: must be re-probed before anything runs on it again. */
    UNKNOWN,
    /**
     * Never touched: its site had less error budget left this month than the plan's guard allows. Neither a success
     * nor a failure; the journal says why.
     */
    HELD_BACK;

    /** No further transition happens by itself (a retry or a rollback starts a new attempt). */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == ROLLED_BACK || this == SKIPPED || this == HELD_BACK;
    }

    /**
     * Something is happening on the host right now (dispatched, installing or verifying). A deployment cannot
     * stop while a target is under way; an {@link #UNKNOWN} target is not under way: nobody is watching it.
     */
    public boolean isUnderWay() {
        return this == DISPATCHED || this == INSTALLING || this == VERIFYING;
    }

    /** Nothing more will happen without an operator: final, or {@link #UNKNOWN} until a re-probe. */
    public boolean isSettled() {
        return isFinal() || this == UNKNOWN;
    }

    /** Counts towards the deployment's success. */
    public boolean isSuccess() {
        return this == SUCCEEDED || this == SKIPPED;
    }

    /** Counts towards the failure threshold: failed, rolled back, or unreachable. */
    public boolean isFailure() {
        return this == FAILED || this == ROLLED_BACK || this == UNKNOWN;
    }
}
