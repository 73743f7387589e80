package io.camfleet.console.bench;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.google.FakeGoogleDirectory;
import io.camfleet.console.adapter.google.GeneratedDevices;
import io.camfleet.console.adapter.google.GoogleDirectory;
import io.camfleet.console.adapter.sim.DemoDirectory;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.devices.DeviceDirectory;
import io.camfleet.console.service.devices.DevicePage;
import io.camfleet.console.service.devices.DeviceQuery;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.service.devices.SyncReport;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * {@code devices-sync}: 10,000 review devices (9,000 ChromeOS, 1,000 Android tablets) synced through the Directory
 * API client, over loopback HTTP from the WireMock fake of the API (in this JVM), into a new H2 cache through the
 * devices service: the wall time, the syncing thread's CPU, the API calls, the heap. Then a sync of the same
 * directory over the cache it filled (nothing changed), and the demo directory's 300 devices as the peer.
 */
public final class DevicesSyncBench {

    private static final int CHROMEOS = 9_000;
    private static final int ANDROID = 1_000;
    private static final int ROUNDS = 3;

    private DevicesSyncBench() {
    }

    /** One sync into a new cache; the figures of the first and of a second over it. */
    private record Run(double firstSeconds, double firstCpuSeconds, double againSeconds, int calls, int devices,
                       double liveHeapMb, double heapAfterMb) {
    }

    private static Run sync(Function<Clock, DeviceDirectory> directory, DeviceSettings settings) throws Exception {
        Clock clock = Clock.systemUTC();
        Path dir = Files.createTempDirectory("camfleet-devices");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (CacheDatabase db = CacheDatabase.open(dir, clock)) {
            AuditService audit = new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(dir),
                    new Operator("bench", ""), clock);
            DevicesService devices = new DevicesService(directory.apply(clock), db.devices(), audit, () -> settings,
                    clock);
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            LiveHeap live = new LiveHeap();
            live.start();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            SyncReport first = devices.sync(Progress.NONE);
            long t1 = System.nanoTime();
            long cpu1 = threads.getCurrentThreadCpuTime();
            double liveMb = (live.stop() - before) / 1e6;
            System.gc();
            double afterMb = (memory.getHeapMemoryUsage().getUsed() - before) / 1e6;
            long t2 = System.nanoTime();
            devices.sync(Progress.NONE);
            long t3 = System.nanoTime();
            return new Run((t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, (t3 - t2) / 1e9, first.calls(), first.total(),
                    liveMb, afterMb);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public static void run() throws Exception {
        Instant now = Instant.now();
        Path keys = Files.createTempDirectory("camfleet-devices-google");
        try (FakeGoogleDirectory google = FakeGoogleDirectory.start(keys)) {
            List<ReviewDevice> devices = new ArrayList<>(GeneratedDevices.chromeos(CHROMEOS, 42, now));
            devices.addAll(GeneratedDevices.android(ANDROID, 43, now));
            google.put(devices);
            Bench.note("devices-sync: " + CHROMEOS + " ChromeOS + " + ANDROID + " Android devices from the fake "
                    + "Directory API on loopback, pages of 300 and 100, into a new H2 cache");
            Function<Clock, DeviceDirectory> real = clock -> GoogleDirectory.open(google.settings(), clock);
            Run cold = sync(real, google.settings());
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                runs.add(sync(real, google.settings()));
            }
            double[] listing = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                listing[i] = listOnly(real.apply(Clock.systemUTC()));
            }
            Function<Clock, DeviceDirectory> demo = clock -> new DemoDirectory(DemoFleetSource.DEFAULT_SEED, clock);
            sync(demo, DeviceSettings.DEFAULTS);   // warms the demo's path up
            List<Run> demoRuns = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                demoRuns.add(sync(demo, DeviceSettings.DEFAULTS));
            }

            Bench.report("devices-sync", "devices", runs.getFirst().devices(), "devices");
            Bench.report("devices-sync", "calls", runs.getFirst().calls(), "calls");
            Bench.report("devices-sync", "full_10k_first_in_jvm", cold.firstSeconds(), "s");
            Bench.report("devices-sync", "full_10k", median(runs, Run::firstSeconds), "s");
            Bench.report("devices-sync", "full_10k_sync_thread_cpu", median(runs, Run::firstCpuSeconds), "s");
            Bench.report("devices-sync", "listing_only_10k", Bench.median(listing), "s");
            Bench.report("devices-sync", "resync_10k_unchanged", median(runs, Run::againSeconds), "s");
            Bench.report("devices-sync", "heap_live_peak_during_sync", max(runs, Run::liveHeapMb), "MB");
            Bench.report("devices-sync", "heap_retained_after_sync", median(runs, Run::heapAfterMb), "MB");
            Bench.report("devices-sync", "demo_300_devices", median(demoRuns, Run::firstSeconds) * 1000, "ms");
            Bench.report("devices-sync", "demo_300_calls", demoRuns.getFirst().calls(), "calls");
            Bench.note("devices-sync: wall times include the fake's own work on the same cores (it serves and "
                    + "serialises every page); the sync thread's CPU is the console's share of the listing and "
                    + "the cache's writing. Heaps are above the heap before the sync; the fake serves from this JVM, so "
                    + "its buffers count in the peak.");
        } finally {
            try (var walk = Files.walk(keys)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Every page of both types, read and dropped: the client's and the fake's share of a sync. */
    private static double listOnly(DeviceDirectory directory) {
        long t0 = System.nanoTime();
        for (DeviceType type : DeviceType.values()) {
            String token = null;
            do {
                DevicePage page = directory.list(type, DeviceQuery.ALL, token);
                token = page.nextPageToken();
            } while (token != null);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        return Bench.median(runs.stream().mapToDouble(figure).toArray());
    }

    private static double max(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        return runs.stream().mapToDouble(figure).max().orElse(0);
    }
}
