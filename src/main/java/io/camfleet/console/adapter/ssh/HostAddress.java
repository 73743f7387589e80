package io.camfleet.console.adapter.ssh;

import io.camfleet.console.service.common.Problem;

import java.util.regex.Pattern;

/** A host name and port parsed from {@code host}, {@code host:port} or {@code [v6-address]:port}. */
public record HostAddress(String host, int port) {

    static final int SSH_PORT = 22;
    /** A DNS name or an IPv4 address; an IPv6 address (with an optional zone) when it has colons. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]{0,252})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9_.-]{1,32})?");

    /**
     * Parses an SSH address as the fleet gives it.
     *
     * @throws Problem (BAD_INPUT) naming the address and what is wrong with it: an empty address is never taken for
     *                 this machine, and a port that is not a number from 1 to 65535 never dials anything
     */
    public static HostAddress parse(String address) {
        String a = address == null ? "" : address.strip();
        if (a.isEmpty()) {
            throw Problem.badInput("ssh.address.empty");
        }
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0) {
                throw bad(a, "the ']' closing the IPv6 address is missing");
            }
            String host = a.substring(1, close);
            if (!IPV6.matcher(host).matches() || !host.contains(":")) {
                throw bad(a, "'" + host + "' is not an IPv6 address");
            }
            String rest = a.substring(close + 1);
            if (rest.isEmpty()) {
                return new HostAddress(host, SSH_PORT);
            }
            if (!rest.startsWith(":")) {
                throw bad(a, "only ':port' may follow the ']'");
            }
            return new HostAddress(host, port(a, rest.substring(1)));
        }
        int colon = a.indexOf(':');
        if (colon < 0) {
            return new HostAddress(name(a, a), SSH_PORT);
        }
        if (colon == a.lastIndexOf(':')) {
            return new HostAddress(name(a, a.substring(0, colon)), port(a, a.substring(colon + 1)));
        }
        if (!IPV6.matcher(a).matches()) { // several colons: an IPv6 address without a port
            throw bad(a, "it is neither host:port nor an IPv6 address (write [address]:port for a port)");
        }
        return new HostAddress(a, SSH_PORT);
    }

    private static String name(String address, String host) {
        if (!NAME.matcher(host).matches()) {
            throw bad(address, host.isEmpty() ? "the host name is missing" : "'" + host + "' is not a host name");
        }
        return host;
    }

    private static int port(String address, String text) {
        if (!text.matches("[0-9]{1,5}")) {
            throw bad(address, text.isEmpty() ? "the port after ':' is missing" : "'" + text + "' is not a port");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw bad(address, "the port " + port + " is not from 1 to 65535");
        }
        return port;
    }

    private static Problem bad(String address, String why) {
        return Problem.badInput("ssh.address.bad", address, why);
    }

    /** The name known_hosts files the host under: {@code host} on port 22, else {@code [host]:port}. */
    String knownHostsName() {
        return port == SSH_PORT ? host : "[" + host + "]:" + port;
    }

    @Override
    public String toString() {
        return port == SSH_PORT ? host : host + ":" + port;
    }
}
