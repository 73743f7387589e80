package io.camfleet.console.ui.support;

import io.camfleet.console.domain.support.Level;
import io.camfleet.console.domain.support.SlaTargets;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.support.TicketDetail;
import io.camfleet.console.service.support.TicketDraft;
import io.camfleet.console.service.support.TicketService;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One ticket without its controls: its detail (header, SLA timers, timeline) read off the FX thread, the moves its
 * status allows, and the steps on it (move, escalate, assign, take on, comment). A step refused is one sentence in
 * {@link #problemProperty()}, and what the operator typed is kept.
 */
public final class TicketViewModel {

    /** The ticket as shown, with its timers measured when it was read. */
    public record Shown(TicketDetail detail, SlaTimer response, SlaTimer resolution) {
        public Ticket ticket() {
            return detail.ticket();
        }
    }

    private final TicketService tickets;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TicketStatus> moves = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private long id;
    private long generation;

    public TicketViewModel(TicketService tickets, BackgroundTasks tasks, Messages messages, Clock clock) {
        this.tickets = tickets;
        this.tasks = tasks;
        this.m = messages;
        this.clock = clock;
        Runnable reloadSoon = tasks.debounce(Duration.ofMillis(150), this::reload);
        tickets.addListener(changed -> {
            if (changed == id) {
                reloadSoon.run();
            }
        });
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The statuses the ticket may move to now; none for a closed one. */
    public ObservableList<TicketStatus> moves() {
        return moves;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the last tool did, as one sentence ("Bundle attached"); empty when there is nothing to say. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Says what a tool did. */
    public void tell(String sentence) {
        problem.set("");
        notice.set(sentence);
    }

    /** The id of the ticket shown; 0 before one is opened. */
    public long id() {
        return id;
    }

    public BooleanBinding canEscalate() {
        return Bindings.createBooleanBinding(() -> shown.get() != null && shown.get().ticket().level() == Level.L2
                && shown.get().ticket().status() != TicketStatus.CLOSED, shown);
    }

    /** Whether the ticket takes comments, assignments and outputs: anything but closed. */
    public BooleanBinding isOpen() {
        return Bindings.createBooleanBinding(() -> shown.get() != null
                && shown.get().ticket().status() != TicketStatus.CLOSED, shown);
    }

    /** Shows ticket {@code ticketId}, read afresh. */
    public void open(long ticketId) {
        if (ticketId != id) {
            id = ticketId;
            shown.set(null);
            moves.clear();
        }
        problem.set("");
        notice.set("");
        reload();
    }

    /** Reads the shown ticket again. */
    public void reload() {
        long ticket = id;
        if (ticket == 0) {
            return;
        }
        long gen = ++generation;
        tasks.job(m.text("desk.task.ticket", ticket), p -> read(ticket))
                .quiet()
                .onSuccess(s -> {
                    if (gen == generation && ticket == id) {
                        shown.set(s);
                        moves.setAll(s.ticket().status().next());
                    }
                })
                .onFailure(e -> problem.set(sentence(e)))
                .start();
    }

    private Shown read(long ticket) {
        TicketDetail d = tickets.show(ticket);
        SlaTargets t = tickets.targets();
        Instant now = clock.instant();
        Ticket k = d.ticket();
        return new Shown(d, SlaTimer.response(d.sla(), t.response(k.severity()), now, m),
                SlaTimer.resolution(k, d.sla(), t.resolution(k.severity()), now, m));
    }

    public void move(TicketStatus to, String note) {
        step("desk.task.move", () -> tickets.move(id, to, note), null);
    }

    public void escalate(String note) {
        step("desk.task.escalate", () -> tickets.escalate(id, note), null);
    }

    public void assign(String who) {
        step("desk.task.assign", () -> tickets.assign(id, who), null);
    }

    public void takeOn() {
        step("desk.task.assign", () -> tickets.takeOn(id), null);
    }

    /** Adds a comment; {@code done} runs once it is stored (the view empties its box then, not before). */
    public void comment(String text, Runnable done) {
        step("desk.task.comment", () -> tickets.comment(id, text), done);
    }

    /**
     * Creates the ticket of {@code draft}; {@code created} gets it once stored, {@code refused} the sentence when the
     * draft is refused, so that the dialog can stay open with what was typed.
     */
    public void create(TicketDraft draft, Consumer<Ticket> created, Consumer<String> refused) {
        tasks.job(m.text("desk.task.create"), p -> tickets.create(draft))
                .onSuccess(created)
                .onFailure(e -> refused.accept(sentence(e)))
                .start();
    }

    private void step(String titleKey, Supplier<Object> work, Runnable done) {
        long ticket = id;
        if (ticket == 0) {
            return;
        }
        problem.set("");
        notice.set("");
        tasks.job(m.text(titleKey, ticket), p -> work.get())
                .onSuccess(r -> {
                    if (done != null) {
                        done.run();
                    }
                    reload();
                })
                .onFailure(e -> {
                    problem.set(sentence(e));
                    reload();
                })
                .start();
    }

    /** Shows {@code sentence} as the last step's problem (a tool that failed). */
    public void fail(Throwable e) {
        notice.set("");
        problem.set(sentence(e));
    }

    String sentence(Throwable e) {
        return e instanceof Problem p ? m.text(p) : m.text("desk.unexpected",
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
