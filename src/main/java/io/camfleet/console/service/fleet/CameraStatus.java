package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;

import java.time.Instant;

/**
 * A camera system as the detail pane shows it: inventory, last telemetry, derived health and since when.
 *
 * @param reported the rollout's report its version comes from, until a sync confirms it; null otherwise
 */
public record CameraStatus(CameraSystem camera, CameraTelemetry telemetry, HealthState health, Instant healthSince,
                           ReportedVersion reported) {

    public CameraStatus(CameraSystem camera, CameraTelemetry telemetry, HealthState health, Instant healthSince) {
        this(camera, telemetry, health, healthSince, null);
    }
}
