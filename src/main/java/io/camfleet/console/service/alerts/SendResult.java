package io.camfleet.console.service.alerts;

import java.time.Duration;
import java.util.Objects;

/**
 * What one attempt at a route came to.
 *
 * @param status     the receiver's HTTP status, or 0 when it gave none (no connection, no answer in time)
 * @param retryAfter how long the receiver asked us to wait (HTTP 429 or 503 with Retry-After), or null
 * @param detail     one sentence for the operator, with no secret in it
 */
public record SendResult(Outcome outcome, int status, Duration retryAfter, String detail) {

    public enum Outcome {
        /** The receiver took it (2xx). */
        DELIVERED,
        /** It may take it later: no connection, no answer in time, 5xx, 408, 429. */
        RETRY,
        /** Sending it again cannot help: a bad request, a wrong key, a missing secret. */
        REFUSED
    }

    public SendResult {
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    public static SendResult delivered(int status, String detail) {
        return new SendResult(Outcome.DELIVERED, status, null, detail);
    }

    public static SendResult retry(int status, Duration retryAfter, String detail) {
        return new SendResult(Outcome.RETRY, status, retryAfter, detail);
    }

    public static SendResult refused(int status, String detail) {
        return new SendResult(Outcome.REFUSED, status, null, detail);
    }
}
