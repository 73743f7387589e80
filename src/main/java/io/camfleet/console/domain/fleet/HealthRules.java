package io.camfleet.console.domain.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one rule set that turns telemetry into a {@link HealthState}. Every threshold lives here; the README's
 * "Health rules" section documents the same list.
 *
 * <p>In order, first match wins:
 * <ol>
 *   <li>mode MAINTENANCE: MAINTENANCE (a camera taken out of service on purpose is not an outage);</li>
 *   <li>never heard from: UNKNOWN;</li>
 *   <li>mode UPDATING and heartbeat age at most {@code updateGrace}: UPDATING (installers reboot);</li>
 *   <li>heartbeat age greater than {@code missedHeartbeatsForOffline x heartbeatInterval}: OFFLINE;</li>
 *   <li>heartbeat age greater than one interval (one beat missed), disk at or above {@code diskDegradedPercent},
 *       temperature at or above {@code temperatureDegradedC}, or frames per minute below
 *       {@code minFramesPerMinute}: DEGRADED;</li>
 *   <li>otherwise ONLINE.</li>
 * </ol>
 * A heartbeat stamped in the future (clock skew) counts as age zero.
 */
public record HealthRules(
        Duration heartbeatInterval,
        int missedHeartbeatsForOffline,
        double diskDegradedPercent,
        double temperatureDegradedC,
        double minFramesPerMinute,
        Duration updateGrace) {

    /** Defaults: 45 s heartbeats, OFFLINE after two missed (more than 90 s of silence). */
    public static final HealthRules DEFAULT = new HealthRules(
            Duration.ofSeconds(45), 2, 90.0, 75.0, 1.0, Duration.ofMinutes(15));

    public HealthRules {
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(updateGrace, "updateGrace");
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive");
        }
        if (missedHeartbeatsForOffline < 1) {
            throw new IllegalArgumentException("missed heartbeats for offline must be at least 1");
        }
    }

    /** Silence longer than this means OFFLINE. */
    public Duration offlineAfter() {
        return heartbeatInterval.multipliedBy(missedHeartbeatsForOffline);
    }

    public HealthState evaluate(CameraTelemetry t, Instant now) {
        if (t.mode() == OperatingMode.MAINTENANCE) {
            return HealthState.MAINTENANCE;
        }
        if (t.lastHeartbeat() == null) {
            return HealthState.UNKNOWN;
        }
        long ageMillis = Math.max(0, now.toEpochMilli() - t.lastHeartbeat().toEpochMilli());
        if (t.mode() == OperatingMode.UPDATING && ageMillis <= updateGrace.toMillis()) {
            return HealthState.UPDATING;
        }
        // In millis, not offlineAfter(): Duration.multipliedBy goes through BigDecimal, and this runs for every
        // camera on every tick.
        if (ageMillis > heartbeatInterval.toMillis() * missedHeartbeatsForOffline) {
            return HealthState.OFFLINE;
        }
        if (ageMillis > heartbeatInterval.toMillis() || metricsOutOfBounds(t)) {
            return HealthState.DEGRADED;
        }
        return HealthState.ONLINE;
    }

    /**
     * When a camera entered {@code state}, as far as its telemetry tells: silence dates itself (OFFLINE from its last
     * heartbeat plus {@link #offlineAfter()}, DEGRADED by lateness alone from one interval after it); null when the
     * telemetry does not say (a metric out of bounds, a mode, a camera never heard from).
     */
    public Instant enteredAt(CameraTelemetry t, HealthState state) {
        Instant beat = t.lastHeartbeat();
        if (beat == null || t.mode() != OperatingMode.NORMAL) {
            return null;
        }
        return switch (state) {
            case OFFLINE -> beat.plus(offlineAfter());
            case DEGRADED -> metricsOutOfBounds(t) ? null : beat.plus(heartbeatInterval);
            default -> null;
        };
    }

    private boolean metricsOutOfBounds(CameraTelemetry t) {
        return (t.diskUsedPercent() != null && t.diskUsedPercent() >= diskDegradedPercent)
                || (t.temperatureC() != null && t.temperatureC() >= temperatureDegradedC)
                || (t.framesPerMinute() != null && t.framesPerMinute() < minFramesPerMinute);
    }
}
