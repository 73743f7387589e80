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

    /** Several cameras at once, by camera id (what one poll of a wave's command reported): one camera at a time here. */
    default void installed(String deploymentId, java.util.Map<String, String> versionByCamera) {
        versionByCamera.forEach((camera, version) -> installed(deploymentId, camera, version));
    }
}
