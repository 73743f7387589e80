package io.camfleet.console.app;

import io.camfleet.console.adapter.files.DataFolder;
import io.camfleet.console.adapter.render.PngMapRasterizer;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.adapter.store.JdbcFleetCache;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.domain.AuditActions;
import io.camfleet.console.domain.AuditOutcome;
import io.camfleet.console.domain.HealthRules;
import io.camfleet.console.service.AuditService;
import io.camfleet.console.service.FleetService;
import io.camfleet.console.service.FleetSource;
import io.camfleet.console.service.Operator;
import io.camfleet.console.service.map.BasemapSource;
import io.camfleet.console.service.map.MapSnapshotService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** An open data folder: its cache database and the services built over it, wired once, by constructor. */
final class ConsoleServices implements ConsoleBackend.Session {

    private final DataFolder folder;
    private final CacheDatabase database;
    private final AuditService audit;
    private final FleetService fleet;
    private final MapSnapshotService maps;

    private ConsoleServices(DataFolder folder, CacheDatabase database, AuditService audit, FleetService fleet,
                            MapSnapshotService maps) {
        this.folder = folder;
        this.database = database;
        this.audit = audit;
        this.fleet = fleet;
        this.maps = maps;
    }

    /**
     * Prepares the folder, opens (or recovers) the cache, and builds the services.
     *
     * @throws io.camfleet.console.service.Problem when the folder cannot be written or the cache cannot be opened
     */
    static ConsoleServices open(Path path, Clock clock, FleetSource source, Operator operator,
                                BasemapSource basemaps) {
        DataFolder folder = DataFolder.prepare(path);
        CacheDatabase db = CacheDatabase.open(folder.path(), clock);
        try {
            AuditService audit = new AuditService(new JdbcAuditTrail(db.dataSource()), operator, clock);
            db.movedAside().ifPresent(aside -> audit.record(AuditActions.CACHE_RECOVER, folder.path().toString(),
                    Map.of("movedAside", aside.getFileName().toString()), AuditOutcome.SUCCEEDED));
            FleetService fleet = new FleetService(source, new JdbcFleetCache(db.dataSource()), HealthRules.DEFAULT,
                    clock, audit);
            return new ConsoleServices(folder, db, audit, fleet,
                    new MapSnapshotService(basemaps, new PngMapRasterizer()));
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
    public FleetService fleet() {
        return fleet;
    }

    @Override
    public MapSnapshotService maps() {
        return maps;
    }

    /** Where an unreadable cache was moved at this opening, if one was. */
    Optional<Path> recoveredCache() {
        return database.movedAside();
    }

    @Override
    public void close() {
        database.close();
    }
}
