package io.camfleet.console.service.diagnostics;

import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.deploy.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;

import static io.camfleet.console.service.diagnostics.BundleDesk.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The bundle against a scripted camera: names, limits, redaction and what is kept, on a real H2 desk. */
class DiagnosticsBundleTest {

    static final String LOGS = "/var/log/camos";
    static final String CONFIG = "/etc/camos";
    static final Target CAMERA = new Target("AMS-01-C01", "ams-01", "10.0.0.1", "jump.example", "");

    @TempDir
    Path dir;
    BundleDesk desk;
    final ScriptedCamera camera = new ScriptedCamera().folder(LOGS).folder(CONFIG);

    @BeforeEach
    void open() {
        desk = new BundleDesk(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        desk.close();
    }

    private static DiagnosticsSettings limits(long bundle, long file) {
        return new DiagnosticsSettings(List.of(LOGS), CONFIG, bundle, file, "camfleet");
    }

    private TimelineEntry.Attachment collect(DiagnosticsSettings settings) {
        return desk.bundle(settings).collect(desk.ticket.id(), CAMERA, camera, Progress.NONE);
    }

    private Map<String, byte[]> entries(TimelineEntry.Attachment a) throws Exception {
        return BundleDesk.unzip(desk.data.resolve(a.storedPath()));
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void theBundleIsAttachedAndAuditedWithTheChecksumAndSizeOfTheBytesOnDisk() throws Exception {
        camera.file(LOGS, "agent.log", "started\n").file(CONFIG, "agent.conf", "log_level = info\n");

        TimelineEntry.Attachment a = collect(DiagnosticsSettings.DEFAULTS);
        TimelineEntry.Attachment again = collect(DiagnosticsSettings.DEFAULTS);

        Path file = desk.data.resolve(a.storedPath());
        byte[] onDisk = Files.readAllBytes(file);
        assertThat(a.storedPath()).isEqualTo("attachments/ticket-" + desk.ticket.id() + "/AMS-01-C01-20261207-100000.zip");
        assertThat(again.name()).isEqualTo("AMS-01-C01-20261207-100000-2.zip");
        assertThat(a.sha256()).isEqualTo(BundleDesk.sha256(onDisk));
        assertThat(a.size()).isEqualTo(onDisk.length);
        assertThat(desk.bundle(DiagnosticsSettings.DEFAULTS).file(a)).isEqualTo(file);
        assertThat(desk.attachments()).containsExactly(a, again);
        assertThat(desk.audited).filteredOn(e -> e.action().equals("ticket.attach"))
                .extracting(AuditEvent::outcome).containsExactly(AuditOutcome.STARTED, AuditOutcome.SUCCEEDED,
                        AuditOutcome.STARTED, AuditOutcome.SUCCEEDED);
        assertThat(entries(a)).containsOnlyKeys("etc/camos/agent.conf", "var/log/camos/agent.log", "MANIFEST.txt");
        assertThat(text(entries(a).get("var/log/camos/agent.log"))).isEqualTo("started\n");
        assertThat(desk.filesKept()).containsExactlyInAnyOrder(file, desk.data.resolve(again.storedPath()));
    }

    @Test
    void hostileNamesStayInsideTheZipsFoldersAndTakeOneManifestLineEach() throws Exception {
        camera.file(CONFIG, "agent.conf", "x = 1\n");
        for (String name : List.of("agent.log", "../../x", "..", "a/b", "evil\nMANIFEST.txt", "x\\..\\y", "-rf",
                "ünï.log", "a\u2028b", "agent.log\r")) {
            camera.file(LOGS, name, name);
        }

        Map<String, byte[]> entries = entries(collect(DiagnosticsSettings.DEFAULTS));

        assertThat(entries.keySet()).containsExactlyInAnyOrder("etc/camos/agent.conf", "var/log/camos/agent.log",
                "var/log/camos/evil_MANIFEST.txt", "var/log/camos/x_.._y", "var/log/camos/-rf",
                "var/log/camos/_n_.log", "var/log/camos/a_b", "var/log/camos/agent.log_", "MANIFEST.txt");
        assertThat(text(entries.get("var/log/camos/evil_MANIFEST.txt"))).isEqualTo("evil\nMANIFEST.txt");
        assertThat(camera.copied).noneMatch(p -> p.contains("/..") || p.contains("a/b"));
        String manifest = text(entries.get("MANIFEST.txt"));
        // 3 heading lines, a blank, "Included", 8 files, a blank, "Left out", 3 names not read
        assertThat(manifest.lines()).hasSize(3 + 1 + 1 + 8 + 1 + 1 + 3);
        assertThat(manifest).contains("var/log/camos/evil_MANIFEST.txt  17 bytes, renamed from "
                        + "/var/log/camos/evil\\nMANIFEST.txt")
                .contains("/var/log/camos/../../x: not a plain file name, not read")
                .contains("/var/log/camos/a/b: not a plain file name, not read")
                .contains("/var/log/camos/..: not a plain file name, not read")
                .contains("renamed from /var/log/camos/a\\u2028b")
                .contains("renamed from /var/log/camos/agent.log\\r");
    }

    @Test
    void configFilesAreRedactedLineByLineAndABinaryOneIsLeftOut() throws Exception {
        camera.file(CONFIG, "agent.conf", """
                device_id = cam-1
                api_token = cfk_0123456789abcdef
                -----BEGIN OPENSSH PRIVATE KEY-----
                b3BlbnNzaC1rZXktdjEAAAAA
                QyNTUxOQAAACBk
                -----END OPENSSH PRIVATE KEY-----
                db_password: "hunter2"
                log_level = info
                """).file(CONFIG, "blob.bin", new byte[] {'a', 0, 'b'}, Instant.EPOCH)
                .file(LOGS, "agent.log", "token=abc stays: logs are kept as the camera wrote them\n");

        Map<String, byte[]> entries = entries(collect(DiagnosticsSettings.DEFAULTS));

        String conf = text(entries.get("etc/camos/agent.conf"));
        assertThat(conf).contains("device_id = cam-1", "log_level = info", "api_token = [redacted]")
                .doesNotContain("cfk_0123", "b3Blbn", "QyNTUx", "hunter2");
        assertThat(conf.lines()).hasSize(8);
        assertThat(entries).doesNotContainKey("etc/camos/blob.bin");
        assertThat(text(entries.get("MANIFEST.txt")))
                .contains("etc/camos/agent.conf  ", ", redacted")
                .contains("/etc/camos/blob.bin: a binary file among the config files");
    }

    @Test
    void aLongLogKeepsItsEndAndTheBundleLimitLeavesTheOldestLogsOut() throws Exception {
        byte[] newest = random(3000, 1);
        camera.file(CONFIG, "agent.conf", ("x".repeat(99) + "\n").getBytes(StandardCharsets.UTF_8),
                        Instant.parse("2026-12-01T00:00:00Z"))
                .file(LOGS, "new.log", newest, Instant.parse("2026-12-07T09:00:00Z"))
                .file(LOGS, "mid.log", random(1500, 2), Instant.parse("2026-12-07T08:00:00Z"))
                .file(LOGS, "old.log", random(1500, 3), Instant.parse("2026-12-07T07:00:00Z"));

        // 5,000 bytes in all, 2,048 a file. The config first: 100, leaving 4,900. Then the newest log first:
        // new.log keeps its last 2,048 of 3,000 bytes, leaving 2,852; mid.log whole, 1,500, leaving 1,352;
        // old.log's 1,500 do not fit: left out. Included: 100 + 2,048 + 1,500 = 3,648 bytes.
        Map<String, byte[]> entries = entries(collect(limits(5000, 2048)));

        assertThat(entries.get("var/log/camos/new.log")).isEqualTo(Arrays.copyOfRange(newest, 3000 - 2048, 3000));
        assertThat(entries.get("var/log/camos/mid.log")).hasSize(1500);
        assertThat(entries).doesNotContainKey("var/log/camos/old.log");
        assertThat(text(entries.get("MANIFEST.txt")))
                .contains("Included: 3 files, 3648 bytes from the camera.")
                .contains("var/log/camos/new.log  the last 2048 of 3000 bytes")
                .contains("/var/log/camos/old.log  1500 bytes: the bundle's limit of 5000 bytes was reached");
    }

    @Test
    void linksAreNotFollowedAndFoldersAreWalkedToABoundedDepth() throws Exception {
        camera.link(LOGS, "current.log");
        String folder = LOGS;
        for (int depth = 1; depth <= BundleWriter.MAX_DEPTH + 2; depth++) {
            folder += "/d" + depth;
            camera.file(folder, "f.log", "at depth " + depth);
        }

        Map<String, byte[]> entries = entries(collect(DiagnosticsSettings.DEFAULTS));

        assertThat(entries.keySet()).filteredOn(n -> n.endsWith("f.log")).hasSize(BundleWriter.MAX_DEPTH);
        assertThat(entries).containsKey("var/log/camos/d1/d2/d3/d4/d5/d6/d7/d8/f.log")
                .doesNotContainKey("var/log/camos/current.log");
        assertThat(text(entries.get("MANIFEST.txt")))
                .contains("/var/log/camos/current.log: a symbolic link or special file, not followed")
                .contains("/var/log/camos/d1/d2/d3/d4/d5/d6/d7/d8/d9: deeper than 8 folders, not walked");
    }

    @Test
    void theListingStopsAtItsBoundOfEntries() throws Exception {
        camera.file(CONFIG, "agent.conf", "x = 1\n");
        for (int i = 0; i < BundleWriter.MAX_ENTRIES + 50; i++) {
            camera.file(LOGS, "f" + i + ".log", "x");
        }

        Map<String, byte[]> entries = entries(collect(DiagnosticsSettings.DEFAULTS));

        // the config folder's one entry was listed first: 9,999 of the log folder's remain within 10,000
        assertThat(entries.keySet()).filteredOn(n -> n.startsWith("var/log/camos/"))
                .hasSize(BundleWriter.MAX_ENTRIES - 1);
        assertThat(text(entries.get("MANIFEST.txt"))).contains("/var/log/camos: the listing stopped at 10000 entries");
    }

    @Test
    void aClosedOrUnknownTicketIsRefusedBeforeTheCameraIsDialled() throws Exception {
        desk.tickets.move(desk.ticket.id(), TicketStatus.CLOSED, "duplicate");
        DiagnosticsBundle bundle = desk.bundle(DiagnosticsSettings.DEFAULTS);

        assertThatThrownBy(() -> bundle.collect(desk.ticket.id(), CAMERA, camera, Progress.NONE))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("tickets.closed"));
        assertThatThrownBy(() -> bundle.collect(999, CAMERA, camera, Progress.NONE))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("tickets.unknown"));
        assertThat(camera.opened).hasValue(0);
        assertThat(desk.filesKept()).isEmpty();
    }

