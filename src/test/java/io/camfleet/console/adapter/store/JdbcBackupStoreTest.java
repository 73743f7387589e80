package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.OffsiteCopy;
import io.camfleet.console.domain.backup.TakenFile;
import io.camfleet.console.domain.backup.VersionChecksum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class JdbcBackupStoreTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcBackupStore store;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        store = new JdbcBackupStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static TakenFile text(String path, String content) {
        return TakenFile.of(path, content.getBytes(StandardCharsets.UTF_8));
    }

    private BackupVersion add(String camera, Instant at, int restoredFrom, List<TakenFile> files) {
        return store.add(new BackupVersion(camera, 0, at, "nina",
                VersionChecksum.of(files.stream().map(TakenFile::file).toList()), files.size(),
                files.stream().mapToLong(f -> f.bytes().length).sum(), restoredFrom, OffsiteCopy.PENDING), files);
    }

    @Test
    void aVersionAndItsFilesComeBackByteForByteNumberedPerCamera() {
        byte[] binary = new byte[300_000];
        new Random(3).nextBytes(binary);
        List<TakenFile> files = List.of(text("z.conf", "token=s3cr3t\n"), TakenFile.of("keys/cam.der", binary),
                text("a b/it's \"quoted\"\n.conf", "x=1\n"));

        BackupVersion v1 = add("cam-1", T0, 0, files);
        BackupVersion other = add("cam-2", T0, 0, files.subList(0, 1));
        BackupVersion v2 = add("cam-1", T0.plusSeconds(60), 1, files.subList(0, 2));

        assertThat(v1.number()).isEqualTo(1);
        assertThat(other.number()).isEqualTo(1);
        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.restoredFrom()).isEqualTo(1);
        assertThat(v1.takenAt()).isEqualTo(T0);
        assertThat(store.versions("cam-1")).containsExactly(v2, v1);
        assertThat(store.latest("cam-1")).contains(v2);
        assertThat(store.version("cam-1", 1)).contains(v1);
        assertThat(store.version("cam-1", 3)).isEmpty();
        List<TakenFile> back = store.files("cam-1", 1);
        assertThat(back).extracting(f -> f.file().path())
                .containsExactly("a b/it's \"quoted\"\n.conf", "keys/cam.der", "z.conf");
        assertThat(back.get(1).bytes()).isEqualTo(binary);
        assertThat(back.get(1).file().binary()).isTrue();
        assertThat(back.get(2).bytes()).asString(StandardCharsets.UTF_8).isEqualTo("token=s3cr3t\n");
        assertThat(back.get(2).file()).isEqualTo(files.get(0).file());
        assertThat(store.files("cam-1", 9)).isEmpty();
    }

    @Test
    void aContentSharedByVersionsIsStoredOnce() throws Exception {
        List<TakenFile> files = List.of(text("a.conf", "same\n"), text("b.conf", "same\n"));
        add("cam-1", T0, 0, files);
        add("cam-2", T0, 0, files);

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM config_content")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertThat(store.files("cam-2", 1)).hasSize(2);
    }

    @Test
    void aVersionWhoseFilesCannotBeStoredLeavesNothingBehind() {
        // A path longer than the column (the service refuses such names first) fails the insert of the files after
        // the version's row is in: the whole version must go, not leave the row without its files.
        TakenFile a = text("a.conf", "x\n");
        TakenFile tooLong = text("p".repeat(5000), "y\n");

        assertThatThrownBy(() -> add("cam-1", T0, 0, List.of(a, tooLong))).isInstanceOf(RuntimeException.class);

        assertThat(store.versions("cam-1")).isEmpty();
        assertThat(store.lastBackups()).isEmpty();
    }

    @Test
    void theCopyStateIsRecordedAndTheLastBackupOfEachCameraIsKnown() {
        add("cam-1", T0, 0, List.of(text("a", "1")));
        add("cam-1", T0.plus(Duration.ofHours(2)), 0, List.of(text("a", "2")));
        add("cam-2", T0.plus(Duration.ofHours(1)), 0, List.of(text("a", "1")));

        store.recordCopy("cam-1", 2, OffsiteCopy.stored("backups/cam-1/2.zip"));
        store.recordCopy("cam-1", 1, OffsiteCopy.failed("Access Denied"));

        assertThat(store.version("cam-1", 2).orElseThrow().copy()).isEqualTo(OffsiteCopy.stored("backups/cam-1/2.zip"));
        assertThat(store.version("cam-1", 1).orElseThrow().copy()).isEqualTo(OffsiteCopy.failed("Access Denied"));
        assertThat(store.lastBackups()).isEqualTo(Map.of("cam-1", T0.plus(Duration.ofHours(2)),
                "cam-2", T0.plus(Duration.ofHours(1))));
    }

    @Test
    void theVersionsOfASitesCamerasInATimeRangeAreFoundTheLatestKept() {
        for (int i = 0; i < 5; i++) {
            add("cam-1", T0.plus(Duration.ofMinutes(i)), 0, List.of(text("a", "v" + i)));
        }
        add("cam-2", T0.plus(Duration.ofMinutes(2)), 0, List.of(text("a", "x")));
        add("cam-3", T0.plus(Duration.ofMinutes(2)), 0, List.of(text("a", "y")));

        List<BackupVersion> found = store.between(Set.of("cam-1", "cam-2"), T0.plus(Duration.ofMinutes(1)),
                T0.plus(Duration.ofMinutes(4)), 3);

        // In [1, 4): cam-1 v2 (1 min), v3 (2), v4 (3); cam-2 v1 (2); cam-3 is another site's. The latest three: v4,
        // then v3 and cam-2 v1, both at 2 minutes.
        assertThat(found).extracting(v -> v.cameraId() + " v" + v.number())
                .containsExactlyInAnyOrder("cam-1 v4", "cam-1 v3", "cam-2 v1");
        assertThat(store.between(Set.of(), T0, T0.plusSeconds(3600), 10)).isEmpty();
    }
}
