package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStep;
import io.camfleet.console.domain.audit.AuditKey;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.domain.timeline.SiteEvent.Kind;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;
import io.camfleet.console.service.timeline.AlertHistory;
import io.camfleet.console.service.timeline.AuditHistory;
import io.camfleet.console.service.timeline.DeploymentHistory;
import io.camfleet.console.service.timeline.TicketHistory;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Each source of the site timeline over the real stores: what it shows of a site, in the operators' words. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class SiteTimelineSourcesTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    static final Messages M = new Messages(Locale.ROOT);
    static final Set<String> AMS = Set.of("a-1", "a-2");

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
    void alertsShowEachStepWithTheAlertsSummaryAndWho() {
        var store = new JdbcAlertStore(db.dataSource());
        Alert camera = store.raise(Alert.raise(AlertKind.CAMERA_DEGRADED, AlertSeverity.WARNING, "a-2", "ams",
                "Camera a-2 degraded", at(1), false));
        store.update(camera, camera.acknowledge("nina", "looking", at(2)), AlertStep.ACKNOWLEDGE, at(2), "nina", "");

        List<SiteEvent> events = new AlertHistory(store, M).events("ams", AMS, T0, at(10), 10);
        assertThat(events).extracting(SiteEvent::at, SiteEvent::kind, SiteEvent::cameraId, SiteEvent::summary)
                .containsExactlyInAnyOrder(
                        tuple(at(1), Kind.ALERT, "a-2", "Alert raised (Warning): Camera a-2 degraded"),
                        tuple(at(2), Kind.ALERT, "a-2", "Alert acknowledged: Camera a-2 degraded, by nina"));
    }

    @Test
    void deploymentsShowTheLaunchTheInstallAndItsEndButNotTheStepsBetween() {
        TestClock clock = new TestClock(T0);
        var journal = new JdbcDeploymentJournal(db.dataSource(), clock);
        journal.create(new DeploymentRecord("d-1", "camos-agent", "6.5.1", ExecutorKind.SSH, "{}",
                DeploymentState.RUNNING, T0, "alice", T0), List.of(
                new TargetRecord(new Target("a-1", "ams", "127.0.1.1:22", "", ""), 0, TargetState.PENDING, 0, "", T0)));
        clock.advance(Duration.ofMinutes(1));
        journal.moveTarget("d-1", "a-1", TargetState.PENDING, TargetState.DISPATCHED, "", false);
        journal.moveTarget("d-1", "a-1", TargetState.DISPATCHED, TargetState.INSTALLING, "", false);
        journal.moveTarget("d-1", "a-1", TargetState.INSTALLING, TargetState.VERIFYING, "", false);
        clock.advance(Duration.ofMinutes(1));
        journal.moveTarget("d-1", "a-1", TargetState.VERIFYING, TargetState.FAILED, "health check failed", false);
        journal.moveDeployment("d-1", DeploymentState.RUNNING, DeploymentState.FAILED, "threshold exceeded");

        List<SiteEvent> events = new DeploymentHistory(journal, M).events("ams", AMS, T0, at(10), 10);
        assertThat(events).extracting(SiteEvent::at, SiteEvent::cameraId, SiteEvent::summary)
                .containsExactlyInAnyOrder(
                        tuple(at(0), "", "Deployment d-1 of camos-agent 6.5.1 launched"),
                        tuple(at(1), "a-1", "Installing camos-agent 6.5.1 (deployment d-1)"),
                        tuple(at(2), "a-1", "Install of camos-agent 6.5.1: FAILED (deployment d-1): health check "
                                + "failed"),
                        tuple(at(2), "", "Deployment d-1 of camos-agent 6.5.1: FAILED"));
        // the journal's ids order what happened at one instant as it was written
        SiteEvent failed = events.stream().filter(e -> e.summary().contains("Install of")).findFirst().orElseThrow();
        SiteEvent over = events.stream().filter(e -> e.summary().endsWith(": FAILED")).findFirst().orElseThrow();
        assertThat(failed.sequence()).isLessThan(over.sequence());
    }

    @Test
    void ticketsShowOpeningMovesAndDiagnosticsButNotComments() {
        var store = new JdbcTicketStore(db.dataSource());
        Ticket t = store.create(Ticket.open("ams dark", Severity.P1, "Acme", List.of("ams"), List.of("a-1"), "nina",
                at(0)), TimelineEntry.status(at(0), "nina", null, TicketStatus.NEW, ""));
        store.append(t.id(), TimelineEntry.comment(at(1), "nina", "called the site"));
        store.append(t.id(), TimelineEntry.output(at(2), "nina", new TimelineEntry.CommandOutput("disk-usage", "a-1",
                0, Duration.ofSeconds(1), "ok")));
        store.change(t, t.moveTo(TicketStatus.IN_PROGRESS), TimelineEntry.status(at(3), "bob", TicketStatus.NEW,
                TicketStatus.IN_PROGRESS, ""));

        List<SiteEvent> events = new TicketHistory(store, M).events("ams", AMS, T0, at(10), 10);
        assertThat(events).extracting(SiteEvent::at, SiteEvent::cameraId, SiteEvent::summary)
                .containsExactlyInAnyOrder(
                        tuple(at(0), "", "Ticket " + t.id() + " opened: ams dark, by nina"),
                        tuple(at(2), "a-1", "Ticket " + t.id() + ": runbook disk-usage ran on a-1, exit code 0, by "
                                + "nina"),
                        tuple(at(3), "", "Ticket " + t.id() + " moved from NEW to IN_PROGRESS, by bob"));
    }

    @Test
    void auditedActionsNamingTheSiteOrACameraShowButTicketActionsDoNot() {
        var trail = new JdbcAuditTrail(db.dataSource());
        AuditKey key = AuditKey.of(new byte[AuditKey.LENGTH]);
        trail.append(key, at(1), "nina", "", "ssh.hostkey.accept", "a-1", new TreeMap<>(), AuditOutcome.SUCCEEDED);
        trail.append(key, at(2), "nina", "", "ticket.create", "sites ams", new TreeMap<>(), AuditOutcome.SUCCEEDED);
        trail.append(key, at(3), "bob", "", "alert.silence", "site ams", new TreeMap<>(), AuditOutcome.SUCCEEDED);
        trail.append(key, at(4), "bob", "", "diag.remediate", "a-1, a-2", new TreeMap<>(), AuditOutcome.FAILED);

        List<SiteEvent> events = new AuditHistory(trail, M).events("ams", AMS, T0, at(10), 10);
        assertThat(events).extracting(SiteEvent::at, SiteEvent::cameraId, SiteEvent::summary)
                .containsExactlyInAnyOrder(
                        tuple(at(1), "a-1", "ssh.hostkey.accept on a-1 by nina: SUCCEEDED"),
                        tuple(at(3), "", "alert.silence on site ams by bob: SUCCEEDED"),
                        tuple(at(4), "", "diag.remediate on a-1, a-2 by bob: FAILED"));
    }
}
