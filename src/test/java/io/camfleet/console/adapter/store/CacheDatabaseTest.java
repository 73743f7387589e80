package io.camfleet.console.adapter.store;

import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheDatabaseTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T06:50:12Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static List<String> tables(CacheDatabase db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT LOWER(table_name) FROM information_schema.tables "
                     + "WHERE table_schema = 'PUBLIC' ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void migrationsCreateTheSchemaOnAFreshDatabase() throws Exception {
        try (CacheDatabase db = CacheDatabase.open(dir, CLOCK)) {
            assertThat(tables(db)).contains("site", "camera_system", "camera_health", "health_interval",
                    "cache_state", "audit_event", "audit_head", "flyway_schema_history");
            assertThat(db.movedAside()).isEmpty();
        }
        assertThat(dir.resolve("cache.mv.db")).exists();
    }

    @Test
    void reopeningRunsNoMigrationTwiceAndKeepsTheData() throws Exception {
        try (CacheDatabase db = CacheDatabase.open(dir, CLOCK);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO cache_state (id, source, as_of) VALUES (1, 'x', NULL)");
        }
        try (CacheDatabase db = CacheDatabase.open(dir, CLOCK);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT source FROM cache_state")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("x");
        }
    }

    @Test
    void aCorruptCacheIsMovedAsideUntouchedAndAFreshOneCreated() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(dir.resolve("cache.mv.db"), garbage);

        try (CacheDatabase db = CacheDatabase.open(dir, CLOCK)) {
            Path aside = dir.resolve("cache.corrupt-20261126T065012Z.mv.db");
            assertThat(db.movedAside()).contains(aside);
            assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
            assertThat(tables(db)).contains("site", "audit_event");
        }
    }

    @Test
    void aTruncatedCacheIsRecoveredToo() throws Exception {
        try (CacheDatabase db = CacheDatabase.open(dir, CLOCK)) {
            assertThat(tables(db)).isNotEmpty();
        }
        Path file = dir.resolve("cache.mv.db");
        byte[] whole = Files.readAllBytes(file);
        byte[] half = java.util.Arrays.copyOf(whole, 100);
        Files.write(file, half);
        try (CacheDatabase db = CacheDatabase.open(dir, CLOCK)) {
            assertThat(db.movedAside()).isPresent();
            assertThat(tables(db)).contains("site");
        }
    }

    @Test
    void aCacheWrittenByAnotherVersionIsMovedAsideToo() throws Exception {
        try (CacheDatabase db = CacheDatabase.open(dir, CLOCK);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // What an edited or newer migration looks like to Flyway: a checksum it did not write.
            s.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345");
        }
        Path aside;
        try (CacheDatabase db = CacheDatabase.open(dir, CLOCK)) {
            aside = db.movedAside().orElseThrow();
            assertThat(tables(db)).contains("site", "audit_event");
        }
        // Nothing is lost: the old cache still opens, as it was.
        String name = aside.getFileName().toString().replace(".mv.db", "");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(name), "camfleet", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(12345);
        }
    }

    @Test
    void aFolderThatIsAFileIsAClearProblemNotACrash() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> CacheDatabase.open(notAFolder, CLOCK))
                .isInstanceOf(Problem.class)
                .satisfies(e -> assertThat(((Problem) e).key()).isEqualTo("problem.cacheUnusable"))
                .hasMessageContaining(notAFolder.toString());
        assertThat(Files.readString(notAFolder)).isEqualTo("x");
    }
}
