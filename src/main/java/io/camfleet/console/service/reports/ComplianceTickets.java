package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.support.QueueRow;
import io.camfleet.console.service.support.TicketDetail;
import io.camfleet.console.service.support.TicketFilter;
import io.camfleet.console.service.support.TicketService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Section 7: the P1 and P2 tickets opened or resolved in the period, with their SLA timers as the support desk
 * computes them at the report's date. A ticket resolved, reopened and resolved again counts from its last resolution.
 */
final class ComplianceTickets {

    private ComplianceTickets() {
    }

    private record Row(TicketDetail detail, Instant resolved) {
    }

    static Section section(ComplianceContext c, Optional<TicketService> tickets) {
        List<Row> rows = new ArrayList<>();
        if (tickets.isPresent()) {
            for (QueueRow q : tickets.get().list(TicketFilter.ALL)) {
                if (q.ticket().severity() != Severity.P1 && q.ticket().severity() != Severity.P2) {
                    continue;
                }
                TicketDetail d = tickets.get().show(q.ticket().id());
                Instant resolved = null;
                for (TimelineEntry e : d.timeline()) {
                    if (e.kind() == TimelineEntry.Kind.STATUS && e.statusTo() == TicketStatus.RESOLVED) {
                        resolved = e.at();
                    }
                }
                if (c.inPeriod(d.ticket().createdAt()) || c.inPeriod(resolved)) {
                    rows.add(new Row(d, resolved));
                }
            }
        }
        long met = rows.stream().filter(r -> !r.detail().sla().breached()).count();
        List<Block> headline = rows.isEmpty() ? List.of() : List.of(new Block.Facts(List.of(
                c.fact("report.compliance.tickets.p1", rows.stream()
                        .filter(r -> r.detail().ticket().severity() == Severity.P1).count()),
                c.fact("report.compliance.tickets.p2", rows.stream()
                        .filter(r -> r.detail().ticket().severity() == Severity.P2).count()),
                c.fact("report.compliance.tickets.resolved", rows.stream()
                        .filter(r -> c.inPeriod(r.resolved())).count()),
                c.fact("report.compliance.tickets.met", c.t("report.compliance.tickets.met.value", met,
                        rows.size())))));
        Table table = new Table("tickets", List.of(c.integer("report.compliance.col.ticket"),
                c.text("report.compliance.col.severity"), c.text("report.compliance.col.title"),
                c.text("report.compliance.col.customer"), c.dateTime("report.compliance.col.opened"),
                c.dateTime("report.compliance.col.resolved"), c.text("report.compliance.col.status"),
                c.text("report.compliance.col.responseMet"), c.text("report.compliance.col.resolutionMet")),
                ComplianceContext.rows(rows, r -> ComplianceContext.row(r.detail().ticket().id(),
                        r.detail().ticket().severity().name(), r.detail().ticket().title(),
                        r.detail().ticket().customer(), r.detail().ticket().createdAt(), r.resolved(),
                        r.detail().ticket().status().name(), c.yes(!r.detail().sla().responseBreached()),
                        c.yes(!r.detail().sla().resolutionBreached()))));
        String gap = tickets.isEmpty() ? c.t("report.compliance.tickets.gap")
                : rows.isEmpty() ? c.t("report.compliance.tickets.none") : null;
        return c.section("report.compliance.tickets.title", "report.compliance.tickets.about", gap, headline,
                List.of(table));
    }
}
