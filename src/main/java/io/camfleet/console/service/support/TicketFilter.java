package io.camfleet.console.service.support;

import io.camfleet.console.domain.support.TicketStatus;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The queue's filters; each part left empty lets everything through.
 *
 * @param mine       only the tickets assigned to the operator at this console
 * @param unassigned only the tickets nobody has
 * @param breaching  only the tickets whose SLA is breached now
 * @param statuses   only these statuses; empty for the open ones (neither resolved nor closed) when {@code open}
 * @param open       with no statuses given: only the tickets not resolved or closed
 */
public record TicketFilter(boolean mine, boolean unassigned, boolean breaching, String siteId, String customer,
                           Set<TicketStatus> statuses, boolean open) {

    /** The queue as it opens: every open ticket. */
    public static final TicketFilter OPEN = new TicketFilter(false, false, false, "", "", Set.of(), true);
    public static final TicketFilter ALL = new TicketFilter(false, false, false, "", "", Set.of(), false);

    public TicketFilter {
        siteId = Objects.requireNonNullElse(siteId, "");
        customer = Objects.requireNonNullElse(customer, "");
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    TicketQuery query(String me) {
        Set<TicketStatus> wanted = statuses;
        if (wanted.isEmpty() && open) {
            wanted = EnumSet.noneOf(TicketStatus.class);
            for (TicketStatus s : TicketStatus.values()) {
                if (!s.done()) {
                    wanted.add(s);
                }
            }
        }
        return new TicketQuery(wanted, mine ? me : "", unassigned, siteId, customer);
    }
}
