package io.camfleet.console.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code footprint}: the shipped jar ({@code java -jar target/camfleet-console.jar}, no JVM options), run as an
 * operator runs it, under a virtual X display (Xvfb) on the demo fleet at 2,500 and 20,000 sites with the window on
 * the map. Per size: launch to the fleet shown (median of several starts on the same folder: wall clock, noisy on a
 * shared machine), then, once the fleet is loaded and stored, the resident memory after an idle spell, the CPU it
 * used meanwhile (utime + stime from {@code /proc}, as a share of one core: fair on a busy machine) and how much the
 * cache grew. Start-up is also given as the CPU time the console used until the fleet showed, which a busy machine
 * does not inflate the way it does the wall clock. The installer's app image is started the same way when it was built ({@code target/installer}).
 *
 * <p>Arguments after the name, {@code key=value}: {@code idle=SECONDS} (60; 600 for the 10-minute figure),
 * {@code sites=N,M} (2500,20000), {@code runs=N} (starts per launch median, 5), {@code image=PATH} (the app image's
 * launcher; default {@code target/installer/camfleet-console/bin/camfleet-console}).
 */
public final class FootprintBench {

    private static final Pattern LOGGED = Pattern.compile("^(\\S+) INFO .*? - (Window shown|Fleet shown|Fleet loaded)");
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    /** Generous: on a busy machine, storing 100,000 cameras took minutes. */
    private static final Duration WAIT = Duration.ofMinutes(10);

    private FootprintBench() {
    }

    public static void run(String[] args) throws Exception {
        Map<String, String> opts = new TreeMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                opts.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        int idle = Integer.parseInt(opts.getOrDefault("idle", "60"));
        int runs = Integer.parseInt(opts.getOrDefault("runs", "5"));
        Path jar = Path.of("target/camfleet-console.jar").toAbsolutePath();
        Path image = Path.of(opts.getOrDefault("image", "target/installer/camfleet-console/bin/camfleet-console"))
                .toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        try (VirtualDisplay display = VirtualDisplay.start()) {
            for (String s : opts.getOrDefault("sites", "2500,20000").split(",")) {
                int sites = Integer.parseInt(s.trim());
                List<String> plain = List.of(java, "-jar", jar.toString());
                measure("jar", plain, sites, idle, runs, display);
                if (Files.isExecutable(image)) {
                    measure("image", List.of(image.toString()), sites, idle, runs, display);
                } else if (sites == 2500) {
                    Bench.note("no app image at " + image + " (installer/build-installer.sh): its figures are left out");
                }
            }
        }
    }

