package io.camfleet.console.bench;

import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.service.availability.AvailabilityService;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetInventory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code availability}: 30 days of the demo fleet's realistic churn (its history generator, the live feed's rates)
 * for 100,000 cameras at 20,000 sites, stored in a new H2 cache; then the monthly availability by site and by
 * customer through the availability service. Targets: under 1 s, with bounded memory; the month's storage in MB.
 */
public final class AvailabilityBench {

    private AvailabilityBench() {
    }

    public static void run() throws Exception {
        Instant now = Instant.parse("2026-11-30T23:59:59Z");
        DemoFleetSource demo = new DemoFleetSource(DemoFleetSource.MAX_SITES, 42);
        FleetData fleet = demo.load(now, Progress.NONE);
        FleetInventory inventory = FleetInventory.of(fleet.sites(), fleet.cameras());
        Bench.note("availability: " + fleet.sites().size() + " sites, " + fleet.cameras().size() + " cameras");
        Path dir = Files.createTempDirectory("camfleet-availability");
        Path file = dir.resolve("cache.mv.db");
        long empty;
        try (CacheDatabase db = CacheDatabase.open(dir, Clock.systemUTC())) {
            db.close();
        }
        empty = Files.size(file);
        long t0 = System.nanoTime();
        try (CacheDatabase db = CacheDatabase.open(dir, Clock.systemUTC())) {
            demo.backfill(db.healthHistory(), now, Duration.ofDays(30));
        }
        long written = System.nanoTime() - t0;
        long month = Files.size(file) - empty;
        Period period = new Period(now.minus(Duration.ofDays(30)), now);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (CacheDatabase db = CacheDatabase.open(dir, Clock.systemUTC())) {
            long spans = count(db, "health_span");
            AvailabilityService service = new AvailabilityService(db.healthHistory(), () -> inventory,
                    () -> AvailabilitySettings.DEFAULT);
            int rounds = 5;
            double[] bySite = new double[rounds];
            double[] bySiteCpu = new double[rounds];
            double[] byCustomer = new double[rounds];
            LiveHeap live = new LiveHeap();
            long peak = 0;
            for (int r = -2; r < rounds; r++) {   // two rounds warm the JIT up
                System.gc();
                long before = memory.getHeapMemoryUsage().getUsed();
                live.start();
                long cpu = threads.getCurrentThreadCpuTime();
                long a = System.nanoTime();
                List<Availability> sites = service.by(Grouping.SITE, period);
                long b = System.nanoTime();
                long cpuSites = threads.getCurrentThreadCpuTime() - cpu;
                List<Availability> customers = service.by(Grouping.CUSTOMER, period);
                long c = System.nanoTime();
                long afterGc = live.stop();
                if (r >= 0) {
                    bySite[r] = (b - a) / 1e6;
                    bySiteCpu[r] = cpuSites / 1e6;
                    byCustomer[r] = (c - b) / 1e6;
                    peak = Math.max(peak, afterGc - before);
                }
                if (r == rounds - 1) {
                    Bench.note(sites.size() + " sites, " + customers.size() + " customers; median site uptime "
                            + sites.stream().mapToDouble(Availability::uptimePercent).filter(d -> !Double.isNaN(d))
                            .sorted().skip(sites.size() / 2).findFirst().orElse(Double.NaN) + " %; "
                            + live.collections() + " collections in the last round");
                }
            }
            Bench.report("availability", "month_100k", Bench.median(bySite), "ms");
            Bench.report("availability", "month_100k_cpu", Bench.median(bySiteCpu), "ms");
            Bench.report("availability", "month_100k_by_customer", Bench.median(byCustomer), "ms");
            // What the queries keep alive at most, above the fleet: the heap as each collection during them left it.
            Bench.report("availability", "heap_peak", peak / 1e6, "MB");
            Bench.report("availability", "storage_month", month / 1e6, "MB");
            Bench.report("availability", "spans", spans, "spans");
            Bench.report("availability", "write_month", written / 1e6, "ms");
        }
        // The file as written holds the history and what H2 has not reclaimed yet (a month written in one go leaves
        // many dead chunks); compacted, it is what the month really takes.
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("cache")
                + ";COMPRESS=TRUE", "camfleet", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        Bench.report("availability", "storage_month_compacted", (Files.size(file) - empty) / 1e6, "MB");
    }

    private static long count(CacheDatabase db, String table) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
