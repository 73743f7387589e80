package io.camfleet.console.app;

import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.service.common.Problem;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail against someone who can write the cache file but not the data folder's audit key and anchor:
 * each way of rewriting history is caught by {@code camfleet audit verify}, named in a sentence of its own, and
 * exits 1. Real H2 files, real files beside them, the command line as a script runs it.
 */
class AuditTamperTest {

    @TempDir
    Path dir;

    private Cli cli;
    private Path data;

    private Cli cli() {
        if (cli == null) {
            cli = new Cli(dir.resolve("home"));
        }
        return cli;
    }

    /** A data folder whose trail holds {@code n} events, closed. */
    private Path folderWith(String name, int n) {
        Path folder = dir.resolve(name);
        record(folder, 1, n);
        return folder;
    }

    private void record(Path folder, int from, int to) {
        try (ConsoleServices s = cli().runtime().openServices(folder, cli().runtime().demoFleet(10, 1))) {
            for (int i = from; i <= to; i++) {
                s.audit().record("deploy.approve", "dep-" + i, Map.of("wave", Integer.toString(i)),
                        i % 3 == 0 ? AuditOutcome.FAILED : AuditOutcome.SUCCEEDED);
            }
        }
    }

    private String verifyFails() {
        assertThat(cli().run("audit", "verify", "--data-dir", data.toString())).as(cli().err())
                .isEqualTo(ExitCodes.FAILED);
        assertThat(cli().err().strip()).doesNotContain("\n");
        return cli().err();
    }

