package io.camfleet.console.adapter.aws;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.backup.BackupOutcome;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.OffsiteCopy;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.backup.BackupSettings;
import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.backup.LocalFolderCameras;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Config backup versions copied to S3, against a real moto_server; the cameras' folders are local folders. */
class S3BackupCopiesTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    @TempDir
    Path temp;

    private CacheDatabase db;
    private AwsClients clients;
    private Environment env;
    private Path folder;

    @BeforeEach
    void open() throws IOException {
        db = CacheDatabase.open(temp.resolve("data"), Clock.systemUTC());
        clients = moto.clients(op -> { });
        env = moto.environment("prod", "moto-a", "eu-west-1");
        folder = Files.createDirectories(temp.resolve("cam-1/etc/camos"));
        Files.writeString(folder.resolve("camera.conf"), "fps=25\n");
        Files.createDirectories(folder.resolve("net"));
        Files.writeString(folder.resolve("net/wifi.conf"), "psk=hunter2\n");
    }

    @AfterEach
    void close() {
        clients.close();
        db.close();
    }

    private ConfigBackups backups(String bucket) {
        BackupSettings settings = new BackupSettings(folder.toString(), 1 << 20, 100, bucket, "backups/", "prod");
        return new ConfigBackups(db.backups(), new AuditService(new JdbcAuditTrail(db.dataSource()),
                new AuditAnchorFiles(temp.resolve("data")), new Operator("nina", ""), Clock.systemUTC()),
                Clock.systemUTC(), () -> settings, new S3BackupCopies(() -> clients, () -> List.of(env)),
                new Messages(Locale.ROOT));
    }

    private S3Client s3() {
        return clients.s3(env);
    }

    private void bucket(String name) {
        s3().createBucket(b -> b.bucket(name).createBucketConfiguration(CreateBucketConfiguration.builder()
                .locationConstraint("eu-west-1").build()));
    }

    private static final Target CAMERA = new Target("cam-1", "site-1", "", "", "");

    @Test
    void eachNewVersionIsPutAsAZipWithItsChecksumAndTheStoreRecordsWhere() throws Exception {
        bucket("camfleet-backups");
        ConfigBackups backups = backups("camfleet-backups");

        BackupOutcome first = backups.backup(List.of(CAMERA), new LocalFolderCameras(), "ops").getFirst();

        BackupVersion v1 = first.version();
        assertThat(v1.copy()).isEqualTo(OffsiteCopy.stored("backups/cam-1/1.zip"));
        assertThat(db.backups().version("cam-1", 1).orElseThrow().copy()).isEqualTo(v1.copy());
        ResponseBytes<GetObjectResponse> object = s3().getObjectAsBytes(b -> b.bucket("camfleet-backups")
                .key("backups/cam-1/1.zip"));
        assertThat(object.response().metadata()).containsEntry(S3BackupCopies.CHECKSUM, v1.checksum())
                .containsEntry(S3BackupCopies.CAMERA, "cam-1").containsEntry(S3BackupCopies.VERSION, "1");
        assertThat(unzip(object.asByteArray())).containsEntry("config/camera.conf", "fps=25\n")
                .containsEntry("config/net/wifi.conf", "psk=hunter2\n")
                .containsKey("VERSION.txt");

        BackupOutcome again = backups.backup(List.of(CAMERA), new LocalFolderCameras(), "ops").getFirst();

        assertThat(again.result()).isEqualTo(BackupOutcome.Result.UNCHANGED);
        assertThat(s3().listObjectsV2(b -> b.bucket("camfleet-backups")).contents()).hasSize(1);
    }

    @Test
    void aFailedPutKeepsTheVersionAndSaysWhyOnIt() {
        ConfigBackups backups = backups("no-such-bucket");

        BackupOutcome outcome = backups.backup(List.of(CAMERA), new LocalFolderCameras(), "ops").getFirst();

        assertThat(outcome.result()).isEqualTo(BackupOutcome.Result.NEW_VERSION);
        assertThat(outcome.version().copy().state()).isEqualTo(OffsiteCopy.State.FAILED);
        assertThat(outcome.version().copy().problem())
                .startsWith("Could not put backups/cam-1/1.zip to the S3 bucket no-such-bucket for cam-1: ")
                .endsWith("The version is kept in the console; check the bucket and its credentials.");
        BackupVersion stored = db.backups().version("cam-1", 1).orElseThrow();
        assertThat(stored.copy()).isEqualTo(outcome.version().copy());
        assertThat(db.backups().files("cam-1", 1)).hasSize(2);
    }

    @Test
    void keysAreThePrefixTheCameraAndTheVersion() {
        assertThat(S3BackupCopies.key("backups/", "cam-1", 3)).isEqualTo("backups/cam-1/3.zip");
        assertThat(S3BackupCopies.key("a/b", "cam-1", 3)).isEqualTo("a/b/cam-1/3.zip");
        assertThat(S3BackupCopies.key("", "cam-1", 3)).isEqualTo("cam-1/3.zip");
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
