package io.camfleet.console.ui.support;

import io.camfleet.console.domain.support.SlaTargets;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.support.QueueRow;
import io.camfleet.console.service.support.TicketFilter;
import io.camfleet.console.service.support.TicketService;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ticket queue without its controls: the filters (mine, unassigned, breaching, site, customer, status), the search,
 * the lines that pass them with their SLA timers, and the one selected. Reads run off the FX thread; the queue reads
 * again whenever a ticket changes, from this console or its commands.
 */
public final class QueueViewModel {

    /** What needs someone first: breached, then breaching soon, then by severity, then the oldest. */
    static final Comparator<QueueLine> DESK_ORDER = Comparator
            .comparing((QueueLine l) -> l.tone() == SlaTimer.Tone.BREACHED ? 0 : l.tone() == SlaTimer.Tone.SOON ? 1 : 2)
            .thenComparing(l -> l.ticket().severity())
            .thenComparing(l -> l.ticket().createdAt())
            .thenComparing(l -> l.ticket().id());

    private final TicketService tickets;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Clock clock;
    private final BooleanProperty mine = new SimpleBooleanProperty();
    private final BooleanProperty unassigned = new SimpleBooleanProperty();
    private final BooleanProperty breaching = new SimpleBooleanProperty();
    private final StringProperty site = new SimpleStringProperty("");
    private final StringProperty customer = new SimpleStringProperty("");
    /** null: every open ticket. */
    private final ObjectProperty<TicketStatus> status = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<QueueLine> lines = FXCollections.observableArrayList();
    private final ObjectProperty<QueueLine> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private List<QueueLine> loaded = List.of();
    /** The ticket to select once the queue is read again (the one the operator came back from); 0 for none. */
    private long wanted;
    private long generation;

    public QueueViewModel(TicketService tickets, BackgroundTasks tasks, Messages messages, Clock clock) {
        this.tickets = tickets;
        this.tasks = tasks;
        this.m = messages;
        this.clock = clock;
        mine.addListener(o -> {
            if (mine.get()) {
                unassigned.set(false);
            }
            refresh();
        });
        unassigned.addListener(o -> {
            if (unassigned.get()) {
                mine.set(false);
            }
            refresh();
        });
        breaching.addListener(o -> refresh());
        site.addListener(o -> refresh());
        customer.addListener(o -> refresh());
        status.addListener(o -> refresh());
        text.addListener(o -> show());
        Runnable refreshSoon = tasks.debounce(Duration.ofMillis(200), this::refresh);
        tickets.addListener(id -> refreshSoon.run());
    }

    public BooleanProperty mineProperty() {
        return mine;
    }

    public BooleanProperty unassignedProperty() {
        return unassigned;
    }

    public BooleanProperty breachingProperty() {
        return breaching;
    }

    public StringProperty siteProperty() {
        return site;
    }

    public StringProperty customerProperty() {
        return customer;
    }

    public ObjectProperty<TicketStatus> statusProperty() {
        return status;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<QueueLine> lines() {
        return lines;
    }

    public ObjectProperty<QueueLine> selectedProperty() {
        return selected;
    }

    /** "12 tickets · 3 breaching". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the queue could not be read; empty when it was. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Clears every filter and the search: the open tickets. */
    public void clearFilters() {
        mine.set(false);
        unassigned.set(false);
        breaching.set(false);
        site.set("");
        customer.set("");
        status.set(null);
        text.set("");
    }

    TicketFilter filter() {
        TicketStatus s = status.get();
        return new TicketFilter(mine.get(), unassigned.get(), breaching.get(), site.get().strip(),
                customer.get().strip(), s == null ? Set.of() : Set.of(s), s == null);
    }

    /** Reads the queue again, with the filters as they are now; the timers are measured at this moment. */
    public void refresh() {
        long gen = ++generation;
        TicketFilter filter = filter();
        tasks.job(m.text("desk.task.queue"), p -> read(filter))
                .quiet()
                .onSuccess(read -> {
                    if (gen == generation) {
                        problem.set("");
                        loaded = read;
                        show();
                    }
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        problem.set(e instanceof Problem pr ? m.text(pr)
                                : m.text("desk.queue.failed", String.valueOf(e.getMessage())));
                    }
                })
                .start();
    }

    private List<QueueLine> read(TicketFilter filter) {
        SlaTargets targets = tickets.targets();
        Instant now = clock.instant();
        return tickets.list(filter).stream().map(r -> line(r, targets, now)).sorted(DESK_ORDER).toList();
    }

    private QueueLine line(QueueRow r, SlaTargets targets, Instant now) {
        return new QueueLine(r,
                SlaTimer.response(r.sla(), targets.response(r.ticket().severity()), now, m),
                SlaTimer.resolution(r.ticket(), r.sla(), targets.resolution(r.ticket().severity()), now, m));
    }

    /** Selects ticket {@code id}, now if it is shown, else once the queue is read again. */
    public void select(long id) {
        wanted = id;
        lines.stream().filter(l -> l.ticket().id() == id).findFirst().ifPresent(selected::set);
    }

    private void show() {
        String needle = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
        List<QueueLine> out = loaded.stream().filter(l -> l.matches(needle)).toList();
        long keep = wanted != 0 ? wanted : selected.get() == null ? 0 : selected.get().ticket().id();
        lines.setAll(out);
        long breached = out.stream().filter(l -> l.tone() == SlaTimer.Tone.BREACHED).count();
        summary.set(m.text("desk.queue.summary", out.size(), breached));
        if (keep != 0) {
            selected.set(out.stream().filter(l -> l.ticket().id() == keep).findFirst().orElse(null));
            if (selected.get() != null) {
                wanted = 0;
            }
        }
    }
}
