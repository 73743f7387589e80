package io.camfleet.console.adapter.ssh;

import io.camfleet.console.app.SmallDisk;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.deploy.CommandResult;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteEntry;
import io.camfleet.console.service.deploy.RemoteHost;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.diagnostics.BundleDesk;
import io.camfleet.console.service.diagnostics.DiagnosticsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static io.camfleet.console.service.diagnostics.BundleDesk.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Diagnostics bundles from a real OpenSSH sshd on loopback: a camera's files live under its host folder. */
class SshDiagnosticsBundleTest {

    @RegisterExtension
    static final SshdFixture sshd = new SshdFixture();

    private static final String DROP_CONNECTION = """
            p=$$
            while [ "$(cat /proc/$p/comm)" != sshd ]; do p=$(awk '{print $4}' /proc/$p/stat); done
            kill -9 $p
            """;

    @TempDir
    Path temp;

    private SshjHostConnector connector(String ip) throws IOException {
        return new SshjHostConnector(sshd.settings(sshd.knownHosts(temp.resolve("known_hosts-" + ip), List.of(ip))));
    }

    private static Target target(String ip) {
        return new Target("CAM-" + ip, "site-1", sshd.address(ip), "", "");
    }

    private static Path logs(String ip) throws IOException {
        return Files.createDirectories(sshd.hostsDir().resolve(ip).resolve("var/log/camos"));
    }

    private static Path config(String ip) throws IOException {
        return Files.createDirectories(sshd.hostsDir().resolve(ip).resolve("etc/camos"));
    }

    private static DiagnosticsSettings settings(String ip, long bundle, long file) throws IOException {
        return new DiagnosticsSettings(List.of(logs(ip).toString()), config(ip).toString(), bundle, file, sshd.user());
    }

