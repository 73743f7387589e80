package io.camfleet.console.adapter.store;

import io.camfleet.console.service.Problem;

import java.nio.file.Path;
import java.sql.Connection;
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

    /** @param c the connection that failed, to name the data folder; null when none was had */
    static StoreException of(SQLException cause, Connection c) {
        if (DiskFull.in(cause)) {
            return new StoreException(cause, "problem.diskFull", folderOf(c));
        }
        return new StoreException(cause, "problem.cacheFailed", firstLine(cause.getMessage()));
    }

    /** The folder of the cache file, from the connection's URL ({@code jdbc:h2:file:/folder/cache;…}). */
    private static String folderOf(Connection c) {
        try {
            String url = c == null ? "" : c.getMetaData().getURL();
            String prefix = "jdbc:h2:file:";
            if (url != null && url.startsWith(prefix)) {
                int end = url.indexOf(';');
                Path file = Path.of(url.substring(prefix.length(), end < 0 ? url.length() : end));
                return file.getParent() == null ? file.toString() : file.getParent().toString();
            }
        } catch (SQLException | RuntimeException e) {
            // The connection broke with the store; the sentence still says the disk is full.
        }
        return "the data folder";
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse(m);
    }
}
