package io.camfleet.console.bench;

import io.camfleet.console.app.StartupBench;

import java.util.Locale;

/** {@code ./mvnw -q -Pbench -Dbench=NAME verify}: runs one benchmark (table, startup, ingest) or all. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "all" : args[0].toLowerCase(Locale.ROOT);
        switch (name) {
            case "table" -> TableBench.run();
            case "startup" -> StartupBench.run();
            case "ingest" -> IngestBench.run();
            case "all" -> {
                IngestBench.run();
                TableBench.run();
                StartupBench.run();
            }
            default -> {
                System.err.println("Unknown benchmark '" + name + "'; choose one of: table, startup, ingest, all");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