    @Test
    void aCancelledBundleLeavesNoFileAndNoAttachment() throws Exception {
        camera.file(LOGS, "a.log", "a").file(LOGS, "b.log", "b");
        Progress cancelAfterOne = new Progress() {
            int updates;

            @Override
            public void update(String message, long done, long total) {
                updates++;
            }

            @Override
            public boolean isCancelled() {
                return updates >= 1;
            }
        };

        assertThatThrownBy(() -> desk.bundle(DiagnosticsSettings.DEFAULTS)
                .collect(desk.ticket.id(), CAMERA, camera, cancelAfterOne))
                .isInstanceOf(CancellationException.class);
        assertThat(desk.filesKept()).isEmpty();
        assertThat(desk.attachments()).isEmpty();
    }

    @Test
    void aMissingFolderIsNamedInTheManifestAndTheRestIsCollected() throws Exception {
        camera.file(LOGS, "agent.log", "x");
        DiagnosticsSettings settings = new DiagnosticsSettings(List.of(LOGS, "/var/log/nowhere"), CONFIG,
                DiagnosticsSettings.DEFAULTS.maxBundleBytes(), DiagnosticsSettings.DEFAULTS.maxFileBytes(), "camfleet");

        Map<String, byte[]> entries = entries(collect(settings));

        assertThat(entries).containsKey("var/log/camos/agent.log");
        assertThat(text(entries.get("MANIFEST.txt"))).contains("/var/log/nowhere: Could not list the folder");
    }

