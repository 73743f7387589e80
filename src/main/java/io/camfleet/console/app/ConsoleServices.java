package io.camfleet.console.app;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.files.DataFolder;
import io.camfleet.console.adapter.files.FleetLock;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.service.store.FleetStore;
import io.camfleet.console.app.features.Feature;
import io.camfleet.console.app.features.FolderParts;
import io.camfleet.console.app.features.OpenFolder;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.fleet.FleetSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An open data folder: its cache database, its audit trail, and the services each feature built over them, wired
 * once, by constructor.
 */
final class ConsoleServices implements ConsoleBackend.Session {

    private final DataFolder folder;
    private final CacheDatabase database;
    private final AuditService audit;
    private final FolderParts parts;
    private FleetLock keeping;

    private ConsoleServices(DataFolder folder, CacheDatabase database, AuditService audit, FolderParts parts) {
        this.folder = folder;
        this.database = database;
        this.audit = audit;
        this.parts = parts;
    }

    /**
     * Prepares the folder, opens (or recovers) the cache, and has each feature build its services.
     *
     * @throws io.camfleet.console.service.common.Problem when the folder cannot be written or the cache cannot be opened
     */
    static ConsoleServices open(Path path, Clock clock, Function<FleetStore, FleetSource> source,
                                Operator operator, List<Feature> features) {
        DataFolder folder = DataFolder.prepare(path);
        CacheDatabase db = CacheDatabase.open(folder.path(), clock);
        try {
            AuditService audit = new AuditService(db.auditTrail(),
                    new AuditAnchorFiles(folder.path()), operator, clock);
            db.movedAside().ifPresent(aside -> audit.restartAfterQuarantine(folder.path().toString(),
                    aside.getFileName().toString()));
            OpenFolder opened = new OpenFolder(folder, db, audit, clock, source);
            FolderParts.Builder parts = FolderParts.builder();
            features.forEach(f -> f.open(opened, parts));
            return new ConsoleServices(folder, db, audit, parts.build());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public Path folder() {
        return folder.path();
    }

    @Override
    public AuditService audit() {
        return audit;
    }

    @Override
    public <T> Optional<T> find(Class<T> type) {
        return parts.find(type);
    }

    /** Holds the folder's {@link FleetLock} until closed: this console keeps the fleet. */
    synchronized ConsoleServices keeping(FleetLock lock) {
        keeping = lock;
        return this;
    }

    /** Where an unreadable cache was moved at this opening, if one was. */
    Optional<Path> recoveredCache() {
        return database.movedAside();
    }

    /** Halts what still runs here (each shows as interrupted, resumable), then closes the cache. */
    @Override
    public void close() {
        try {
            parts.close();
        } finally {
            database.close();
            synchronized (this) {
                if (keeping != null) {
                    keeping.close();
                }
            }
        }
    }
}
