package io.camfleet.console.service.fleet;

import java.time.Instant;
import java.util.Objects;

/**
 * A version a rollout installed on a camera, shown in the fleet before a sync confirms it.
 *
 * @param deploymentId the deployment that reported it
 * @param confirmedAt  when a sync first reported the same version; null while only the rollout says so
 */
public record ReportedVersion(String cameraId, String version, String deploymentId, Instant reportedAt,
                              Instant confirmedAt) {

    public ReportedVersion {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }

    /** Only the rollout says so yet: the fleet marks the version until a sync confirms it. */
    public boolean unconfirmed() {
        return confirmedAt == null;
    }

    ReportedVersion confirmed(Instant at) {
        return new ReportedVersion(cameraId, version, deploymentId, reportedAt, at);
    }
}
