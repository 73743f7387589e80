package io.camfleet.console.app;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.files.DataFolder;
import io.camfleet.console.adapter.files.JsonPreferencesStore;
import io.camfleet.console.adapter.files.LocalReleaseArtifacts;
import io.camfleet.console.adapter.os.LocalProcesses;
import io.camfleet.console.adapter.render.PngMapRasterizer;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.environments.EnvironmentsFleetSource;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.Pacer;
import io.camfleet.console.service.deploy.RolloutService;
import io.camfleet.console.service.map.BasemapSource;
import io.camfleet.console.service.map.MapSnapshotService;
import io.camfleet.console.service.store.Database;
import io.camfleet.console.service.store.FleetStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** An open data folder: its cache database and the services built over it, wired once, by constructor. */
final class ConsoleServices implements ConsoleBackend.Session {

    private final DataFolder folder;
    private final Database database;
    private final AuditService audit;
    private final FleetStore cache;
    private final Clock clock;
    private final MapSnapshotService maps;
    private volatile FleetService fleet;
    private DeploymentService deployments;
    private RolloutService rollouts;
    private volatile FleetSource source;

    private ConsoleServices(DataFolder folder, Database database, AuditService audit, FleetStore cache,
                            Clock clock, FleetSource source, MapSnapshotService maps) {
        this.folder = folder;
        this.database = database;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
        this.maps = maps;
        use(source);
    }

    private void use(FleetSource next) {
        source = next;
        fleet = new FleetService(next, cache, HealthRules.DEFAULT, clock, audit);
    }

    /**
     * Moves the fleet to another source (Settings): a new fleet service over the same cache, recorded in the audit
     * trail. The caller stops using the old service.
     *
     * @throws io.camfleet.console.service.common.Problem when the new source cannot be built (no environment, say)
     */
    synchronized FleetService switchSource(Function<FleetStore, FleetSource> next) {
        FleetSource built = next.apply(cache);
        audit.perform(AuditActions.FLEET_SOURCE, built.name(), Map.of("from", source.name()), () -> {
            use(built);
            return null;
        });
        return fleet;
    }

    /**
     * Prepares the folder, opens (or recovers) the cache, and builds the services.
     *
     * @throws io.camfleet.console.service.common.Problem when the folder cannot be written or the cache cannot be opened
     */
    static ConsoleServices open(Path path, Clock clock, Function<FleetStore, FleetSource> source,
                                Operator operator, BasemapSource basemaps) {
        DataFolder folder = DataFolder.prepare(path);
        Database db = CacheDatabase.open(folder.path(), clock);
        try {
            AuditService audit = new AuditService(db.auditTrail(),
                    new AuditAnchorFiles(folder.path()), operator, clock);
            db.movedAside().ifPresent(aside -> audit.restartAfterQuarantine(folder.path().toString(),
                    aside.getFileName().toString()));
            FleetStore cache = db.fleet();
            return new ConsoleServices(folder, db, audit, cache, clock, source.apply(cache),
                    new MapSnapshotService(basemaps, new PngMapRasterizer()));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public synchronized DeploymentService deployments() {
        if (deployments == null) {
            JsonPreferencesStore settings = new JsonPreferencesStore(folder.settingsFile());
            deployments = new DeploymentService(database.journal(), database.releases(),
                    new LocalReleaseArtifacts(() -> settings.load().deploy().maxArtifactBytes()), audit, clock,
                    Pacer.REAL);
        }
        return deployments;
    }

    @Override
    public synchronized RolloutService rollouts() {
        if (rollouts == null) {
            rollouts = new RolloutService(deployments(), database.journal(), new LocalProcesses(), clock);
        }
        return rollouts;
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

    @Override
    public Optional<EnvironmentsFleetSource> environments() {
        return source instanceof EnvironmentsFleetSource aws ? Optional.of(aws) : Optional.empty();
    }

    /** Where an unreadable cache was moved at this opening, if one was. */
    Optional<Path> recoveredCache() {
        return database.movedAside();
    }

    /** Halts what still runs here (each shows as interrupted, resumable), then closes the cache. */
    @Override
    public void close() {
        RolloutService running;
        synchronized (this) {
            running = rollouts;
        }
        if (running != null) {
            running.close();
        }
        database.close();
    }
}
