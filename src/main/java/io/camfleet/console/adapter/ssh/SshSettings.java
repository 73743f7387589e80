package io.camfleet.console.adapter.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the console logs in over SSH.
 *
 * @param knownHosts     the known_hosts file host keys are checked against (and that accepted keys are added to)
 * @param keyFiles       private key files (OpenSSH, PEM or PuTTY format), tried in order
 * @param connectTimeout how long to wait for the TCP connection
 * @param authTimeout    how long key exchange and each authentication step may take
 */
public record SshSettings(Path knownHosts, List<Path> keyFiles, Duration connectTimeout, Duration authTimeout) {

    public SshSettings {
        Objects.requireNonNull(knownHosts, "knownHosts");
        keyFiles = List.copyOf(keyFiles);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(authTimeout, "authTimeout");
    }
}
