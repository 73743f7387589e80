package io.camfleet.console.adapter.store;

import io.camfleet.console.service.estate.SnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS estate's snapshots (V16), on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class JdbcSnapshotStoreTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcSnapshotStore store;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        store = new JdbcSnapshotStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aWriteReplacesTheSnapshotOfItsEnvironmentAndKindOnly() {
        store.write("eu", "images", T0, new byte[]{1});
        store.write("eu", "cost", T0, new byte[]{2});
        store.write("us", "images", T0, new byte[]{3});
        store.write("eu", "images", T0.plusSeconds(60), new byte[]{4, 5});

        SnapshotStore.Stored eu = store.read("eu", "images").orElseThrow();
        assertThat(eu.takenAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(eu.body()).containsExactly(4, 5);
        assertThat(store.read("eu", "cost").orElseThrow().body()).containsExactly(2);
        assertThat(store.read("us", "images").orElseThrow().body()).containsExactly(3);
        assertThat(store.read("us", "cost")).isEmpty();
    }

    @Test
    void aSnapshotOfSeveralMegabytesIsKeptByteForByte() {
        byte[] big = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(big);
        store.write("eu", "images", T0, big);
        assertThat(store.read("eu", "images").orElseThrow().body()).isEqualTo(big);
    }
}
