package io.camfleet.console.bench;

import io.camfleet.console.domain.terraform.TerraformState;
import io.camfleet.console.service.terraform.GeneratedState;
import io.camfleet.console.service.terraform.StateFile;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code terraform-state}: a Terraform state of 10,000 resource instances (1,000 blocks of 10, some 2 kB of attributes
 * each, about 20 MB) read from a file through the state reader the S3 backend feeds: the wall time (median of 5, after
 * a warm-up) and the live heap while reading, above the heap before it.
 */
public final class TerraformStateBench {

    private static final int RESOURCES = 10_000;
    private static final int ROUNDS = 5;

    private TerraformStateBench() {
    }

    public static void run() throws Exception {
        Path file = Files.createTempFile("camfleet-state", ".tfstate");
        try {
            GeneratedState.write(file, RESOURCES);
            Bench.note("terraform-state: " + RESOURCES + " resource instances, " + Files.size(file) / (1024 * 1024)
                    + " MB of state");
            TerraformState warm = read(file);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            double[] seconds = new double[ROUNDS];
            double peakMb = 0;
            int kept = warm.resources().size();
            warm = null;
            for (int i = 0; i < ROUNDS; i++) {
                System.gc();
                long before = memory.getHeapMemoryUsage().getUsed();
                LiveHeap live = new LiveHeap();
                live.start();
                long t0 = System.nanoTime();
                TerraformState state = read(file);
                seconds[i] = (System.nanoTime() - t0) / 1e9;
                peakMb = Math.max(peakMb, (live.stop() - before) / 1e6);
                System.gc();
                // what the read state keeps, once the reading's garbage is gone
                double retained = (memory.getHeapMemoryUsage().getUsed() - before) / 1e6;
                if (i == ROUNDS - 1) {
                    Bench.report("terraform-state", "retainedMb", retained, "MB");
                }
                kept = state.resources().size();
            }
            Bench.report("terraform-state", "resources", kept, "resources");
            Bench.report("terraform-state", "fileMb", Files.size(file) / 1e6, "MB");
            Bench.report("terraform-state", "seconds", Bench.median(seconds), "s");
            Bench.report("terraform-state", "peakHeapMb", peakMb, "MB");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static TerraformState read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return StateFile.read(in, "bench", "terraform.tfstate", Instant.now(), 256L * 1024 * 1024);
        }
    }
}
