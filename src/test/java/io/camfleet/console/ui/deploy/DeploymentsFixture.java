package io.camfleet.console.ui.deploy;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.os.LocalProcesses;
import io.camfleet.console.adapter.sim.DemoTargetRunner;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.adapter.store.JdbcDeploymentJournal;
import io.camfleet.console.adapter.store.JdbcReleaseStore;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.ErrorBudgets;
import io.camfleet.console.service.deploy.Pacer;
import io.camfleet.console.service.deploy.RolloutService;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import io.camfleet.console.ui.common.BackgroundTasks;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;

/**
 * The Deployments screen's model on real parts and no toolkit: the H2 journal and release store in a temporary
 * folder, the rollout service, the demo executor at full speed, and a small demo-named fleet. A single thread
 * stands in for the FX thread; the model's state is read on it.
 *
 * <p>The fleet: Amsterdam and Rotterdam with three cameras each and windows always open; New York with one camera
 * whose window opens only on the day after tomorrow.
 */
final class DeploymentsFixture implements AutoCloseable {

    final Messages m = new Messages(Locale.ENGLISH);
    final Clock clock = Clock.systemUTC();
    final CacheDatabase db;
    final JdbcDeploymentJournal journal;
    final DeploymentService service;
    final RolloutService rollouts;
    final FleetSnapshot fleet;
    final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    final ExecutorService workers = Executors.newCachedThreadPool();
    final BackgroundTasks tasks = BackgroundTasks.unlisted(workers, ui);
    final DeploymentsModel model;

    DeploymentsFixture(Path dir) {
        this(dir, ErrorBudgets.UNKNOWN);
    }

    /** With the error budgets {@code budgets} tells (none kept, by default). */
    DeploymentsFixture(Path dir, ErrorBudgets budgets) {
        db = CacheDatabase.open(dir, clock);
        journal = new JdbcDeploymentJournal(db.dataSource(), clock);
        service = new DeploymentService(journal, new JdbcReleaseStore(db.dataSource(), clock), r -> {
            throw new AssertionError("the demo reads no artifact");
        }, new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(dir),
                new Operator("operator", ""), clock), clock, Pacer.REAL, budgets);
        rollouts = new RolloutService(service, journal, new LocalProcesses(), clock);
        fleet = fleet(closedToday());
        Map<String, String> versions = new HashMap<>();
        fleet.inventory().profiles().forEach(p -> p.cameras().forEach(c -> versions.put(c.id(),
                c.softwareVersion())));
        model = onUi(() -> new DeploymentsModel(service, rollouts,
                (kind, f, user) -> new DemoTargetRunner(versions, 7, 0), () -> fleet, tasks, m));
    }

    /** A window that is closed now: one hour, on the day after tomorrow (UTC). */
    static String closedToday() {
        return Instant.now().atZone(ZoneOffset.UTC).plusDays(2).getDayOfWeek().name().substring(0, 3)
                + " 02:00-03:00";
    }

    private static FleetSnapshot fleet(String newYorkWindow) {
        List<Site> sites = List.of(
                new Site("S-AMS", "Amsterdam Zuid", "Northwind", "NL", "EU", 52.34, 4.87, "UTC", SlaTier.GOLD, ""),
                new Site("S-RTM", "Rotterdam Haven", "Northwind", "NL", "EU", 51.90, 4.42, "UTC", SlaTier.GOLD, ""),
                new Site("S-NYC", "New York Pier", "Contoso", "US", "NA", 40.70, -74.01, "UTC", SlaTier.GOLD,
                        newYorkWindow));
        List<CameraSystem> cameras = List.of(camera("AMS-1", "S-AMS", "6.4.2"), camera("AMS-2", "S-AMS", "6.4.2"),
                camera("AMS-3", "S-AMS", "6.4.2"), camera("RTM-1", "S-RTM", "6.4.2"),
                camera("RTM-2", "S-RTM", "6.4.2"), camera("RTM-3", "S-RTM", "6.4.2"),
                camera("NYC-1", "S-NYC", "6.4.2"));
        TestFleetSource source = new TestFleetSource("Demo fleet", now -> {
            Map<String, io.camfleet.console.domain.fleet.CameraTelemetry> beats = new HashMap<>();
            cameras.forEach(c -> beats.put(c.id(), beating(now)));
            return new FleetData(sites, cameras, beats);
        });
        FleetService service = Fleets.uncached(source, Clock.systemUTC());
        AtomicReference<FleetSnapshot> last = new AtomicReference<>();
        service.addListener(last::set);
        service.reload(Progress.NONE);
        return last.get();
    }

    /** Runs on the stand-in FX thread and waits for the answer. */
    <T> T onUi(Callable<T> work) {
        try {
            return ui.submit(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    void onUi(Runnable work) {
        onUi(() -> {
            work.run();
            return null;
        });
    }

    /** Waits (at most 20 s) until {@code done} holds, asked on the stand-in FX thread. */
    void waitFor(String what, BooleanSupplier done) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!onUi(done::getAsBoolean)) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("waited 20 s for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        onUi(model::close);
        rollouts.close();
        workers.shutdownNow();
        ui.shutdownNow();
        db.close();
    }
}
