package io.camfleet.console.adapter.ssh;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A real OpenSSH {@code sshd} for one test class: a {@link LoopbackSshd} on {@link #ADDRESSES}, each address standing
 * for a distinct camera host. A remote command can tell which address was dialled from the third field of
 * {@code $SSH_CONNECTION}; {@link #hostsDir()} has a folder per address.
 *
 * <p>Without {@code /usr/sbin/sshd} the tests fail on CI ({@code CI=true}) and are skipped elsewhere with one loud
 * line, never silently.
 */
public final class SshdFixture implements BeforeAllCallback, AfterAllCallback {

    /** 127.0.0.1 to .9 for single hosts, jump host and target; 127.0.1.1 to .50 for the fleet. */
    static final List<String> ADDRESSES = Stream.concat(
            IntStream.rangeClosed(1, 9).mapToObj(i -> "127.0.0." + i),
            IntStream.rangeClosed(1, 50).mapToObj(i -> "127.0.1." + i)).toList();

    /** The address whose server takes RSA keys only with SHA-256 signatures (not SHA-512), as Dropbear does. */
    static final String RSA_SHA256_ONLY = LoopbackSshd.RSA_SHA256_ONLY;

    private LoopbackSshd server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!LoopbackSshd.installed()) {
            String message = "OpenSSH's sshd (" + LoopbackSshd.SSHD + ") is not installed: install it with "
                    + LoopbackSshd.INSTALL;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("!!! SKIPPED " + context.getDisplayName() + ": " + message + " !!!");
            Assumptions.abort(message);
        }
        server = LoopbackSshd.onAddresses(ADDRESSES);
        for (String address : ADDRESSES) {
            Files.createDirectories(hostsDir().resolve(address));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public int port() {
        return server.port();
    }

    /** {@code ip:port}, the way a {@link io.camfleet.console.service.deploy.RemoteHost} names this server. */
    public String address(String ip) {
        return server.address(ip);
    }

    public String user() {
        return server.user();
    }

    /** One folder per listening address: a camera host's own install directory. */
    public Path hostsDir() {
        return server.hostsDir();
    }

    public Path clientKey() {
        return server.clientKey();
    }

    /** A client key the server authorizes, of a type as ssh-keygen names it: ed25519, ecdsa or rsa. */
    public Path clientKey(String type) {
        return server.clientKey(type);
    }

    /** A key in no authorized_keys, of type ed25519 or rsa, that logs in only with its certificate beside it. */
    public Path certifiedKey(String type) {
        return server.certifiedKey(type);
    }

    /** A key pair the server knows nothing about: as a host key in known_hosts it is a changed key. */
    public Path otherKey() {
        return server.otherKey();
    }

    /** The known_hosts line that trusts this server's host key at {@code ip}. */
    public String knownHostsLine(String ip) throws IOException {
        return server.knownHostsLine(ip);
    }

    /** A known_hosts line holding another key for {@code ip}, as after the host was reinstalled. */
    public String changedKnownHostsLine(String ip) throws IOException {
        return server.changedKnownHostsLine(ip);
    }

    /** Writes a known_hosts file trusting the server at each of {@code ips}. */
    public Path knownHosts(Path file, List<String> ips) throws IOException {
        return server.knownHosts(file, ips);
    }

    /** The host key's fingerprint as OpenSSH prints it: {@code SHA256:...}. */
    public String hostKeyFingerprint() throws Exception {
        return server.hostKeyFingerprint();
    }

    /** Settings logging in with the client key, checking host keys against {@code knownHosts}. */
    public SshSettings settings(Path knownHosts) {
        return server.settings(knownHosts);
    }
}
