package io.camfleet.console.domain.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One alert and its life so far: raised, perhaps acknowledged, perhaps resolved, each step with its time, who and
 * the note. Immutable: each step returns the alert after it, by {@link AlertTransitions}.
 *
 * @param id                    the store's id; 0 before it is stored
 * @param subject               what it is about: a site id, camera id, deployment id or source name
 * @param siteId                the site to open on the map, or empty
 * @param summary               one sentence in the operator's words
 * @param flaps                 how often the condition cleared and came back before the alert could resolve
 * @param clearSince            since when the condition has been clear (the alert resolves once that lasts); null
 *                              while it holds
 * @param silenced              raised inside a silence or the site's maintenance window: recorded, not delivered
 * @param resolvedAutomatically resolved by the console because the condition stayed clear, not by a person
 */
public record Alert(long id, AlertKind kind, AlertSeverity severity, String subject, String siteId, String summary,
                    AlertStatus status, Instant raisedAt,
                    Instant acknowledgedAt, String acknowledgedBy, String acknowledgedNote,
                    Instant resolvedAt, String resolvedBy, String resolvedNote, boolean resolvedAutomatically,
                    int flaps, Instant clearSince, boolean silenced) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(raisedAt, "raisedAt");
        subject = subject == null ? "" : subject;
        siteId = siteId == null ? "" : siteId;
        summary = summary == null ? "" : summary;
        acknowledgedBy = acknowledgedBy == null ? "" : acknowledgedBy;
        acknowledgedNote = acknowledgedNote == null ? "" : acknowledgedNote;
        resolvedBy = resolvedBy == null ? "" : resolvedBy;
        resolvedNote = resolvedNote == null ? "" : resolvedNote;
    }

    /** A new alert, not yet stored. */
    public static Alert raise(AlertKind kind, AlertSeverity severity, String subject, String siteId, String summary,
                              Instant at, boolean silenced) {
        AlertTransitions.next(null, AlertStep.RAISE);
        return new Alert(0, kind, severity, subject, siteId, summary, AlertStatus.RAISED, at, null, "", "", null, "",
                "", false, 0, null, silenced);
    }

    /** The same alert, stored under {@code id}. */
    public Alert withId(long storedId) {
        return new Alert(storedId, kind, severity, subject, siteId, summary, status, raisedAt, acknowledgedAt,
                acknowledgedBy, acknowledgedNote, resolvedAt, resolvedBy, resolvedNote, resolvedAutomatically, flaps,
                clearSince, silenced);
    }

    public boolean isOpen() {
        return status != AlertStatus.RESOLVED;
    }

    /** Open and nobody has taken it on: what the navigation badge counts. */
    public boolean needsSomeone() {
        return status == AlertStatus.RAISED;
    }

    /** Someone takes it on. @throws AlertTransitions.Refused when it is already acknowledged or resolved */
    public Alert acknowledge(String by, String note, Instant at) {
        AlertStatus next = AlertTransitions.next(status, AlertStep.ACKNOWLEDGE);
        return new Alert(id, kind, severity, subject, siteId, summary, next, raisedAt, at, by, note, resolvedAt,
                resolvedBy, resolvedNote, resolvedAutomatically, flaps, clearSince, silenced);
    }

    /** Resolved by a person. @throws AlertTransitions.Refused when it is already resolved */
    public Alert resolve(String by, String note, Instant at) {
        AlertStatus next = AlertTransitions.next(status, AlertStep.RESOLVE);
        return new Alert(id, kind, severity, subject, siteId, summary, next, raisedAt, acknowledgedAt,
                acknowledgedBy, acknowledgedNote, at, by, note, false, flaps, clearSince, silenced);
    }

    /** Resolved by the console: the condition stayed clear for the hysteresis. */
    public Alert resolveAutomatically(Instant at) {
        AlertStatus next = AlertTransitions.next(status, AlertStep.RESOLVE);
        return new Alert(id, kind, severity, subject, siteId, summary, next, raisedAt, acknowledgedAt,
                acknowledgedBy, acknowledgedNote, at, "", "", true, flaps, clearSince, silenced);
    }

    /** The condition cleared at {@code at}: the alert waits for it to stay clear before resolving. */
    public Alert clearing(Instant at) {
        return new Alert(id, kind, severity, subject, siteId, summary, status, raisedAt, acknowledgedAt,
                acknowledgedBy, acknowledgedNote, resolvedAt, resolvedBy, resolvedNote, resolvedAutomatically, flaps,
                at, silenced);
    }

    /** The condition came back before the alert resolved: the same alert goes on, one flap more. */
    public Alert reopen() {
        AlertStatus next = AlertTransitions.next(status, AlertStep.REOPEN);
        return new Alert(id, kind, severity, subject, siteId, summary, next, raisedAt, acknowledgedAt,
                acknowledgedBy, acknowledgedNote, resolvedAt, resolvedBy, resolvedNote, resolvedAutomatically,
                flaps + 1, null, silenced);
    }

    /** The silence it was raised in is over while it is still open: from now on it is delivered. */
    public Alert unsilenced() {
        return new Alert(id, kind, severity, subject, siteId, summary, status, raisedAt, acknowledgedAt,
                acknowledgedBy, acknowledgedNote, resolvedAt, resolvedBy, resolvedNote, resolvedAutomatically, flaps,
                clearSince, false);
    }

    /** Whether the condition has been clear for {@code hysteresis} at {@code now}, so the alert may resolve. */
    public boolean clearFor(Duration hysteresis, Instant now) {
        return clearSince != null && !now.isBefore(clearSince.plus(hysteresis));
    }

    /** Kind and subject: one open alert per key; a condition that comes back finds its alert by it. */
    public String key() {
        return key(kind, subject);
    }

    public static String key(AlertKind kind, String subject) {
        return kind.name() + "/" + subject;
    }

    /** PagerDuty's dedup_key: stable for the alert's whole life. */
    public String dedupKey() {
        return "camfleet-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + subject + "-"
                + id;
    }
}
