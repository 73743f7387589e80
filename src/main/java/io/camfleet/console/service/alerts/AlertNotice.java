package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of an alert's life, as it is sent out of the console (webhook, Slack, PagerDuty) and shown on the desktop.
 *
 * @param alertId  the alert's id in the store
 * @param dedupKey stable for the alert's whole life (PagerDuty's dedup_key): {@code camfleet-<kind>-<subject>-<id>}
 * @param subject  what it is about: a site id, camera id, deployment id, or source name
 * @param siteId   the site to open on the map, or empty
 * @param summary  one sentence in the operator's words ("Site Lisbon Docks is dark: 8 of 8 cameras offline for 6 min")
 * @param status   the step: RAISED, ACKNOWLEDGED or RESOLVED
 * @param at       when the step happened
 * @param by       who took the step (an operator, or empty when the console did)
 * @param note     the note given with an acknowledgement or a manual resolve, or empty
 */
public record AlertNotice(long alertId, String dedupKey, AlertKind kind, AlertSeverity severity, String subject,
                          String siteId, String summary, AlertStatus status, Instant at, String by, String note) {

    public AlertNotice {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        subject = subject == null ? "" : subject;
        siteId = siteId == null ? "" : siteId;
        summary = summary == null ? "" : summary;
        by = by == null ? "" : by;
        note = note == null ? "" : note;
    }
}
