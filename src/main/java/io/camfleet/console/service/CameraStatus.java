package io.camfleet.console.service;

import io.camfleet.console.domain.CameraSystem;
import io.camfleet.console.domain.CameraTelemetry;
import io.camfleet.console.domain.HealthState;

import java.time.Instant;

/** A camera system as the detail pane shows it: inventory, last telemetry, derived health and since when. */
public record CameraStatus(CameraSystem camera, CameraTelemetry telemetry, HealthState health, Instant healthSince) {
}
