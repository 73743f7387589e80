package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.HealthState;

import java.time.Instant;

/** A stretch of time a camera spent in one state; {@code end} is null while it lasts. */
public record HealthInterval(String cameraId, HealthState state, Instant start, Instant end) {
}
