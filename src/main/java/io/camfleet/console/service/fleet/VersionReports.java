package io.camfleet.console.service.fleet;

/**
 * Port: where a rollout says what it installed, so that the fleet shows a camera's new version at once instead of
 * after the next sync. The {@link FleetService} takes it.
 */
@FunctionalInterface
public interface VersionReports {

    /** Reports to nobody: for a process with no fleet to tell. */
    VersionReports NONE = (deploymentId, cameraId, version) -> { };

    /** Deployment {@code deploymentId} installed {@code version} on {@code cameraId}, and its health check passed. */
    void installed(String deploymentId, String cameraId, String version);
}
