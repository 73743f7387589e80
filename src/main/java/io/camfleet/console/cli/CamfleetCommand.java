package io.camfleet.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code camfleet}: with no command it opens the window; the subcommands serve scripts and pipelines. */
@Command(name = "camfleet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"CamFleet Console: operations console for camera fleets.",
                "With no command, opens the window on the demo fleet."},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 bad usage or input, 3 unavailable (data folder, AWS, network)."})
public final class CamfleetCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data folder (cache, settings, logs). Default: $CAMFLEET_HOME, else ~/.camfleet.")
    Path dataDir;

    @Option(names = "--demo-sites", paramLabel = "N", defaultValue = "2500",
            description = "Sites in the demo fleet, 1 to 20000 (default: ${DEFAULT-VALUE}).")
    int demoSites;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Seed of the demo fleet (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    private final ConsoleBackend backend;

    public CamfleetCommand(ConsoleBackend backend) {
        this.backend = backend;
    }

    @Override
    public Integer call() {
        DemoCommand.checkSites(spec, "--demo-sites", demoSites);
        return backend.openWindow(new LaunchOptions(dataDir, demoSites, seed));
    }

    /** The data folder named on the command line, wherever on it {@code --data-dir} was written. */
    public Path dataDir() {
        return dataDir;
    }

    ConsoleBackend backend() {
        return backend;
    }
}
