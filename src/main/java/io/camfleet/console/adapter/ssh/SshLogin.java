package io.camfleet.console.adapter.ssh;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.RemoteHost;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The OpenSSH command line that logs in to a camera, {@code ssh [-J user@jump] [-p port] -- user@host}, as a list of
 * arguments for a terminal to run: never one string a shell would read. Addresses are parsed as the connector parses
 * them ({@link HostAddress}), so that nothing starting with {@code -} can pass for a host and become an option.
 */
public final class SshLogin {

    /** A login name as useradd takes it; never starting with '-', never holding '@' or a space. */
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");

    private SshLogin() {
    }

    /**
     * @throws Problem (BAD_INPUT) {@code ssh.address.bad} / {@code ssh.address.empty} for the host's or the jump
     *                 host's address, {@code terminal.badUser} for the login name
     */
    public static List<String> argv(RemoteHost host) {
        if (!USER.matcher(host.user()).matches()) {
            throw Problem.badInput("terminal.badUser", host.user());
        }
        HostAddress target = HostAddress.parse(host.address());
        List<String> argv = new ArrayList<>(List.of("ssh"));
        if (host.hasJumpHost()) {
            HostAddress jump = HostAddress.parse(host.jumpHost());
            String name = jump.host().contains(":") ? "[" + jump.host() + "]" : jump.host();
            argv.addAll(List.of("-J", host.user() + "@" + name
                    + (jump.port() == HostAddress.SSH_PORT ? "" : ":" + jump.port())));
        }
        if (target.port() != HostAddress.SSH_PORT) {
            argv.addAll(List.of("-p", Integer.toString(target.port())));
        }
        argv.addAll(List.of("--", host.user() + "@" + target.host()));
        return List.copyOf(argv);
    }
}
