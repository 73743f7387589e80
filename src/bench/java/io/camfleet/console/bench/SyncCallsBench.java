package io.camfleet.console.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.AwsEnvironmentReader;
import io.camfleet.console.adapter.aws.AwsFleetFake;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcFleetCache;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.EnvironmentSync;
import io.camfleet.console.service.environments.MetricNames;
import io.camfleet.console.service.environments.SyncReport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code sync-calls}: a full sync of an AWS environment through the console's real path (AwsEnvironmentReader, the
 * SDK clients with their retry strategy, EnvironmentSync, a new H2 cache) from {@link AwsFleetFake}, a fake of the
 * IoT and CloudWatch endpoints in a process of its own (so that its CPU and heap are not the console's), which
 * counts the calls and limits each operation to a rate, refusing the rest as AWS throttles them.
 *
 * <p>Runs: {@code indexed} (20,000 sites / 100,000 things, fleet index on, 10 calls/s per API), {@code
 * indexed-shadow} (the same with shadows indexed, each thing's health in its shadow), {@code
 * indexed-unlimited} (the same, no limit), {@code fallback-small} (indexing off, 2,000 sites / 10,000 things at 10
 * calls/s: the full scale at that rate takes about two hours), {@code fallback-full} (indexing off, full scale, no
 * limit: its calls). Targets (issue 16): indexed calls <= 500, wall at 10 calls/s <= 60 s. Arguments choose runs
 * and {@code rate=N}; none: all five.
 */
public final class SyncCallsBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncCallsBench() {
    }

    /** {@code fake}: the fake's mode, {@code indexed}, {@code indexed-shadow} or {@code registry}. */
    private record Run(String name, int sites, int things, String fake, boolean limited) {
        boolean indexed() {
            return fake.startsWith("indexed");
        }
    }

    public static void run(String[] args) throws Exception {
        System.setProperty("aws.disableEc2Metadata", "true");
        double rate = 10;
        List<String> chosen = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("rate=")) {
                rate = Double.parseDouble(a.substring(5));
            } else {
                chosen.add(a);
            }
        }
        List<Run> runs = List.of(new Run("indexed", 20_000, 100_000, "indexed", true),
                new Run("indexed-shadow", 20_000, 100_000, "indexed-shadow", true),
                new Run("indexed-unlimited", 20_000, 100_000, "indexed", false),
                new Run("fallback-small", 2_000, 10_000, "registry", true),
                new Run("fallback-full", 20_000, 100_000, "registry", false));
        for (Run r : runs) {
            if (chosen.isEmpty() || chosen.contains(r.name())) {
                measure(r, r.limited() ? rate : 0);
            }
        }
    }

    private static void measure(Run run, double rate) throws Exception {
        String prefix = String.format(Locale.ROOT, "%s_%dk_sites_%dk_things_%s", run.indexed()
                        ? run.fake().replace('-', '_') : "fallback", run.sites() / 1000, run.things() / 1000,
                rate > 0 ? String.format(Locale.ROOT, "at_%s_per_s_per_api", fmt(rate)) : "no_rate_limit");
        Bench.note("sync-calls " + prefix + ": starting the fake AWS account");
        Process fake = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), AwsFleetFake.class.getName(),
                String.valueOf(run.sites()), String.valueOf(run.things()), run.fake(),
                String.valueOf(rate)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Path dir = Files.createTempDirectory("camfleet-sync-calls");
        try (AwsClients clients = AwsFleetFake.clients(op -> { })) {
            BufferedReader out = new BufferedReader(new InputStreamReader(fake.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("listening ")) { // the JVM may say things first (a recording)
                line = out.readLine();
            }
            if (line == null) {
                throw new IllegalStateException("the fake did not start: " + line);
            }
            URI endpoint = URI.create(line.substring("listening ".length()));
            Environment env = Environment.of("bench", "fake", "eu-west-1", endpoint.toString());
            clients.of(env); // built before the clock starts, as the console builds them after the first frame
            Clock clock = Clock.systemUTC();
            try (CacheDatabase db = CacheDatabase.open(dir, clock)) {
                EnvironmentSync sync = new EnvironmentSync(
                        new AwsEnvironmentReader(clients, MetricNames.DEFAULT, clock),
                        new JdbcFleetCache(db.dataSource()), clock);
                measureSync(prefix, run, sync, env, endpoint);
            }
        } finally {
            fake.getOutputStream().close();
            if (!fake.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                fake.destroy();
            }
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measureSync(String prefix, Run run, EnvironmentSync sync, Environment env, URI endpoint)
            throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LiveHeap live = new LiveHeap();
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
        double fakeCpu0 = stats(endpoint).path("cpuSeconds").asDouble();
        live.start();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        SyncReport report = sync.sync(env, true, "AWS", Progress.NONE);
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        long liveMax = live.stop();
        sampler.interrupt();
        sampler.join();
        JsonNode stats = stats(endpoint);
        if (report.sites() != run.sites() || report.cameras() != run.things()) {
            throw new IllegalStateException(prefix + ": the sync read " + report.sites() + " sites and "
                    + report.cameras() + " cameras, not " + run.sites() + " and " + run.things());
        }
        Bench.note(String.format(Locale.ROOT, "sync-calls %s: load average %.1f at the end", prefix,
                os.getSystemLoadAverage()));
        Bench.note("sync-calls " + prefix + ": " + report.path() + ", " + report.sites() + " sites, "
                + report.cameras() + " cameras; calls " + report.callsByOperation() + "; refused by the fake "
                + stats.path("refused") + "; answered " + stats.path("answered"));
        Bench.report("sync-calls", prefix + "_calls_total", report.totalCalls(), "calls");
        report.calls().forEach((op, n) -> Bench.report("sync-calls", prefix + "_calls_" + op, n, "calls"));
        Bench.report("sync-calls", prefix + "_throttled_and_retried", report.throttled(), "calls");
        Bench.report("sync-calls", prefix + "_wall", (t1 - t0) / 1e9, "s");
        Bench.report("sync-calls", prefix + "_console_cpu", (cpu1 - cpu0) / 1e9, "s");
        Bench.report("sync-calls", prefix + "_fake_cpu", stats.path("cpuSeconds").asDouble() - fakeCpu0, "s");
        Bench.report("sync-calls", prefix + "_heap_live_max_above_start", (liveMax - before) / 1e6, "MB");
        Bench.report("sync-calls", prefix + "_heap_peak_above_start", (peak.get() - before) / 1e6, "MB");
    }

    private static JsonNode stats(URI endpoint) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                endpoint.resolve("/fake/stats")).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate).replace('.', '_');
    }
}
