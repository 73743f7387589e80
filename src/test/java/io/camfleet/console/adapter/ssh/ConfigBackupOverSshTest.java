package io.camfleet.console.adapter.ssh;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.backup.BackupOutcome;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.ConfigDiff;
import io.camfleet.console.domain.backup.DiffRow;
import io.camfleet.console.domain.backup.FileDiff;
import io.camfleet.console.domain.backup.RestoreReport;
import io.camfleet.console.domain.backup.TakenFile;
import io.camfleet.console.service.audit.AuditQuery;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.backup.BackupSettings;
import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.backup.OffsiteCopies;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Config backup, diff and restore against a real OpenSSH sshd on loopback addresses, each address a camera whose
 * configuration folder is a folder of the test; with cameras that drop the connection mid-backup and mid-restore.
 */
class ConfigBackupOverSshTest {

    @RegisterExtension
    static final SshdFixture sshd = new SshdFixture();

    @TempDir
    Path temp;

    private CacheDatabase db;
    private AuditService audit;
    private BackupSettings settings;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("data"), Clock.systemUTC());
        audit = new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(temp.resolve("data")),
                new Operator("nina", ""), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A camera at {@code ip}, its configuration folder made empty; the backups read that folder. */
    private Path camera(String ip) throws IOException {
        Path folder = sshd.hostsDir().resolve(ip).resolve("etc/camos");
        if (Files.exists(folder)) {
            try (Stream<Path> all = Files.walk(folder)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(folder);
        settings = new BackupSettings(folder.toString(), BackupSettings.DEFAULTS.maxVersionBytes(),
                BackupSettings.DEFAULTS.maxFiles(), "", "", "");
        return folder;
    }

    private ConfigBackups backups() {
        return new ConfigBackups(db.backups(), audit, Clock.systemUTC(), () -> settings, OffsiteCopies.NONE,
                new Messages(Locale.ROOT));
    }

    private HostConnector connector(String... ips) throws Exception {
        return new SshjHostConnector(sshd.settings(sshd.knownHosts(temp.resolve("known_hosts"), List.of(ips))));
    }

    private static Target target(String ip) {
        return new Target("cam-" + ip, "site-1", sshd.address(ip), "", "");
    }

    /** Every regular file below {@code folder} by its relative path, with its content. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private List<AuditEvent> audited(String action) {
        return audit.search(AuditQuery.latest(100)).stream().filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void aBackupKeepsEveryFileAndASecondBackupOfTheSameFolderIsUnchanged() throws Exception {
        Path folder = camera("127.0.0.2");
        Files.writeString(folder.resolve("camera.conf"), "fps=25\nres=1080p\n");
        Files.createDirectories(folder.resolve("net"));
        Files.writeString(folder.resolve("net/wifi.conf"), "psk=hunter2\n");
        byte[] key = new byte[4096];
        new Random(1).nextBytes(key);
        Files.write(folder.resolve("net/client.key"), key);
        Files.createSymbolicLink(folder.resolve("current"), Path.of("/etc/passwd"));
        ConfigBackups backups = backups();
        Target cam = target("127.0.0.2");

        BackupOutcome first = backups.backup(List.of(cam), connector("127.0.0.2"), sshd.user()).getFirst();

        assertThat(first.result()).isEqualTo(BackupOutcome.Result.NEW_VERSION);
        assertThat(first.problem()).isEmpty();
        assertThat(first.skipped()).as("a symbolic link is neither followed nor kept").containsExactly("current");
        BackupVersion v1 = first.version();
        assertThat(v1.number()).isEqualTo(1);
        assertThat(v1.files()).isEqualTo(3);
        // "fps=25\n" 7 + "res=1080p\n" 10, "psk=hunter2\n" 12, the key 4096.
        assertThat(v1.bytes()).isEqualTo(7 + 10 + 12 + 4096);
        assertThat(v1.takenBy()).isEqualTo("nina");
        List<TakenFile> stored = db.backups().files(cam.cameraId(), 1);
        assertThat(stored).extracting(f -> f.file().path())
                .containsExactly("camera.conf", "net/client.key", "net/wifi.conf");
        assertThat(stored.get(1).bytes()).isEqualTo(key);

        BackupOutcome second = backups.backup(List.of(cam), connector("127.0.0.2"), sshd.user()).getFirst();

        assertThat(second.result()).isEqualTo(BackupOutcome.Result.UNCHANGED);
        assertThat(second.version()).isEqualTo(v1);
        assertThat(backups.versions(cam.cameraId())).containsExactly(v1);
        assertThat(backups.lastBackupAge(cam.cameraId())).isPresent();
        assertThat(audited(AuditActions.BACKUP_TAKE)).extracting(AuditEvent::outcome).containsExactlyInAnyOrder(
                AuditOutcome.STARTED, AuditOutcome.SUCCEEDED, AuditOutcome.STARTED, AuditOutcome.SUCCEEDED);
        assertThat(audited(AuditActions.BACKUP_TAKE)).as("no content, no secret in the audit")
                .noneMatch(e -> e.parameters().toString().contains("hunter2"));
    }

    @Test
    void twoVersionsAreDiffedFileByFileAndLineByLine() throws Exception {
        Path folder = camera("127.0.0.3");
        Files.writeString(folder.resolve("camera.conf"), "fps=25\nres=1080p\nbitrate=4000\n");
        Files.writeString(folder.resolve("old.conf"), "legacy=1\n");
        ConfigBackups backups = backups();
        Target cam = target("127.0.0.3");
        backups.backup(List.of(cam), connector("127.0.0.3"), sshd.user());
        Files.writeString(folder.resolve("camera.conf"), "fps=30\nres=1080p\n");
        Files.delete(folder.resolve("old.conf"));
        Files.writeString(folder.resolve("new.conf"), "modern=1\n");
        assertThat(backups.backup(List.of(cam), connector("127.0.0.3"), sshd.user()).getFirst().version().number())
                .isEqualTo(2);

        ConfigDiff diff = backups.diff(cam.cameraId(), 1, 2);

        // By hand: camera.conf loses bitrate and changes fps; new.conf is added; old.conf is removed.
        assertThat(diff.files()).extracting(FileDiff::path, FileDiff::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("camera.conf", DiffRow.Change.CHANGED),
                org.assertj.core.groups.Tuple.tuple("new.conf", DiffRow.Change.ADDED),
                org.assertj.core.groups.Tuple.tuple("old.conf", DiffRow.Change.REMOVED));
        assertThat(diff.files().getFirst().rows()).containsExactly(
                new DiffRow(DiffRow.Change.CHANGED, 1, "fps=25", 1, "fps=30"),
                new DiffRow(DiffRow.Change.SAME, 2, "res=1080p", 2, "res=1080p"),
                new DiffRow(DiffRow.Change.REMOVED, 3, "bitrate=4000", 0, ""));
        assertThat(catchThrowableOfType(Problem.class, () -> backups.diff(cam.cameraId(), 1, 7)).key())
                .isEqualTo("backup.noVersion");
    }

    @Test
    void aRestoreGivesBackTheVersionExactlyRemovesNewerFilesAndBecomesTheLatestVersion() throws Exception {
        Path folder = camera("127.0.0.4");
        Files.writeString(folder.resolve("camera.conf"), "fps=25\n");
        Files.createDirectories(folder.resolve("certs"));
        Files.writeString(folder.resolve("certs/ca.pem"), "-----BEGIN CERTIFICATE-----\nAAA\n");
        Files.writeString(folder.resolve("secret.key"), "k=1\n");
        Files.setPosixFilePermissions(folder.resolve("secret.key"), PosixFilePermissions.fromString("rw-------"));
        ConfigBackups backups = backups();
        Target cam = target("127.0.0.4");
        HostConnector connector = connector("127.0.0.4");
        BackupVersion v1 = backups.backup(List.of(cam), connector, sshd.user()).getFirst().version();
        Map<String, String> asInV1 = contents(folder);
        Files.writeString(folder.resolve("camera.conf"), "fps=60\n");
        Files.delete(folder.resolve("certs/ca.pem"));
        Files.delete(folder.resolve("certs"));
        Files.writeString(folder.resolve("override.conf"), "debug=1\n");
        Files.writeString(folder.resolve("secret.key"), "k=2\n");

        RestoreReport report = backups.restore(cam, 1, true, connector, sshd.user());

        assertThat(contents(folder)).isEqualTo(asInV1);
        assertThat(report.written()).containsExactly("camera.conf", "certs/ca.pem", "secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("secret.key"))))
                .as("a file replaced keeps its permissions").isEqualTo("rw-------");
        assertThat(report.removed()).containsExactly("override.conf");
        assertThat(report.before().number()).as("what the camera held is kept first").isEqualTo(2);
        assertThat(db.backups().files(cam.cameraId(), 2)).extracting(f -> f.file().path())
                .contains("override.conf");
        assertThat(report.readBack().number()).isEqualTo(3);
        assertThat(report.readBack().restoredFrom()).isEqualTo(1);
        assertThat(report.readBack().checksum()).isEqualTo(v1.checksum());
        assertThat(backups.versions(cam.cameraId()).getFirst()).isEqualTo(report.readBack());
        assertThat(audited(AuditActions.BACKUP_RESTORE)).extracting(AuditEvent::outcome)
                .containsExactlyInAnyOrder(AuditOutcome.STARTED, AuditOutcome.SUCCEEDED);
    }

    @Test
    void aRestoreWithoutConfirmationIsRefusedAndChangesNothing() throws Exception {
        Path folder = camera("127.0.0.5");
        Files.writeString(folder.resolve("camera.conf"), "fps=25\n");
        ConfigBackups backups = backups();
        Target cam = target("127.0.0.5");
        backups.backup(List.of(cam), connector("127.0.0.5"), sshd.user());
        Files.writeString(folder.resolve("camera.conf"), "fps=60\n");

        Problem refused = catchThrowableOfType(Problem.class,
                () -> backups.restore(cam, 1, false, connector("127.0.0.5"), sshd.user()));

        assertThat(refused.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
        assertThat(refused.key()).isEqualTo("backup.confirm");
        assertThat(refused.getMessage()).contains("cam-127.0.0.5", "version 1", "--yes");
        assertThat(Files.readString(folder.resolve("camera.conf"))).isEqualTo("fps=60\n");
        assertThat(audited(AuditActions.BACKUP_RESTORE)).isEmpty();
        assertThat(catchThrowableOfType(Problem.class,
                () -> backups.restore(cam, 4, true, connector("127.0.0.5"), sshd.user())).key())
                .isEqualTo("backup.noVersion");
    }

    @Test
    void hostileFileNamesAreKeptAsTheyAreAndWrittenBackLiterally() throws Exception {
        Path folder = camera("127.0.0.6");
        List<String> names = List.of("-rf", "$(touch pwned)", "`id`", "it's \"quoted\".conf", "two\nlines",
                "spaced name.conf", "ünïcödé.conf", "; rm -rf ~");
        for (String name : names) {
            Files.writeString(folder.resolve(name), "content of " + name + "\n");
        }
        ConfigBackups backups = backups();
        Target cam = target("127.0.0.6");
        HostConnector connector = connector("127.0.0.6");
        assertThat(backups.backup(List.of(cam), connector, sshd.user()).getFirst().version().files())
                .isEqualTo(names.size());
        Map<String, String> original = contents(folder);
        for (String name : names) {
            Files.writeString(folder.resolve(name), "changed\n");
        }

        backups.restore(cam, 1, true, connector, sshd.user());

        assertThat(contents(folder)).isEqualTo(original);
        assertThat(sshd.hostsDir().resolve("127.0.0.6/pwned")).doesNotExist();
        assertThat(folder.resolve("pwned")).doesNotExist();
    }

    @Test
    void aCameraDroppingTheConnectionMidBackupStoresNoHalfVersion() throws Exception {
        Path folder = camera("127.0.0.7");
        for (int i = 0; i < 5; i++) {
            Files.writeString(folder.resolve("file" + i + ".conf"), "n=" + i + "\n");
        }
        ConfigBackups backups = backups();
        Target cam = target("127.0.0.7");

        BackupOutcome outcome = backups.backup(List.of(cam),
                new DroppingConnector(connector("127.0.0.7"), "copy", 3), sshd.user()).getFirst();

        assertThat(outcome.result()).isEqualTo(BackupOutcome.Result.FAILED);
        assertThat(outcome.version()).isNull();
        assertThat(outcome.problem()).startsWith("The connection to " + sshd.address("127.0.0.7") + " was lost");
        assertThat(backups.versions(cam.cameraId())).isEmpty();
        assertThat(backups.lastBackups()).doesNotContainKey(cam.cameraId());
        assertThat(audited(AuditActions.BACKUP_TAKE)).extracting(AuditEvent::outcome)
                .containsExactlyInAnyOrder(AuditOutcome.STARTED, AuditOutcome.FAILED);
    }

    @Test
    void aCameraDroppingTheConnectionMidRestoreIsNamedWithTheFilesDoneAndAuditedAsFailed() throws Exception {
        Path folder = camera("127.0.0.8");
        for (int i = 0; i < 4; i++) {
            Files.writeString(folder.resolve("file" + i + ".conf"), "n=" + i + "\n");
        }
        ConfigBackups backups = backups();
        Target cam = target("127.0.0.8");
        backups.backup(List.of(cam), connector("127.0.0.8"), sshd.user());
        for (int i = 0; i < 4; i++) {
            Files.writeString(folder.resolve("file" + i + ".conf"), "changed\n");
        }

        Problem failed = catchThrowableOfType(Problem.class, () -> backups.restore(cam, 1, true,
                new DroppingConnector(connector("127.0.0.8"), "write", 2), sshd.user()));

        assertThat(failed.key()).isEqualTo("backup.restoreFailed");
        // The first write went through; the connection died before the second.
        assertThat(failed.getMessage()).contains("cam-127.0.0.8", "after 1 of 4 files", "(file0.conf)",
                "The connection to " + sshd.address("127.0.0.8") + " was lost");
        assertThat(Files.readString(folder.resolve("file0.conf"))).isEqualTo("n=0\n");
        assertThat(Files.readString(folder.resolve("file1.conf"))).isEqualTo("changed\n");
        assertThat(audited(AuditActions.BACKUP_RESTORE)).extracting(AuditEvent::outcome)
                .containsExactlyInAnyOrder(AuditOutcome.STARTED, AuditOutcome.FAILED);
        assertThat(backups.versions(cam.cameraId())).as("nothing claims the restore happened")
                .noneMatch(BackupVersion::afterRestore);
    }

    @Test
    void anOversizedFolderIsRefusedWithASentenceAndAnUnreachableCameraDoesNotStopTheOthers() throws Exception {
        Path folder = camera("127.0.0.9");
        Files.write(folder.resolve("huge.bin"), new byte[2000]);
        settings = new BackupSettings(settings.configFolder(), 1000, 500, "", "", "");
        ConfigBackups backups = backups();
        Target nobody = new Target("cam-gone", "site-1", "127.0.0.1:1", "", "");

        List<BackupOutcome> outcomes = backups.backup(List.of(target("127.0.0.9"), nobody),
                connector("127.0.0.9"), sshd.user());

        assertThat(outcomes).extracting(BackupOutcome::result)
                .containsExactly(BackupOutcome.Result.FAILED, BackupOutcome.Result.FAILED);
        assertThat(outcomes.get(0).problem()).isEqualTo("The configuration folder " + folder + " of cam-127.0.0.9 "
                + "holds more than 1000 bytes, the most one version takes: nothing was stored. Clear the folder on "
                + "the camera, or raise maxVersionBytes in the backup settings.");
        assertThat(outcomes.get(1).problem()).startsWith("Could not connect to 127.0.0.1:1");
        assertThat(db.backups().lastBackups()).isEmpty();

        settings = new BackupSettings(settings.configFolder(), 100_000, 2, "", "", "");
        Files.delete(folder.resolve("huge.bin"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(folder.resolve("f" + i), "x");
        }
        assertThat(backups.backup(List.of(target("127.0.0.9")), connector("127.0.0.9"), sshd.user()).getFirst()
                .problem()).contains("more than 2 files and folders");
    }
}
