package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.fleet.FleetSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code camfleet fleet [--json]}: what the cache holds, summed up, without reaching any source. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Summarize the cached fleet: source, as of, sites, cameras, unplaced, health, environments.",
                "On a new data folder, the demo fleet (as the window first shows it)."})
public final class FleetCommand implements Callable<Integer> {

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ConsoleBackend backend = Commands.backend(spec);
        try (ConsoleBackend.Session session = backend.open(root.dataDir())) {
            FleetSnapshot fleet = cachedOrSeeded(backend, root.dataDir(), session);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(summary(fleet)));
            } else {
                print(fleet, out);
            }
            return ExitCodes.OK;
        }
    }

    /**
     * The fleet the commands read: the cache. A folder whose cache was never filled, on the demo fleet (the settings'
     * default), gets the demo fleet the window would show first, written to the cache; unless a window, sync or
     * import keeps the folder's fleet at that moment, which fills it itself.
     */
    static FleetSnapshot cachedOrSeeded(ConsoleBackend backend, Path dataDir, ConsoleBackend.Session session) {
        FleetSnapshot cached = session.fleet().openCache();
        if (cached.asOf() != null || cached.siteCount() > 0
                || backend.settings(dataDir).read().get(SourceSettings.SECTION).kind() != SourceSettings.Kind.DEMO) {
            return cached;
        }
        return backend.asFleetKeeper(dataDir, () -> session.fleet().reload(Progress.NONE)).orElse(cached);
    }

    static ObjectNode summary(FleetSnapshot fleet) {
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("source", fleet.source());
        out.put("asOf", fleet.asOf() == null ? null : fleet.asOf().toString());
        out.put("sites", fleet.siteCount());
        out.put("cameras", fleet.cameraCount());
        out.put("unplaced", unplaced(fleet));
        ObjectNode sites = out.putObject("sitesByHealth");
        ObjectNode cameras = out.putObject("camerasByHealth");
        ObjectNode siteRule = out.putObject("siteDownRule");
        siteRule.put("kind", fleet.rule().kind().name());
        siteRule.put("threshold", fleet.rule().threshold());
        siteRule.put("degradedCounts", fleet.rule().degradedCounts());
        siteRule.put("text", rule(fleet.rule()));
        for (HealthState h : HealthState.values()) {
            sites.put(h.name(), fleet.sitesIn(h));
            cameras.put(h.name(), fleet.camerasIn(h));
        }
        ObjectNode environments = out.putObject("sitesByEnvironment");
        sitesByEnvironment(fleet).forEach(environments::put);
        return out;
    }

    /** The summary as a person reads it: one line a figure, counts with separators, health as the window counts it. */
    private static void print(FleetSnapshot fleet, PrintWriter out) {
        out.printf(Locale.ROOT, "Source        %s%n", fleet.source());
        out.printf(Locale.ROOT, "As of         %s%n", fleet.asOf() == null ? "never synced" : fleet.asOf());
        out.printf(Locale.ROOT, "Sites         %,d (%,d without coordinates)%n", fleet.siteCount(), unplaced(fleet));
        out.printf(Locale.ROOT, "Cameras       %,d%n", fleet.cameraCount());
        out.printf(Locale.ROOT, "Site health   %s (%s)%n", byHealth(fleet::sitesIn), rule(fleet.rule()));
        out.printf(Locale.ROOT, "Camera health %s%n", byHealth(fleet::camerasIn));
        out.printf(Locale.ROOT, "Environments  %s%n", sitesByEnvironment(fleet).entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(" · ")));
    }

    /** The rule in force, in the operators' words: "A site is down when all its cameras are offline". */
    static String rule(SiteDownRule rule) {
        return new Messages(Locale.ROOT).text(rule.messageKey(), rule.threshold());
    }

    /** "Online 2,101 · Degraded 250 · …", in the order of concern, as the window's chips. */
    static String byHealth(java.util.function.ToIntFunction<HealthState> count) {
        return Arrays.stream(HealthState.values())
                .map(h -> String.format(Locale.ROOT, "%s %,d", label(h), count.applyAsInt(h)))
                .collect(Collectors.joining(" · "));
    }

    static String label(HealthState h) {
        String n = h.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    private static long unplaced(FleetSnapshot fleet) {
        return fleet.sites().stream().filter(s -> !s.site().isPlaced()).count();
    }

    private static Map<String, Integer> sitesByEnvironment(FleetSnapshot fleet) {
        Map<String, Integer> out = new TreeMap<>();
        fleet.sites().forEach(s -> out.merge(s.site().environment().isEmpty() ? "(none)" : s.site().environment(), 1,
                Integer::sum));
        return out;
    }
}
