package io.camfleet.console.service.diagnostics;

import io.camfleet.console.service.deploy.RemoteHost;

/**
 * Port: opens the operator's own terminal with {@code ssh} to a camera, through its jump host when it has one. The
 * console embeds no terminal: the operator's ssh, keys, agent and known_hosts do the rest.
 */
public interface TerminalOpener {

    /**
     * Starts the terminal and returns without waiting for it.
     *
     * @throws io.camfleet.console.service.common.Problem (BAD_INPUT) for an address that cannot be used ({@code
     *         ssh.address.bad}, {@code terminal.badUser}); {@code terminal.none} naming what to install or set when
     *         no terminal is found; {@code terminal.failed} when it cannot be started
     */
    void open(RemoteHost host);
}
