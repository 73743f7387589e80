package io.camfleet.console.domain.audit;

/** How an audited action went. STARTED is written before the action, one of the others after it. */
public enum AuditOutcome {
    STARTED,
    SUCCEEDED,
    FAILED,
    CANCELLED
}
