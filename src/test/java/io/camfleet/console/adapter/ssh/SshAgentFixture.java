package io.camfleet.console.adapter.ssh;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real OpenSSH {@code ssh-agent} for one test class, on a socket of its own (the user's own agent, if any, is never
 * touched). Every test starts with it empty: keys added with {@link #add(Path)} are removed after each test.
 *
 * <p>Without {@code /usr/bin/ssh-agent} the tests fail on CI ({@code CI=true}) and are skipped elsewhere with one
 * loud line, as {@link SshdFixture} does without sshd.
 */
public final class SshAgentFixture implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    static final String INSTALL = "apt-get install openssh-client";
    static final Path SSH_AGENT = Path.of("/usr/bin/ssh-agent");
    static final Path SSH_ADD = Path.of("/usr/bin/ssh-add");
    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    private Path dir;
    private Process agent;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (Stream.of(SSH_AGENT, SSH_ADD, SSH_KEYGEN).anyMatch(p -> !Files.isExecutable(p))) {
            String message = "OpenSSH's ssh-agent (" + SSH_AGENT + ") is not installed: install it with " + INSTALL;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("!!! SKIPPED " + context.getDisplayName() + ": " + message + " !!!");
            Assumptions.abort(message);
        }
        dir = Files.createTempDirectory("ssh-agent-fixture");
        Path log = dir.resolve("ssh-agent.log");
        // -D: stays in the foreground, so the test owns the process and stops it.
        agent = new ProcessBuilder(SSH_AGENT.toString(), "-D", "-a", socket().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!answers(socket())) {
            if (!agent.isAlive()) {
                throw new IOException("ssh-agent exited at start: " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ssh-agent did not listen within 10 s: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    private static boolean answers(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    /** The agent's socket: what {@code SSH_AUTH_SOCK} would hold. */
    public Path socket() {
        return dir.resolve("agent.sock");
    }

    /** Adds a private key file to the agent as {@code ssh-add FILE} does: with its certificate, if one is beside it. */
    public void add(Path keyFile) throws Exception {
        sshAdd(keyFile.toString());
    }

    /** A new key pair without a passphrase, in the fixture's folder; {@code type} as {@code ssh-keygen -t} takes it. */
    public Path newKey(String name, String type) throws Exception {
        Path key = dir.resolve(name);
        run(List.of(SSH_KEYGEN.toString(), "-q", "-t", type, "-N", "", "-C", name, "-f", key.toString()));
        return key;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (agent != null) {
            sshAdd("-D");
        }
    }

    private void sshAdd(String argument) throws Exception {
        List<String> command = List.of(SSH_ADD.toString(), "-q", argument);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(SshSettings.AGENT_ENV, socket().toString());
        run(builder);
    }

    private static void run(List<String> command) throws Exception {
        run(new ProcessBuilder(command));
    }

    private static void run(ProcessBuilder builder) throws Exception {
        Process p = builder.redirectErrorStream(true).start();
        p.getOutputStream().close(); // ssh-add asks for a passphrase on standard input; there is none
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " failed: " + out);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (agent != null) {
            agent.destroy();
            agent.waitFor();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
