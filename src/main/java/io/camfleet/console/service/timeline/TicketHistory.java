package io.camfleet.console.service.timeline;

import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.support.TicketStore;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The timeline's tickets naming the site: opened, moved, escalated, and the diagnostics run and attached on them.
 * Comments and assignments stay on the ticket: they are talk about the site, not things that happened to it.
 */
public final class TicketHistory implements SiteHistorySource {

    private static final Set<TimelineEntry.Kind> SHOWN = EnumSet.of(TimelineEntry.Kind.STATUS,
            TimelineEntry.Kind.ESCALATION, TimelineEntry.Kind.COMMAND_OUTPUT, TimelineEntry.Kind.ATTACHMENT);

    private final TicketStore tickets;
    private final Messages messages;

    public TicketHistory(TicketStore tickets, Messages messages) {
        this.tickets = tickets;
        this.messages = messages;
    }

    @Override
    public List<SiteEvent> events(String siteId, Set<String> cameraIds, Instant from, Instant to, int limit) {
        return tickets.siteEntries(siteId, SHOWN, from, to, limit).stream().map(s -> {
            TimelineEntry e = s.entry();
            String camera = "";
            String summary = switch (e.kind()) {
                case STATUS -> e.change().from().isEmpty()
                        ? messages.text("timeline.ticket.opened", s.ticketId(), s.title())
                        : messages.text("timeline.ticket.moved", s.ticketId(), e.change().from(), e.change().to());
                case ESCALATION -> messages.text("timeline.ticket.escalated", s.ticketId(), e.change().to());
                case COMMAND_OUTPUT -> {
                    camera = cameraIds.contains(e.command().target()) ? e.command().target() : "";
                    yield messages.text("timeline.ticket.output", s.ticketId(), e.command().runbook(),
                            e.command().target(), e.command().exitCode());
                }
                case ATTACHMENT -> messages.text("timeline.ticket.attached", s.ticketId(), e.file().name());
                default -> messages.text("timeline.ticket.other", s.ticketId(), e.kind().name());
            };
            String by = e.by().isEmpty() ? "" : messages.text("timeline.by", e.by());
            return new SiteEvent(e.at(), SiteEvent.Kind.TICKET, camera, summary + by, e.id());
        }).toList();
    }
}
