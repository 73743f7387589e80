package io.camfleet.console.service.support;

import io.camfleet.console.domain.support.SlaState;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TimelineEntry;

import java.util.List;

/** One ticket as its screen shows it: the ticket, its SLA timers now, and its timeline. */
public record TicketDetail(Ticket ticket, SlaState sla, List<TimelineEntry> timeline) {

    public TicketDetail {
        timeline = List.copyOf(timeline);
    }
}
