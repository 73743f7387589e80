package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.Silence;
import io.camfleet.console.service.alerts.AlertService;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code camfleet alerts ...}: the alerts the window raised, and the steps an operator takes on them. */
@Command(name = "alerts", mixinStandardHelpOptions = true, description = "List, acknowledge, resolve and silence alerts.",
        subcommands = {AlertsCommand.ListAlerts.class, AlertsCommand.Acknowledge.class, AlertsCommand.Resolve.class,
                AlertsCommand.SilenceAlerts.class})
public final class AlertsCommand {

    @ParentCommand
    CamfleetCommand root;

    private final Messages messages;

    public AlertsCommand(Messages messages) {
        this.messages = messages;
    }

    /** Which alerts {@code list} shows. */
    enum Status { OPEN, ALL }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the open alerts (oldest first), or all (newest first, up to 1,000)."})
    static final class ListAlerts implements Callable<Integer> {
        @ParentCommand
        AlertsCommand alerts;
        @Spec
        CommandSpec spec;
        @Option(names = "--status", defaultValue = "open", paramLabel = "open|all",
                description = "open (default): not yet resolved; all: resolved ones too.")
        Status status;
        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            ConsoleBackend backend = Commands.backend(spec);
            PrintWriter out = spec.commandLine().getOut();
            try (ConsoleBackend.Session session = backend.open(alerts.root.dataDir())) {
                List<Alert> list = session.part(AlertService.class).list(status == Status.OPEN);
                if (json) {
                    ArrayNode array = new ObjectMapper().createArrayNode();
                    list.forEach(a -> json(array.addObject(), a));
                    out.println(array.toPrettyString());
                } else if (list.isEmpty()) {
                    out.println(alerts.messages.text(status == Status.OPEN ? "alerts.cli.noneOpen" : "alerts.cli.none"));
                } else {
                    out.println(String.format("%-6s %-12s %-8s %-17s %-20s %s", "ID", "STATUS", "SEVERITY", "KIND",
                            "RAISED", "SUMMARY"));
                    for (Alert a : list) {
                        String marks = (a.flaps() > 0 ? " [" + alerts.messages.text("alerts.flaps", a.flaps()) + "]" : "")
                                + (a.silenced() ? " [" + alerts.messages.text("alerts.silenced") + "]" : "");
                        out.println(String.format("%-6d %-12s %-8s %-17s %-20s %s%s", a.id(), a.status(),
                                a.severity(), a.kind(), a.raisedAt().truncatedTo(ChronoUnit.SECONDS), a.summary(),
                                marks));
                    }
                }
                return ExitCodes.OK;
            }
        }

        private static void json(ObjectNode o, Alert a) {
            o.put("id", a.id()).put("kind", a.kind().name()).put("severity", a.severity().name())
                    .put("status", a.status().name()).put("subject", a.subject()).put("siteId", a.siteId())
                    .put("summary", a.summary()).put("raisedAt", a.raisedAt().toString())
                    .put("acknowledgedAt", text(a.acknowledgedAt())).put("acknowledgedBy", a.acknowledgedBy())
                    .put("acknowledgedNote", a.acknowledgedNote()).put("resolvedAt", text(a.resolvedAt()))
                    .put("resolvedBy", a.resolvedBy()).put("resolvedNote", a.resolvedNote())
                    .put("resolvedAutomatically", a.resolvedAutomatically()).put("flaps", a.flaps())
                    .put("silenced", a.silenced()).put("dedupKey", a.dedupKey());
        }

        private static String text(Instant at) {
            return at == null ? null : at.toString();
        }
    }

    /** Takes one step of an alert's life on the folder's alerts and says so: acknowledge, resolve. */
    private static int step(AlertsCommand alerts, CommandSpec spec, String id, String doneKey,
                            java.util.function.BiFunction<AlertService, Long, Alert> step) {
        long alertId = alertId(id);
        try (ConsoleBackend.Session session = Commands.backend(spec).open(alerts.root.dataDir())) {
            Alert a = step.apply(session.part(AlertService.class), alertId);
            spec.commandLine().getOut().println(alerts.messages.text(doneKey, a.id(), a.summary()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true,
            description = {"Acknowledge an alert: you take it on. The note says what you do; it is audited."})
    static final class Acknowledge implements Callable<Integer> {
        @ParentCommand
        AlertsCommand alerts;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The alert's id, as 'camfleet alerts list' shows it.")
        String id;
        @Option(names = "--note", paramLabel = "TEXT", description = "What you do about it (required).")
        String note;

        @Override
        public Integer call() {
            return step(alerts, spec, id, "alerts.cli.acknowledged", (service, alertId) ->
                    service.acknowledge(alertId, note));
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = {"Resolve an alert by hand, with a note saying what fixed it; it is audited."})
    static final class Resolve implements Callable<Integer> {
        @ParentCommand
        AlertsCommand alerts;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The alert's id, as 'camfleet alerts list' shows it.")
        String id;
        @Option(names = "--note", paramLabel = "TEXT", description = "What fixed it (required).")
        String note;

        @Override
        public Integer call() {
            return step(alerts, spec, id, "alerts.cli.resolved", (service, alertId) -> service.resolve(alertId, note));
        }
    }

    @Command(name = "silence", mixinStandardHelpOptions = true,
            description = {"Silence the alerts of a site, of a kind, or both, for a while: they are recorded and "
                    + "shown, not delivered. Audited."})
    static final class SilenceAlerts implements Callable<Integer> {
        @ParentCommand
        AlertsCommand alerts;
        @Spec
        CommandSpec spec;
        @Option(names = "--site", paramLabel = "SITE", description = "The site's id.")
        String site;
        @Option(names = "--kind", paramLabel = "KIND", description = "SITE_OFFLINE, CAMERA_DEGRADED, BUDGET_BURN_FAST, "
                + "BUDGET_BURN_SLOW, DEPLOYMENT_FAILED or SYNC_STALE.")
        AlertKind kind;
        @Option(names = "--for", required = true, paramLabel = "DURATION", description = "How long: 30m, 2h, 1d.")
        String duration;
        @Option(names = "--note", paramLabel = "TEXT", description = "Why (required).")
        String note;

        @Override
        public Integer call() {
            Duration length = duration(duration);
            ConsoleBackend backend = Commands.backend(spec);
            try (ConsoleBackend.Session session = backend.open(alerts.root.dataDir())) {
                Silence s = session.part(AlertService.class).silence(site, kind, length, note);
                spec.commandLine().getOut().println(alerts.messages.text("alerts.cli.silenced",
                        s.siteId().isEmpty() ? "*" : s.siteId(), s.kind() == null ? "*" : s.kind().name(),
                        s.until().truncatedTo(ChronoUnit.SECONDS).toString()));
                return ExitCodes.OK;
            }
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,5})\\s*([mhd])");

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw Problem.badInput("alerts.cli.badDuration", text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    static long alertId(String text) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw Problem.badInput("alerts.cli.badId", text);
    }
}
