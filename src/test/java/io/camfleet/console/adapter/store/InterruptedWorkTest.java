package io.camfleet.console.adapter.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancelling a task interrupts its thread (JavaFX's {@code Task.cancel}, an executor's {@code shutdownNow}). H2 on a
 * plain {@code FileChannel} takes an interrupt in the middle of a read or write as the file being closed, and from then
 * on the whole database answers "The database has been closed" to every connection, until the console restarts. An
 * operator's Cancel must stop that one piece of work and nothing else.
 */
class InterruptedWorkTest {

    @TempDir
    Path dir;

    @Test
    void interruptingAThreadInTheMiddleOfWritesLeavesTheCacheUsableForEveryoneElse() throws Exception {
        try (CacheDatabase db = CacheDatabase.open(dir, Clock.systemUTC())) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE scratch (id INT PRIMARY KEY, payload VARCHAR(4000))");
            }
            String payload = "x".repeat(4000);
            for (int round = 0; round < 20; round++) {
                CountDownLatch writing = new CountDownLatch(1);
                AtomicBoolean stop = new AtomicBoolean();
                int base = round * 1_000_000;
                Thread writer = new Thread(() -> {
                    try (Connection c = db.dataSource().getConnection();
                         PreparedStatement p = c.prepareStatement("MERGE INTO scratch KEY (id) VALUES (?, ?)")) {
                        for (int i = 0; !stop.get(); i++) {
                            p.setInt(1, base + i % 2000);
                            p.setString(2, payload);
                            p.executeUpdate();
                            if (i % 50 == 0) {
                                try (Statement s = c.createStatement()) {
                                    s.execute("CHECKPOINT SYNC");
                                }
                            }
                            writing.countDown();
                        }
                    } catch (Exception expected) {
                        // the interrupted work may fail: only the others must not
                    }
                });
                writer.start();
                writing.await();
                Thread.sleep(5);
                writer.interrupt();
                stop.set(true);
                writer.join(10_000);
                assertThat(writer.isAlive()).as("the interrupted writer ends").isFalse();

                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("INSERT INTO scratch VALUES (" + (-1 - round) + ", 'after')");
                    s.execute("CHECKPOINT SYNC");
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM scratch WHERE payload = 'after'")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(round + 1);
                    }
                }
            }
        }
        try (CacheDatabase again = CacheDatabase.open(dir, Clock.systemUTC());
             Connection c = again.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM scratch WHERE payload = 'after'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(20);
            assertThat(again.movedAside()).as("nothing was corrupted").isEmpty();
        }
    }
}
