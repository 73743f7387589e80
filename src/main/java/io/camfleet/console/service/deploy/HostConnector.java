package io.camfleet.console.service.deploy;

import java.util.Optional;

/**
 * Opens sessions to camera hosts. Host keys are checked strictly: an unknown host or a changed key is refused with
 * {@link HostKeyRejected}, and only {@link #trust} (an operator's explicit decision, audited by the caller) makes the
 * connector accept that key.
 */
public interface HostConnector {

    /**
     * Connects and authenticates, through the jump host if the host has one.
     *
     * @throws HostKeyRejected                    the host's (or the jump host's) key is not the known one
     * @throws io.camfleet.console.service.common.Problem {@code ssh.unreachable} or {@code ssh.authFailed}
     */
    HostSession open(RemoteHost host);

    /** Records the rejected key as the host's known key, replacing any other key of that host. */
    void trust(HostKeyRejected rejected);

    /**
     * Why {@link #open} could not even try this host (no address, or one that cannot be read: one sentence), or
     * empty when it can. Nothing is dialled to find out.
     */
    default Optional<String> cannotReach(RemoteHost host) {
        return Optional.empty();
    }
}
