package io.camfleet.console.adapter.store;

import io.camfleet.console.service.alerts.AlertStore;
import io.camfleet.console.service.alerts.DeliveryLog;
import io.camfleet.console.service.audit.AuditTrail;
import io.camfleet.console.service.availability.HealthHistory;
import io.camfleet.console.service.backup.BackupStore;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.ReleaseStore;
import io.camfleet.console.service.devices.DeviceStore;
import io.camfleet.console.service.estate.SnapshotStore;
import io.camfleet.console.service.findings.FindingStore;
import io.camfleet.console.service.fleet.ImageChanges;
import io.camfleet.console.service.store.Database;
import io.camfleet.console.service.store.FleetStore;
import io.camfleet.console.service.support.TicketStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded H2 file database in the data folder ({@code cache.mv.db}), migrated by Flyway: the first
 * {@link Database}.
 *
 * <p>Several processes share the file through H2's automatic server ({@code AUTO_SERVER}): the first to open it
 * serves it, on the loopback interface only, to the others, and when it ends another takes over. A rollout running on
 * in a process of its own then leaves the window and the reading commands free to open the folder; who may write the
 * fleet is decided apart ({@code fleet.lock}). Should H2 still find the file held by a process it cannot reach, that
 * becomes a clear {@link Problem}. A file H2 cannot read, or whose schema this version cannot use, is moved aside as
 * {@code cache.corrupt-<timestamp>.mv.db} and a fresh one created: the cache is rebuilt from the source, and nothing
 * is deleted.
 */
