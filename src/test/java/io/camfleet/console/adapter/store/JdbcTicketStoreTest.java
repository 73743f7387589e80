package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.support.Level;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.support.TicketQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class JdbcTicketStoreTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcTicketStore store;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        store = new JdbcTicketStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Ticket create(String title, String customer, List<String> sites, Instant at) {
        Ticket t = Ticket.open(title, Severity.P2, customer, sites, List.of(sites.getFirst() + "-cam-1"), "nina", at);
        return store.create(t, TimelineEntry.status(at, "nina", null, TicketStatus.NEW, ""));
    }

    @Test
    void aTicketAndEveryKindOfTimelineEntryComeBackAsStored() {
        Ticket t = store.create(Ticket.open("Site ams-01 is dark", Severity.P1, "Acme", List.of("ams-01", "ams-02"),
                List.of("cam-9", "cam-3"), "nina", T0), TimelineEntry.status(T0, "nina", null, TicketStatus.NEW, ""));
        assertThat(t.id()).isPositive();
        assertThat(store.find(t.id())).contains(t);

        Ticket moved = t.moveTo(TicketStatus.IN_PROGRESS);
        assertThat(store.change(t, moved, TimelineEntry.status(T0.plusSeconds(60), "nina", TicketStatus.NEW,
                TicketStatus.IN_PROGRESS, "On it"))).isTrue();
        Ticket l3 = moved.escalate();
        assertThat(store.change(moved, l3, TimelineEntry.escalation(T0.plusSeconds(120), "nina", Level.L2, Level.L3,
                "Firmware bug"))).isTrue();
        Ticket assigned = l3.assignTo("omar");
        assertThat(store.change(l3, assigned, TimelineEntry.assignment(T0.plusSeconds(180), "nina", "", "omar")))
                .isTrue();
        store.append(t.id(), TimelineEntry.comment(T0.plusSeconds(240), "omar", "Looking at the journal"));
        store.append(t.id(), TimelineEntry.output(T0.plusSeconds(300), "omar", new TimelineEntry.CommandOutput(
                "service-status", "cam-9", 3, Duration.ofMillis(1234), "camfleet-agent: inactive (dead)\n")));
        store.append(t.id(), TimelineEntry.attachment(T0.plusSeconds(360), "omar", new TimelineEntry.Attachment(
                "cam-9-bundle.zip", 48_213, "ab".repeat(32), "tickets/1/cam-9-bundle.zip")));

        assertThat(store.find(t.id())).contains(assigned);
        assertThat(assigned.version()).isEqualTo(3);
        List<TimelineEntry> timeline = store.timeline(t.id());
        assertThat(timeline).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.STATUS,
                TimelineEntry.Kind.STATUS, TimelineEntry.Kind.ESCALATION, TimelineEntry.Kind.ASSIGNMENT,
                TimelineEntry.Kind.COMMENT, TimelineEntry.Kind.COMMAND_OUTPUT, TimelineEntry.Kind.ATTACHMENT);
        assertThat(timeline).allSatisfy(e -> assertThat(e.ticketId()).isEqualTo(t.id()));
        assertThat(timeline.get(1).change()).isEqualTo(new TimelineEntry.Change("NEW", "IN_PROGRESS"));
        assertThat(timeline.get(1).text()).isEqualTo("On it");
        assertThat(timeline.get(2).text()).isEqualTo("Firmware bug");
        assertThat(timeline.get(3).change()).isEqualTo(new TimelineEntry.Change("", "omar"));
        assertThat(timeline.get(5).command()).isEqualTo(new TimelineEntry.CommandOutput("service-status", "cam-9", 3,
                Duration.ofMillis(1234), "camfleet-agent: inactive (dead)\n"));
        assertThat(timeline.get(6).file()).isEqualTo(new TimelineEntry.Attachment("cam-9-bundle.zip", 48_213,
                "ab".repeat(32), "tickets/1/cam-9-bundle.zip"));
        assertThat(timeline.get(6).at()).isEqualTo(T0.plusSeconds(360));
    }

    @Test
    void theJiraKeyAndStatusAndTheTrackerEntriesThatRecordThemComeBackAsStored() {
        Ticket t = create("Site ams-01 is dark", "Acme", List.of("ams-01"), T0);
        Ticket pushed = t.linkedTo("SUP-7", "To Do");
        assertThat(store.change(t, pushed, TimelineEntry.tracker(T0.plusSeconds(60), "nina", "SUP-7", "", "To Do")))
                .isTrue();
        Ticket moved = pushed.linkedTo("SUP-7", "Waiting for customer");
        assertThat(store.change(pushed, moved, TimelineEntry.tracker(T0.plusSeconds(120), "omar", "SUP-7", "To Do",
                "Waiting for customer"))).isTrue();

        assertThat(store.find(t.id())).hasValueSatisfying(f -> {
            assertThat(f.jiraKey()).isEqualTo("SUP-7");
            assertThat(f.jiraStatus()).isEqualTo("Waiting for customer");
            assertThat(f.version()).isEqualTo(2);
        });
        List<TimelineEntry> timeline = store.timeline(t.id());
        assertThat(timeline).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.STATUS,
                TimelineEntry.Kind.TRACKER, TimelineEntry.Kind.TRACKER);
        assertThat(timeline.get(1).text()).isEqualTo("SUP-7");
        assertThat(timeline.get(1).change()).isEqualTo(new TimelineEntry.Change("", "To Do"));
        assertThat(timeline.get(2).change()).isEqualTo(new TimelineEntry.Change("To Do", "Waiting for customer"));
        assertThat(timeline.get(2).by()).isEqualTo("omar");
    }

    @Test
    void aTicketCreatedAtAnInstantFinerThanTheDatabaseKeepsComesBackEqualToWhatFindReturns() {
        Ticket t = create("Frames dropped", "Acme", List.of("ams-01"), T0.plusNanos(123_456_789));
        assertThat(store.find(t.id())).contains(t);
        // Kept to the microsecond (rounded, on both engines).
        assertThat(Duration.between(t.createdAt(), T0.plusNanos(123_456_789)).abs())
                .isLessThanOrEqualTo(Duration.ofNanos(1000));
    }

    @Test
    void aChangeWhoseTimelineEntryCannotBeWrittenLeavesTheTicketAsItWas() {
        Ticket t = create("Frames dropped", "Acme", List.of("ams-01"), T0);
        // A checksum one character wider than its column (64): the entry fails, so the change must not stay.
        TimelineEntry tooWide = TimelineEntry.attachment(T0.plusSeconds(1), "nina",
                new TimelineEntry.Attachment("a.zip", 1, "f".repeat(65), "tickets/1/a.zip"));
        assertThatThrownBy(() -> store.change(t, t.assignTo("omar"), tooWide)).isInstanceOf(Problem.class);
        assertThat(store.find(t.id())).contains(t);
        assertThat(store.timeline(t.id())).hasSize(1);
    }

    @Test
    void entriesAtTheSameInstantComeBackInTheOrderTheyWereWritten() {
        Ticket t = create("Frames dropped", "Acme", List.of("ams-01"), T0);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Written in an order that sorts differently as text ("c-11" < "c-2"): only insertion order can hold.
            String text = "c-" + (11 - i) + (i % 2 == 0 ? "" : "z");
            written.add(text);
            store.append(t.id(), TimelineEntry.comment(T0.plusSeconds(5), "nina", text));
        }
        assertThat(store.timeline(t.id()).stream().skip(1).map(TimelineEntry::text)).containsExactlyElementsOf(written);
    }

    @Test
    void theQueueFiltersSelectByStatusAssigneeUnassignedSiteAndCustomer() {
        Ticket a = create("a", "Acme", List.of("ams-01", "ams-02"), T0);
        Ticket b = create("b", "Acme", List.of("rtm-01"), T0.plusSeconds(1));
        Ticket c = create("c", "Globex", List.of("ams-02"), T0.plusSeconds(2));
        Ticket bMine = b.assignTo("nina");
        store.change(b, bMine, TimelineEntry.assignment(T0.plusSeconds(3), "nina", "", "nina"));
        Ticket cWorked = c.moveTo(TicketStatus.IN_PROGRESS);
        store.change(c, cWorked, TimelineEntry.status(T0.plusSeconds(4), "omar", TicketStatus.NEW,
                TicketStatus.IN_PROGRESS, ""));

        assertThat(ids(TicketQuery.ALL)).containsExactly(a.id(), b.id(), c.id());
        assertThat(ids(new TicketQuery(Set.of(), "nina", false, "", ""))).containsExactly(b.id());
        assertThat(ids(new TicketQuery(Set.of(), "nina", true, "", ""))).containsExactly(a.id(), c.id());
        assertThat(ids(new TicketQuery(Set.of(), "", false, "ams-02", ""))).containsExactly(a.id(), c.id());
        assertThat(ids(new TicketQuery(Set.of(), "", false, "", "Acme"))).containsExactly(a.id(), b.id());
        assertThat(ids(new TicketQuery(Set.of(TicketStatus.IN_PROGRESS, TicketStatus.TRIAGE), "", false, "", "")))
                .containsExactly(c.id());
        assertThat(ids(new TicketQuery(Set.of(TicketStatus.NEW), "", true, "ams-02", "Acme")))
                .containsExactly(a.id());
        assertThat(ids(new TicketQuery(Set.of(), "", false, "nowhere", ""))).isEmpty();
        assertThat(store.find(a.id()).orElseThrow().siteIds()).containsExactly("ams-01", "ams-02");
    }

    private List<Long> ids(TicketQuery q) {
        return store.find(q).stream().map(Ticket::id).toList();
    }

    @Test
    void ofTwoConsolesMovingTheSameTicketOneWinsAndTheOtherWritesNothing() {
        Ticket read = create("Site dark", "Acme", List.of("ams-01"), T0);
        JdbcTicketStore other = new JdbcTicketStore(db.dataSource());
        assertThat(store.change(read, read.moveTo(TicketStatus.TRIAGE), TimelineEntry.status(T0.plusSeconds(1),
                "nina", TicketStatus.NEW, TicketStatus.TRIAGE, ""))).isTrue();
        assertThat(other.change(read, read.moveTo(TicketStatus.CLOSED), TimelineEntry.status(T0.plusSeconds(2),
                "omar", TicketStatus.NEW, TicketStatus.CLOSED, "duplicate"))).isFalse();
        assertThat(store.find(read.id()).orElseThrow().status()).isEqualTo(TicketStatus.TRIAGE);
        assertThat(store.timeline(read.id())).extracting(TimelineEntry::by).containsExactly("nina", "nina");
    }

    @Test
    void ofEightConsolesRacingOnOneTicketExactlyOneMoveIsStored() throws Exception {
        Ticket read = create("Site dark", "Acme", List.of("ams-01"), T0);
        int consoles = 8;
        CyclicBarrier start = new CyclicBarrier(consoles);
        ExecutorService pool = Executors.newFixedThreadPool(consoles);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < consoles; i++) {
                String who = "op" + i;
                JdbcTicketStore console = new JdbcTicketStore(db.dataSource());
                Callable<Boolean> move = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return console.change(read, read.moveTo(TicketStatus.TRIAGE).assignTo(who),
                            TimelineEntry.status(T0.plusSeconds(1), who, TicketStatus.NEW, TicketStatus.TRIAGE, ""));
                };
                results.add(pool.submit(move));
            }
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        List<TimelineEntry> timeline = store.timeline(read.id());
        assertThat(timeline).hasSize(2);
        assertThat(store.find(read.id()).orElseThrow().assignee()).isEqualTo(timeline.get(1).by());
    }

    @Test
    void hostileTextComesBackUnchanged() {
        String title = "It's \"dark\"; DROP TABLE ticket; -- 東京駅 камера 🎥";
        Ticket t = store.create(Ticket.open(title, Severity.P3, "O'Brien & Söhne", List.of("東京-01"),
                List.of("кам'ера-1"), "nína", T0), TimelineEntry.status(T0, "nína", null, TicketStatus.NEW, ""));
        String longComment = ("Ça ne marche pas: 'quote' \"dq\" \\ back; 🎥 ").repeat(250).substring(0, 10_000);
        store.append(t.id(), TimelineEntry.comment(T0.plusSeconds(1), "nína", longComment));
        Ticket back = store.find(t.id()).orElseThrow();
        assertThat(back.title()).isEqualTo(title);
        assertThat(back.customer()).isEqualTo("O'Brien & Söhne");
        assertThat(back.siteIds()).containsExactly("東京-01");
        assertThat(back.cameraIds()).containsExactly("кам'ера-1");
        assertThat(store.timeline(t.id()).get(1).text()).hasSize(10_000).isEqualTo(longComment);
        assertThat(store.find(new TicketQuery(Set.of(), "", false, "東京-01", "O'Brien & Söhne")))
                .extracting(Ticket::id).containsExactly(t.id());
    }
}
