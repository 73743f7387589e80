package io.camfleet.console.service.support;

import io.camfleet.console.domain.support.TicketStatus;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the store selects tickets by; each part left empty selects everything. The SLA ("breaching now") is not a
 * column: {@link TicketService} filters on it after reading.
 *
 * @param statuses   the statuses wanted; empty for any
 * @param assignee   only this assignee's tickets; "" for anyone's
 * @param unassigned only tickets nobody is assigned to (wins over {@code assignee})
 * @param siteId     only tickets affecting this site; "" for any
 * @param customer   only this customer's tickets; "" for any
 */
public record TicketQuery(Set<TicketStatus> statuses, String assignee, boolean unassigned, String siteId,
                          String customer) {

    public static final TicketQuery ALL = new TicketQuery(Set.of(), "", false, "", "");

    public TicketQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        assignee = Objects.requireNonNullElse(assignee, "").strip();
        siteId = Objects.requireNonNullElse(siteId, "").strip();
        customer = Objects.requireNonNullElse(customer, "").strip();
    }
}
