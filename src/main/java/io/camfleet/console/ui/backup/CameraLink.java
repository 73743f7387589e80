package io.camfleet.console.ui.backup;

import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.Target;

/**
 * How the backups window reaches a camera, as the main window's executor reaches cameras (the demo's hosts, SSH):
 * handed in by the composition root, which knows the fleet and the settings. Each method may throw a
 * {@link io.camfleet.console.service.common.Problem} (a camera not in the fleet, an executor that copies no files),
 * which the window shows as its sentence.
 */
public interface CameraLink {

    /** The camera as the fleet knows it: its address and jump host. */
    Target target(String cameraId);

    /** What opens sessions to the cameras. */
    HostConnector connector();

    /** The login on the cameras. */
    String sshUser();
}
