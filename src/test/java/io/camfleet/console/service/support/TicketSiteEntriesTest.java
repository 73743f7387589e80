package io.camfleet.console.service.support;

import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The site's ticket entries as any store answers them (the port's own answer, which the memory store keeps). */
class TicketSiteEntriesTest {

    @Test
    void theEntriesOfTheKindsAskedOfTheTicketsNamingTheSiteComeNewestFirst() {
        MemoryTicketStore store = new MemoryTicketStore();
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        Ticket ams = store.create(Ticket.open("ams dark", Severity.P1, "", List.of("ams"), List.of(), "nina", t),
                TimelineEntry.status(t, "nina", null, TicketStatus.NEW, ""));
        store.append(ams.id(), TimelineEntry.comment(t.plusSeconds(30), "nina", "called"));
        store.change(ams, ams.moveTo(TicketStatus.TRIAGE), TimelineEntry.status(t.plusSeconds(60), "nina",
                TicketStatus.NEW, TicketStatus.TRIAGE, ""));
        store.create(Ticket.open("rtm", Severity.P3, "", List.of("rtm"), List.of(), "bob", t),
                TimelineEntry.status(t, "bob", null, TicketStatus.NEW, ""));

        assertThat(store.siteEntries("ams", Set.of(TimelineEntry.Kind.STATUS), t, t.plusSeconds(61), 10))
                .extracting(e -> e.entry().at(), TicketStore.SiteEntry::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(t.plusSeconds(60), "ams dark"),
                        org.assertj.core.groups.Tuple.tuple(t, "ams dark"));
        assertThat(store.siteEntries("ams", Set.of(TimelineEntry.Kind.COMMENT), t, t.plusSeconds(61), 10))
                .extracting(e -> e.entry().text()).containsExactly("called");
    }
}
