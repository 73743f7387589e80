package io.camfleet.console.service.audit;

import io.camfleet.console.domain.audit.AuditOutcome;

import java.util.Set;

/**
 * A filter on the audit trail.
 *
 * @param text     matched, case-insensitively, against actor, action, target and parameters
 * @param outcomes empty for any
 * @param limit    most recent events to return
 */
public record AuditQuery(String text, Set<AuditOutcome> outcomes, int limit) {

    public AuditQuery {
        text = text == null ? "" : text.strip();
        outcomes = Set.copyOf(outcomes);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public static AuditQuery latest(int limit) {
        return new AuditQuery("", Set.of(), limit);
    }
}
