package io.camfleet.console.domain.support;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket is, and the moves allowed out of each status. Every move not listed is refused.
 *
 * <ul>
 *   <li>NEW -> TRIAGE, IN_PROGRESS (taken straight on), CLOSED (a duplicate or spam, closed unworked)</li>
 *   <li>TRIAGE -> IN_PROGRESS, WAITING_ON_CUSTOMER (more facts needed before work starts), CLOSED (not a case)</li>
 *   <li>IN_PROGRESS -> WAITING_ON_CUSTOMER, WAITING_ON_VENDOR, RESOLVED</li>
 *   <li>WAITING_ON_CUSTOMER -> IN_PROGRESS (the answer came), RESOLVED (the customer reports it fixed)</li>
 *   <li>WAITING_ON_VENDOR -> IN_PROGRESS (the vendor answered); a vendor never resolves a ticket for us</li>
 *   <li>RESOLVED -> IN_PROGRESS (reopened: it came back), CLOSED</li>
 *   <li>CLOSED: final; a case that comes back after closing is a new ticket</li>
 * </ul>
 * A move to the status a ticket is already in is no move, and refused.
 */
public enum TicketStatus {
    NEW, TRIAGE, IN_PROGRESS, WAITING_ON_CUSTOMER, WAITING_ON_VENDOR, RESOLVED, CLOSED;

    /** The statuses a ticket in this one may move to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(TRIAGE, IN_PROGRESS, CLOSED);
            case TRIAGE -> EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, CLOSED);
            case IN_PROGRESS -> EnumSet.of(WAITING_ON_CUSTOMER, WAITING_ON_VENDOR, RESOLVED);
            case WAITING_ON_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case WAITING_ON_VENDOR -> EnumSet.of(IN_PROGRESS);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus to) {
        return next().contains(to);
    }

    /** Whether work on the ticket is over (resolved or closed): its resolution clock stands still. */
    public boolean done() {
        return this == RESOLVED || this == CLOSED;
    }
}
