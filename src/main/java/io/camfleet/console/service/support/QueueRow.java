package io.camfleet.console.service.support;

import io.camfleet.console.domain.support.SlaState;
import io.camfleet.console.domain.support.Ticket;

/** One line of the ticket queue: the ticket and its SLA timers now (what the queue highlights). */
public record QueueRow(Ticket ticket, SlaState sla) {
}
