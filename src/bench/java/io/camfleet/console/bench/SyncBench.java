package io.camfleet.console.bench;

import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcFleetCache;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.EnvironmentReader;
import io.camfleet.console.service.environments.EnvironmentSync;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.SyncReport;
import io.camfleet.console.service.environments.SyncSink;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code sync}: an environment of 100,000 things (the largest demo fleet: 20,000 sites) synced into the H2 cache from
 * pages already fetched, so that only the cache work is timed. Targets: a full sync into an empty cache under 3 s;
 * an incremental sync with 1 % of the things changed under 300 ms; heap flat while ingesting.
 */
public final class SyncBench {

    private static final int PAGE = 250;

    private SyncBench() {
    }

    /** Pages as an AWS read would deliver them, all in memory. */
    private record Pages(List<List<Site>> sites, List<List<CameraSystem>> cameras, Map<String, CameraTelemetry> telemetry)
            implements EnvironmentReader {
        @Override
        public void read(Environment environment, SyncSink sink, Progress progress) {
            sites.forEach(sink::sites);
            for (List<CameraSystem> page : cameras) {
                Map<String, CameraTelemetry> t = new HashMap<>(page.size() * 2);
                page.forEach(c -> t.put(c.id(), telemetry.getOrDefault(c.id(), CameraTelemetry.NEVER_SEEN)));
                sink.cameras(page, t);
            }
        }

        @Override
        public CallerIdentity identity(Environment environment) {
            return new CallerIdentity("000000000000", "arn:aws:iam::000000000000:user/bench");
        }

        @Override
        public List<AwsProfile> profiles() {
            return List.of();
        }
    }

    private static double liveHeapGrowth(Pages pages, Environment prod, MemoryMXBean memory) throws Exception {
        Path dir = Files.createTempDirectory("camfleet-sync");
        double max = 0;
        try (CacheDatabase db = CacheDatabase.open(dir, Clock.systemUTC())) {
            JdbcFleetCache cache = new JdbcFleetCache(db.dataSource());
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            long[] peak = {before};
            int[] n = {0};
            EnvironmentReader sampling = new Delegate(new EnvironmentReader[] {new EnvironmentReader() {
                @Override
                public void read(Environment environment, SyncSink sink, Progress progress) {
                    pages.read(environment, new SyncSink() {
                        @Override
                        public void sites(List<Site> page) {
                            sink.sites(page);
                            sample();
                        }

                        @Override
                        public void cameras(List<CameraSystem> page, Map<String, CameraTelemetry> telemetry) {
                            sink.cameras(page, telemetry);
                            sample();
                        }

                        private void sample() {
                            if (++n[0] % 40 == 0) {
                                System.gc();
                                peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                            }
                        }

                        @Override
                        public void throttled(String operation) {
                        }

                        @Override
                        public void warning(io.camfleet.console.service.common.Problem problem) {
                        }
                    }, progress);
                }

                @Override
                public CallerIdentity identity(Environment environment) {
                    return pages.identity(environment);
                }

                @Override
                public List<AwsProfile> profiles() {
                    return List.of();
                }
            }});
            new EnvironmentSync(sampling, cache, Clock.systemUTC()).sync(prod, true, "bench", Progress.NONE);
            max = (peak[0] - before) / 1e6;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return max;
    }

    /** Reads whichever pages {@code current[0]} holds now. */
    private record Delegate(EnvironmentReader[] current) implements EnvironmentReader {
        @Override
        public void read(Environment environment, SyncSink sink, Progress progress) {
            current[0].read(environment, sink, progress);
        }

        @Override
        public CallerIdentity identity(Environment environment) {
            return current[0].identity(environment);
        }

        @Override
        public List<AwsProfile> profiles() {
            return List.of();
        }
    }

    private static <T> List<List<T>> paged(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PAGE) {
            out.add(List.copyOf(all.subList(from, Math.min(all.size(), from + PAGE))));
        }
        return out;
    }

