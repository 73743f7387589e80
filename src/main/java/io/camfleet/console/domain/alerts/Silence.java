package io.camfleet.console.domain.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's silence: alerts it covers are recorded and shown, but not delivered, until it ends.
 *
 * @param id     the store's id; 0 before it is stored
 * @param siteId the site it covers, or empty for every site
 * @param kind   the kind it covers, or null for every kind
 * @param until  when it ends
 * @param by     who set it
 * @param note   why
 */
public record Silence(long id, String siteId, AlertKind kind, Instant from, Instant until, String by, String note) {

    public Silence {
        siteId = siteId == null ? "" : siteId;
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        by = by == null ? "" : by;
        note = note == null ? "" : note;
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("A silence ends after it begins: " + from + " to " + until + ".");
        }
        if (siteId.isEmpty() && kind == null) {
            throw new IllegalArgumentException("A silence covers a site, a kind of alert, or both; not everything.");
        }
    }

    public Silence withId(long storedId) {
        return new Silence(storedId, siteId, kind, from, until, by, note);
    }

    /** Whether it covers an alert of {@code alertKind} at {@code alertSite} at {@code at}. */
    public boolean covers(AlertKind alertKind, String alertSite, Instant at) {
        return !at.isBefore(from) && at.isBefore(until)
                && (kind == null || kind == alertKind)
                && (siteId.isEmpty() || siteId.equals(alertSite));
    }
}
