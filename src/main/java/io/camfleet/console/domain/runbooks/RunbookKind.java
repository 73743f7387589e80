package io.camfleet.console.domain.runbooks;

/** A runbook that only looks, or one that changes the camera (asked for confirmation and audited when run). */
public enum RunbookKind {
    DIAGNOSTIC,
    REMEDIATION;

    public boolean needsConfirmation() {
        return this == REMEDIATION;
    }
}
