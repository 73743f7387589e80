package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraTelemetry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A cache that keeps nothing, for tests and benchmarks that are about something else. */
public final class NoFleetCache implements FleetCache {

    @Override
    public void replaceFleet(FleetData fleet, Collection<HealthChange> changes, String source, Instant asOf) {
    }

    @Override
    public void update(Map<String, CameraTelemetry> telemetry, Collection<HealthChange> changes, Instant asOf) {
    }

    @Override
    public CachedHealth readHealth() {
        return new CachedHealth(Map.of(), Map.of());
    }

    @Override
    public CachedFleet read() {
        return new CachedFleet(new FleetData(List.of(), List.of(), Map.of()), Map.of(), Map.of(), "", null);
    }

    @Override
    public List<HealthInterval> history(String cameraId, int limit) {
        return List.of();
    }

    @Override
    public Map<String, ReportedVersion> reportedVersions() {
        return Map.of();
    }

    @Override
    public void reportVersion(ReportedVersion report) {
    }

    @Override
    public void settleReports(Collection<ReportedVersion> confirmed, Collection<String> contradicted) {
    }
}
