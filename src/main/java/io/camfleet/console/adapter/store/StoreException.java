package io.camfleet.console.adapter.store;

import io.camfleet.console.service.Problem;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * A database failure, told to the user as "the cache could not be read or written" with the database's reason, or,
 * when the disk is full, as "the disk holding FOLDER is full".
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
        return new StoreException(cause, "problem.cacheFailed", firstLine(cause.getMessage()));
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse(m);
    }
}
