package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fleet cache in memory, for service tests. */
final class InMemoryFleetCache implements FleetCache {

    FleetData fleet = new FleetData(List.of(), List.of(), Map.of());
    final Map<String, HealthState> health = new HashMap<>();
    final Map<String, Instant> since = new HashMap<>();
    final List<HealthChange> changes = new ArrayList<>();
    final Map<String, CameraTelemetry> telemetryWrites = new HashMap<>();
    String source = "";
    Instant asOf;
    /** When set, the next replaceFleet fails with it, writing nothing (a full disk, say). */
    RuntimeException failNextReplace;

    @Override
    public void replaceFleet(FleetData data, Collection<HealthChange> c, String source, Instant asOf) {
        if (failNextReplace != null) {
            RuntimeException e = failNextReplace;
            failNextReplace = null;
            throw e;
        }
        this.fleet = data;
        record(c);
        this.source = source;
        this.asOf = asOf;
    }

    @Override
    public void update(Map<String, CameraTelemetry> telemetry, Collection<HealthChange> c, Instant asOf) {
        telemetryWrites.putAll(telemetry);
        Map<String, CameraTelemetry> merged = new HashMap<>(fleet.telemetry());
        merged.putAll(telemetry);
        fleet = new FleetData(fleet.sites(), fleet.cameras(), merged);
        record(c);
        if (asOf != null) {
            this.asOf = asOf;
        }
    }

    private void record(Collection<HealthChange> c) {
        changes.addAll(c);
        for (HealthChange h : c) {
            health.put(h.cameraId(), h.to());
            since.put(h.cameraId(), h.at());
        }
    }

    int fullReads;

    @Override
    public CachedHealth readHealth() {
        return new CachedHealth(Map.copyOf(health), Map.copyOf(since));
    }

    @Override
    public CachedFleet read() {
        fullReads++;
        return new CachedFleet(fleet, Map.copyOf(health), Map.copyOf(since), source, asOf);
    }

    @Override
    public List<HealthInterval> history(String cameraId, int limit) {
        return List.of();
    }

    final Map<String, ReportedVersion> reported = new HashMap<>();

    @Override
    public Map<String, ReportedVersion> reportedVersions() {
        return Map.copyOf(reported);
    }

    @Override
    public void reportVersion(ReportedVersion report) {
        reported.put(report.cameraId(), report);
    }

    @Override
    public void settleReports(Collection<ReportedVersion> confirmed, Collection<String> contradicted) {
        confirmed.forEach(r -> reported.put(r.cameraId(), r));
        contradicted.forEach(reported::remove);
    }
}
