package io.camfleet.console.adapter.ssh;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.CommandResult;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteEntry;
import io.camfleet.console.service.deploy.RemoteHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SSH adapter against a real OpenSSH sshd on loopback addresses. */
class SshjHostConnectorTest {

    @RegisterExtension
    static final SshdFixture sshd = new SshdFixture();

    private static final Duration SHORT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private SshjHostConnector connectorTrusting(String... ips) throws Exception {
        return new SshjHostConnector(sshd.settings(sshd.knownHosts(temp.resolve("known_hosts"), List.of(ips))));
    }

    private RemoteHost host(String ip) {
        return new RemoteHost("cam-" + ip, sshd.address(ip), "", sshd.user());
    }

    private static List<String> output(HostSession session, List<String> argv) {
        List<String> lines = new ArrayList<>();
        CommandResult result = session.run(argv, SHORT, lines::add);
        assertThat(result).isEqualTo(new CommandResult(0, false));
        return lines;
    }

    @Test
    void runsACommandAndReadsItsOutputAndExitStatus() throws Exception {
        try (HostSession session = connectorTrusting("127.0.0.2").open(host("127.0.0.2"))) {
            List<String> lines = new ArrayList<>();
            CommandResult result = session.run(List.of("sh", "-c", "echo one; echo two >&2; exit 3"), SHORT,
                    lines::add);

            assertThat(result).isEqualTo(new CommandResult(3, false));
            assertThat(lines).containsExactly("one", "two");
        }
    }

