package io.camfleet.console.service;

import io.camfleet.console.domain.CameraSystem;
import io.camfleet.console.domain.CameraTelemetry;
import io.camfleet.console.domain.Site;

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
