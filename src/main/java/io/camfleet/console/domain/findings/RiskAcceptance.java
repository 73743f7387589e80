package io.camfleet.console.domain.findings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A finding accepted as a risk, with why and until when. It holds through its last day (UTC) and expires by itself
 * at the next midnight: it is judged against the clock whenever findings are read, so no timer has to run.
 *
 * @param expiryRecorded whether the expiry has been written to the audit trail yet (it is written once)
 */
public record RiskAcceptance(String findingId, String reason, LocalDate until, String acceptedBy,
                             Instant acceptedAt, boolean expiryRecorded) {

    public RiskAcceptance {
        Objects.requireNonNull(findingId, "findingId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(acceptedBy, "acceptedBy");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    /** The first instant it no longer holds: midnight UTC after its last day. */
    public Instant expiresAt() {
        return until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean holdsAt(Instant now) {
        return now.isBefore(expiresAt());
    }
}