    /** The zip path of a file under the camera's host folder: its absolute path without the leading slash. */
    private static String entry(Path remote) {
        return remote.toString().substring(1);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void everyEntryEqualsTheCamerasFileAndTheChecksumMatchesTheBytesOnDisk() throws Exception {
        String ip = "127.0.0.2";
        Path agentConf = Files.writeString(config(ip).resolve("agent.conf"), "log_level = info\nmode = day\n");
        Path secrets = Files.writeString(config(ip).resolve("uplink.conf"), "apn = iot\npassword = hunter2\n");
        Path log = Files.write(logs(ip).resolve("agent.log"), String.join("\n", java.util.Collections.nCopies(5000,
                "2026-12-07 09:00:00.000 INFO  heartbeat: sent")).getBytes(StandardCharsets.UTF_8));
        Path rotated = Files.write(Files.createDirectories(logs(ip).resolve("old")).resolve("agent.log.1.gz"),
                random(300_000, 1));
        Files.createSymbolicLink(logs(ip).resolve("passwd.log"), Path.of("/etc/passwd"));

        try (BundleDesk desk = new BundleDesk(temp.resolve("data"))) {
            TimelineEntry.Attachment a = desk.bundle(settings(ip, 50 << 20, 10 << 20))
                    .collect(desk.ticket.id(), target(ip), connector(ip), Progress.NONE);

            byte[] zip = Files.readAllBytes(desk.data.resolve(a.storedPath()));
            assertThat(a.sha256()).isEqualTo(BundleDesk.sha256(zip));
            assertThat(a.size()).isEqualTo(zip.length);
            Map<String, byte[]> entries = BundleDesk.unzip(desk.data.resolve(a.storedPath()));
            assertThat(entries.keySet()).containsExactlyInAnyOrder(entry(agentConf), entry(secrets), entry(log),
                    entry(rotated), "MANIFEST.txt");
            for (Path file : List.of(agentConf, log, rotated)) {
                assertThat(entries.get(entry(file))).as(file.toString()).isEqualTo(Files.readAllBytes(file));
            }
            assertThat(text(entries.get(entry(secrets)))).isEqualTo("apn = iot\npassword = [redacted]\n");
            assertThat(text(entries.get("MANIFEST.txt")))
                    .contains(logs(ip).resolve("passwd.log") + ": a symbolic link or special file, not followed");
            assertThat(desk.attachments()).containsExactly(a);
        }
    }

    @Test
    void aThirtyMegabyteLogWithAOneMegabyteBoundKeepsItsLastMegabyte() throws Exception {
        String ip = "127.0.0.3";
        byte[] big = random(30 << 20, 3);
        Path log = Files.write(logs(ip).resolve("video.log"), big);

        try (BundleDesk desk = new BundleDesk(temp.resolve("data"))) {
            TimelineEntry.Attachment a = desk.bundle(settings(ip, 50 << 20, 1 << 20))
                    .collect(desk.ticket.id(), target(ip), connector(ip), Progress.NONE);

            Map<String, byte[]> entries = BundleDesk.unzip(desk.data.resolve(a.storedPath()));
            assertThat(entries.get(entry(log))).isEqualTo(Arrays.copyOfRange(big, big.length - (1 << 20), big.length));
            // random bytes do not compress: the zip is the megabyte kept and a little more, not 30 MB
            assertThat(a.size()).isBetween(1L << 20, (1L << 20) + 64 * 1024);
            assertThat(text(entries.get("MANIFEST.txt"))).contains(entry(log) + "  the last 1048576 of 31457280 bytes");
        }
    }

    @Test
    void aCameraThatDropsTheConnectionMidCopyLeavesNoBundleAndIsNamed() throws Exception {
        String ip = "127.0.0.4";
        Files.write(logs(ip).resolve("agent.log"), random(4 << 20, 4));
        AtomicBoolean dropped = new AtomicBoolean();
        HostConnector dropping = new Dropping(connector(ip), 256 * 1024, dropped);

        try (BundleDesk desk = new BundleDesk(temp.resolve("data"))) {
            Problem p = catchThrowableOfType(Problem.class, () -> desk.bundle(settings(ip, 50 << 20, 10 << 20))
                    .collect(desk.ticket.id(), target(ip), dropping, Progress.NONE));

            assertThat(dropped).isTrue();
            assertThat(p.key()).isEqualTo("bundle.failed");
            assertThat(p.getMessage()).startsWith("No diagnostics bundle of CAM-127.0.0.4 was kept: The connection to ")
                    .contains("was lost");
            assertThat(desk.filesKept()).isEmpty();
            assertThat(desk.attachments()).isEmpty();
        }
    }

    @Test
    void hostileRemoteNamesStayInsideTheZipsFolderAndTheManifestKeepsOneLineEach() throws Exception {
        String ip = "127.0.0.5";
        List<String> names = List.of("evil\nMANIFEST.txt", "-rf", "back\\..\\slash.log", "ünï.log", "..x", "a b.log");
        for (String name : names) {
            Files.writeString(logs(ip).resolve(name), "content of " + name);
        }

        try (BundleDesk desk = new BundleDesk(temp.resolve("data"))) {
            TimelineEntry.Attachment a = desk.bundle(settings(ip, 50 << 20, 10 << 20))
                    .collect(desk.ticket.id(), target(ip), connector(ip), Progress.NONE);

            Map<String, byte[]> entries = BundleDesk.unzip(desk.data.resolve(a.storedPath()));
            String prefix = entry(logs(ip)) + "/";
            assertThat(entries.keySet()).filteredOn(n -> !n.equals("MANIFEST.txt")).hasSize(names.size())
                    .allSatisfy(n -> {
                        assertThat(n).startsWith(prefix);
                        assertThat(n.substring(prefix.length())).matches("[A-Za-z0-9._+@=,-]+").isNotEqualTo("..");
                    });
            assertThat(entries.keySet()).contains(prefix + "evil_MANIFEST.txt", prefix + "back_.._slash.log",
                    prefix + "_n_.log", prefix + "a_b.log", prefix + "-rf", prefix + "..x");
            assertThat(text(entries.get(prefix + "evil_MANIFEST.txt"))).isEqualTo("content of evil\nMANIFEST.txt");
            String manifest = text(entries.get("MANIFEST.txt"));
            // 3 heading lines, a blank, "Included", the 6 files, a blank, "Left out", "nothing"
            assertThat(manifest.lines()).hasSize(3 + 1 + 1 + 6 + 1 + 1 + 1);
            assertThat(manifest).contains("renamed from " + logs(ip) + "/evil\\nMANIFEST.txt");
        }
    }

    @Test
    void aFullDiskLeavesNoPartialBundleAndSaysWhichFileCouldNotBeWritten() throws Exception {
        String ip = "127.0.0.6";
        Files.write(logs(ip).resolve("agent.log"), random(8 << 20, 6));

        try (SmallDisk disk = SmallDisk.mount(temp.resolve("disk"), 5)) {
            try (BundleDesk desk = new BundleDesk(disk.path().resolve("data"))) {
                Problem p = catchThrowableOfType(Problem.class, () -> desk.bundle(settings(ip, 50 << 20, 10 << 20))
                        .collect(desk.ticket.id(), target(ip), connector(ip), Progress.NONE));

                assertThat(p.key()).isEqualTo("bundle.writeFailed");
                assertThat(p.getMessage()).contains("CAM-127.0.0.6", "attachments/ticket-" + desk.ticket.id(),
                        "No space left on device", "Nothing was kept");
                assertThat(desk.filesKept()).isEmpty();
                assertThat(desk.attachments()).isEmpty();
            }
        }
    }

    /** A connector whose sessions kill their own sshd once {@code after} bytes of a file have been copied. */
    private record Dropping(HostConnector real, long after, AtomicBoolean dropped) implements HostConnector {

        @Override
        public HostSession open(RemoteHost host) {
            HostSession session = real.open(host);
            return new HostSession() {
                @Override
                public long copy(String remotePath, long offset, OutputStream out, long limit) {
                    OutputStream watching = new FilterOutputStream(out) {
                        long seen;

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            out.write(b, off, len);
                            seen += len;
                            if (seen >= after && dropped.compareAndSet(false, true)) {
                                try {
                                    session.run(List.of("sh", "-c", DROP_CONNECTION), Duration.ofSeconds(20),
                                            line -> { });
                                } catch (Problem lost) {
                                    // the command took its own connection with it: that is the point
                                }
                            }
                        }
                    };
                    return session.copy(remotePath, offset, watching, limit);
                }

                @Override
                public long copy(String remotePath, OutputStream out, long limit) {
                    return copy(remotePath, 0, out, limit);
                }

                @Override
                public List<RemoteEntry> list(String remoteDir) {
                    return session.list(remoteDir);
                }

                @Override
                public void upload(Path local, String remotePath) {
                    session.upload(local, remotePath);
                }

                @Override
                public Optional<byte[]> read(String remotePath, int limit) {
                    return session.read(remotePath, limit);
                }

                @Override
                public void makeDirectories(String remotePath) {
                    session.makeDirectories(remotePath);
                }

                @Override
                public void write(String remotePath, byte[] content) {
                    session.write(remotePath, content);
                }

                @Override
                public String sha256(String remotePath) {
                    return session.sha256(remotePath);
                }

                @Override
                public CommandResult run(List<String> argv, Duration timeout, Consumer<String> outputLine) {
                    return session.run(argv, timeout, outputLine);
                }

                @Override
                public void close() {
                    session.close();
                }
            };
        }

        @Override
        public void trust(HostKeyRejected rejected) {
            real.trust(rejected);
        }
    }
}
