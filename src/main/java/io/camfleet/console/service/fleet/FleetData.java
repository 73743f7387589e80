package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;

import java.util.List;
import java.util.Map;

/** A whole fleet as a source delivers it: inventory plus the latest telemetry per camera id. */
public record FleetData(List<Site> sites, List<CameraSystem> cameras, Map<String, CameraTelemetry> telemetry) {

    public FleetData {
        sites = List.copyOf(sites);
        cameras = List.copyOf(cameras);
        telemetry = Map.copyOf(telemetry);
    }

    public CameraTelemetry telemetryOf(String cameraId) {
        return telemetry.getOrDefault(cameraId, CameraTelemetry.NEVER_SEEN);
    }
}
