package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraTelemetry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: the local cache of the fleet (H2 by default). Every write is one transaction, and the "as of" time moves in
 * the same transaction as the data it describes, so the cache never claims to be newer than what it holds.
 */
public interface FleetCache {

    /** Replaces the whole fleet: sites and cameras upserted, those no longer in {@code fleet} removed. */
    void replaceFleet(FleetData fleet, Collection<HealthChange> changes, String source, Instant asOf);

    /** Records telemetry and health changes of a live update. {@code asOf} may be null to leave it as it is. */
    void update(Map<String, CameraTelemetry> telemetry, Collection<HealthChange> changes, Instant asOf);

    /** Each cached camera's current health and since when: what a reload continues from. */
    CachedHealth readHealth();

    /** Everything cached; an empty fleet when nothing was ever stored. */
    CachedFleet read();

    /** A camera's health history, newest first. */
    List<HealthInterval> history(String cameraId, int limit);

    /**
     * The versions rollouts reported, by camera id: unconfirmed ones, which the fleet marks until a sync confirms
     * them, and confirmed ones, kept for a source that simulates its cameras (the demo) and learns installs only here.
     */
    Map<String, ReportedVersion> reportedVersions();

    /** Stores a rollout's report, in place of the camera's earlier one. */
    void reportVersion(ReportedVersion report);

    /** Stores several reports, each in place of its camera's earlier one. */
    default void reportVersions(Collection<ReportedVersion> reports) {
        reports.forEach(this::reportVersion);
    }

    /** After a sync: stores the reports it confirmed, and forgets those it contradicted (by camera id). */
    void settleReports(Collection<ReportedVersion> confirmed, Collection<String> contradicted);
}
