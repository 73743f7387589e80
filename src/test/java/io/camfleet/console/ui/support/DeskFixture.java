package io.camfleet.console.ui.support;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.support.SlaTargets;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.support.TicketService;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The support desk over a real H2 cache in a temporary folder, as operator "nina", with a clock the test moves: what
 * the desk's UI tests share.
 */
final class DeskFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    final Path dir;
    final TestClock clock = new TestClock(T0);
    final CacheDatabase db;
    final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    final AuditService audit;
    final TicketService tickets;
    final Messages m = new Messages(Locale.ENGLISH);
    final ExecutorService workers = Executors.newFixedThreadPool(2);
    SupportDeskView desk;
    QueueViewModel queue;
    TicketViewModel ticket;

    DeskFixture() {
        try {
            dir = Files.createTempDirectory("desk");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db = CacheDatabase.open(dir, clock);
        audit = new AuditService(trail, new InMemoryAuditAnchor(), new Operator("nina", ""), clock);
        tickets = new TicketService(db.tickets(), audit, clock, () -> SlaTargets.DEFAULT);
    }

    /** Shows the desk in {@code stage}, with {@code tools}. */
    SupportDeskView show(Stage stage, TicketTools tools) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        BackgroundTasks tasks = new BackgroundTasks(workers);
        queue = new QueueViewModel(tickets, tasks, m, clock);
        ticket = new TicketViewModel(tickets, tasks, m, clock);
        desk = new SupportDeskView(queue, ticket, m, ZoneOffset.UTC, tools, tasks);
        stage.setScene(new Scene((javafx.scene.Parent) desk.root(), 1440, 860));
        stage.show();
        stage.requestFocus();
        return desk;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        db.close();
    }
}
