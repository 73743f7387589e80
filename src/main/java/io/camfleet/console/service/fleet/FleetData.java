package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A whole fleet as a source delivers it: inventory plus the latest telemetry per camera id.
 *
 * @param since when each camera entered the condition it is in, by camera id, where the source knows (the demo's
 *              simulation does); empty when it does not
 */
public record FleetData(List<Site> sites, List<CameraSystem> cameras, Map<String, CameraTelemetry> telemetry,
                        Map<String, Instant> since) {

    public FleetData {
        sites = List.copyOf(sites);
        cameras = List.copyOf(cameras);
        telemetry = Map.copyOf(telemetry);
        since = Map.copyOf(since);
    }

    public FleetData(List<Site> sites, List<CameraSystem> cameras, Map<String, CameraTelemetry> telemetry) {
        this(sites, cameras, telemetry, Map.of());
    }

    public CameraTelemetry telemetryOf(String cameraId) {
        return telemetry.getOrDefault(cameraId, CameraTelemetry.NEVER_SEEN);
    }
}
