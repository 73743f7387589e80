package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: the alerts raised in the past, with the steps of their life, as the alert store keeps them. What the KPIs
 * count alert volume, time to acknowledge and time to restore from; the alert store implements it. Until one is
 * registered the dashboard and {@code camfleet kpi} say there is no incident data rather than show zeros.
 */
public interface IncidentHistory {

    /** Every alert raised from {@code from} (inclusive) to {@code to} (exclusive), oldest first, as it stands now. */
    List<PastAlert> raisedBetween(Instant from, Instant to);

    /**
     * One alert and its life so far.
     *
     * @param acknowledgedAt when someone acknowledged it; null while nobody has
     * @param resolvedAt     when it was resolved (by itself or by hand); null while it is still open
     */
    record PastAlert(AlertKind kind, AlertSeverity severity, Instant raisedAt, Instant acknowledgedAt,
                     Instant resolvedAt) {

        public PastAlert {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(raisedAt, "raisedAt");
        }

        public Optional<Duration> timeToAcknowledge() {
            return acknowledgedAt == null ? Optional.empty() : Optional.of(Duration.between(raisedAt, acknowledgedAt));
        }

        public Optional<Duration> timeToResolve() {
            return resolvedAt == null ? Optional.empty() : Optional.of(Duration.between(raisedAt, resolvedAt));
        }
    }
}
