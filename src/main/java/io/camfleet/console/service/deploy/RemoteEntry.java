package io.camfleet.console.service.deploy;

import java.time.Instant;

/**
 * One entry of a remote folder, as SFTP lists it.
 *
 * @param name      the entry's name in its folder
 * @param size      in bytes (0 for a folder)
 * @param folder    a folder, which a walk may enter; a symbolic link is never one
 * @param regular   a regular file, which can be copied; neither for a link, device or socket
 * @param modified  its last modification
 */
public record RemoteEntry(String name, long size, boolean folder, boolean regular, Instant modified) {
}
