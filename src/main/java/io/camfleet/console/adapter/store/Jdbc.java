package io.camfleet.console.adapter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC conveniences shared by the repositories of this package. */
final class Jdbc {

    /** Rows per JDBC batch, and per transaction when writing in pages. */
    static final int BATCH = 1000;

    private Jdbc() {
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it; H2 writes it to the file soon. */
    static <T> T inTransaction(DataSource ds, Work<T> work) {
        return transaction(ds, work, false);
    }

    /**
     * Runs {@code work} in one transaction and forces it to the disk before returning: for a write that announces a
     * step on the outside world or that a message reports done, which must outlive a kill -9 and a power failure. A
     * full disk fails it here, not later. On H2 (the cache's {@link FolderDataSource}) that takes a
     * {@code CHECKPOINT SYNC}: H2 writes what is committed, then fsyncs. PostgreSQL's commit is on the disk when it
     * returns (its write-ahead log is flushed first), so there it is a plain transaction.
     */
    static <T> T inDurableTransaction(DataSource ds, Work<T> work) {
        return transaction(ds, work, true);
    }

    private static <T> T transaction(DataSource ds, Work<T> work, boolean sync) {
        try (Connection c = ds.getConnection()) {
            try {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    if (sync && ds instanceof FolderDataSource f && f.syncs()) {
                        try (Statement s = c.createStatement()) {
                            s.execute("CHECKPOINT SYNC");
                        }
                    }
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    rollbackQuietly(c, e);
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            } catch (SQLException e) {
                throw StoreException.of(e, ds);
            }
        } catch (SQLException e) {
            throw StoreException.of(e, ds);
        }
    }

    /** A rollback on a connection whose store failed fails too: the first failure is the one to tell. */
    private static void rollbackQuietly(Connection c, Throwable first) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException again) {
            first.addSuppressed(again);
        }
    }

    interface PageWriter<T> {
        void write(Connection c, List<T> page) throws SQLException;
    }

    /**
     * Writes {@code rows} a page at a time, each page its own transaction. H2 slows down sharply on transactions of
     * tens of thousands of rows; pages keep it near batch-insert speed. A failure stops at the page that failed:
     * callers move their "as of" only after the last page.
     */
    static <T> void inPages(DataSource ds, List<T> rows, PageWriter<T> writer) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<T> page = rows.subList(from, Math.min(rows.size(), from + BATCH));
            inTransaction(ds, c -> {
                writer.write(c, page);
                return null;
            });
        }
    }

    static <T> T read(DataSource ds, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            try {
                return work.run(c);
            } catch (SQLException e) {
                throw StoreException.of(e, ds);
            }
        } catch (SQLException e) {
            throw StoreException.of(e, ds);
        }
    }

    /** Executes {@code sql} once per row in batches; returns the update count of each row, in order. */
    static <T> int[] batch(Connection c, String sql, List<T> rows, Binder<T> binder) throws SQLException {
        int[] counts = new int[rows.size()];
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            int done = 0;
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
                if (++pending == BATCH) {
                    System.arraycopy(ps.executeBatch(), 0, counts, done, pending);
                    done += pending;
                    pending = 0;
                }
            }
            if (pending > 0) {
                System.arraycopy(ps.executeBatch(), 0, counts, done, pending);
            }
        }
        return counts;
    }

    static void setInstant(PreparedStatement ps, int i, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** {@code s} if it fits {@code width} characters, else its first ones and an ellipsis, never half a pair. */
    static String clip(String s, int width) {
        if (s.length() <= width) {
            return s;
        }
        int cut = width - 1;
        if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut) + "…";
    }

    static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    static Double getDouble(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }
}
