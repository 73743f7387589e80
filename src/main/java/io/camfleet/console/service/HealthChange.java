package io.camfleet.console.service;

import io.camfleet.console.domain.HealthState;

import java.time.Instant;

/** A camera moved from one health state to another ({@code from} is null the first time it is judged). */
public record HealthChange(String cameraId, HealthState from, HealthState to, Instant at) {
}
