package io.camfleet.console.service.support;

import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TimelineEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: where tickets and their timelines are kept. Each write is one transaction with its timeline entry, on the
 * disk when it returns: a ticket never changes without the entry that says so, nor the other way round.
 */
public interface TicketStore {

    /** Stores a new ticket with the first entry of its timeline; returns it with its id. */
    Ticket create(Ticket ticket, TimelineEntry first);

    /**
     * Stores {@code after} in place of {@code before}, with {@code entry} in its timeline, unless the stored ticket
     * is no longer at {@code before}'s version (another console changed it in between).
     *
     * @return whether it was stored; false when the stored ticket had moved on, and then nothing was written
     */
    boolean change(Ticket before, Ticket after, TimelineEntry entry);

    /** Adds {@code entry} (a comment, a command output, an attachment) to the timeline of ticket {@code ticketId}. */
    TimelineEntry append(long ticketId, TimelineEntry entry);

    Optional<Ticket> find(long id);

    /** The tickets {@code query} selects, oldest first. */
    List<Ticket> find(TicketQuery query);

    /** One ticket's timeline, by time; entries at the same instant in the order they were written. */
    List<TimelineEntry> timeline(long ticketId);

    /**
     * The entries of {@code kinds} from {@code from} (inclusive) to {@code to} (exclusive) in the timelines of the
     * tickets naming site {@code siteId}, the latest {@code limit}, newest first: the site timeline's ticket rows.
     */
    default List<SiteEntry> siteEntries(String siteId, Set<TimelineEntry.Kind> kinds, Instant from, Instant to,
                                        int limit) {
        List<SiteEntry> out = new ArrayList<>();
        for (Ticket t : find(new TicketQuery(Set.of(), "", false, siteId, ""))) {
            for (TimelineEntry e : timeline(t.id())) {
                if (kinds.contains(e.kind()) && !e.at().isBefore(from) && e.at().isBefore(to)) {
                    out.add(new SiteEntry(t.id(), t.title(), e));
                }
            }
        }
        out.sort(Comparator.comparing((SiteEntry s) -> s.entry().at()).thenComparingLong(s -> s.entry().id())
                .reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** An entry of a ticket's timeline with the ticket's number and title. */
    record SiteEntry(long ticketId, String title, TimelineEntry entry) {
    }
}
