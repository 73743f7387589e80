package io.camfleet.console.ui.alerts;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.service.alerts.AlertService;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The alerts screen without its controls: the filters, the alerts that pass them, the one selected, and the steps an
 * operator can take on it (acknowledge, resolve, silence, open its site on the map). Every read and step runs off
 * the FX thread; results come back on it.
 */
public final class AlertsViewModel {

    /**
     * What the NOC reads first: alerts nobody has taken on, then the other open ones, then the resolved; critical
     * before warning; newest first.
     */
    static final Comparator<Alert> NOC_ORDER = Comparator
            .comparing((Alert a) -> a.needsSomeone() ? 0 : a.isOpen() ? 1 : 2)
            .thenComparing(Alert::severity)
            .thenComparing(Alert::raisedAt, Comparator.reverseOrder())
            .thenComparing(Alert::id, Comparator.reverseOrder());


    /** Which alerts show, by where they are in their life. */
    public enum Show { OPEN, RAISED, ACKNOWLEDGED, RESOLVED, ALL }

    private final AlertService alerts;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Consumer<String> openOnMap;
    private final Consumer<Alert> openTicket;
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(Show.OPEN);
    private final ObjectProperty<AlertKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<AlertSeverity> severity = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<Alert> shown = FXCollections.observableArrayList();
    private final ObjectProperty<Alert> selected = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper needingSomeone = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private List<Alert> loaded = List.of();
    private long generation;

    /**
     * @param openOnMap shows a site, by id, on the map
     */
    public AlertsViewModel(AlertService alerts, BackgroundTasks tasks, Messages messages,
                           Consumer<String> openOnMap) {
        this(alerts, tasks, messages, openOnMap, null);
    }

    /**
     * @param openOnMap  shows a site, by id, on the map
     * @param openTicket starts a support ticket prefilled from an alert; null when there is no support desk
     */
    public AlertsViewModel(AlertService alerts, BackgroundTasks tasks, Messages messages,
                           Consumer<String> openOnMap, Consumer<Alert> openTicket) {
        this.openTicket = openTicket;
        this.alerts = alerts;
        this.tasks = tasks;
        this.m = messages;
        this.openOnMap = openOnMap;
        show.addListener(o -> filter());
        kind.addListener(o -> filter());
        severity.addListener(o -> filter());
        text.addListener(o -> filter());
        Runnable refreshSoon = tasks.debounce(Duration.ofMillis(200), this::refresh);
        alerts.onChange(refreshSoon);
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }

    public ObjectProperty<AlertKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<AlertSeverity> severityProperty() {
        return severity;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The alerts that pass the filters: open ones oldest first, then resolved ones newest first. */
    public ObservableList<Alert> alerts() {
        return shown;
    }

    public ObjectProperty<Alert> selectedProperty() {
        return selected;
    }

    /** Open alerts nobody acknowledged yet, whatever the filters. */
    public ReadOnlyIntegerProperty needingSomeoneProperty() {
        return needingSomeone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last step refused or failed, as one sentence; empty when the last one went through. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canAcknowledge() {
        return Bindings.createBooleanBinding(() -> selected.get() != null
                && selected.get().status() == AlertStatus.RAISED, selected);
    }

    public BooleanBinding canResolve() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().isOpen(), selected);
    }

    public BooleanBinding canSilence() {
        return canResolve();
    }

    public BooleanBinding canOpenOnMap() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().siteId().isEmpty(),
                selected);
    }

    /** Reads the alerts again: every open one and the latest 1,000. */
    public void refresh() {
        long gen = ++generation;
        tasks.job(m.text("alerts.task.load"), p -> {
                    Map<Long, Alert> all = new LinkedHashMap<>();
                    alerts.list(true).forEach(a -> all.put(a.id(), a));
                    alerts.list(false).forEach(a -> all.putIfAbsent(a.id(), a));
                    return List.copyOf(all.values());
                })
                .quiet()
                .onSuccess(list -> {
                    if (gen == generation) {
                        loaded = list;
                        filter();
                    }
                })
                .onFailure(e -> status.set(m.text("alerts.status.failed", sentence(e))))
                .start();
    }

    private void filter() {
        String needle = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
        List<Alert> out = new ArrayList<>();
        int raised = 0;
        for (Alert a : loaded) {
            if (a.needsSomeone()) {
                raised++;
            }
            if (passes(a, needle)) {
                out.add(a);
            }
        }
        out.sort(NOC_ORDER);
        Alert was = selected.get();
        shown.setAll(out);
        needingSomeone.set(raised);
        int open = (int) loaded.stream().filter(Alert::isOpen).count();
        status.set(m.text("alerts.status.count", out.size(), open, raised));
        selected.set(was == null ? null : out.stream().filter(a -> a.id() == was.id()).findFirst().orElse(null));
    }

    private boolean passes(Alert a, String needle) {
        boolean status = switch (show.get()) {
            case OPEN -> a.isOpen();
            case RAISED -> a.status() == AlertStatus.RAISED;
            case ACKNOWLEDGED -> a.status() == AlertStatus.ACKNOWLEDGED;
            case RESOLVED -> a.status() == AlertStatus.RESOLVED;
            case ALL -> true;
        };
        return status && (kind.get() == null || a.kind() == kind.get())
                && (severity.get() == null || a.severity() == severity.get())
                && (needle.isEmpty() || (a.summary() + " " + a.subject() + " " + a.siteId() + " "
                + a.acknowledgedNote() + " " + a.resolvedNote()).toLowerCase(Locale.ROOT).contains(needle));
    }

    /** Takes the selected alert on, with a note. */
    public void acknowledge(String note) {
        Alert a = selected.get();
        if (a != null) {
            step("alerts.task.acknowledge", a, () -> alerts.acknowledge(a.id(), note));
        }
    }

    /** Resolves the selected alert by hand, with a note. */
    public void resolve(String note) {
        Alert a = selected.get();
        if (a != null) {
            step("alerts.task.resolve", a, () -> alerts.resolve(a.id(), note));
        }
    }

    /** Silences alerts of the selected one's kind at its site (everywhere, for one without a site) for a while. */
    public void silence(Duration length, String note) {
        Alert a = selected.get();
        if (a != null) {
            step("alerts.task.silence", a, () -> alerts.silence(a.siteId(), a.kind(), length, note));
        }
    }

    /** Whether alerts can become tickets here: a support desk was handed in. */
    public boolean offersTickets() {
        return openTicket != null;
    }

    public BooleanBinding canOpenTicket() {
        return canOpenOnMap();
    }

    /** Starts a ticket prefilled from the selected alert (its site, cameras, summary and severity). */
    public void openTicket() {
        Alert a = selected.get();
        if (a != null && openTicket != null && !a.siteId().isEmpty()) {
            openTicket.accept(a);
        }
    }

    public void openOnMap() {
        Alert a = selected.get();
        if (a != null && !a.siteId().isEmpty()) {
            openOnMap.accept(a.siteId());
        }
    }

    private void step(String title, Alert a, java.util.function.Supplier<Object> work) {
        problem.set("");
        tasks.job(m.text(title, a.id()), p -> work.get())
                .onSuccess(done -> refresh())
                .onFailure(e -> {
                    problem.set(sentence(e));
                    refresh();
                })
                .start();
    }

    private String sentence(Throwable e) {
        return e instanceof Problem p ? m.text(p) : m.text("alerts.status.unexpected",
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
