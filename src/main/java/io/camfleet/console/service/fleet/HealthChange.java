package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.HealthState;

import java.time.Instant;

/** A camera moved from one health state to another ({@code from} is null the first time it is judged). */
public record HealthChange(String cameraId, HealthState from, HealthState to, Instant at) {
}
