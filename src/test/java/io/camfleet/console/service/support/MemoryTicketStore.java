package io.camfleet.console.service.support;

import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TimelineEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tickets in memory, for the service's tests; keeps the port's promises (a change conditional on the version read,
 * the timeline by time then by insertion). {@link #beforeNextChange} lets a test slip another console's change in.
 */
final class MemoryTicketStore implements TicketStore {

    private final Map<Long, Ticket> tickets = new LinkedHashMap<>();
    private final List<TimelineEntry> entries = new ArrayList<>();
    private long nextId = 1;
    private long nextEntry = 1;
    Runnable beforeNextChange;

    @Override
    public synchronized Ticket create(Ticket ticket, TimelineEntry first) {
        Ticket stored = ticket.withId(nextId++);
        tickets.put(stored.id(), stored);
        add(stored.id(), first);
        return stored;
    }

    @Override
    public boolean change(Ticket before, Ticket after, TimelineEntry entry) {
        Runnable meanwhile = beforeNextChange;
        beforeNextChange = null;
        if (meanwhile != null) {
            meanwhile.run();
        }
        synchronized (this) {
            if (tickets.get(before.id()).version() != before.version()) {
                return false;
            }
            tickets.put(before.id(), after);
            add(before.id(), entry);
            return true;
        }
    }

    @Override
    public synchronized TimelineEntry append(long ticketId, TimelineEntry entry) {
        return add(ticketId, entry);
    }

    private TimelineEntry add(long ticketId, TimelineEntry entry) {
        TimelineEntry stored = entry.stored(nextEntry++, ticketId);
        entries.add(stored);
        return stored;
    }

    @Override
    public synchronized Optional<Ticket> find(long id) {
        return Optional.ofNullable(tickets.get(id));
    }

    @Override
    public synchronized List<Ticket> find(TicketQuery q) {
        return tickets.values().stream()
                .filter(t -> q.statuses().isEmpty() || q.statuses().contains(t.status()))
                .filter(t -> q.unassigned() ? t.assignee().isEmpty()
                        : q.assignee().isEmpty() || q.assignee().equals(t.assignee()))
                .filter(t -> q.siteId().isEmpty() || t.siteIds().contains(q.siteId()))
                .filter(t -> q.customer().isEmpty() || q.customer().equals(t.customer()))
                .sorted(Comparator.comparing(Ticket::createdAt).thenComparing(Ticket::id))
                .toList();
    }

    @Override
    public synchronized List<TimelineEntry> timeline(long ticketId) {
        return entries.stream().filter(e -> e.ticketId() == ticketId)
                .sorted(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::id)).toList();
    }
}
