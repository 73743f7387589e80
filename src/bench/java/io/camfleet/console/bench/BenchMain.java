package io.camfleet.console.bench;

import io.camfleet.console.app.StartupBench;

import java.util.Arrays;
import java.util.Locale;

/**
 * {@code ./mvnw -q -Pbench -Dbench=NAME verify}: runs one benchmark (table, startup, ingest, sync, sync-calls, devices-sync, images-catalogue, terraform-state, map,
 * availability, availability-math, rollout, rollout-ssm, reports) or all but {@code table} (each starts JavaFX once, and a JVM can start it only once: run {@code table} on its own) and
 * {@code rollout} (it takes half an hour on two cores, and installs Ansible). {@code -Dbench="sync-calls indexed"}
 * runs one of the sync-calls runs (see {@link SyncCallsBench}). {@code -Dbench="rollout 100,1000"} runs
 * the rollout at those host counts only. {@code footprint} (the shipped jar under Xvfb, minutes) runs on its own too:
 * {@code -Dbench="footprint idle=600"} for the 10-minute figures.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "all" : args[0].toLowerCase(Locale.ROOT);
        switch (name) {
            case "table" -> TableBench.run();
            case "startup" -> StartupBench.run();
            case "ingest" -> IngestBench.run();
            case "map" -> MapBench.run();
            case "sync" -> SyncBench.run();
            case "sync-calls" -> SyncCallsBench.run(Arrays.copyOfRange(args, 1, args.length));
            case "devices-sync" -> DevicesSyncBench.run();
            case "images-catalogue" -> ImagesCatalogueBench.run();
            case "terraform-state" -> TerraformStateBench.run();
            case "availability" -> AvailabilityBench.run();
            case "availability-math" -> AvailabilityMathBench.run();
            case "reports" -> ReportsBench.run();
            case "rollout" -> RolloutBench.run(Arrays.copyOfRange(args, 1, args.length));
            case "rollout-ssm" -> SsmRolloutBench.run();
            case "footprint" -> FootprintBench.run(Arrays.copyOfRange(args, 1, args.length));
            case "all" -> {
                IngestBench.run();
                SyncBench.run();
                MapBench.run();
                StartupBench.run();
            }
            default -> {
                System.err.println("Unknown benchmark '" + name + "'; choose one of: table, startup, ingest, sync, sync-calls, devices-sync, images-catalogue, terraform-state, map, "
                        + "availability, availability-math, reports, rollout, rollout-ssm, footprint, all");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
