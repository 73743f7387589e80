package io.camfleet.console.adapter.store;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The H2 cache's connections, knowing which data folder they write to (a store failure can then say "the disk holding
 * FOLDER is full" even when the broken connection can no longer tell where it was) and whether they sync.
 */
final class FolderDataSource implements DataSource {

    private final DataSource pool;
    private final Path folder;
    private final boolean syncs;

    FolderDataSource(DataSource pool, Path folder, boolean syncs) {
        this.pool = pool;
        this.folder = folder;
        this.syncs = syncs;
    }

    Path folder() {
        return folder;
    }

    /** Whether a durable transaction is synced to the disk (always, but in the benchmark's comparison). */
    boolean syncs() {
        return syncs;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return pool.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
