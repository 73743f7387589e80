package io.camfleet.console.adapter.ssh;

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
import java.util.stream.Stream;

/**
 * Real OpenSSH {@code sshd} processes on one high port, reached on many loopback addresses: each address stands for
 * a distinct camera host (on Linux all of 127/8 is loopback). Used by the SSH tests ({@link SshdFixture}) and by the
 * rollout benchmark.
 *
 * <p>It generates its own host key and client keys (ed25519, ecdsa, rsa, and per type one that only its certificate
 * from a trusted user CA lets in) and logs in as the user running it (root here, so it permits root logins). Logins are
 * accepted only from 127.0.0.0/8, by {@code AllowUsers} and by {@code from=} on the keys. On
 * {@link #RSA_SHA256_ONLY} it takes RSA keys only with SHA-256 signatures.
 */
public final class LoopbackSshd implements AutoCloseable {

    public static final String INSTALL = "apt-get install openssh-server";
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    /** OpenSSH's MAX_LISTEN_SOCKS: one sshd listens on at most 16 addresses, so the addresses share a few. */
    private static final int ADDRESSES_PER_SSHD = 16;
    private static final String LOOPBACK = "127.0.0.0/8";

    /** The address whose server takes RSA keys only with SHA-256 signatures (not SHA-512), as Dropbear does. */
    public static final String RSA_SHA256_ONLY = "127.0.0.9";

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private int port;

    private LoopbackSshd(Path dir) {
        this.dir = dir;
    }

    public static boolean installed() {
        return Files.isExecutable(SSHD) && Files.isExecutable(SSH_KEYGEN);
    }

    /** sshd processes listening on exactly these addresses, 16 to a process. */
    public static LoopbackSshd onAddresses(List<String> addresses) throws Exception {
        LoopbackSshd server = prepare();
        server.startGroups(groups(addresses));
        return server;
    }

    /**
     * One sshd on the wildcard address, for thousands of loopback hosts: listening on each would take one process per
     * 16 addresses (hundreds of them). The wildcard also listens on the machine's other interfaces, so logins are
     * refused from anywhere but 127.0.0.0/8 ({@code AllowUsers user@127.0.0.0/8} and {@code from=} on the key).
     */
    public static LoopbackSshd onAllOfLoopback() throws Exception {
        LoopbackSshd server = prepare();
        server.startGroups(List.of(List.of("0.0.0.0")));
        return server;
    }

    private static List<List<String>> groups(List<String> addresses) {
        List<List<String>> groups = new ArrayList<>();
        for (int from = 0; from < addresses.size(); from += ADDRESSES_PER_SSHD) {
            groups.add(addresses.subList(from, Math.min(addresses.size(), from + ADDRESSES_PER_SSHD)));
        }
        return groups;
    }

    private static LoopbackSshd prepare() throws Exception {
        LoopbackSshd server = new LoopbackSshd(Files.createTempDirectory("sshd-fixture"));
        server.keygen("host_key");
        server.keygen("client_key");
        server.keygen("other_key");
        server.keygen("client_ecdsa_key", "ecdsa");
        server.keygen("client_rsa_key", "rsa");
        List<String> authorized = new ArrayList<>();
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            String publicKey = Files.readString(Path.of(server.clientKey(type) + ".pub")).strip();
            authorized.add("from=\"" + LOOPBACK + "\" " + publicKey);
        }
        Files.write(server.dir.resolve("authorized_keys"), authorized, StandardCharsets.UTF_8);
        // Keys in no authorized_keys that log in only with their certificates from a CA the server trusts.
        server.keygen("user_ca");
        for (String type : List.of("ed25519", "rsa")) {
            Path key = server.certifiedKey(type);
            server.keygen(key.getFileName().toString(), type);
            run(SSH_KEYGEN.toString(), "-q", "-s", server.dir.resolve("user_ca").toString(), "-I", "camfleet-test",
                    "-n", server.user(), key + ".pub");
        }
        Files.createDirectories(server.hostsDir());
        privilegeSeparationDirectory();
        return server;
    }

    private void startGroups(List<List<String>> groups) throws Exception {
        IOException last = null;
        for (int attempt = 0; attempt < 3 && processes.isEmpty(); attempt++) {
            int candidate = freePort();
            try {
                for (int i = 0; i < groups.size(); i++) {
                    processes.add(start(candidate, groups.get(i), i));
                }
                port = candidate;
            } catch (IOException e) {
                last = e; // the port was free on the wildcard but is taken now: try another
                stopAll();
            }
        }
        if (processes.isEmpty()) {
            close();
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
                AllowUsers %2$s@%3$s
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
                Match LocalAddress %4$s
                    PubkeyAcceptedAlgorithms rsa-sha2-256,ssh-ed25519,ecdsa-sha2-nistp256
                """.formatted(dir, user(), LOOPBACK, RSA_SHA256_ONLY));
        Path configFile = dir.resolve("sshd_config-" + index);
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        Path log = dir.resolve("sshd-" + index + ".log");
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", configFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String probe = addresses.getLast().equals("0.0.0.0") ? "127.0.0.1" : addresses.getLast();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("sshd exited at start: " + Files.readString(log));
            }
            if (answers(probe, candidate)) {
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

    /** Free on the wildcard address, so free on every loopback address too (until someone takes it). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            return s.getLocalPort();
        }
    }

    private void keygen(String name) throws Exception {
        keygen(name, "ed25519");
    }

    private void keygen(String name, String type) throws Exception {
        run(SSH_KEYGEN.toString(), "-q", "-t", type, "-N", "", "-C", name, "-f", dir.resolve(name).toString());
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** Stops the servers and deletes everything they had, the hosts' folders too. */
    @Override
    public void close() throws Exception {
        stopAll();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
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

    /**
     * CPU seconds the servers and the sessions they have finished used so far (user + system, from
     * {@code /proc/PID/stat}: a session's processes count once the listener has reaped them). Linux only; 0 elsewhere.
     */
    public double cpuSeconds() {
        double ticksPerSecond = 100; // USER_HZ on Linux
        double total = 0;
        for (Process p : processes) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the name: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
                for (int i = 11; i <= 14; i++) {
                    total += Long.parseLong(f[i]) / ticksPerSecond;
                }
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
        return total;
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

    /** Where the hosts' own install directories go, one folder per address (made by whoever uses them). */
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
        String out = run(SSH_KEYGEN.toString(), "-l", "-E", "sha256", "-f", dir.resolve("host_key.pub").toString());
        return out.split(" ")[1];
    }

    /** Settings logging in with the client key, checking host keys against {@code knownHosts}. */
    public SshSettings settings(Path knownHosts) {
        return new SshSettings(knownHosts, List.of(clientKey()), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