    public static void run() throws Exception {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        FleetData demo = new DemoFleetSource(20_000, 42).load(now, Progress.NONE);
        List<Site> sites = demo.sites().stream().map(s -> new Site(s.id(), s.name(), s.customer(), s.countryCode(),
                s.region(), s.latitude(), s.longitude(), s.timeZone(), s.slaTier(), s.maintenanceWindow(), "prod"))
                .toList();
        List<CameraSystem> cameras = demo.cameras();
        Pages first = new Pages(paged(sites), paged(cameras), demo.telemetry());
        // 1 % of the things changed: a new software version, as a wave of a release would leave them.
        List<CameraSystem> changed = new ArrayList<>(cameras);
        for (int i = 0; i < changed.size(); i += 100) {
            CameraSystem c = changed.get(i);
            changed.set(i, new CameraSystem(c.id(), c.siteId(), c.hostname(), c.sshAddress(), c.jumpHost(),
                    c.ssmNodeId(), c.iotThingName(), c.image(), c.softwareVersion() + "-hotfix1"));
        }
        Pages next = new Pages(paged(sites), paged(changed), demo.telemetry());
        Environment prod = Environment.of("prod", "bench", "eu-west-1", "");
        Bench.note("sync: " + sites.size() + " sites, " + cameras.size() + " things, pages of " + PAGE);

        int rounds = 5;
        double[] full = new double[rounds];
        double[] incremental = new double[rounds];
        long[] heapGrowth = new long[rounds];
        double[] retained = new double[rounds];
        int written = 0;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int r = -1; r < rounds; r++) {   // round -1 warms the JIT up
            Path dir = Files.createTempDirectory("camfleet-sync");
            try (CacheDatabase db = CacheDatabase.open(dir, Clock.systemUTC())) {
                JdbcFleetCache cache = new JdbcFleetCache(db.dataSource());
                System.gc();
                long before = memory.getHeapMemoryUsage().getUsed();
                AtomicLong peak = new AtomicLong(before);
                Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                // One sync service, as in the console: the second sync compares with what the first one wrote.
                EnvironmentReader[] source = {first};
                EnvironmentSync sync = new EnvironmentSync(new Delegate(source), cache, Clock.systemUTC());
                long t0 = System.nanoTime();
                sync.sync(prod, true, "bench", Progress.NONE);
                long t1 = System.nanoTime();
                long t1full = t1;
                sampler.interrupt();
                sampler.join();
                System.gc();
                retained[Math.max(r, 0)] = (memory.getHeapMemoryUsage().getUsed() - before) / 1e6;
                source[0] = next;
                long t2a = System.nanoTime();
                SyncReport inc = sync.sync(prod, false, "bench", Progress.NONE);
                long t2 = System.nanoTime();
                t1 = t2a;
                if (r >= 0) {
                    full[r] = (t1full - t0) / 1e9;
                    incremental[r] = (t2 - t1) / 1e6;
                    heapGrowth[r] = peak.get() - before;
                    written = inc.written();
                }
            }
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        // Live heap while ingesting, after a collection every 40 pages (untimed): flat means it does not grow with
        // the pages written, only with the fleet kept in memory.
        double liveGrowth = liveHeapGrowth(first, prod, memory);
        double fullMedian = Bench.median(full);
        Bench.report("sync", "full_100k_things", fullMedian, "s");
        Bench.report("sync", "full_100k_things_rate", (sites.size() + cameras.size()) / fullMedian, "records/s");
        Bench.report("sync", "incremental_1pct_changed", Bench.median(incremental), "ms");
        Bench.report("sync", "incremental_rows_written", written, "rows");
        double[] growth = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            growth[i] = heapGrowth[i] / 1e6;
        }
        Bench.report("sync", "heap_peak_growth_while_ingesting", Bench.percentile(growth, 100), "MB");
        Bench.report("sync", "heap_live_growth_while_ingesting_max", liveGrowth, "MB");
        Bench.report("sync", "heap_retained_after_ingest", Bench.median(retained), "MB");
        Bench.note("sync: the peak counts garbage not yet collected; the live growth is measured after collections; "
                + "what stays is the fleet as last synced, kept to compare the next sync with");
    }
}
