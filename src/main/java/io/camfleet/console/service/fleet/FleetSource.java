package io.camfleet.console.service.fleet;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.domain.fleet.CameraTelemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: where the fleet comes from (the demo simulator, AWS, an imported registry).
 */
public interface FleetSource {

    /** A short name for the status bar, e.g. "Demo fleet". */
    String name();

    /**
     * True when {@link #load} is quick and needs no network (the demo, a file): the console then goes straight to
     * the source instead of first showing what the cache holds.
     */
    default boolean isLocal() {
        return false;
    }

    /** Reads the whole fleet. May be slow; reports progress and honours cancellation. */
    FleetData load(Instant now, Progress progress);

    /**
     * Telemetry that changed since the last call, by camera id. Only live sources return anything; they say how often
     * to ask through {@link #pollInterval()}.
     */
    default Map<String, CameraTelemetry> poll(Instant now) {
        return Map.of();
    }

    /**
     * For a source that writes the cache itself as it reads (an AWS sync, page by page): the cache's "as of" after
     * its last load. Empty for sources whose data the {@link FleetService} stores.
     */
    default Optional<Instant> storedAsOf() {
        return Optional.empty();
    }

    /** What the last load cost in calls, part by part; empty for sources that make none (the demo, a file). */
    default List<SourceCalls> calls() {
        return List.of();
    }

    /** What went wrong in the last load without failing it, e.g. one environment of several out of reach. */
    default List<Problem> problems() {
        return List.of();
    }

    /**
     * What rollouts installed, by camera id, before a load and as they report it. A source that simulates its cameras
     * (the demo) takes it as what they run now; a real one learns versions from its cameras and passes over it.
     */
    default void installed(Map<String, String> versionByCamera) {
    }

    /** How often {@link #poll} is worth calling; zero for sources without a live feed. */
    default Duration pollInterval() {
        return Duration.ZERO;
    }
}
