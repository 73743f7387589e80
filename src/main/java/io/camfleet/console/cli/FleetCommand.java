package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.fleet.FleetSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code camfleet fleet [--json]}: what the cache holds, summed up, without reaching any source. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Summarize the cached fleet: source, as of, sites, cameras, unplaced, health, environments."})
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
            FleetSnapshot fleet = session.fleet().openCache();
            ObjectNode out = summary(fleet);
            spec.commandLine().getOut().println(json
                    ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out)
                    : text(out));
            return ExitCodes.OK;
        }
    }

    static ObjectNode summary(FleetSnapshot fleet) {
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("source", fleet.source());
        out.put("asOf", fleet.asOf() == null ? null : fleet.asOf().toString());
        out.put("sites", fleet.siteCount());
        out.put("cameras", fleet.cameraCount());
        out.put("unplaced", fleet.sites().stream().filter(s -> !s.site().isPlaced()).count());
        ObjectNode health = out.putObject("camerasByHealth");
        for (HealthState h : HealthState.values()) {
            health.put(h.name(), fleet.camerasIn(h));
        }
        Map<String, Integer> sitesByEnvironment = new TreeMap<>();
        fleet.sites().forEach(s -> sitesByEnvironment.merge(s.site().environment(), 1, Integer::sum));
        ObjectNode environments = out.putObject("sitesByEnvironment");
        sitesByEnvironment.forEach((env, n) -> environments.put(env.isEmpty() ? "(none)" : env, n));
        return out;
    }

    private static String text(ObjectNode o) {
        StringBuilder b = new StringBuilder();
        o.fields().forEachRemaining(e -> b.append(String.format("%-20s %s%n", e.getKey(),
                e.getValue().isContainerNode() ? e.getValue().toString() : e.getValue().asText())));
        return b.toString().stripTrailing();
    }
}
