package io.camfleet.console.adapter.ssh;

/** A host name and port parsed from {@code host}, {@code host:port} or {@code [v6-address]:port}. */
public record HostAddress(String host, int port) {

    static final int SSH_PORT = 22;

    public static HostAddress parse(String address) {
        String a = address.strip();
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            String host = a.substring(1, close);
            return new HostAddress(host, a.startsWith(":", close + 1) ? port(a.substring(close + 2)) : SSH_PORT);
        }
        int colon = a.indexOf(':');
        if (colon > 0 && colon == a.lastIndexOf(':')) {
            return new HostAddress(a.substring(0, colon), port(a.substring(colon + 1)));
        }
        return new HostAddress(a, SSH_PORT); // a bare name, or an IPv6 address without a port
    }

    private static int port(String text) {
        return Integer.parseInt(text);
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
