package io.camfleet.console.domain.findings;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a risk acceptance must say: a reason, and an expiry in the future no further than a year away, so that every
 * accepted risk comes back to someone's desk.
 */
public final class AcceptanceRule {

    public static final int MAX_REASON = 1000;
    public static final int MAX_DAYS = 366;

    /** Why an acceptance is refused. */
    public enum Refusal { NO_REASON, REASON_TOO_LONG, NOT_IN_FUTURE, TOO_FAR }

    private AcceptanceRule() {
    }

    /** Empty if {@code reason} and {@code until} may be accepted on {@code today} (UTC). */
    public static Optional<Refusal> check(String reason, LocalDate until, LocalDate today) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(Refusal.NO_REASON);
        }
        if (reason.strip().length() > MAX_REASON) {
            return Optional.of(Refusal.REASON_TOO_LONG);
        }
        if (!until.isAfter(today)) {
            return Optional.of(Refusal.NOT_IN_FUTURE);
        }
        if (until.isAfter(today.plusDays(MAX_DAYS))) {
            return Optional.of(Refusal.TOO_FAR);
        }
        return Optional.empty();
    }
}
