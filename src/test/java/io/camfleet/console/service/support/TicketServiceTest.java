package io.camfleet.console.service.support;

import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.support.Level;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.SlaTargets;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class TicketServiceTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    final Messages messages = new Messages(Locale.ENGLISH);
    final TestClock clock = new TestClock(T0);
    final MemoryTicketStore store = new MemoryTicketStore();
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    final TicketDrafts drafts = new TicketDrafts(messages);
    TicketService nina;
    TicketService omar;

    @BeforeEach
    void start() {
        nina = console("nina");
        omar = console("omar");
    }

    private TicketService console(String who) {
        AuditService audit = new AuditService(new InMemoryAuditTrail(), new InMemoryAuditAnchor(),
                new Operator(who, ""), clock);
        audit.addListener(audited::add);
        return new TicketService(store, audit, clock, () -> SlaTargets.DEFAULT);
    }

    private String sentence(Throwable t) {
        return messages.text((Problem) t);
    }

    @Test
    void aTicketFromAnOfflineSiteIsCreatedPrefilledInOneActionAndAudited() {
        Ticket t = nina.create(drafts.fromSite("ams-01", "Amsterdam Zuid", "Acme", true));
        assertThat(t.title()).isEqualTo("Amsterdam Zuid is offline");
        assertThat(t).extracting(Ticket::severity, Ticket::status, Ticket::level, Ticket::customer, Ticket::siteIds,
                        Ticket::createdBy, Ticket::createdAt, Ticket::assignee)
                .containsExactly(Severity.P1, TicketStatus.NEW, Level.L2, "Acme", List.of("ams-01"), "nina", T0, "");
        assertThat(audited).extracting(AuditEvent::action, AuditEvent::outcome).containsExactly(
                tuple("ticket.create", AuditOutcome.STARTED), tuple("ticket.create", AuditOutcome.SUCCEEDED));
        assertThat(nina.show(t.id()).timeline()).extracting(TimelineEntry::kind, TimelineEntry::by)
                .containsExactly(tuple(TimelineEntry.Kind.STATUS, "nina"));
    }

    @Test
    void camerasAndAlertsPrefillTheirOwnTitlesSeveritiesAndDescription() {
        TicketDraft one = drafts.fromCameras("ams-01", "Amsterdam Zuid", "Acme", List.of("cam-7"));
        assertThat(one.title()).isEqualTo("Camera cam-7 at Amsterdam Zuid");
        assertThat(one.severity()).isEqualTo(Severity.P3);
        assertThat(drafts.fromCameras("ams-01", "", "Acme", List.of("cam-7", "cam-8")).title())
                .isEqualTo("2 cameras at ams-01");
        TicketDraft alert = drafts.fromAlert(42, "ams-01", "Amsterdam Zuid", "Acme", List.of(),
                "Site ams-01 is down: 8 of 8 cameras offline for 1 min.", true);
        assertThat(alert.title()).isEqualTo("Amsterdam Zuid: Site ams-01 is down: 8 of 8 cameras offline for 1 min.");
        assertThat(alert.severity()).isEqualTo(Severity.P1);
        Ticket t = nina.create(alert);
        assertThat(nina.show(t.id()).timeline().getFirst().text())
                .isEqualTo("Opened from alert 42: Site ams-01 is down: 8 of 8 cameras offline for 1 min.");
        assertThat(drafts.fromSite("ams-01", "Amsterdam Zuid", "Acme", false).severity()).isEqualTo(Severity.P2);
    }

    @Test
    void eachChangeIsAuditedAndWrittenWithItsTimelineEntry() {
        Ticket t = nina.create(drafts.fromSite("ams-01", "Amsterdam Zuid", "Acme", true));
        clock.advance(Duration.ofMinutes(3));
        nina.move(t.id(), TicketStatus.IN_PROGRESS, "Calling the site");
        nina.takeOn(t.id());
        nina.escalate(t.id(), "Agent crashes on boot: firmware");
        omar.comment(t.id(), "Looking at the journal");
        omar.attachOutput(t.id(), new TimelineEntry.CommandOutput("journal-tail", "cam-7", 1, Duration.ofSeconds(2),
                "agent: segfault"));
        omar.attach(t.id(), new TimelineEntry.Attachment("cam-7.zip", 1200, "ab".repeat(32), "tickets/1/cam-7.zip"));

        assertThat(audited.stream().filter(e -> e.outcome() == AuditOutcome.SUCCEEDED).map(AuditEvent::action))
                .containsExactly("ticket.create", "ticket.move", "ticket.assign", "ticket.escalate", "ticket.comment",
                        "ticket.output", "ticket.attach");
        assertThat(audited).allSatisfy(e -> assertThat(e.target()).isEqualTo(e.action().equals("ticket.create")
                ? "sites ams-01" : "ticket " + t.id()));
        TicketDetail d = nina.show(t.id());
        assertThat(d.ticket()).extracting(Ticket::status, Ticket::level, Ticket::assignee, Ticket::version)
                .containsExactly(TicketStatus.IN_PROGRESS, Level.L3, "nina", 3L);
        assertThat(d.timeline()).extracting(TimelineEntry::kind, TimelineEntry::by, TimelineEntry::change).containsExactly(
                tuple(TimelineEntry.Kind.STATUS, "nina", new TimelineEntry.Change("", "NEW")),
                tuple(TimelineEntry.Kind.STATUS, "nina", new TimelineEntry.Change("NEW", "IN_PROGRESS")),
                tuple(TimelineEntry.Kind.ASSIGNMENT, "nina", new TimelineEntry.Change("", "nina")),
                tuple(TimelineEntry.Kind.ESCALATION, "nina", new TimelineEntry.Change("L2", "L3")),
                tuple(TimelineEntry.Kind.COMMENT, "omar", null),
                tuple(TimelineEntry.Kind.COMMAND_OUTPUT, "omar", null),
                tuple(TimelineEntry.Kind.ATTACHMENT, "omar", null));
        // P1 created 10:00, moved out of NEW by nina at 10:03: responded within its 15 minutes.
        assertThat(d.sla().respondedAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(d.sla().responseBreached()).isFalse();
    }

    @Test
    void aRefusedMoveIsASentenceNamingBothStatusesAndNothingIsWritten() {
        Ticket t = nina.create(drafts.fromSite("ams-01", "Amsterdam Zuid", "Acme", true));
        assertThatThrownBy(() -> nina.move(t.id(), TicketStatus.RESOLVED, ""))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(sentence(p)).isEqualTo("Ticket " + t.id()
                        + " cannot move from New to Resolved: from New it can move to Triage, In progress, Closed."));
        assertThat(nina.show(t.id()).timeline()).hasSize(1);
        assertThat(nina.find(t.id())).isEqualTo(t);
        assertThat(audited.getLast().outcome()).isEqualTo(AuditOutcome.FAILED);

        nina.move(t.id(), TicketStatus.CLOSED, "duplicate of 12");
        assertThatThrownBy(() -> nina.move(t.id(), TicketStatus.IN_PROGRESS, ""))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(sentence(p)).isEqualTo("Ticket " + t.id()
                        + " cannot move from Closed to In progress: a closed ticket is final; open a new ticket if "
                        + "the case came back."));
        assertThatThrownBy(() -> nina.comment(t.id(), "one more thing"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("tickets.closed"));
    }

    @Test
    void ofTwoConsolesMovingOneTicketTheSecondIsToldWhoWonAndLosesNothingSilently() {
        Ticket t = nina.create(drafts.fromSite("ams-01", "Amsterdam Zuid", "Acme", true));
        // Omar moves the ticket between nina's read and her write.
        store.beforeNextChange = () -> omar.move(t.id(), TicketStatus.TRIAGE, "");
        assertThatThrownBy(() -> nina.move(t.id(), TicketStatus.IN_PROGRESS, "mine"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(sentence(p)).isEqualTo("Ticket " + t.id()
                        + " was changed by omar at the same moment and is now Triage: nothing of yours was saved; "
                        + "look at it again and retry."));
        assertThat(nina.find(t.id()).status()).isEqualTo(TicketStatus.TRIAGE);
        assertThat(nina.show(t.id()).timeline()).extracting(TimelineEntry::by).containsExactly("nina", "omar");
    }

    @Test
    void escalationNeedsANoteAndGoesOnlyFromL2ToL3() {
        Ticket t = nina.create(drafts.fromSite("ams-01", "Amsterdam Zuid", "Acme", false));
        assertThatThrownBy(() -> nina.escalate(t.id(), "  "))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("tickets.noteMissing"));
        nina.escalate(t.id(), "Needs engineering");
        assertThatThrownBy(() -> nina.escalate(t.id(), "again"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(sentence(p)).isEqualTo("Ticket " + t.id()
                        + " is at L3 already: escalation goes from L2 to L3 only; hand it back with a comment and an "
                        + "assignment."));
        assertThat(nina.show(t.id()).timeline()).extracting(TimelineEntry::kind)
                .containsExactly(TimelineEntry.Kind.STATUS, TimelineEntry.Kind.ESCALATION);
    }

    @Test
    void hostileOrOversizedTextIsKeptWholeOrRefusedNeverCut() {
        Ticket t = nina.create(drafts.fromSite("ams-01", "Amsterdam Zuid", "Acme", false));
        String tenThousand = "ü'\"東".repeat(2500);
        assertThat(nina.comment(t.id(), tenThousand).text()).isEqualTo(tenThousand);
        assertThatThrownBy(() -> nina.comment(t.id(), "x".repeat(TicketService.TEXT_LIMIT + 1)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(sentence(p)).isEqualTo("The text is too long: "
                        + "at most 20,000 characters, not 20,001; attach it as a file instead."));
        assertThatThrownBy(() -> nina.comment(t.id(), ""))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("tickets.commentMissing"));
        assertThatThrownBy(() -> nina.create(drafts.fromSite("ams-01", "", "", false).withTitle(" ")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("tickets.titleMissing"));
        assertThatThrownBy(() -> nina.comment(999, "hello"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(sentence(p)).isEqualTo("There is no ticket 999: "
                        + "check its number in the queue ('camfleet ticket list')."));
    }

    @Test
    void aLongCommandOutputKeepsItsEndAndSaysHowMuchWasCut() {
        Ticket t = nina.create(drafts.fromSite("ams-01", "Amsterdam Zuid", "Acme", false));
        String output = "a".repeat(150_000) + "ERROR: disk full\n";
        TimelineEntry e = nina.attachOutput(t.id(), new TimelineEntry.CommandOutput("disk", "cam-1", 1,
                Duration.ofSeconds(1), output));
        assertThat(e.command().output()).hasSize(TicketService.OUTPUT_LIMIT)
                .startsWith("[50,017 characters cut from the start of the output]\n").endsWith("ERROR: disk full\n");
    }

    @Test
    void theQueueFiltersMineUnassignedBreachingSiteAndCustomer() {
        Ticket p1 = nina.create(drafts.fromSite("ams-01", "Amsterdam Zuid", "Acme", true));
        Ticket p2 = nina.create(drafts.fromSite("rtm-01", "Rotterdam", "Globex", false));
        Ticket p3 = omar.create(drafts.fromCameras("ams-01", "Amsterdam Zuid", "Acme", List.of("cam-7")));
        omar.takeOn(p3.id());
        // At 10:20 nobody answered the P1 (response due 10:00 + 15 min = 10:15): breached. The P2 is due 11:00, the
        // P3 14:00 (taken on by omar, which is no response: neither moved out of NEW nor commented).
        clock.advance(Duration.ofMinutes(20));
        assertThat(rows(nina, TicketFilter.OPEN)).containsExactly(p1.id(), p2.id(), p3.id());
        assertThat(rows(omar, new TicketFilter(true, false, false, "", "", Set.of(), true))).containsExactly(p3.id());
        assertThat(rows(nina, new TicketFilter(true, false, false, "", "", Set.of(), true))).isEmpty();
        assertThat(rows(nina, new TicketFilter(false, true, false, "", "", Set.of(), true)))
                .containsExactly(p1.id(), p2.id());
        assertThat(rows(nina, new TicketFilter(false, false, true, "", "", Set.of(), true))).containsExactly(p1.id());
        assertThat(rows(nina, new TicketFilter(false, false, false, "ams-01", "", Set.of(), true)))
                .containsExactly(p1.id(), p3.id());
        assertThat(rows(nina, new TicketFilter(false, false, false, "", "Globex", Set.of(), true)))
                .containsExactly(p2.id());
        nina.move(p2.id(), TicketStatus.CLOSED, "not a case");
        assertThat(rows(nina, TicketFilter.OPEN)).containsExactly(p1.id(), p3.id());
        assertThat(rows(nina, TicketFilter.ALL)).containsExactly(p1.id(), p2.id(), p3.id());
        assertThat(nina.list(TicketFilter.OPEN).getFirst().sla().breached()).isTrue();
    }

    @Test
    void aJiraLinkIsKeptOnTopOfAChangeAnotherConsoleMadeMeanwhileAndAnUnchangedOneWritesNothing() {
        Ticket t = nina.create(drafts.fromSite("ams-01", "Amsterdam Zuid", "Acme", true));
        // The issue exists in Jira whatever the desk did meanwhile: omar's move goes first, the link on top of it.
        store.beforeNextChange = () -> omar.move(t.id(), TicketStatus.TRIAGE, "");

        Ticket linked = nina.linked(t.id(), "SUP-7", "To Do");

        assertThat(linked).extracting(Ticket::status, Ticket::jiraKey, Ticket::jiraStatus)
                .containsExactly(TicketStatus.TRIAGE, "SUP-7", "To Do");
        assertThat(nina.find(t.id())).isEqualTo(linked);
        assertThat(nina.linked(t.id(), "SUP-7", "To Do")).isEqualTo(linked);
        nina.linked(t.id(), "SUP-7", "Done");
        assertThat(nina.show(t.id()).timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.TRACKER)
                .extracting(TimelineEntry::text, TimelineEntry::change).containsExactly(
                        tuple("SUP-7", new TimelineEntry.Change("", "To Do")),
                        tuple("SUP-7", new TimelineEntry.Change("To Do", "Done")));
    }

    private static List<Long> rows(TicketService s, TicketFilter f) {
        return s.list(f).stream().map(r -> r.ticket().id()).toList();
    }
}
