package io.camfleet.console.adapter.ssh;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.CommandResult;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Logging in with keys a real OpenSSH ssh-agent holds, to a real sshd on loopback addresses. */
class SshAgentLoginTest {

    @RegisterExtension
    static final SshdFixture sshd = new SshdFixture();
    @RegisterExtension
    static final SshAgentFixture agent = new SshAgentFixture();

    private static final Duration SHORT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private SshjHostConnector connector(List<Path> keyFiles, Path agentSocket, Duration authTimeout,
                                        List<String> ips) throws Exception {
        Path knownHosts = sshd.knownHosts(temp.resolve("known_hosts"), ips);
        return new SshjHostConnector(new SshSettings(knownHosts, keyFiles, agentSocket, Duration.ofSeconds(5),
                authTimeout));
    }

    private SshjHostConnector connector(List<Path> keyFiles, Path agentSocket, String ip) throws Exception {
        return connector(keyFiles, agentSocket, Duration.ofSeconds(10), List.of(ip));
    }

    private RemoteHost host(String ip) {
        return new RemoteHost("cam-" + ip, sshd.address(ip), "", sshd.user());
    }

    private static String connectedAddress(HostSession session) {
        List<String> lines = new ArrayList<>();
        CommandResult result = session.run(List.of("sh", "-c", "echo $SSH_CONNECTION"), SHORT, lines::add);
        assertThat(result).isEqualTo(new CommandResult(0, false));
        return lines.getFirst().split(" ")[2];
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void logsInWithOnlyTheAgentHoldingTheKey(String type) throws Exception {
        agent.add(sshd.clientKey(type));

        try (HostSession session = connector(List.of(), agent.socket(), "127.0.0.2").open(host("127.0.0.2"))) {
            assertThat(connectedAddress(session)).isEqualTo("127.0.0.2");
        }
    }

    @Test
    void anRsaKeyLogsInWithSha256WhereTheServerTakesNoSha512() throws Exception {
        agent.add(sshd.clientKey("rsa"));
        String ip = SshdFixture.RSA_SHA256_ONLY;

        try (HostSession session = connector(List.of(), agent.socket(), ip).open(host(ip))) {
            assertThat(connectedAddress(session)).isEqualTo(ip);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ed25519", "rsa"})
    void logsInWithACertificateTheAgentHolds(String type) throws Exception {
        // ssh-add adds the key and, beside it, its certificate; only the certificate is let in.
        agent.add(sshd.certifiedKey(type));

        try (HostSession session = connector(List.of(), agent.socket(), "127.0.0.3").open(host("127.0.0.3"))) {
            assertThat(connectedAddress(session)).isEqualTo("127.0.0.3");
        }
    }

    @Test
    void anAgentWithoutTheAuthorizedKeyFailsToLogInWithTheClearSentence() throws Exception {
        agent.add(sshd.otherKey());
        SshjHostConnector connector = connector(List.of(), agent.socket(), "127.0.0.2");

        Problem problem = catchThrowableOfType(Problem.class, () -> connector.open(host("127.0.0.2")));

        assertThat(problem.key()).isEqualTo("ssh.authFailed");
        assertThat(problem.getMessage()).contains(sshd.address("127.0.0.2"), sshd.user(), "ssh-agent");
    }

    @Test
    void theKeyFilesAreTriedAfterTheAgentsKeys() throws Exception {
        agent.add(sshd.otherKey());

        try (HostSession session = connector(List.of(sshd.clientKey()), agent.socket(), "127.0.0.4")
                .open(host("127.0.0.4"))) {
            assertThat(connectedAddress(session)).isEqualTo("127.0.0.4");
        }
    }

    @Test
    void aMissingOrDeadAgentSocketFallsBackToTheKeyFilesWithoutWaiting() throws Exception {
        Path dead = temp.resolve("dead.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(dead)); // the socket file stays once its agent has gone
        }
        for (Path socket : List.of(temp.resolve("missing.sock"), dead)) {
            long start = System.nanoTime();

            try (HostSession session = connector(List.of(sshd.clientKey()), socket, "127.0.0.5")
                    .open(host("127.0.0.5"))) {
                assertThat(connectedAddress(session)).isEqualTo("127.0.0.5");
            }

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(socket.toString())
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void anAgentThatNeverAnswersHoldsTheLoginNoLongerThanItsTimeout() throws Exception {
        Path silent = temp.resolve("silent.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(silent)); // the kernel accepts; nobody ever answers
            SshjHostConnector connector = connector(List.of(sshd.clientKey()), silent, Duration.ofSeconds(3),
                    List.of("127.0.0.6"));
            long start = System.nanoTime();

            try (HostSession session = connector.open(host("127.0.0.6"))) {
                assertThat(connectedAddress(session)).isEqualTo("127.0.0.6");
            }

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void fiftyHostsInParallelLogInThroughOneAgent() throws Exception {
        agent.add(sshd.otherKey());
        agent.add(sshd.clientKey("ecdsa"));
        List<String> fleet = IntStream.rangeClosed(1, 50).mapToObj(i -> "127.0.1." + i).toList();
        SshjHostConnector connector = connector(List.of(), agent.socket(), Duration.ofSeconds(10), fleet);

        List<Future<String>> seen = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String ip : fleet) {
                seen.add(threads.submit(() -> {
                    try (HostSession session = connector.open(host(ip))) {
                        return connectedAddress(session);
                    }
                }));
            }
        }

        List<String> addresses = new ArrayList<>();
        for (Future<String> f : seen) {
            addresses.add(f.get());
        }
        assertThat(addresses).isEqualTo(fleet);
    }
}