    @Test
    void anUntouchedTrailIsIntactAndItsKeyIsPrivateAndOutsideTheCache() throws Exception {
        data = folderWith("data", 6);
        assertThat(cli().run("audit", "verify", "--data-dir", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(cli().out()).contains("Audit chain intact: 6 events checked in " + data);

        Path key = data.resolve("audit.key");
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        byte[] cache = Files.readAllBytes(data.resolve("cache.mv.db"));
        assertThat(indexOf(cache, Files.readAllBytes(key))).isEqualTo(-1);
        assertThat(Files.readAllLines(data.resolve("audit.anchor")))
                .filteredOn(l -> l.startsWith("head ")).hasSize(6).last().asString().startsWith("head 6 ");
    }

    @Test
    void eventsCutFromTheEndAreNamed() throws Exception {
        data = folderWith("data", 6);
        CacheTamper.sql(data, "DELETE FROM audit_event WHERE seq >= 5");
        assertThat(verifyFails()).contains("broken at event 5",
                "events 5 to 6 were removed from the end of the trail: its head row still records event 6");
    }

    @Test
    void everyEventDeletedIsNamed() throws Exception {
        data = folderWith("data", 6);
        CacheTamper.sql(data, "DELETE FROM audit_event", "DELETE FROM audit_head");
        assertThat(verifyFails()).contains("every audit event was deleted: the cache holds none, but audit.anchor"
                + " records 6");
    }

    @Test
    void theLastEventsDeletedWithTheHeadRowRewrittenAreNamed() throws Exception {
        data = folderWith("data", 6);
        CacheTamper.sql(data, "DELETE FROM audit_event WHERE seq >= 5",
                "UPDATE audit_head SET last_seq = 4, last_hash = (SELECT hash FROM audit_event WHERE seq = 4)");
        assertThat(verifyFails()).contains("broken at event 5", "events 5 to 6 were deleted from the end of the"
                + " trail and its head row rewritten to hide it");
    }

    @Test
    void anEventEditedAndSealedAgainWithoutTheKeyIsNamed() throws Exception {
        data = folderWith("data", 6);
        CacheTamper.sql(data, "UPDATE audit_event SET target = 'dep-forged' WHERE seq = 3");
        CacheTamper.resealFrom(data, 3);
        assertThat(verifyFails()).contains("broken at event 3",
                "event 3 was changed and sealed again without the audit key");
    }

    @Test
    void anOlderCopyOfThisFoldersCacheIsNamed() throws Exception {
        data = folderWith("data", 4);
        Path copy = Files.copy(data.resolve("cache.mv.db"), dir.resolve("cache-at-4.mv.db"));
        record(data, 5, 7);
        Files.copy(copy, data.resolve("cache.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(verifyFails()).contains("broken at event 5", "the cache file is an older copy of this folder's"
                + " cache: its trail ends at event 4, but audit.anchor records events up to 7");
    }

    @Test
    void anotherFoldersCacheIsNamed() throws Exception {
        data = folderWith("data", 4);
        Path other = folderWith("other", 6);
        Files.copy(other.resolve("cache.mv.db"), data.resolve("cache.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(verifyFails()).contains("broken at event 1", "the cache file comes from another data folder");
    }

    @Test
    void aMissingKeyIsNamedAndNothingIsSealedWithoutIt() throws Exception {
        data = folderWith("data", 3);
        Files.delete(data.resolve("audit.key"));
        assertThat(verifyFails()).contains("audit.key is missing from the data folder, but audit.anchor shows"
                + " events sealed with it");
        try (ConsoleServices s = cli().runtime().openServices(data, cli().runtime().demoFleet(10, 1))) {
            assertThatThrownBy(() -> s.audit().record("x", "y", Map.of(), AuditOutcome.SUCCEEDED))
                    .isInstanceOf(Problem.class).hasMessageContaining("audit.key is missing from " + data);
        }
        assertThat(data.resolve("audit.key")).doesNotExist();
    }

    @Test
    void aMissingAnchorIsNamed() throws Exception {
        data = folderWith("data", 3);
        Files.delete(data.resolve("audit.anchor"));
        assertThat(verifyFails()).contains("Audit chain cannot be trusted: audit.anchor is missing from the data"
                + " folder while audit.key is there");
    }

    @Test
    void keyedEventsDoNotTurnIntoLegacyOnesWhenTheKeyAndAnchorAreDeleted() throws Exception {
        data = folderWith("data", 3);
        Files.delete(data.resolve("audit.key"));
        Files.delete(data.resolve("audit.anchor"));
        assertThat(verifyFails()).contains("broken at event 1",
                "audit.key and audit.anchor are both missing from the data folder, but event 1 is sealed with the key");
    }

    /**
     * A cache as the console wrote it before the audit key: the schema up to the migration before the key's, and
     * events sealed with plain SHA-256, the head row without a seal.
     */
    private static void cacheFromBeforeTheKey(Path folder, int events) throws Exception {
        Files.createDirectories(folder);
        FluentConfiguration flyway = Flyway.configure()
                .dataSource("jdbc:h2:file:" + folder.toAbsolutePath().resolve("cache"), "camfleet", "")
                .locations("classpath:db/migration");
        MigrationVersion beforeTheKey = Arrays.stream(flyway.load().info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(MigrationVersion.fromVersion("7")) < 0).max(MigrationVersion::compareTo)
                .orElseThrow();
        flyway.target(beforeTheKey).load().migrate();
        try (java.sql.Connection c = CacheTamper.open(folder);
             java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (seq, at, actor,"
                     + " cloud_identity, action, target, parameters, outcome, prev_hash, hash)"
                     + " VALUES (?, CURRENT_TIMESTAMP, 'ops', '', 'fleet.reload', 'Demo', '{}', 'SUCCEEDED', ?, ?)")) {
            for (int i = 1; i <= events; i++) {
                ps.setInt(1, i);
                ps.setString(2, "0".repeat(64));
                ps.setString(3, "0".repeat(64));
                ps.executeUpdate();
            }
            c.createStatement().execute("INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '')");
        }
        CacheTamper.resealFrom(folder, 1);
    }

    @Test
    void aTrailWrittenBeforeTheKeyStillVerifiesAndTheKeyTakesOverAfterIt() throws Exception {
        data = dir.resolve("data");
        cacheFromBeforeTheKey(data, 4);

        assertThat(cli().run("audit", "verify", "--data-dir", data.toString())).as(cli().err())
                .isEqualTo(ExitCodes.OK);
        assertThat(cli().out()).contains("Audit chain intact: 4 events checked",
                "Events 1 to 4 were written before this data folder had an audit key");
        assertThat(data.resolve("audit.key")).doesNotExist();

        record(data, 5, 6);
        assertThat(cli().run("audit", "verify", "--data-dir", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(cli().out()).contains("Audit chain intact: 6 events checked", "Events 1 to 4 were written");
        assertThat(Files.readAllLines(data.resolve("audit.anchor")).subList(1, 3))
                .satisfiesExactly(l -> assertThat(l).startsWith("start ").endsWith(" keyed-from 5"),
                        l -> assertThat(l).startsWith("head 4 "));
    }

    @Test
    void keyedEventsSealedAgainAsLegacyOnesAreCaughtWhateverFileIsDeleted() throws Exception {
        data = dir.resolve("data");
        cacheFromBeforeTheKey(data, 4);
        record(data, 5, 6);
        CacheTamper.sql(data, "UPDATE audit_event SET keyed = FALSE, target = 'forged' WHERE seq = 5");
        CacheTamper.resealFrom(data, 5);
        assertThat(verifyFails()).contains("broken at event 5", "event 5 claims the unkeyed seal of caches written"
                + " before the audit key, but the key seals this trail from event 5");

        Path key = Files.move(data.resolve("audit.key"), dir.resolve("key-elsewhere"));
        assertThat(verifyFails()).contains("audit.key is missing from the data folder");
        Files.move(key, data.resolve("audit.key"));
        Files.delete(data.resolve("audit.anchor"));
        assertThat(verifyFails()).contains("audit.anchor is missing from the data folder");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