    private static void measure(String variant, List<String> launcher, int sites, int idle, int runs,
                                VirtualDisplay display) throws Exception {
        Path data = Files.createTempDirectory("camfleet-footprint");
        // The window opens on the map, as large as the target says, with no online tiles (nothing leaves the machine).
        Files.writeString(data.resolve("settings.json"),
                "{\"lastScreen\":\"FLEET_MAP\",\"windowWidth\":1600,\"windowHeight\":1000}");
        String name = "footprint." + variant + "_" + sites;
        // First start: the empty folder, measured for memory, CPU and cache; later starts for the launch median.
        Started first = start(launcher, data, sites, display);
        try {
            Instant stored = first.await("Fleet loaded");
            Bench.note(String.format(Locale.ROOT, "%s: first start, fleet shown %d ms, loaded and stored %d ms",
                    name, first.millisTo("Fleet shown"), Duration.between(first.launched, stored).toMillis()));
            Path cache = data.resolve("cache.mv.db");
            long cpu0 = first.cpuTicks();
            long cache0 = Files.size(cache);
            long t0 = System.nanoTime();
            Thread.sleep(idle * 1000L);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu1 = first.cpuTicks();
            long rss = first.rssKb();
            long cache1 = Files.size(cache);
            Bench.report(name, "rss_after_" + idle + "s_idle", rss / 1024.0, "MB");
            Bench.report(name, "idle_cpu", 100.0 * (cpu1 - cpu0) / TICKS_PER_SECOND / seconds, "%_of_one_core");
            Bench.report(name, "cache_size", cache1 / 1e6, "MB");
            Bench.report(name, "cache_growth_per_minute", (cache1 - cache0) / 1e6 * 60 / seconds, "MB");
        } finally {
            first.stop();
        }
        double[] window = new double[runs];
        double[] fleet = new double[runs];
        double[] fleetCpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            Started again = start(launcher, data, sites, display);
            try {
                again.await("Fleet shown");
                window[i] = again.millisTo("Window shown");
                fleet[i] = again.millisTo("Fleet shown");
                fleetCpu[i] = again.cpuMillisTo("Fleet shown");
                Bench.note(String.format(Locale.ROOT, "%s run %d: window %.0f ms, fleet %.0f ms (CPU %.0f ms)", name,
                        i, window[i], fleet[i], fleetCpu[i]));
            } finally {
                again.stop();
            }
        }
        Bench.report(name, "launch_to_window_median", Bench.median(window), "ms");
        Bench.report(name, "launch_to_fleet_shown_median", Bench.median(fleet), "ms");
        Bench.report(name, "cpu_to_fleet_shown_median", Bench.median(fleetCpu), "ms");
        deleteTree(data);
    }

    private static Started start(List<String> launcher, Path data, int sites, VirtualDisplay display)
            throws IOException {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(List.of("--data-dir", data.toString(), "--demo-sites", Integer.toString(sites)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolve("console-" + System.nanoTime() + ".out").toFile());
        pb.environment().put("DISPLAY", display.name());
        pb.environment().put("HOME", data.toString());
        Instant launched = Instant.now();
        return new Started(pb.start(), launched, data.resolve("logs"));
    }

    /** A console started by the benchmark; its log says when the window and the fleet showed. */
    private static final class Started {
        final Process process;
        final Instant launched;
        final Path logs;
        final Map<String, Instant> seen = new TreeMap<>();
        final Map<String, Long> cpuAt = new TreeMap<>();

        Started(Process process, Instant launched, Path logs) {
            this.process = process;
            this.launched = launched;
            this.logs = logs;
        }

        Instant await(String what) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                readLog();
                if (seen.containsKey(what)) {
                    return seen.get(what);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the console ended (exit " + process.exitValue()
                            + ") before '" + what + "'");
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("no '" + what + "' in the log within " + WAIT);
        }

        long cpuMillisTo(String what) {
            return cpuAt.get(what) * 1000 / TICKS_PER_SECOND;
        }

        long millisTo(String what) {
            return Duration.between(launched, seen.get(what)).toMillis();
        }

        private void readLog() throws IOException {
            Optional<Path> file = Optional.empty();
            if (Files.isDirectory(logs)) {
                try (Stream<Path> files = Files.list(logs)) {
                    file = files.filter(p -> p.getFileName().toString().endsWith("-" + process.pid() + ".log"))
                            .max(Comparator.naturalOrder());
                }
            }
            if (file.isEmpty()) {
                return;
            }
            for (String line : Files.readAllLines(file.get(), StandardCharsets.UTF_8)) {
                Matcher m = LOGGED.matcher(line);
                if (m.find() && !seen.containsKey(m.group(2))) {
                    seen.put(m.group(2), OffsetDateTime.parse(m.group(1)).toInstant());
                    // CPU used so far: a start-up figure that other work on the machine does not inflate.
                    cpuAt.put(m.group(2), cpuTicks());
                }
            }
        }

        /** utime + stime of the JVM, in clock ticks; the app image's launcher runs the JVM in its own process. */
        long cpuTicks() throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        long rssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            throw new IllegalStateException("no VmRSS for " + process.pid());
        }

        /** SIGTERM, as a logout would; the console closes its cache on the way out. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Xvfb on a free display number, ended with the benchmark. */
    private record VirtualDisplay(Process xvfb, String name) implements AutoCloseable {
        static VirtualDisplay start() throws Exception {
            for (int n = 90; n < 200; n++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process x = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                for (int i = 0; i < 100 && x.isAlive(); i++) {
                    if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                        return new VirtualDisplay(x, ":" + n);
                    }
                    Thread.sleep(50);
                }
                x.destroy();
            }
            throw new IllegalStateException("could not start Xvfb (Debian: apt install xvfb)");
        }

        @Override
        public void close() throws InterruptedException {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
