package io.camfleet.console.adapter.ssh;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A real OpenSSH {@code sshd} for one test class, listening on one high port on many loopback addresses: each
 * address stands for a distinct camera host (on Linux all of 127/8 is loopback). A remote command can tell which
 * address was dialled from the third field of {@code $SSH_CONNECTION}; {@link #hostsDir()} has a folder per address.
 *
 * <p>It generates its own host key and client keys (ed25519, ecdsa, rsa, and one only a certificate lets in) and
 * logs in as the user running the tests (root here, so it permits root logins). Without {@code /usr/sbin/sshd} the
 * tests fail on CI ({@code CI=true}) and are skipped elsewhere with one loud line, never silently.
 */
public final class SshdFixture implements BeforeAllCallback, AfterAllCallback {

    static final String INSTALL = "apt-get install openssh-server";
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** 127.0.0.1 to .9 for single hosts, jump host and target; 127.0.1.1 to .50 for the fleet. */
    static final List<String> ADDRESSES = Stream.concat(
            IntStream.rangeClosed(1, 9).mapToObj(i -> "127.0.0." + i),
            IntStream.rangeClosed(1, 50).mapToObj(i -> "127.0.1." + i)).toList();

    /** The address whose server takes RSA keys only with SHA-256 signatures (not SHA-512), as Dropbear does. */
    static final String RSA_SHA256_ONLY = "127.0.0.9";

    /** OpenSSH's MAX_LISTEN_SOCKS: one sshd listens on at most 16 addresses, so the addresses share a few. */
    private static final int ADDRESSES_PER_SSHD = 16;

    private Path dir;
    private final List<Process> processes = new ArrayList<>();
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isExecutable(SSHD) || !Files.isExecutable(Path.of("/usr/bin/ssh-keygen"))) {
            String message = "OpenSSH's sshd (" + SSHD + ") is not installed: install it with " + INSTALL;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("!!! SKIPPED " + context.getDisplayName() + ": " + message + " !!!");
            Assumptions.abort(message);
        }
        dir = Files.createTempDirectory("sshd-fixture");
        keygen("host_key");
        keygen("client_key");
        keygen("other_key");
        keygen("client_ecdsa_key", "ecdsa");
        keygen("client_rsa_key", "rsa");
        List<String> authorized = new ArrayList<>();
        for (String key : List.of("client_key", "client_ecdsa_key", "client_rsa_key")) {
            authorized.add(Files.readString(dir.resolve(key + ".pub")).strip());
        }
        Files.write(dir.resolve("authorized_keys"), authorized, StandardCharsets.UTF_8);
        // Keys in no authorized_keys that log in only with their certificates from a CA the server trusts.
        keygen("user_ca");
        for (String type : List.of("ed25519", "rsa")) {
            keygen(certifiedKey(type).getFileName().toString(), type);
            run("/usr/bin/ssh-keygen", "-q", "-s", dir.resolve("user_ca").toString(), "-I", "camfleet-test",
                    "-n", user(), certifiedKey(type) + ".pub");
        }
        for (String address : ADDRESSES) {
            Files.createDirectories(hostsDir().resolve(address));
        }
        privilegeSeparationDirectory();
        IOException last = null;
        for (int attempt = 0; attempt < 3 && processes.isEmpty(); attempt++) {
            int candidate = freePort();
            try {
                for (int from = 0; from < ADDRESSES.size(); from += ADDRESSES_PER_SSHD) {
                    List<String> group = ADDRESSES.subList(from, Math.min(ADDRESSES.size(), from + ADDRESSES_PER_SSHD));
                    processes.add(start(candidate, group, from / ADDRESSES_PER_SSHD));
                }
                port = candidate;
            } catch (IOException e) {
                last = e; // the port was free on 127.0.0.1 but taken on another address: try another
                stopAll();
            }
        }
        if (processes.isEmpty()) {
            throw last;
        }
    }

    /** As root, sshd needs its (empty) privilege separation directory; Debian makes it only when the service runs. */
    private static void privilegeSeparationDirectory() throws IOException {
        Path run = Path.of("/run/sshd");
        if ("root".equals(System.getProperty("user.name")) && !Files.isDirectory(run)) {
            Files.createDirectories(run);
        }
    }

    /** One sshd for a group of addresses, all on the same port; returns once it answers. */
    private Process start(int candidate, List<String> addresses, int index) throws Exception {
        StringBuilder config = new StringBuilder();
        config.append("Port ").append(candidate).append('\n');
        config.append("PidFile ").append(dir.resolve("sshd-" + index + ".pid")).append('\n');
        for (String address : addresses) {
            config.append("ListenAddress ").append(address).append('\n');
        }
        config.append("""
                HostKey %1$s/host_key
                AuthorizedKeysFile %1$s/authorized_keys
                TrustedUserCAKeys %1$s/user_ca.pub
                PermitRootLogin yes
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                UsePAM no
                StrictModes no
                UseDNS no
                PrintMotd no
                AllowTcpForwarding yes
                MaxStartups 200:30:300
                MaxSessions 50
                Subsystem sftp internal-sftp
                LogLevel ERROR
                # Debian's bash sources ~/.bashrc for ssh commands unless SHLVL says it is nested: here root's
                # .bashrc runs pyenv, which takes a lock, and 50 hosts at once waited on it for minutes.
                SetEnv SHLVL=1
                # One address takes RSA keys only with SHA-256 signatures, as Dropbear does. Match blocks come last.
                Match LocalAddress %2$s
                    PubkeyAcceptedAlgorithms rsa-sha2-256,ssh-ed25519,ecdsa-sha2-nistp256
                """.formatted(dir, RSA_SHA256_ONLY));
        Path configFile = dir.resolve("sshd_config-" + index);
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        Path log = dir.resolve("sshd-" + index + ".log");
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", configFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("sshd exited at start: " + Files.readString(log));
            }
            if (answers(addresses.getLast(), candidate)) {
                return p;
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IllegalStateException("sshd did not answer within 20 s: " + Files.readString(log));
    }

    private static boolean answers(String address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 1000);
            s.setSoTimeout(2000);
            InputStream in = s.getInputStream();
            byte[] banner = in.readNBytes(4);
            return new String(banner, StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private void keygen(String name) throws Exception {
        keygen(name, "ed25519");
    }

    private void keygen(String name, String type) throws Exception {
        run("/usr/bin/ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", dir.resolve(name).toString());
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stopAll();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            p.waitFor();
        }
        processes.clear();
    }

    public int port() {
        return port;
    }

    /** {@code ip:port}, the way a {@link io.camfleet.console.service.deploy.RemoteHost} names this server. */
    public String address(String ip) {
        return ip + ":" + port;
    }

    public String user() {
        return System.getProperty("user.name");
    }

    /** One folder per listening address: a camera host's own install directory. */
    public Path hostsDir() {
        return dir.resolve("hosts");
    }

    public Path clientKey() {
        return dir.resolve("client_key");
    }

    /** A client key the server authorizes, of a type as ssh-keygen names it: ed25519, ecdsa or rsa. */
    public Path clientKey(String type) {
        return "ed25519".equals(type) ? clientKey() : dir.resolve("client_" + type + "_key");
    }

    /**
     * A key no authorized_keys holds, of type ed25519 or rsa, with its certificate beside it ({@code NAME-cert.pub})
     * from a user CA the server trusts: it logs in only with the certificate.
     */
    public Path certifiedKey(String type) {
        return dir.resolve("certified_" + type + "_key");
    }

    /** A key pair the server knows nothing about: as a host key in known_hosts it is a changed key. */
    public Path otherKey() {
        return dir.resolve("other_key");
    }

    /** The known_hosts line that trusts this server's host key at {@code ip}. */
    public String knownHostsLine(String ip) throws IOException {
        return knownHostsLine(ip, dir.resolve("host_key.pub"));
    }

    /** A known_hosts line holding another key for {@code ip}, as after the host was reinstalled. */
    public String changedKnownHostsLine(String ip) throws IOException {
        return knownHostsLine(ip, dir.resolve("other_key.pub"));
    }

    private String knownHostsLine(String ip, Path publicKey) throws IOException {
        String[] fields = Files.readString(publicKey).strip().split(" ");
        return "[" + ip + "]:" + port + " " + fields[0] + " " + fields[1];
    }

    /** Writes a known_hosts file trusting the server at each of {@code ips}. */
    public Path knownHosts(Path file, List<String> ips) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String ip : ips) {
            lines.add(knownHostsLine(ip));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The host key's fingerprint as OpenSSH prints it: {@code SHA256:...}. */
    public String hostKeyFingerprint() throws Exception {
        String out = run("/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f", dir.resolve("host_key.pub").toString());
        return out.split(" ")[1];
    }

    /** Settings logging in with the fixture's client key, checking host keys against {@code knownHosts}. */
    public SshSettings settings(Path knownHosts) {
        return new SshSettings(knownHosts, List.of(clientKey()), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
