package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.ImageTagKeys;
import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.images.ImageCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code camfleet images}: an environment's EC2 images, read from AWS now, with their lineage, age, patch level, the
 * regions holding copies, deprecation and the cameras running each; as a table or as JSON.
 */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = {"List an environment's EC2 images: lineage, age, patch level, copies, deprecation and the "
                + "cameras running each.",
                "Exits 0, 2 on bad input, 1 when AWS cannot be read."})
public final class ImagesCommand implements Callable<Integer> {

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--env", paramLabel = "NAME", description = "The environment's label (default: the first).")
    String env;

    @Option(names = "--outdated", description = "Only the outdated images (older than the settings allow, or with a "
            + "newer image in their lineage).")
    boolean outdated;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    private final Messages messages;

    public ImagesCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() {
        try (var session = Commands.backend(spec).open(root.dataDir())) {
            ImageCatalogue catalogue = session.part(ImageCatalogue.class);
            Environment environment = catalogue.environment(env);
            Instant now = Instant.now();
            List<CatalogueEntry> all = catalogue.catalogue(environment);
            List<CatalogueEntry> shown = outdated ? all.stream().filter(e -> e.verdict().outdated()).toList() : all;
            ImageTagKeys keys = catalogue.settings().keys();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(json(environment, shown, keys, now));
            } else {
                text(environment, all, shown, keys, now, TerminalText.escaping(out));
            }
            return ExitCodes.OK;
        }
    }

    private void text(Environment environment, List<CatalogueEntry> all, List<CatalogueEntry> shown,
                      ImageTagKeys keys, Instant now, PrintWriter out) {
        out.println(messages.text("images.cli.header", environment.label(), environment.region(),
                now.truncatedTo(ChronoUnit.SECONDS).toString(), all.size(),
                all.stream().filter(e -> e.verdict().outdated()).count()));
        if (all.isEmpty()) {
            out.println(messages.text("images.cli.none", environment.region()));
            out.flush();
            return;
        }
        out.println();
        List<List<String>> rows = new ArrayList<>();
        rows.add(Arrays.asList(messages.text("images.cli.columns").split("\\|")));
        for (CatalogueEntry e : shown) {
            MachineImage i = e.image();
            rows.add(List.of(i.id() + (e.verdict().outdated() ? " *" : ""), dash(i.name()), e.lineage(),
                    i.ageDays(now) + "d", dash(i.tag(keys.patchLevel())),
                    e.copies().isEmpty() ? "-" : String.join(",", e.copies()),
                    i.deprecatesAt() == null ? "-" : (i.deprecated(now) ? "since " : "at ")
                            + i.deprecatesAt().truncatedTo(ChronoUnit.MINUTES),
                    Integer.toString(e.usage().cameras().size())));
        }
        // each column as wide as its widest cell
        int[] width = new int[rows.getFirst().size()];
        rows.forEach(r -> {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        });
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                line.append(c == width.length - 1 ? r.get(c)
                        : String.format(Locale.ROOT, "%-" + width[c] + "s  ", r.get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    static String json(Environment environment, List<CatalogueEntry> shown, ImageTagKeys keys, Instant now) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("environment", environment.label()).put("region", environment.region())
                .put("asOf", now.truncatedTo(ChronoUnit.SECONDS).toString()).put("count", shown.size());
        ArrayNode list = root.putArray("images");
        for (CatalogueEntry e : shown) {
            MachineImage i = e.image();
            ObjectNode o = list.addObject();
            o.put("id", i.id()).put("name", i.name()).put("lineage", e.lineage()).put("state", i.state())
                    .put("created", i.created().toString()).put("ageDays", i.ageDays(now))
                    .put("os", i.tag(keys.os())).put("patchLevel", i.tag(keys.patchLevel()))
                    .put("release", i.tag(keys.release()))
                    .put("deprecatesAt", i.deprecatesAt() == null ? null : i.deprecatesAt().toString())
                    .put("deprecated", i.deprecated(now))
                    .put("outdated", e.verdict().outdated()).put("tooOld", e.verdict().tooOld())
                    .put("newerImage", e.verdict().newerImageId().isEmpty() ? null : e.verdict().newerImageId());
            e.copies().forEach(o.putArray("copyRegions")::add);
            e.usage().cameras().forEach(o.putArray("cameras")::add);
            e.usage().instances().forEach(o.putArray("instances")::add);
        }
        return root.toString();
    }
}
