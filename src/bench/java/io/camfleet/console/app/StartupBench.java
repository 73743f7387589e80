package io.camfleet.console.app;

import io.camfleet.console.bench.Bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code startup}: from launching a JVM on the shipped jars to the first shown window on the demo fleet (headless
 * Monocle), and on to the fleet shown in the table. Each run is a new JVM on the same data folder, as an operator's
 * second start would be. Measured twice: plain {@code java}, and with an application class-data-sharing archive as
 * the installers' launcher uses. Target: first window under 2,000 ms (median).
 */
public final class StartupBench {

    private static final int RUNS = 7;

    private StartupBench() {
    }

    public static void run() throws Exception {
        Path data = Files.createTempDirectory("camfleet-startup");
        String classPath = shippedClassPath();
        measure("", List.of(), data, classPath);
        Path archive = data.resolve("camfleet.jsa");
        measure("_appcds", List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive), data,
                classPath);
    }

    /** The jar, its lib folder, the bench classes' jar, and Monocle for a headless screen: no class folders. */
    private static String shippedClassPath() throws Exception {
        Path target = Path.of("target");
        List<String> parts = new ArrayList<>();
        parts.add(target.resolve("camfleet-console.jar").toString());
        try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
            libs.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> parts.add(p.toString()));
        }
        parts.add(target.resolve("camfleet-console-tests.jar").toString());
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("openjfx-monocle")).forEach(parts::add);
        return parts.stream().collect(Collectors.joining(File.pathSeparator));
    }

    private static void measure(String variant, List<String> jvmOptions, Path data, String classPath)
            throws Exception {
        List<Double> shown = new ArrayList<>();
        List<Double> fleet = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            List<String> cmd = WindowProbe.command(classPath, jvmOptions, data, 2_500);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            // A probe that never ends would block the read below: end it.
            CompletableFuture.delayedExecutor(120, TimeUnit.SECONDS).execute(p::destroyForcibly);
            double shownMs = -1;
            double fleetMs = -1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (line.startsWith("SHOWN")) {
                        shownMs = ms;
                    } else if (line.startsWith("FLEET")) {
                        fleetMs = ms;
                    }
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || shownMs < 0 || fleetMs < 0) {
                throw new IllegalStateException("start-up probe failed (exit " + p.exitValue() + ")");
            }
            boolean counted = i > 0;
            Bench.note(String.format(Locale.ROOT, "startup%s run %d: window %.0f ms, fleet %.0f ms%s", variant, i,
                    shownMs, fleetMs, counted ? "" : " (first run: empty data folder or archive being made; not counted)"));
            if (counted) {
                shown.add(shownMs);
                fleet.add(fleetMs);
            }
        }
        Bench.report("startup", "first_window" + variant + "_median", Bench.median(toArray(shown)), "ms");
        Bench.report("startup", "fleet_shown" + variant + "_median", Bench.median(toArray(fleet)), "ms");
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
