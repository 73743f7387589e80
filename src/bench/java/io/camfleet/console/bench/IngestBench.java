package io.camfleet.console.bench;

import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcFleetCache;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.HealthChange;
import io.camfleet.console.service.common.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ingest}: upserting the 100,000 camera systems of the largest demo fleet (20,000 sites) into the H2 cache,
 * in one transaction, as a reload does. Target: at least 100,000 records per second.
 */
public final class IngestBench {

    private IngestBench() {
    }

    public static void run() throws Exception {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        FleetData fleet = new DemoFleetSource(20_000, 42).load(now, Progress.NONE);
        int cameras = fleet.cameras().size();
        List<HealthChange> firstStates = new ArrayList<>(cameras);
        for (CameraSystem c : fleet.cameras()) {
            firstStates.add(new HealthChange(c.id(), null, HealthRules.DEFAULT.evaluate(fleet.telemetryOf(c.id()), now),
                    now));
        }
        Bench.note("ingest: " + fleet.sites().size() + " sites, " + cameras + " cameras");
        int rounds = 5;
        double[] fresh = new double[rounds];
        double[] existing = new double[rounds];
        double[] withHealth = new double[rounds];
        for (int r = -1; r < rounds; r++) {   // round -1 warms the JIT up
            Path dir = Files.createTempDirectory("camfleet-ingest");
            try (CacheDatabase db = CacheDatabase.open(dir, Clock.systemUTC())) {
                JdbcFleetCache cache = new JdbcFleetCache(db.dataSource());
                long t0 = System.nanoTime();
                cache.replaceFleet(fleet, List.of(), "bench", now);
                long t1 = System.nanoTime();
                cache.replaceFleet(fleet, List.of(), "bench", now.plusSeconds(1));
                long t2 = System.nanoTime();
                if (r >= 0) {
                    fresh[r] = cameras / ((t1 - t0) / 1e9);
                    existing[r] = cameras / ((t2 - t1) / 1e9);
                }
            }
            Path dir2 = Files.createTempDirectory("camfleet-ingest");
            try (CacheDatabase db = CacheDatabase.open(dir2, Clock.systemUTC())) {
                JdbcFleetCache cache = new JdbcFleetCache(db.dataSource());
                long t0 = System.nanoTime();
                cache.replaceFleet(fleet, firstStates, "bench", now);
                long t1 = System.nanoTime();
                if (r >= 0) {
                    withHealth[r] = cameras / ((t1 - t0) / 1e9);
                }
            }
            deleteTree(dir);
            deleteTree(dir2);
        }
        Bench.report("ingest", "upsert_new_cameras", Bench.median(fresh), "records/s");
        Bench.report("ingest", "upsert_existing_cameras", Bench.median(existing), "records/s");
        Bench.report("ingest", "first_load_with_health_history", Bench.median(withHealth), "records/s");
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
