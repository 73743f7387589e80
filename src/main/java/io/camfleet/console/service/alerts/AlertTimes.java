package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When one alert was raised, acknowledged and resolved: what alert volume and time to acknowledge are counted from.
 *
 * @param acknowledgedAt null when nobody acknowledged it
 * @param resolvedAt     null while it is open
 */
public record AlertTimes(AlertKind kind, AlertSeverity severity, Instant raisedAt, Instant acknowledgedAt,
                         Instant resolvedAt) {

    /** From raised to acknowledged; empty when never acknowledged. */
    public Optional<Duration> timeToAcknowledge() {
        return acknowledgedAt == null ? Optional.empty() : Optional.of(Duration.between(raisedAt, acknowledgedAt));
    }
}