    @Test
    void uploadsAMegabyteOverSftpAndTheRemoteSha256MatchesTheLocalOne() throws Exception {
        byte[] bytes = new byte[1 << 20];
        new Random(7).nextBytes(bytes);
        Path local = Files.write(temp.resolve("package.tar.gz"), bytes);
        String remote = sshd.hostsDir().resolve("127.0.0.3").resolve("package.tar.gz").toString();

        try (HostSession session = connectorTrusting("127.0.0.3").open(host("127.0.0.3"))) {
            session.upload(local, remote);

            assertThat(session.sha256(remote))
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    @Test
    void everyArgumentReachesTheRemoteSideAsOneLiteralArgument() throws Exception {
        Path script = Files.writeString(temp.resolve("echo-args.sh"), """
                #!/bin/sh
                # Each argument on its own line, between < and >; "--" ends the options.
                [ "$1" = -- ] && shift
                for a in "$@"; do printf '<%s>\\n' "$a"; done
                """, StandardCharsets.UTF_8);
        List<String> tricky = List.of("site; rm -rf /tmp/x", "$(id)", "`id`", "it's", "say \"hi\"", "two\nlines",
                "-rf", "--help", "with  spaces", "*", "", "$HOME", "\\", "a'b\"c$d`e", "'", "&& echo pwned |");
        String remote = sshd.hostsDir().resolve("127.0.0.4").resolve("echo-args.sh").toString();

        try (HostSession session = connectorTrusting("127.0.0.4").open(host("127.0.0.4"))) {
            session.upload(script, remote);
            List<String> argv = new ArrayList<>(List.of("sh", remote, "--"));
            argv.addAll(tricky);
            List<String> lines = output(session, argv);

            assertThat(String.join("\n", lines))
                    .isEqualTo(tricky.stream().map(a -> "<" + a + ">").collect(Collectors.joining("\n")));
        }
    }

    @Test
    void anUnknownHostIsRefusedWithItsSha256FingerprintAndConnectsOnceTrusted() throws Exception {
        SshjHostConnector connector = connectorTrusting();

        HostKeyRejected rejected = catchThrowableOfType(HostKeyRejected.class,
                () -> connector.open(host("127.0.0.5")));

        assertThat(rejected.reason()).isEqualTo(HostKeyRejected.Reason.UNKNOWN);
        assertThat(rejected.host()).isEqualTo("127.0.0.5");
        assertThat(rejected.keyType()).isEqualTo("ssh-ed25519");
        assertThat(rejected.sha256Fingerprint()).isEqualTo(sshd.hostKeyFingerprint());
        assertThat(rejected.key()).isEqualTo("ssh.hostKeyUnknown");
        assertThat(rejected.getMessage()).contains(sshd.hostKeyFingerprint());

        connector.trust(rejected);

        assertThat(Files.readAllLines(temp.resolve("known_hosts"))).containsExactly(sshd.knownHostsLine("127.0.0.5"));
        try (HostSession session = connector.open(host("127.0.0.5"))) {
            assertThat(output(session, List.of("echo", "in"))).containsExactly("in");
        }
    }

    @Test
    void aChangedKeyIsRefusedUntilTheOperatorTrustsTheNewOne() throws Exception {
        Path knownHosts = Files.write(temp.resolve("known_hosts"),
                List.of(sshd.knownHostsLine("127.0.0.2"), sshd.changedKnownHostsLine("127.0.0.5")));
        SshjHostConnector connector = new SshjHostConnector(sshd.settings(knownHosts));

        HostKeyRejected rejected = catchThrowableOfType(HostKeyRejected.class,
                () -> connector.open(host("127.0.0.5")));

        assertThat(rejected.reason()).isEqualTo(HostKeyRejected.Reason.CHANGED);
        assertThat(rejected.key()).isEqualTo("ssh.hostKeyChanged");
        assertThat(rejected.sha256Fingerprint()).isEqualTo(sshd.hostKeyFingerprint());
        // Refusing changes nothing: asking again is refused again.
        assertThat(catchThrowableOfType(HostKeyRejected.class, () -> connector.open(host("127.0.0.5"))).reason())
                .isEqualTo(HostKeyRejected.Reason.CHANGED);

        connector.trust(rejected);

        assertThat(Files.readAllLines(knownHosts))
                .containsExactly(sshd.knownHostsLine("127.0.0.2"), sshd.knownHostsLine("127.0.0.5"));
        connector.open(host("127.0.0.5")).close();
    }

    @Test
    void aKeyRemovedFromKnownHostsByHandIsRefusedByTheNextConnection() throws Exception {
        Path knownHosts = Files.write(temp.resolve("known_hosts"), List.of(sshd.knownHostsLine("127.0.0.6")));
        SshjHostConnector connector = new SshjHostConnector(sshd.settings(knownHosts));
        connector.open(host("127.0.0.6")).close();

        Files.write(knownHosts, List.of(sshd.knownHostsLine("127.0.0.2")));

        assertThat(catchThrowableOfType(HostKeyRejected.class, () -> connector.open(host("127.0.0.6"))).reason())
                .isEqualTo(HostKeyRejected.Reason.UNKNOWN);
        Files.write(knownHosts, List.of(sshd.knownHostsLine("127.0.0.2"), sshd.knownHostsLine("127.0.0.6")));
        connector.open(host("127.0.0.6")).close();
    }

    @Test
    void smallFilesAreReadAndReplacedWholeAndFoldersMadeOverSftp() throws Exception {
        Path hostDir = sshd.hostsDir().resolve("127.0.0.7");
        String folder = hostDir.resolve("releases/a b/c").toString();
        String marker = hostDir.resolve("version").toString();

        try (HostSession session = connectorTrusting("127.0.0.7").open(host("127.0.0.7"))) {
            assertThat(session.read(marker, 100)).isEmpty();
            session.makeDirectories(folder);
            session.makeDirectories(folder);
            session.write(marker, "6.4.0\n".getBytes(StandardCharsets.UTF_8));
            session.write(marker, "6.5.0\n".getBytes(StandardCharsets.UTF_8));

            assertThat(Path.of(folder)).isDirectory();
            assertThat(session.read(marker, 100)).hasValueSatisfying(b -> assertThat(b).asString().isEqualTo("6.5.0\n"));
            assertThat(session.read(marker, 3)).hasValueSatisfying(b -> assertThat(b).asString().isEqualTo("6.5"));
            assertThat(session.read(folder, 100)).as("a folder reads as nothing").isEmpty();
            assertThat(hostDir.resolve("version.new")).doesNotExist();
        }
    }

    @Test
    void aFolderIsListedAndAFileCopiedBackUpToItsLimitOverSftp() throws Exception {
        Path hostDir = sshd.hostsDir().resolve("127.0.0.8/etc");
        Files.createDirectories(hostDir.resolve("sub"));
        byte[] big = new byte[100_000];
        new java.util.Random(8).nextBytes(big);
        Files.write(hostDir.resolve("big.bin"), big);
        Files.writeString(hostDir.resolve("a.conf"), "x=1\n");
        Files.createSymbolicLink(hostDir.resolve("link"), hostDir.resolve("a.conf"));

        try (HostSession session = connectorTrusting("127.0.0.8").open(host("127.0.0.8"))) {
            List<RemoteEntry> entries = session.list(hostDir.toString());
            assertThat(entries).extracting(RemoteEntry::name).containsExactly("a.conf", "big.bin", "link", "sub");
            assertThat(entries.get(1).size()).isEqualTo(100_000);
            assertThat(entries).extracting(RemoteEntry::regular).containsExactly(true, true, false, false);
            assertThat(entries).extracting(RemoteEntry::folder).containsExactly(false, false, false, true);

            var whole = new java.io.ByteArrayOutputStream();
            assertThat(session.copy(hostDir.resolve("big.bin").toString(), whole, 1_000_000)).isEqualTo(100_000);
            assertThat(whole.toByteArray()).isEqualTo(big);
            var cut = new java.io.ByteArrayOutputStream();
            assertThat(session.copy(hostDir.resolve("big.bin").toString(), cut, 40_000)).isEqualTo(40_000);
            assertThat(cut.toByteArray()).isEqualTo(java.util.Arrays.copyOf(big, 40_000));

            assertThatThrownBy(() -> session.list(hostDir.resolve("none").toString()))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("ssh.listFailed"));
            assertThatThrownBy(() -> session.copy(hostDir.resolve("none").toString(), cut, 10))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("ssh.readFailed"));
        }
    }

