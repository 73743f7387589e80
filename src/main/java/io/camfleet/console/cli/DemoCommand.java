package io.camfleet.console.cli;

import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetSummary;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.service.common.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code camfleet demo --sites N}: generates the demo fleet and prints what it looks like. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate the demo fleet in memory and print a summary of it.")
public final class DemoCommand implements Callable<Integer> {

    static final int MAX_SITES = 20_000;

    @Option(names = "--sites", paramLabel = "N", defaultValue = "2500",
            description = "Number of sites, 1 to 20000 (default: ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Seed; the same seed gives the same fleet (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        checkSites(spec, "--sites", sites);
        ConsoleBackend backend = Commands.backend(spec);
        Instant now = backend.clock().instant();
        FleetData fleet = backend.demoFleet(sites, seed).load(now, Progress.NONE);
        FleetSummary s = FleetSummary.of(fleet, HealthRules.DEFAULT, now);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Demo fleet, seed %d%n", seed);
        out.printf(Locale.ROOT, "  Sites      %,d in %,d countries for %,d customers (%,d without coordinates)%n",
                s.sites(), s.countries(), s.customers(), s.unplacedSites());
        out.printf(Locale.ROOT, "  Cameras    %,d (%.1f per site)%n", s.cameras(), s.cameras() / (double) s.sites());
        out.printf(Locale.ROOT, "  Regions    %s%n", join(s.sitesByRegion()));
        // Sites by the default site-down rule, as the window's chips count them on a new data folder.
        out.printf(Locale.ROOT, "  Health     %s (sites: %s)%n",
                FleetCommand.byHealth(h -> s.sitesByHealth().getOrDefault(h, 0)), FleetCommand.rule(SiteDownRule.DEFAULT));
        out.printf(Locale.ROOT, "  Versions   %s%n", join(s.camerasByVersion()));
        return ExitCodes.OK;
    }

    private static String join(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    /** A demo size must be a whole number from 1 to 20,000. */
    static void checkSites(CommandSpec spec, String option, int n) {
        if (n < 1 || n > MAX_SITES) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "%s must be a whole number from 1 to %,d, not %d", option, MAX_SITES, n));
        }
    }
}
