package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.domain.timeline.Timeline;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.timeline.SiteTimeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/**
 * {@code camfleet timeline SITE [--json]}: one site's timeline as the window shows it, from the last change before
 * its latest outage (marked with {@code >}), or its last seven days when it had none.
 */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"One site's health changes, alerts, deployments, config backups, tickets and audited actions, "
                + "oldest first, starting at the last change before its latest outage (marked >).",
                "Without an outage in the last 30 days: its last 7 days. Times are in this computer's time zone."})
public final class TimelineCommand implements Callable<Integer> {

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SITE", description = "The site's id, as on the map and in the table.")
    String site;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    private final Messages messages;

    public TimelineCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() throws Exception {
        ConsoleBackend backend = Commands.backend(spec);
        try (ConsoleBackend.Session session = backend.open(root.dataDir())) {
            FleetCommand.cachedOrSeeded(backend, root.dataDir(), session);
            Timeline t = session.part(SiteTimeline.class).of(site, backend.clock().instant());
            PrintWriter out = TerminalText.escaping(spec.commandLine().getOut());
            if (json) {
                out.println(json(t));
            } else {
                text(t, ZoneId.systemDefault(), out);
            }
            return ExitCodes.OK;
        }
    }

    private void text(Timeline t, ZoneId zone, PrintWriter out) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", messages.locale()).withZone(zone);
        out.println(messages.text("timeline.heading", t.siteId(), time.format(t.from()), time.format(t.to()),
                zone.getId()));
        out.println(messages.text(t.start().messageKey(), t.outage() == null ? "" : time.format(t.outage().from()),
                t.outage() == null || t.outage().ongoing() ? messages.text("timeline.outage.ongoing")
                        : time.format(t.outage().to())));
        if (t.focus() >= 0) {
            out.println(messages.text("timeline.cli.marked"));
        }
        if (t.olderNotShown()) {
            out.println(messages.text("timeline.olderNotShown", t.events().size()));
        }
        out.println();
        if (t.events().isEmpty()) {
            out.println(messages.text("timeline.empty"));
            return;
        }
        int cameraWidth = Math.max(6, t.events().stream().mapToInt(e -> e.cameraId().length()).max().orElse(0));
        out.println(String.format("  %-19s  %-10s  %-" + cameraWidth + "s  %s", messages.text("timeline.col.time"),
                messages.text("timeline.col.kind"), messages.text("timeline.col.camera"),
                messages.text("timeline.col.summary")));
        for (int i = 0; i < t.events().size(); i++) {
            SiteEvent e = t.events().get(i);
            out.println(String.format("%s %-19s  %-10s  %-" + cameraWidth + "s  %s", i == t.focus() ? ">" : " ",
                    time.format(e.at()), messages.text("timeline.kind." + e.kind().name()), e.cameraId(),
                    e.summary()));
        }
    }

    private static String json(Timeline t) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode out = mapper.createObjectNode();
        out.put("site", t.siteId());
        out.put("from", t.from().toString());
        out.put("to", t.to().toString());
        out.put("start", t.start().name());
        if (t.outage() == null) {
            out.putNull("outage");
        } else {
            ObjectNode o = out.putObject("outage");
            o.put("from", t.outage().from().toString());
            o.put("to", text(t.outage().to()));
        }
        out.put("olderNotShown", t.olderNotShown());
        out.put("focus", t.focus());
        ArrayNode events = out.putArray("events");
        for (SiteEvent e : t.events()) {
            ObjectNode o = events.addObject();
            o.put("at", e.at().toString());
            o.put("kind", e.kind().name());
            o.put("camera", e.cameraId());
            o.put("summary", e.summary());
        }
        return mapper.writeValueAsString(out);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
