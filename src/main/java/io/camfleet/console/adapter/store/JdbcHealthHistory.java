package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.availability.HealthHistory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/** The long health history in portable SQL (V9), as the fleet cache records it (see {@link HealthSpans}). */
public final class JdbcHealthHistory implements HealthHistory {

    private final DataSource ds;
    private final JdbcFleetCache cache;

    JdbcHealthHistory(DataSource ds, JdbcFleetCache cache) {
        this.ds = ds;
        this.cache = cache;
    }

    /** Over a data source of its own, for tests and the benchmark: the pruning setting then has no cache to reach. */
    public JdbcHealthHistory(DataSource ds) {
        this(ds, null);
    }

    @Override
    public void spans(Period period, SpanReader reader) {
        long from = period.from().getEpochSecond();
        long to = period.to().getEpochSecond();
        Jdbc.read(ds, c -> streaming(c, () -> {
            // Two queries, each on the index by end: an OR of both would read every span before the period's end.
            read(c, "SELECT camera_id, state, start_s, end_s FROM health_span WHERE end_s > ? AND start_s < ?",
                    from, to, reader);
            read(c, "SELECT camera_id, state, start_s, end_s FROM health_span WHERE end_s IS NULL AND start_s < ?",
                    -1, to, reader);
        }));
    }

    @Override
    public void spansOf(Collection<String> cameraIds, Period period, SpanReader reader) {
        long from = period.from().getEpochSecond();
        long to = period.to().getEpochSecond();
        Jdbc.read(ds, c -> {
            // by camera, on the index by camera: one site's cameras among 100,000
            try (PreparedStatement ps = c.prepareStatement("SELECT camera_id, state, start_s, end_s FROM health_span "
                    + "WHERE camera_id = ? AND (end_s IS NULL OR end_s > ?) AND start_s < ?")) {
                for (String camera : new TreeSet<>(cameraIds)) {
                    ps.setString(1, camera);
                    ps.setLong(2, from);
                    ps.setLong(3, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long end = rs.getLong(4);
                            if (rs.wasNull()) {
                                end = OPEN;
                            }
                            reader.span(rs.getString(1), HealthSpans.state(rs.getInt(2)), rs.getLong(3), end);
                        }
                    }
                }
            }
            return null;
        });
    }

    private interface Reading {
        void run() throws SQLException;
    }

    /**
     * Runs reads whose rows are handed on one at a time, without the driver holding them all: H2 materialises a
     * result unless its queries run lazily, and PostgreSQL's driver does unless it reads through a cursor, which takes
     * a transaction. A month of 100,000 cameras is some 300,000 rows.
     */
    private static Void streaming(Connection c, Reading reading) throws SQLException {
        boolean h2 = "H2".equals(c.getMetaData().getDatabaseProductName());
        boolean auto = c.getAutoCommit();
        if (h2) {
            try (Statement st = c.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
        } else {
            c.setAutoCommit(false);
        }
        try {
            reading.run();
            return null;
        } finally {
            if (h2) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET LAZY_QUERY_EXECUTION FALSE");
                }
            } else {
                c.rollback(); // it only read
                c.setAutoCommit(auto);
            }
        }
    }

    private static void read(Connection c, String sql, long from, long to, SpanReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (from >= 0) {
                ps.setLong(i++, from);
            }
            ps.setLong(i, to);
            ps.setFetchSize(Jdbc.BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long end = rs.getLong(4);
                    if (rs.wasNull()) {
                        end = OPEN;
                    }
                    reader.span(rs.getString(1), HealthSpans.state(rs.getInt(2)), rs.getLong(3), end);
                }
            }
        }
    }

    @Override
    public List<Observed> observed(Period period) {
        return Jdbc.read(ds, c -> {
            List<Observed> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT start_s, end_s FROM observed_span "
                    + "WHERE end_s > ? AND start_s < ? ORDER BY start_s")) {
                ps.setLong(1, period.from().getEpochSecond());
                ps.setLong(2, period.to().getEpochSecond());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Observed(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void lives(LifeReader reader) {
        Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT camera_id, site_id, first_seen, last_seen FROM camera_life")) {
                ps.setFetchSize(Jdbc.BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long last = rs.getLong(4);
                        if (rs.wasNull()) {
                            last = OPEN;
                        }
                        reader.camera(rs.getString(1), rs.getString(2), rs.getLong(3), last);
                    }
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Instant> firstObserved() {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(start_s) FROM observed_span");
                 ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(v));
            }
        });
    }

    @Override
    public boolean backfill(Instant from, Instant to, Consumer<Writer> history) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A history ends after it starts: " + from + " to " + to + ".");
        }
        return Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement any = c.prepareStatement("SELECT 1 FROM observed_span FETCH FIRST 1 ROWS ONLY");
                 ResultSet rs = any.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            try (BatchWriter w = new BatchWriter(c)) {
                history.accept(w);
                w.flush();
            } catch (BackfillFailed e) {
                throw e.getCause();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO observed_span (start_s, end_s) VALUES (?, ?)")) {
                ps.setLong(1, from.getEpochSecond());
                ps.setLong(2, to.getEpochSecond());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public void keepDays(IntSupplier days) {
        if (cache != null) {
            cache.keepSpanDays(days);
        }
    }

    /** Spans and lives in JDBC batches of {@link Jdbc#BATCH}, inside the backfill's one transaction. */
    private static final class BatchWriter implements Writer, AutoCloseable {
        private final PreparedStatement spans;
        private final PreparedStatement lives;
        private int pendingSpans;
        private int pendingLives;

        BatchWriter(Connection c) throws SQLException {
            spans = c.prepareStatement("INSERT INTO health_span (camera_id, state, start_s, end_s) VALUES (?, ?, ?, ?)");
            lives = c.prepareStatement("INSERT INTO camera_life (camera_id, site_id, first_seen) VALUES (?, ?, ?)");
        }

        @Override
        public void span(String cameraId, HealthState state, long start, long end) {
            if (state == HealthState.ONLINE || end <= start) {
                return; // what is not a span is ONLINE
            }
            try {
                spans.setString(1, cameraId);
                spans.setInt(2, HealthSpans.code(state));
                spans.setLong(3, start);
                HealthSpans.setEnd(spans, 4, end);
                spans.addBatch();
                if (++pendingSpans == Jdbc.BATCH) {
                    spans.executeBatch();
                    pendingSpans = 0;
                }
            } catch (SQLException e) {
                throw new BackfillFailed(e);
            }
        }

        @Override
        public void life(String cameraId, String siteId, long firstSeen) {
            try {
                lives.setString(1, cameraId);
                lives.setString(2, siteId);
                lives.setLong(3, firstSeen);
                lives.addBatch();
                if (++pendingLives == Jdbc.BATCH) {
                    lives.executeBatch();
                    pendingLives = 0;
                }
            } catch (SQLException e) {
                throw new BackfillFailed(e);
            }
        }

        void flush() throws SQLException {
            if (pendingSpans > 0) {
                spans.executeBatch();
            }
            if (pendingLives > 0) {
                lives.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            spans.close();
            lives.close();
        }
    }

    /** A failed write inside the writer's callbacks, carried out to the transaction, which rolls back. */
    private static final class BackfillFailed extends RuntimeException {
        BackfillFailed(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
