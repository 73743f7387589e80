package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.support.SlaState;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.support.QueueRow;
import io.camfleet.console.service.support.TicketDetail;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tickets as the terminal shows them (the queue, one ticket with its timeline), or as JSON for scripts. */
final class TicketText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COLUMNS = {"id", "severity", "status", "level", "assignee", "sites", "due", "jira",
            "title"};
    /** Starts each line of a comment or a command's output under its entry. */
    private static final String INDENT = "      | ";

    private final Messages m;

    TicketText(Messages messages) {
        this.m = messages;
    }

    void queue(List<QueueRow> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            out.println(m.text("tickets.cli.noneListed"));
            return;
        }
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            header[i] = m.text("tickets.cli.column." + COLUMNS[i]).toUpperCase(m.locale());
        }
        cells.add(header);
        for (QueueRow r : rows) {
            Ticket t = r.ticket();
            cells.add(new String[] {Long.toString(t.id()), t.severity().name(), status(t.status().name()),
                    t.level().name(), t.assignee().isEmpty() ? "-" : t.assignee(), String.join(",", t.siteIds()),
                    due(r.sla()), t.jiraKey().isEmpty() ? "-" : t.jiraKey(), t.title()});
        }
        int[] width = new int[COLUMNS.length];
        cells.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        });
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + width[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** The next SLA time that matters: the response while nobody responded, else the resolution; marked if breached. */
    private String due(SlaState sla) {
        String mark = sla.breached() ? " " + m.text("tickets.cli.breached") : sla.paused() ? " "
                + m.text("tickets.cli.paused") : "";
        Instant due = sla.respondedAt() == null ? sla.responseDue() : sla.resolutionDue();
        return time(due) + mark;
    }

    void detail(TicketDetail d, String jiraUrl, PrintWriter out) {
        Ticket t = d.ticket();
        SlaState sla = d.sla();
        out.println(m.text("tickets.cli.header", t.id(), t.severity().name(), status(t.status().name()),
                t.level().name(), t.title()));
        out.println(m.text("tickets.cli.where", String.join(", ", t.siteIds()),
                t.cameraIds().isEmpty() ? "-" : String.join(", ", t.cameraIds()), t.customer().isEmpty() ? "-"
                        : t.customer()));
        out.println(m.text("tickets.cli.who", t.assignee().isEmpty() ? m.text("tickets.cli.nobody") : t.assignee(),
                t.createdBy(), time(t.createdAt())));
        if (!t.jiraKey().isEmpty()) {
            out.println(m.text("tickets.cli.jira", t.jiraKey(), t.jiraStatus(), jiraUrl));
        }
        out.println(m.text("tickets.cli.response", time(sla.responseDue()), sla.respondedAt() == null
                ? m.text("tickets.cli.notYet") : time(sla.respondedAt())) + (sla.responseBreached() ? " "
                + m.text("tickets.cli.breached") : ""));
        out.println(m.text("tickets.cli.resolution", time(sla.resolutionDue())) + (sla.resolutionBreached() ? " "
                + m.text("tickets.cli.breached") : "") + (sla.paused() ? " " + m.text("tickets.cli.paused") : ""));
        out.println(m.text("tickets.cli.timeline"));
        for (TimelineEntry e : d.timeline()) {
            out.println("  " + time(e.at()) + "  " + (e.by().isEmpty() ? "-" : e.by()) + "  " + entry(e));
            // under the line: the output of a run, or what was written (a comment, a note); a TRACKER's text is its key
            String more = switch (e.kind()) {
                case COMMAND_OUTPUT -> e.command().output();
                case TRACKER -> "";
                default -> e.text();
            };
            more.lines().forEach(l -> out.println(INDENT + l));
        }
    }

    private String entry(TimelineEntry e) {
        return switch (e.kind()) {
            case COMMENT -> m.text("tickets.cli.entry.comment");
            case STATUS -> e.change().from().isEmpty() ? m.text("tickets.cli.entry.opened", status(e.change().to()))
                    : m.text("tickets.cli.entry.moved", status(e.change().from()), status(e.change().to()));
            case ESCALATION -> m.text("tickets.cli.entry.escalated", e.change().from(), e.change().to());
            case ASSIGNMENT -> e.change().to().isEmpty() ? m.text("tickets.cli.entry.unassigned")
                    : m.text("tickets.cli.entry.assigned", e.change().to());
            case COMMAND_OUTPUT -> m.text("tickets.cli.entry.output", e.command().runbook(), e.command().target(),
                    e.command().exitCode(), e.command().duration().toMillis() / 1000.0);
            case ATTACHMENT -> m.text("tickets.cli.entry.attached", e.file().name(), e.file().size(),
                    e.file().sha256(), e.file().storedPath());
            case TRACKER -> e.change().from().isEmpty() ? m.text("tickets.cli.entry.pushed", e.text(), e.change().to())
                    : m.text("tickets.cli.entry.trackerMoved", e.text(), e.change().from(), e.change().to());
        };
    }

    private String status(String name) {
        return m.text("tickets.status." + name);
    }

    private static String time(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // ---- JSON ------------------------------------------------------------------------------------------------------

    static String json(List<QueueRow> rows) {
        ArrayNode array = JSON.createArrayNode();
        rows.forEach(r -> ticket(array.addObject(), r.ticket(), r.sla()));
        return array.toPrettyString();
    }

    static String json(TicketDetail d, String jiraUrl) {
        ObjectNode o = JSON.createObjectNode();
        ticket(o, d.ticket(), d.sla());
        o.put("jiraUrl", jiraUrl);
        ArrayNode timeline = o.putArray("timeline");
        for (TimelineEntry e : d.timeline()) {
            ObjectNode j = timeline.addObject().put("id", e.id()).put("kind", e.kind().name())
                    .put("at", e.at().toString()).put("by", e.by()).put("text", e.text());
            if (e.change() != null) {
                j.put("from", e.change().from()).put("to", e.change().to());
            }
            if (e.command() != null) {
                j.put("runbook", e.command().runbook()).put("target", e.command().target())
                        .put("exitCode", e.command().exitCode()).put("durationMs", e.command().duration().toMillis())
                        .put("output", e.command().output());
            }
            if (e.file() != null) {
                j.put("name", e.file().name()).put("size", e.file().size()).put("sha256", e.file().sha256())
                        .put("storedPath", e.file().storedPath());
            }
        }
        return o.toPrettyString();
    }

    private static void ticket(ObjectNode o, Ticket t, SlaState sla) {
        o.put("id", t.id()).put("title", t.title()).put("severity", t.severity().name())
                .put("status", t.status().name()).put("level", t.level().name()).put("customer", t.customer());
        t.siteIds().forEach(o.putArray("sites")::add);
        t.cameraIds().forEach(o.putArray("cameras")::add);
        o.put("assignee", t.assignee()).put("createdBy", t.createdBy()).put("createdAt", t.createdAt().toString())
                .put("jiraKey", t.jiraKey()).put("jiraStatus", t.jiraStatus());
        o.putObject("sla").put("responseDue", text(sla.responseDue())).put("respondedAt", text(sla.respondedAt()))
                .put("responseBreached", sla.responseBreached()).put("resolutionDue", text(sla.resolutionDue()))
                .put("resolutionBreached", sla.resolutionBreached()).put("paused", sla.paused())
                .put("breached", sla.breached());
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
