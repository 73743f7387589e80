package io.camfleet.console.service;

import io.camfleet.console.domain.HealthState;

import java.time.Instant;

/** A stretch of time a camera spent in one state; {@code end} is null while it lasts. */
public record HealthInterval(String cameraId, HealthState state, Instant start, Instant end) {
}
