package io.camfleet.console.adapter.jira;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.SlaTargets;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.support.TicketDraft;
import io.camfleet.console.service.support.TicketService;
import io.camfleet.console.service.tracker.ExternalIssue;
import io.camfleet.console.service.tracker.ExternalTracker;
import io.camfleet.console.service.tracker.TicketLink;
import io.camfleet.console.service.tracker.TrackerLink;
import io.camfleet.console.service.tracker.TrackerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The desk's tickets pushed to the loopback Jira through {@link TicketLink}, the tickets kept in a real H2 cache. */
class TicketLinkOnJiraTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path dir;
    private final Messages messages = new Messages(Locale.ENGLISH);
    private final FakeJira jira = FakeJira.start();
    private final JiraRig rig = new JiraRig();
    private final TestClock clock = new TestClock(T0);
    private final List<CacheDatabase> caches = new ArrayList<>();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final AuditService audit = new AuditService(trail, new InMemoryAuditAnchor(), new Operator("nina", ""),
            clock);

    @AfterEach
    void stop() {
        caches.forEach(CacheDatabase::close);
        jira.close();
    }

    private TicketService desk(String folder) {
        CacheDatabase db = CacheDatabase.open(dir.resolve(folder), clock);
        caches.add(db);
        return new TicketService(db.tickets(), audit, clock, () -> SlaTargets.DEFAULT);
    }

    private TicketLink link(TicketService tickets, TrackerLink link,
                            Function<TrackerLink.Configured, ExternalTracker> trackers) {
        return new TicketLink(tickets, audit, () -> link, trackers);
    }

    private TicketLink link(TicketService tickets) {
        return link(tickets, jira.link(), rig::open);
    }

    private static Ticket open(TicketService tickets) {
        return tickets.create(new TicketDraft("Site LIS-04 is dark", Severity.P2, "Acme", List.of("LIS-04"),
                List.of("cam-lis-04-a"), "All four cameras stopped sending frames at 03:12."));
    }

    private List<TimelineEntry> trackerEntries(TicketService tickets, long id) {
        return tickets.show(id).timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.TRACKER).toList();
    }

    @Test
    void aTicketIsPushedOnceItsKeyAndStatusAreKeptAndPushingAgainReadsTheStatusInstead() {
        TicketService tickets = desk("data");
        TicketLink link = link(tickets);
        Ticket t = open(tickets);

        ExternalIssue issue = link.push(t.id());

        assertThat(issue.key()).isEqualTo("SUP-1");
        assertThat(tickets.find(t.id())).extracting(Ticket::jiraKey, Ticket::jiraStatus)
                .containsExactly("SUP-1", "To Do");
        assertThat(jira.issues()).singleElement().satisfies(i -> {
            assertThat(i.summary()).isEqualTo("Site LIS-04 is dark");
            assertThat(i.fields().path("priority").path("name").asText()).isEqualTo("High"); // P2 -> High
        });
        assertThat(trackerEntries(tickets, t.id())).extracting(TimelineEntry::text, TimelineEntry::change,
                TimelineEntry::by).containsExactly(tuple("SUP-1", new TimelineEntry.Change("", "To Do"), "nina"));
        assertThat(trail.events).extracting(AuditEvent::action, AuditEvent::outcome).contains(
                tuple("ticket.push", AuditOutcome.STARTED), tuple("ticket.push", AuditOutcome.SUCCEEDED));

        jira.setStatus("SUP-1", "Waiting for customer", "indeterminate");
        ExternalIssue again = link.push(t.id());
        link.refresh(t.id()); // unchanged since: nothing more is written

        assertThat(again.key()).isEqualTo("SUP-1");
        assertThat(again.url()).isEqualTo(jira.baseUrl() + "/browse/SUP-1");
        assertThat(jira.requests(FakeJira.Kind.CREATE)).hasSize(1);
        assertThat(tickets.find(t.id()).jiraStatus()).isEqualTo("Waiting for customer");
        assertThat(trackerEntries(tickets, t.id())).extracting(TimelineEntry::change).containsExactly(
                new TimelineEntry.Change("", "To Do"), new TimelineEntry.Change("To Do", "Waiting for customer"));
        assertThat(link.browseUrl("SUP-1")).isEqualTo(jira.baseUrl() + "/browse/SUP-1");
    }

    @Test
    void aRefusedTokenIsOneSentenceNamingTheVariableAndNothingIsStored() {
        TicketService tickets = desk("data");
        TicketLink link = link(tickets, JiraRig.link(jira.settings(), "ATATT-revoked-token"), rig::open);
        Ticket t = open(tickets);

        assertThatThrownBy(() -> link.push(t.id())).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.key()).isEqualTo("jira.tokenRefused");
            assertThat(messages.text(p)).contains("refused the API token", TrackerSettings.TOKEN_VARIABLE)
                    .doesNotContain("ATATT-revoked-token");
        });

        assertThat(tickets.find(t.id())).isEqualTo(t);
        assertThat(trackerEntries(tickets, t.id())).isEmpty();
        assertThat(jira.issues()).isEmpty();
        assertThat(trail.events).extracting(AuditEvent::action, AuditEvent::outcome)
                .contains(tuple("ticket.push", AuditOutcome.FAILED));
    }

    @Test
    void aPushCutBeforeItsAnswerStoresNothingAndPushingAgainFindsTheIssueInsteadOfMakingASecond() {
        TicketService tickets = desk("data");
        Ticket t = open(tickets);
        // One try only, and Jira makes the issue but answers after the 2 s timeout: the desk cannot know it exists.
        TicketLink once = link(tickets, jira.link(), c -> JiraCloudTracker.open(c,
                new JiraCloudTracker.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                new Retries(1, Duration.ofMillis(10), 1, Duration.ofSeconds(1), new Random(7)), d -> { }));
        jira.slowAfterCreate(Duration.ofSeconds(4), 1);

        assertThatThrownBy(() -> once.push(t.id())).isInstanceOf(Problem.class)
                .satisfies(p -> assertThat(messages.text((Problem) p)).contains("did not answer"));
        assertThat(jira.issues()).hasSize(1);
        assertThat(tickets.find(t.id()).jiraKey()).isEmpty();
        assertThat(trackerEntries(tickets, t.id())).isEmpty();

        ExternalIssue retried = link(tickets).push(t.id());

        assertThat(retried.key()).isEqualTo("SUP-1");
        assertThat(jira.issues()).hasSize(1);
        assertThat(jira.requests(FakeJira.Kind.CREATE)).hasSize(1);
        assertThat(tickets.find(t.id()).jiraKey()).isEqualTo("SUP-1");
    }

    @Test
    void twoDesksOnDataFoldersOfTheirOwnNeverTakeEachOthersIssueForTheirs() {
        TicketService lisbon = desk("lisbon");
        TicketService porto = desk("porto");
        Ticket a = open(lisbon);
        clock.advance(Duration.ofMinutes(3));
        Ticket b = open(porto);
        assertThat(a.id()).isEqualTo(b.id()); // each desk numbers its tickets from 1

        assertThat(link(lisbon).push(a.id()).key()).isEqualTo("SUP-1");
        assertThat(link(porto).push(b.id()).key()).isEqualTo("SUP-2");
        assertThat(jira.issues()).hasSize(2);
    }

    @Test
    void withoutALinkTheDeskWorksAloneAndPushSaysHowToSetOneUp() {
        TicketService tickets = desk("data");
        TrackerLink off = TrackerSettings.DEFAULTS.link(Map.of());
        TicketLink link = link(tickets, off, c -> {
            throw new AssertionError("no tracker is opened without a link");
        });
        Ticket t = open(tickets);

        assertThat(link.configured()).isFalse();
        assertThat(link.browseUrl("SUP-1")).isEmpty();
        assertThatThrownBy(() -> link.push(t.id())).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
            assertThat(messages.text(p)).startsWith("No Jira link is set up");
        });
        assertThatThrownBy(() -> link(tickets).refresh(t.id())).isInstanceOfSatisfying(Problem.class, p ->
                assertThat(messages.text(p)).isEqualTo("Ticket " + t.id() + " is not in Jira yet: push it first "
                        + "('camfleet ticket push " + t.id() + "')."));
        assertThatThrownBy(() -> link(tickets).push(999)).isInstanceOfSatisfying(Problem.class, p ->
                assertThat(p.key()).isEqualTo("tickets.unknown"));
        assertThat(tickets.find(t.id()).version()).isZero();
    }
}