public final class CacheDatabase implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(CacheDatabase.class);
    static final String NAME = "cache";
    private static final Set<Integer> CORRUPT_CODES = Set.of(
            ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.FILE_ENCRYPTION_ERROR_1,
            ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.GENERAL_ERROR_1);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** How the writes that must be durable reach the disk. */
    public enum Durability {
        /** Journal transitions, audit events, a replaced fleet, a finished sync: on the disk (fsync) when they return. */
        DURABLE,
        /**
         * Nothing synced: every commit reaches the file up to half a second later. What the console did before; kept
         * only so that the rollout benchmark can measure what durability costs, side by side.
         */
        DELAYED
    }

    static {
        // The automatic server listens on every interface unless told otherwise; nothing but this user's own
        // consoles, on this machine, has any business with the cache. Read once, when H2 is first loaded.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final JdbcConnectionPool pool;
    private final Path folder;
    private final Path movedAside;
    private final Durability durability;
    private final JdbcFleetCache fleet;
    private final JdbcHealthHistory healthHistory;
    private final JdbcAuditTrail auditTrail;
    private final JdbcDeploymentJournal journal;
    private final JdbcReleaseStore releases;
    private final JdbcAlertStore alerts;
    private final JdbcDeliveryLog deliveries;
    private final JdbcDeviceStore devices;
    private final JdbcTicketStore tickets;
    private final JdbcBackupStore backups;
    private final JdbcFindingStore findings;
    private final JdbcSnapshotStore snapshots;
    private final JdbcImageChanges imageChanges;

    private CacheDatabase(JdbcConnectionPool pool, Path folder, Path movedAside, Durability durability, Clock clock) {
        this.pool = pool;
        this.folder = folder;
        this.movedAside = movedAside;
        this.durability = durability;
        DataSource ds = dataSource();
        this.fleet = new JdbcFleetCache(ds, clock);
        this.imageChanges = new JdbcImageChanges(ds);
        this.healthHistory = new JdbcHealthHistory(ds, fleet);
        this.auditTrail = new JdbcAuditTrail(ds);
        this.journal = new JdbcDeploymentJournal(ds, clock);
        this.releases = new JdbcReleaseStore(ds, clock);
        this.alerts = new JdbcAlertStore(ds);
        this.deliveries = new JdbcDeliveryLog(ds);
        this.devices = new JdbcDeviceStore(ds);
        this.tickets = new JdbcTicketStore(ds);
        this.backups = new JdbcBackupStore(ds);
        this.findings = new JdbcFindingStore(ds);
        this.snapshots = new JdbcSnapshotStore(ds);
    }

    /**
     * Opens (creating if needed) and migrates the cache in {@code folder}.
     *
     * @throws Problem {@code cache.alreadyOpen} when another console holds it, {@code cache.unusable} when it can
     *                 neither be opened nor moved aside
     */
    public static CacheDatabase open(Path folder, Clock clock) {
        return open(folder, clock, Durability.DURABLE);
    }

    /** As {@link #open(Path, Clock)}, with commits reaching the disk as {@code durability} says. */
    public static CacheDatabase open(Path folder, Clock clock, Durability durability) {
        Path file = folder.resolve(NAME + ".mv.db");
        try {
            return new CacheDatabase(connect(folder), folder, null, durability, clock);
        } catch (SQLException e) {
            if (isAlreadyOpen(e)) {
                throw new Problem(e, "problem.cacheAlreadyOpen", folder.toString());
            }
            if (DiskFull.in(e)) {
                // A full disk looks like a general error to H2: never mistake it for a corrupt file.
                throw DiskFull.problem(e, folder);
            }
            if (!isCorrupt(e) || !Files.exists(file)) {
                throw new Problem(e, "problem.cacheUnusable", folder.toString(), rootMessage(e));
            }
            return recover(folder, file, clock, e, durability);
        } catch (FlywayException e) {
            if (DiskFull.in(e)) {
                throw DiskFull.problem(e, folder);
            }
            // The file opens but holds a schema this version cannot use: another version of the console wrote it.
            if (!Files.exists(file)) {
                throw new Problem(e, "problem.cacheUnusable", folder.toString(), rootMessage(e));
            }
            return recover(folder, file, clock, e, durability);
        }
    }

    private static CacheDatabase recover(Path folder, Path file, Clock clock, Exception why, Durability durability) {
        LOG.warn("Cache {} cannot be used; moving it aside", file, why);
        Path aside = folder.resolve(NAME + ".corrupt-" + STAMP.format(clock.instant()) + ".mv.db");
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(folder.resolve(NAME + ".trace.db"));
        } catch (IOException io) {
            throw new Problem(io, "problem.cacheUnusable", folder.toString(), io.getMessage());
        }
        try {
            return new CacheDatabase(connect(folder), folder, aside, durability, clock);
        } catch (SQLException | FlywayException again) {
            throw new Problem(again, "problem.cacheUnusable", folder.toString(), rootMessage(again));
        }
    }

    private static JdbcConnectionPool connect(Path folder) throws SQLException {
        // AUTO_SERVER: shared with the other consoles on this folder (H2 then closes the file on exit by itself: it
        // refuses DB_CLOSE_ON_EXIT=FALSE with it). TRACE_LEVEL_FILE=4: H2 logs through SLF4J into our log, instead
        // of a cache.trace.db of its own.
        // H2 writes commits to the file up to half a second later, from a background thread: a kill -9 or a full
        // disk drops them after the commit said yes. Writes that announce or report something (a journal transition,
        // an audit event, a fleet replaced, a sync finished) are therefore synced before they return (see
        // Jdbc.inDurableTransaction); the rest (live telemetry, sync pages) keep the delay, which ingest needs.
        // COMPRESS: pages are compressed (LZF) on their way to the file. The cache's rows are mostly ids, names and
        // addresses that compress well; at 20,000 sites the file is about half as large under a day of live ticks.
        // steady: the same file, read and written so that cancelling a task (which interrupts its thread) cannot
        // close it under H2 and with it the database for everyone (see SteadyFilePath).
        SteadyFilePath.register();
        String url = "jdbc:h2:" + SteadyFilePath.SCHEME + ":" + folder.toAbsolutePath().resolve(NAME)
                + ";TRACE_LEVEL_FILE=4;AUTO_SERVER=TRUE;COMPRESS=TRUE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "camfleet", "");
        pool.setMaxConnections(8);
        try {
            try (Connection probe = pool.getConnection()) {
                probe.isValid(1);
            }
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return pool;
        } catch (SQLException e) {
            pool.dispose();
            throw e;
        } catch (RuntimeException e) {
            pool.dispose();
            SQLException sql = findSql(e);
            if (sql != null) {
                throw sql;
            }
            throw e;
        }
    }

    private static SQLException findSql(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    static boolean isAlreadyOpen(SQLException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
            if (c.getMessage() != null && c.getMessage().contains("The file is locked")) {
                return true;
            }
        }
        return false;
    }

    static boolean isCorrupt(SQLException e) {
        return CORRUPT_CODES.contains(e.getErrorCode());
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    public DataSource dataSource() {
        return new FolderDataSource(pool, folder, durability == Durability.DURABLE);
    }

    public Path folder() {
        return folder;
    }

    @Override
    public FleetStore fleet() {
        return fleet;
    }

    @Override
    public ImageChanges imageChanges() {
        return imageChanges;
    }

    @Override
    public HealthHistory healthHistory() {
        return healthHistory;
    }

    @Override
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    @Override
    public DeploymentJournal journal() {
        return journal;
    }

    @Override
    public ReleaseStore releases() {
        return releases;
    }

    @Override
    public AlertStore alerts() {
        return alerts;
    }

    @Override
    public DeliveryLog deliveries() {
        return deliveries;
    }

    @Override
    public DeviceStore devices() {
        return devices;
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public BackupStore backups() {
        return backups;
    }

    @Override
    public FindingStore findings() {
        return findings;
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    /** Where an unreadable cache file was moved at this opening, if one was. */
    @Override
    public Optional<Path> movedAside() {
        return Optional.ofNullable(movedAside);
    }

    /**
     * Closes the database so that the file lock is released and the next console can open it: H2 closes the file
     * when its last connection closes, which disposing of the pool does.
     */
    @Override
    public void close() {
        pool.dispose();
    }
}