    @Test
    void aConnectionDroppedMidCommandIsReportedAsLost() throws Exception {
        // The command kills the sshd process that carries its connection, as when a host goes away mid-install.
        String killOwnSshd = """
                echo installing
                p=$$
                while [ "$(cat /proc/$p/comm)" != sshd ]; do p=$(awk '{print $4}' /proc/$p/stat); done
                kill -9 $p
                sleep 10
                """;
        try (HostSession session = connectorTrusting("127.0.0.8").open(host("127.0.0.8"))) {
            List<String> lines = new ArrayList<>();
            Problem problem = catchThrowableOfType(Problem.class,
                    () -> session.run(List.of("sh", "-c", killOwnSshd), SHORT, lines::add));

            assertThat(problem.key()).isEqualTo("ssh.connectionLost");
            assertThat(lines).containsExactly("installing");
        }
    }

    @Test
    void aCommandPastItsTimeoutIsStoppedAndTheSessionGoesOn() throws Exception {
        try (HostSession session = connectorTrusting("127.0.0.9").open(host("127.0.0.9"))) {
            long start = System.nanoTime();
            CommandResult result = session.run(List.of("sleep", "30"), Duration.ofSeconds(1), line -> { });

            assertThat(result.timedOut()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(output(session, List.of("echo", "still here"))).containsExactly("still here");
        }
    }

    @Test
    void aJumpHostLeadsToTheTargetAndBothHostKeysAreChecked() throws Exception {
        RemoteHost behindBastion = new RemoteHost("cam-7", sshd.address("127.0.0.7"), sshd.address("127.0.0.6"),
                sshd.user());

        HostKeyRejected targetUnknown = catchThrowableOfType(HostKeyRejected.class,
                () -> connectorTrusting("127.0.0.6").open(behindBastion));
        assertThat(targetUnknown.host()).isEqualTo("127.0.0.7");
        HostKeyRejected bastionUnknown = catchThrowableOfType(HostKeyRejected.class,
                () -> connectorTrusting("127.0.0.7").open(behindBastion));
        assertThat(bastionUnknown.host()).isEqualTo("127.0.0.6");

        try (HostSession session = connectorTrusting("127.0.0.6", "127.0.0.7").open(behindBastion)) {
            List<String> lines = output(session, List.of("sh", "-c", "echo $SSH_CONNECTION"));

            assertThat(lines).hasSize(1);
            assertThat(lines.getFirst().split(" ")[2]).isEqualTo("127.0.0.7");
        }
    }

    @Test
    void fiftyHostsInParallelOnVirtualThreadsEachSeeTheirOwnAddress() throws Exception {
        List<String> fleet = IntStream.rangeClosed(1, 50).mapToObj(i -> "127.0.1." + i).toList();
        SshjHostConnector connector = connectorTrusting(fleet.toArray(String[]::new));

        List<Future<String>> seen = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String ip : fleet) {
                seen.add(threads.submit(() -> {
                    try (HostSession session = connector.open(host(ip))) {
                        return output(session, List.of("sh", "-c", "echo $SSH_CONNECTION")).getFirst().split(" ")[2];
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

    @Test
    void aPortWithNoServerIsUnreachable() throws Exception {
        RemoteHost nobody = new RemoteHost("cam-x", "127.0.0.1:1", "", sshd.user());

        Problem problem = catchThrowableOfType(Problem.class, () -> connectorTrusting().open(nobody));

        assertThat(problem.key()).isEqualTo("ssh.unreachable");
    }

    @Test
    void aKeyTheHostDoesNotAuthorizeFailsToLogIn() throws Exception {
        Path knownHosts = sshd.knownHosts(temp.resolve("known_hosts"), List.of("127.0.0.2"));
        SshjHostConnector connector = new SshjHostConnector(new SshSettings(knownHosts, List.of(sshd.otherKey()),
                Duration.ofSeconds(5), Duration.ofSeconds(10)));

        Problem problem = catchThrowableOfType(Problem.class, () -> connector.open(host("127.0.0.2")));

        assertThat(problem.key()).isEqualTo("ssh.authFailed");
    }
}
