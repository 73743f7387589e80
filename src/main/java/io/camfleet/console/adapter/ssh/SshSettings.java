package io.camfleet.console.adapter.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the console logs in over SSH. Keys the ssh-agent holds are tried first, then the key files, as OpenSSH does.
 *
 * @param knownHosts     the known_hosts file host keys are checked against (and that accepted keys are added to)
 * @param keyFiles       private key files (OpenSSH, PEM or PuTTY format), tried in order
 * @param agentSocket    the ssh-agent's socket, whose keys are tried first; null to use no agent
 * @param connectTimeout how long to wait for the TCP connection
 * @param authTimeout    how long key exchange and each authentication step may take (an agent's answer included)
 */
public record SshSettings(Path knownHosts, List<Path> keyFiles, Path agentSocket, Duration connectTimeout,
                          Duration authTimeout) {

    /** Where OpenSSH's tools find the agent. */
    public static final String AGENT_ENV = "SSH_AUTH_SOCK";

    public SshSettings {
        Objects.requireNonNull(knownHosts, "knownHosts");
        keyFiles = List.copyOf(keyFiles);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(authTimeout, "authTimeout");
    }

    /** Key files only, no agent. */
    public SshSettings(Path knownHosts, List<Path> keyFiles, Duration connectTimeout, Duration authTimeout) {
        this(knownHosts, keyFiles, null, connectTimeout, authTimeout);
    }

    /**
     * The agent's socket as {@code SSH_AUTH_SOCK} names it in {@code env}, or null when it is not set: then, as with
     * OpenSSH, there is no agent to ask.
     */
    public static Path agentSocket(Map<String, String> env) {
        String socket = env.get(AGENT_ENV);
        return socket == null || socket.isBlank() ? null : Path.of(socket);
    }
}