    @Test
    void settingsOutOfBoundsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> limits(1000, 2000)).hasMessageContaining("maxFileBytes");
        assertThatThrownBy(() -> new DiagnosticsSettings(List.of("var/log"), CONFIG, 5000, 2048, "camfleet"))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> new DiagnosticsSettings(List.of("/var/log/../../etc"), CONFIG, 5000, 2048,
                "camfleet")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> new DiagnosticsSettings(List.of(LOGS), CONFIG, 5000, 2048, "-oProxyCommand=x"))
                .hasMessageContaining("sshUser");
        assertThat(DiagnosticsSettings.SECTION.read(DiagnosticsSettings.SECTION.write(DiagnosticsSettings.DEFAULTS)))
                .isEqualTo(DiagnosticsSettings.DEFAULTS);
        assertThat(tuple(DiagnosticsSettings.DEFAULTS.maxBundleBytes(), DiagnosticsSettings.DEFAULTS.maxFileBytes()))
                .isEqualTo(tuple(50L * 1024 * 1024, 10L * 1024 * 1024));
    }

    @Test
    void theDefaultOffsetCopyDropsTheBytesBeforeItsOffset() {
        camera.file(LOGS, "x.log", "0123456789");
        var out = new java.io.ByteArrayOutputStream();

        long n = camera.copy(LOGS + "/x.log", 7, out, 100);

        assertThat(n).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("789");
    }
}
