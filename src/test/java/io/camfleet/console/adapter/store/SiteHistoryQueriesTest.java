package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStep;
import io.camfleet.console.domain.audit.AuditKey;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.alerts.AlertStore;
import io.camfleet.console.service.availability.HealthHistory;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;
import io.camfleet.console.service.support.TicketStore;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The queries the site timeline reads each store with: one site's rows in a time window, the latest kept. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class SiteHistoryQueriesTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;

    @BeforeEach
    void open() {
        db = engine.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void theHealthSpansOfSomeCamerasAreReadByCameraAndOverlapTheWindow() {
        var history = new JdbcHealthHistory(db.dataSource());
        long t = T0.getEpochSecond();
        history.backfill(T0.minusSeconds(86_400), T0.plusSeconds(86_400), w -> {
            w.span("a-1", HealthState.OFFLINE, t - 600, t + 600);      // overlaps the window's start
            w.span("a-1", HealthState.DEGRADED, t + 1200, t + 1800);   // inside
            w.span("a-2", HealthState.OFFLINE, t + 3000, HealthHistory.OPEN); // open, starts inside
            w.span("a-2", HealthState.MAINTENANCE, t - 7200, t - 3600); // ended before the window
            w.span("a-3", HealthState.OFFLINE, t + 5000, t + 5400);    // starts at the window's end: out
            w.span("b-1", HealthState.OFFLINE, t, t + 60);             // another site's camera
        });
        List<String> read = new ArrayList<>();
        history.spansOf(List.of("a-1", "a-2", "a-3"), new Period(T0, T0.plusSeconds(5000)),
                (camera, state, start, end) -> read.add(camera + " " + state + " " + (start - t) + " "
                        + (end == HealthHistory.OPEN ? "open" : String.valueOf(end - t))));
        assertThat(read).containsExactlyInAnyOrder("a-1 OFFLINE -600 600", "a-1 DEGRADED 1200 1800",
                "a-2 OFFLINE 3000 open");
    }

    @Test
    void theStepsOfTheSitesAlertsInTheWindowComeNewestFirstWithTheirAlert() {
        var store = new JdbcAlertStore(db.dataSource());
        Alert here = store.raise(Alert.raise(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, "ams", "ams",
                "Site ams is down", at(0), false));
        Alert acked = here.acknowledge("nina", "calling", at(5));
        store.update(here, acked, AlertStep.ACKNOWLEDGE, at(5), "nina", "calling");
        store.update(acked, acked.resolve("nina", "power back", at(30)), AlertStep.RESOLVE, at(30), "nina", "ok");
        store.raise(Alert.raise(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, "rtm", "rtm", "Site rtm is down",
                at(6), false));
        Alert early = store.raise(Alert.raise(AlertKind.CAMERA_DEGRADED, AlertSeverity.WARNING, "ams-2", "ams",
                "ams-2 degraded", at(-60), false));

        List<AlertStore.SiteStep> steps = store.siteSteps("ams", at(0), at(30), 10);
        // RESOLVE at 30 min is at the window's (exclusive) end; the degraded alert was raised an hour before it
        assertThat(steps).extracting(s -> s.step().step(), s -> s.step().at(), s -> s.alert().summary())
                .containsExactly(tuple(AlertStep.ACKNOWLEDGE, at(5), "Site ams is down"),
                        tuple(AlertStep.RAISE, at(0), "Site ams is down"));
        assertThat(steps.getFirst().id()).isGreaterThan(steps.get(1).id());
        assertThat(store.siteSteps("ams", at(-120), at(31), 2)).extracting(s -> s.step().step())
                .containsExactly(AlertStep.RESOLVE, AlertStep.ACKNOWLEDGE);
        assertThat(store.siteSteps("ams", at(-120), at(-1), 10)).extracting(s -> s.alert().id())
                .containsExactly(early.id());
    }

    @Test
    void theTransitionsOfTheSitesTargetsAndOfTheirDeploymentsComeNewestFirst() {
        TestClock clock = new TestClock(T0);
        var journal = new JdbcDeploymentJournal(db.dataSource(), clock);
        journal.create(new DeploymentRecord("d-1", "camos-agent", "6.5.1", ExecutorKind.SSH, "{}",
                DeploymentState.RUNNING, T0, "alice", T0), List.of(
                new TargetRecord(new Target("a-1", "ams", "127.0.1.1:22", "", ""), 0, TargetState.PENDING, 0, "", T0),
                new TargetRecord(new Target("r-1", "rtm", "127.0.1.2:22", "", ""), 0, TargetState.PENDING, 0, "", T0)));
        journal.create(new DeploymentRecord("d-2", "camos-agent", "6.5.2", ExecutorKind.SSH, "{}",
                DeploymentState.RUNNING, T0, "alice", T0), List.of(
                new TargetRecord(new Target("r-1", "rtm", "127.0.1.2:22", "", ""), 0, TargetState.PENDING, 0, "", T0)));
        clock.advance(Duration.ofMinutes(1));
        journal.moveTarget("d-1", "a-1", TargetState.PENDING, TargetState.DISPATCHED, "", false);
        journal.moveTarget("d-1", "r-1", TargetState.PENDING, TargetState.DISPATCHED, "", false);
        clock.advance(Duration.ofMinutes(1));
        journal.moveTarget("d-1", "a-1", TargetState.DISPATCHED, TargetState.INSTALLING, "", false);
        clock.advance(Duration.ofMinutes(1));
        journal.moveTarget("d-1", "a-1", TargetState.INSTALLING, TargetState.FAILED, "exit 3", false);

        List<DeploymentJournal.SiteTransition> all = journal.siteTransitions("ams", T0, at(10), 10);
        // d-2 has no target at ams; r-1 is rtm's: neither shows
        assertThat(all).extracting(t -> t.event().cameraId(), t -> t.event().to(), t -> t.event().at())
                .containsExactly(tuple("a-1", "FAILED", at(3)), tuple("a-1", "INSTALLING", at(2)),
                        tuple("a-1", "DISPATCHED", at(1)), tuple("", "RUNNING", at(0)));
        assertThat(all.getFirst().releaseVersion()).isEqualTo("6.5.1");
        assertThat(all.getFirst().event().detail()).isEqualTo("exit 3");
        assertThat(journal.siteTransitions("ams", at(1), at(3), 1)).extracting(t -> t.event().to())
                .containsExactly("INSTALLING");
    }

    @Test
    void theEntriesOfTheTicketsNamingTheSiteComeNewestFirstOfTheKindsAsked() {
        var store = new JdbcTicketStore(db.dataSource());
        Ticket t = store.create(Ticket.open("ams dark", Severity.P1, "Acme", List.of("ams", "rtm"), List.of("a-1"),
                "nina", at(0)), TimelineEntry.status(at(0), "nina", null, TicketStatus.NEW, "opened"));
        Ticket moved = t.moveTo(TicketStatus.IN_PROGRESS);
        store.change(t, moved, TimelineEntry.status(at(2), "nina", TicketStatus.NEW, TicketStatus.IN_PROGRESS, ""));
        store.append(t.id(), TimelineEntry.comment(at(3), "nina", "called the site"));
        store.append(t.id(), TimelineEntry.output(at(4), "nina", new TimelineEntry.CommandOutput("disk", "a-1", 0,
                Duration.ofSeconds(2), "ok")));
        store.create(Ticket.open("rtm slow", Severity.P3, "Acme", List.of("rtm"), List.of(), "bob", at(1)),
                TimelineEntry.status(at(1), "bob", null, TicketStatus.NEW, ""));

        var kinds = EnumSet.of(TimelineEntry.Kind.STATUS, TimelineEntry.Kind.COMMAND_OUTPUT);
        List<TicketStore.SiteEntry> entries = store.siteEntries("ams", kinds, at(0), at(10), 10);
        assertThat(entries).extracting(e -> e.entry().kind(), e -> e.entry().at(), TicketStore.SiteEntry::title)
                .containsExactly(tuple(TimelineEntry.Kind.COMMAND_OUTPUT, at(4), "ams dark"),
                        tuple(TimelineEntry.Kind.STATUS, at(2), "ams dark"),
                        tuple(TimelineEntry.Kind.STATUS, at(0), "ams dark"));
        assertThat(entries.getFirst().entry().command().target()).isEqualTo("a-1");
        assertThat(entries.get(1).entry().change().to()).isEqualTo("IN_PROGRESS");
        assertThat(store.siteEntries("rtm", Set.of(TimelineEntry.Kind.STATUS), at(0), at(10), 2))
                .extracting(e -> e.entry().at()).containsExactly(at(2), at(1));
        assertThat(store.siteEntries("ams", Set.of(), at(0), at(10), 10)).isEmpty();
    }

    @Test
    void theAuditEventsNamingTheSiteOrItsCamerasAsWholeWordsComeNewestFirst() {
        var trail = new JdbcAuditTrail(db.dataSource());
        AuditKey key = AuditKey.of(new byte[AuditKey.LENGTH]);
        String[][] events = {
                {"0", "ssh.hostkey.accept", "a-1"},
                {"1", "diag.remediate", "a-1, a-2"},
                {"2", "ssh.hostkey.accept", "a-12"},        // another camera whose id starts with a-1
                {"3", "alert.silence", "site ams"},
                {"4", "deploy.launch", "xa-1"},
                {"5", "ssh.hostkey.accept", "a_1"},          // '_' is no wildcard here
                {"6", "ssh.hostkey.accept", "a-1"},
        };
        for (String[] e : events) {
            trail.append(key, at(Integer.parseInt(e[0])), "nina", "", e[1], e[2], new TreeMap<>(),
                    AuditOutcome.SUCCEEDED);
        }
        assertThat(trail.naming(List.of("ams", "a-1", "a-2"), at(0), at(6), 10))
                .extracting(e -> e.target()).containsExactly("site ams", "a-1, a-2", "a-1");
        assertThat(trail.naming(List.of("a-1"), at(0), at(7), 2)).extracting(e -> e.at())
                .containsExactly(at(6), at(1));
        assertThat(trail.naming(List.of(), at(0), at(7), 2)).isEmpty();
    }
}
