package io.camfleet.console.service.deploy;

import java.util.Objects;

/**
 * A camera host reached over SSH.
 *
 * @param cameraId the camera system this host serves
 * @param address  {@code host} or {@code host:port}
 * @param jumpHost the bastion to go through, {@code host} or {@code host:port}; empty for a direct connection
 * @param user     the login name on the host (and on the jump host)
 */
public record RemoteHost(String cameraId, String address, String jumpHost, String user) {

    public RemoteHost {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(address, "address");
        jumpHost = jumpHost == null ? "" : jumpHost;
        Objects.requireNonNull(user, "user");
    }

    public boolean hasJumpHost() {
        return !jumpHost.isBlank();
    }
}
