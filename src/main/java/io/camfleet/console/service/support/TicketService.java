package io.camfleet.console.service.support;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.support.Level;
import io.camfleet.console.domain.support.SlaClock;
import io.camfleet.console.domain.support.SlaTargets;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketRefused;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Problem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The support desk's tickets: created prefilled, moved, escalated, assigned, commented, given command outputs and
 * attachments, each change audited ({@code ticket.*}) and stored with its timeline entry in one transaction. A change
 * another console made first is never written over: the second is told, and nothing of it is stored.
 */
public final class TicketService {

    /** The longest title, and the longest comment or note; a longer text is refused, never cut. */
    public static final int TITLE_LIMIT = 300;
    public static final int TEXT_LIMIT = 20_000;
    /** Command output beyond this is cut, keeping its end (where the error usually is), and says so. */
    public static final int OUTPUT_LIMIT = 100_000;

    private final TicketStore store;
    private final AuditService audit;
    private final Clock clock;
    private final Supplier<SlaTargets> targets;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    public TicketService(TicketStore store, AuditService audit, Clock clock, Supplier<SlaTargets> targets) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.targets = targets;
    }

    /** Called with the ticket's id after each change is stored, on the thread that made it. */
    public void addListener(LongConsumer listener) {
        listeners.add(listener);
    }

    private String me() {
        return audit.operator().osUser();
    }

    /**
     * Creates the ticket of {@code draft}, in NEW at L2, unassigned. Audited.
     *
     * @throws Problem (BAD_INPUT) for a missing or too long title, or no site
     */
    public Ticket create(TicketDraft draft) {
        String title = TicketInput.title(draft.title());
        if (draft.siteIds().isEmpty()) {
            throw Problem.badInput("tickets.siteMissing");
        }
        String description = TicketInput.optionalText(draft.description());
        Instant now = clock.instant();
        Ticket ticket = Ticket.open(title, draft.severity(), draft.customer().strip(), draft.siteIds(),
                draft.cameraIds(), me(), now);
        Ticket stored = audit.perform(AuditActions.TICKET_CREATE, "sites " + String.join(",", ticket.siteIds()),
                Map.of("title", title, "severity", draft.severity().name()),
                () -> store.create(ticket, TimelineEntry.status(now, me(), null, TicketStatus.NEW, description)));
        changed(stored.id());
        return stored;
    }

    /**
     * Moves the ticket to {@code to}, with an optional note. Audited.
     *
     * @throws Problem (BAD_INPUT) for an unknown ticket or a move its status does not allow; when another console
     *                 changed the ticket first
     */
    public Ticket move(long id, TicketStatus to, String note) {
        String n = TicketInput.optionalText(note);
        return change(AuditActions.TICKET_MOVE, id, Map.of("to", to.name(), "note", n), t -> t.moveTo(to),
                (before, at) -> TimelineEntry.status(at, me(), before.status(), to, n));
    }

    /**
     * Escalates the ticket from L2 to L3, with the note that says why. Audited.
     *
     * @throws Problem (BAD_INPUT) for a missing note, an unknown, closed or L3 ticket
     */
    public Ticket escalate(long id, String note) {
        String n = TicketInput.text(note, "tickets.noteMissing");
        return change(AuditActions.TICKET_ESCALATE, id, Map.of("note", n), Ticket::escalate,
                (before, at) -> TimelineEntry.escalation(at, me(), before.level(), Level.L3, n));
    }

    /**
     * Gives the ticket to {@code assignee}; "" leaves it to nobody. Audited.
     *
     * @throws Problem (BAD_INPUT) for an unknown or closed ticket, or an assignee too long
     */
    public Ticket assign(long id, String assignee) {
        String who = TicketInput.assignee(assignee);
        return change(AuditActions.TICKET_ASSIGN, id, Map.of("assignee", who), t -> t.assignTo(who),
                (before, at) -> TimelineEntry.assignment(at, me(), before.assignee(), who));
    }

    /** Takes the ticket on: assigns it to the operator at this console. */
    public Ticket takeOn(long id) {
        return assign(id, me());
    }

    /** @throws Problem (BAD_INPUT) for an empty or too long comment, an unknown or closed ticket */
    public TimelineEntry comment(long id, String text) {
        String t = TicketInput.text(text, "tickets.commentMissing");
        return append(AuditActions.TICKET_COMMENT, id, Map.of("length", Integer.toString(t.length())),
                TimelineEntry.comment(clock.instant(), me(), t));
    }

    /**
     * Adds a runbook's output to the timeline. The output is expected redacted already (the runbooks redact it);
     * beyond {@link #OUTPUT_LIMIT} characters only its end is kept, under a line that says so.
     */
    public TimelineEntry attachOutput(long id, TimelineEntry.CommandOutput run) {
        TimelineEntry.CommandOutput kept = new TimelineEntry.CommandOutput(run.runbook(), run.target(),
                run.exitCode(), run.duration(), TicketInput.tail(run.output(), OUTPUT_LIMIT));
        return append(AuditActions.TICKET_OUTPUT, id, Map.of("runbook", run.runbook(), "target", run.target(),
                "exitCode", Integer.toString(run.exitCode())), TimelineEntry.output(clock.instant(), me(), kept));
    }

    /** Records a file kept with the ticket (a diagnostics bundle): its name, size, checksum and where it is. */
    public TimelineEntry attach(long id, TimelineEntry.Attachment file) {
        return append(AuditActions.TICKET_ATTACH, id, Map.of("name", file.name(), "sha256", file.sha256(),
                "size", Long.toString(file.size())), TimelineEntry.attachment(clock.instant(), me(), file));
    }

    /** Tries of {@link #linked} against other consoles' changes before it gives up. */
    private static final int LINK_TRIES = 3;

    /**
     * Keeps the outside tracker's issue {@code key} and its {@code trackerStatus} on the ticket, with a TRACKER entry
     * in its timeline (from "" when the ticket was just pushed). Nothing is written when the ticket holds that key and
     * status already. Not audited here: the tracker link audits the push this is part of. The issue exists in the
     * tracker whatever the desk did meanwhile, so a change another console made first is read and this is stored on
     * top of it.
     *
     * @throws Problem (BAD_INPUT) for an unknown ticket, or when other consoles kept changing it
     */
    public Ticket linked(long id, String key, String trackerStatus) {
        for (int attempt = 0; attempt < LINK_TRIES; attempt++) {
            Ticket before = find(id);
            if (before.jiraKey().equals(key) && before.jiraStatus().equals(trackerStatus)) {
                return before;
            }
            String from = before.jiraKey().equals(key) ? before.jiraStatus() : "";
            Ticket next = before.linkedTo(key, trackerStatus);
            if (store.change(before, next, TimelineEntry.tracker(clock.instant(), me(), key, from, trackerStatus))) {
                changed(id);
                return next;
            }
        }
        throw changedMeanwhile(id);
    }

    private interface EntryFor {
        TimelineEntry at(Ticket before, Instant at);
    }

    private Ticket change(String action, long id, Map<String, String> params, UnaryOperator<Ticket> step,
                          EntryFor entry) {
        Ticket after = audit.perform(action, "ticket " + id, params, () -> {
            Ticket before = find(id);
            Ticket next;
            try {
                next = step.apply(before);
            } catch (TicketRefused r) {
                throw TicketInput.refused(before, r);
            }
            if (!store.change(before, next, entry.at(before, clock.instant()))) {
                throw changedMeanwhile(id);
            }
            return next;
        });
        changed(id);
        return after;
    }

    /** The sentence for a change that lost to another console's: who changed the ticket, and what it is now. */
    private Problem changedMeanwhile(long id) {
        Ticket now = find(id);
        List<TimelineEntry> timeline = store.timeline(id);
        String by = timeline.isEmpty() ? "" : timeline.getLast().by();
        return Problem.badInput("tickets.changedMeanwhile", id, by.isEmpty() ? "?" : by,
                TicketInput.label(now.status()));
    }

    private TimelineEntry append(String action, long id, Map<String, String> params, TimelineEntry entry) {
        TimelineEntry stored = audit.perform(action, "ticket " + id, params, () -> {
            Ticket t = find(id);
            if (t.status() == TicketStatus.CLOSED) {
                throw Problem.badInput("tickets.closed", id);
            }
            return store.append(id, entry);
        });
        changed(id);
        return stored;
    }

    private void changed(long id) {
        listeners.forEach(l -> l.accept(id));
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** The SLA targets in force now: what a screen measures "breaching soon" against. */
    public SlaTargets targets() {
        return targets.get();
    }

    /** @throws Problem (BAD_INPUT) for an unknown id */
    public Ticket find(long id) {
        return store.find(id).orElseThrow(() -> Problem.badInput("tickets.unknown", id));
    }

    /** One ticket with its SLA timers now and its timeline. */
    public TicketDetail show(long id) {
        Ticket t = find(id);
        List<TimelineEntry> timeline = store.timeline(id);
        return new TicketDetail(t, SlaClock.at(t, timeline, targets.get(), clock.instant()), timeline);
    }

    /**
     * The queue: the tickets {@code filter} selects, each with its SLA timers now, oldest first. "Breaching" needs
     * each ticket's timeline, so it reads one per ticket selected by the other filters.
     */
    public List<QueueRow> list(TicketFilter filter) {
        SlaTargets t = targets.get();
        Instant now = clock.instant();
        List<QueueRow> out = new ArrayList<>();
        for (Ticket ticket : store.find(filter.query(me()))) {
            QueueRow row = new QueueRow(ticket, SlaClock.at(ticket, store.timeline(ticket.id()), t, now));
            if (!filter.breaching() || row.sla().breached()) {
                out.add(row);
            }
        }
        return out;
    }
}
