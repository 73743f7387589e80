package io.camfleet.console.adapter.store;

import io.camfleet.console.service.common.Problem;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * A database failure, told to the user as "the cache could not be read or written" with the database's reason; when
 * the disk is full, as "the disk holding FOLDER is full". A value the database refuses (too long for its column, say)
 * is told apart: free disk space has nothing to do with it.
 */
final class StoreException extends Problem {

    private static final long serialVersionUID = 1L;

    private StoreException(SQLException cause, String key, Object arg) {
        super(cause, key, arg);
    }

    /** @param ds the data source that failed: it knows the data folder, which a full disk names */
    static StoreException of(SQLException cause, DataSource ds) {
        if (DiskFull.in(cause)) {
            return new StoreException(cause, "problem.diskFull", ds instanceof FolderDataSource f
                    ? f.folder().toAbsolutePath().toString() : "the data folder");
        }
        return new StoreException(cause, refusedValue(cause) ? "problem.cacheValueRefused" : "problem.cacheFailed",
                firstLine(cause.getMessage()));
    }

    /** SQLSTATE class 22, "data exception", on the error or on what a batch chained to it. */
    private static boolean refusedValue(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (isDataException(s) || s.getCause() instanceof SQLException c && isDataException(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDataException(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("22");
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse(m);
    }
}
