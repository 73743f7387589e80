package io.camfleet.console.ui.audit;

import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.audit.AuditVerification;
import io.camfleet.console.service.audit.AuditQuery;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.time.Duration;
import java.util.Set;

/** The audit screen without its controls: the filter, the matching events, and the last chain check. */
public final class AuditViewModel {

    static final int LIMIT = 2_000;

    private final AuditService audit;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<AuditOutcome> outcome = new SimpleObjectProperty<>();
    private final ObservableList<AuditEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AuditVerification> verification = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private long generation;
    private long verifications;

    /**
     * New events on the trail refresh the list, a burst of them once, and check the chain again when a check is
     * shown, so that its count is never older than the list beside it.
     */
    public AuditViewModel(AuditService audit, BackgroundTasks tasks, Messages messages) {
        this.audit = audit;
        this.tasks = tasks;
        this.m = messages;
        search.addListener(o -> refresh());
        outcome.addListener(o -> refresh());
        Runnable refreshSoon = tasks.debounce(NEW_EVENTS_DELAY, () -> {
            refresh();
            if (verification.get() != null) {
                verify();
            }
        });
        audit.addListener(e -> refreshSoon.run());
    }

    /** How long new events are gathered before the list is read again. */
    private static final Duration NEW_EVENTS_DELAY = Duration.ofMillis(100);

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<AuditOutcome> outcomeProperty() {
        return outcome;
    }

    public ObservableList<AuditEvent> events() {
        return events;
    }

    public ReadOnlyObjectProperty<AuditVerification> verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Reloads the events matching the filter, newest first, off the FX thread. */
    public void refresh() {
        long gen = ++generation;
        AuditQuery q = new AuditQuery(search.get(), outcome.get() == null ? Set.of() : Set.of(outcome.get()), LIMIT);
        tasks.<List<AuditEvent>>job(m.text("audit.task.load"), p -> audit.search(q))
                .onSuccess(list -> {
                    if (gen == generation) {
                        events.setAll(list);
                        status.set(list.size() >= LIMIT
                                ? m.text("audit.status.limited", LIMIT)
                                : m.text("audit.status.count", list.size()));
                    }
                })
                .onFailure(e -> status.set(m.text("audit.status.failed", e.getMessage())))
                .start();
    }

    /** Walks the whole chain in the background and reports the first broken link, if any. */
    public void verify() {
        long run = ++verifications;
        tasks.job(m.text("audit.task.verify"), p -> audit.verify())
                .onSuccess(v -> {
                    if (run == verifications) { // an older check finishing late must not replace a newer one
                        verification.set(v);
                    }
                })
                .onFailure(e -> status.set(m.text("audit.status.failed", e.getMessage())))
                .start();
    }
}
