package io.camfleet.console.ui.devices;

import io.camfleet.console.domain.devices.ComplianceRule;
import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.devices.CachedDevices;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.service.devices.DirectoryAccess;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.service.devices.SyncReport;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The Devices screen without its controls: the review devices from the cache with the rules each breaks, the
 * filters (text, type, status, org unit, one compliance rule), the count per rule, the selection and the focused
 * device's history, the directory's access, and the sync. Every read and step runs off the FX thread through
 * {@link BackgroundTasks}; results come back on it. The actions on a selection are in {@link DeviceActions}.
 */
public final class DevicesViewModel {

    private final DevicesService devices;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final ObjectProperty<DeviceType> type = new SimpleObjectProperty<>();
    private final ObjectProperty<String> status = new SimpleObjectProperty<>();
    private final ObjectProperty<String> orgUnit = new SimpleObjectProperty<>();
    private final ObjectProperty<ComplianceRule> rule = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<JudgedDevice> shown = FXCollections.observableArrayList();
    private final ObservableList<String> statuses = FXCollections.observableArrayList();
    private final ObservableList<String> orgUnits = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Map<ComplianceRule, Integer>> counts =
            new ReadOnlyObjectWrapper<>(new EnumMap<>(ComplianceRule.class));
    private final ObservableList<JudgedDevice> selection = FXCollections.observableArrayList();
    private final ObjectProperty<JudgedDevice> focused = new SimpleObjectProperty<>();
    private final ObservableList<DeviceEvent> history = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Instant> asOf = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DirectoryAccess> access = new ReadOnlyObjectWrapper<>(DirectoryAccess.FULL);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper();
    private final DoubleProperty syncProgress = new SimpleDoubleProperty(-1);
    private List<JudgedDevice> loaded = List.of();
    private int total;
    private long generation;
    private long historyGeneration;

    public DevicesViewModel(DevicesService devices, BackgroundTasks tasks, Messages messages) {
        this.devices = devices;
        this.tasks = tasks;
        this.m = messages;
        type.addListener(o -> filter());
        status.addListener(o -> filter());
        orgUnit.addListener(o -> filter());
        rule.addListener(o -> filter());
        text.addListener(o -> filter());
        // A sync, an action or a change to the queue, here or from the screen itself: read again, once a burst ends.
        devices.subscribe(tasks.debounce(java.time.Duration.ofMillis(200), this::refresh));
        focused.addListener((o, was, now) -> {
            if (was == null || now == null || !was.device().id().equals(now.device().id())) {
                readHistory();
            }
        });
    }

    public ObjectProperty<DeviceType> typeProperty() {
        return type;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ObjectProperty<String> orgUnitProperty() {
        return orgUnit;
    }

    /** The one compliance rule shown, from a click on its count; null for every device. */
    public ObjectProperty<ComplianceRule> ruleProperty() {
        return rule;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The devices that pass the filters, in the cache's order; the table sorts its own view of them. */
    public ObservableList<JudgedDevice> devices() {
        return shown;
    }

    /** The statuses in the cache, for the status filter. */
    public ObservableList<String> statuses() {
        return statuses;
    }

    /** The org units in the cache, for the org-unit filter and the move dialog. */
    public ObservableList<String> orgUnits() {
        return orgUnits;
    }

    /** The devices that break each rule, over the whole cache (every rule present, 0 when none breaks it). */
    public ReadOnlyObjectProperty<Map<ComplianceRule, Integer>> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** The selected devices, as the table sets them: what the bulk actions act on. */
    public ObservableList<JudgedDevice> selection() {
        return selection;
    }

    /** The device whose fields and history the detail shows. */
    public ObjectProperty<JudgedDevice> focusedProperty() {
        return focused;
    }

    /** The focused device's history, oldest first. */
    public ObservableList<DeviceEvent> history() {
        return history;
    }

    /** When the cache was listed; null before the first sync. */
    public ReadOnlyObjectProperty<Instant> asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    /** The directory the cache came from ("demo", or the customer). */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** All the devices in the cache, whatever the filters. */
    public int total() {
        return total;
    }

    public ReadOnlyObjectProperty<DirectoryAccess> accessProperty() {
        return access.getReadOnlyProperty();
    }

    /** Whether device actions may be sent: false with a read-only scope. */
    public BooleanBinding canAct() {
        return Bindings.createBooleanBinding(() -> access.get().canAct(), access);
    }

    /** Why device actions are off, as the sentence the screen shows; "" when they are on. */
    public String readOnlyReason() {
        DirectoryAccess a = access.get();
        if (a.canAct()) {
            return "";
        }
        return m.has(a.whyNot()) ? m.text(a.whyNot(), a.missingScope())
                : m.text("devicesView.readOnly", a.missingScope());
    }

    /** The last read, sync or step that failed, as one sentence; empty when the last one went through. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the last sync did, as one sentence; empty before. */
    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    /** The sync's progress, 0..1, or -1 while its size is not known. */
    public DoubleProperty syncProgressProperty() {
        return syncProgress;
    }

    /** Shows only the devices that break {@code r}; null shows them all again. */
    public void showRule(ComplianceRule r) {
        rule.set(r);
    }

    /** Clears every filter: the text, the type, the status, the org unit and the rule. */
    public void clearFilters() {
        text.set("");
        type.set(null);
        status.set(null);
        orgUnit.set(null);
        rule.set(null);
    }

    public boolean filtered() {
        return !text.get().isBlank() || type.get() != null || status.get() != null || orgUnit.get() != null
                || rule.get() != null;
    }

    /** Reads the cache again (the screen opens from it, offline), with the directory's access. */
    public void refresh() {
        long gen = ++generation;
        tasks.job(m.text("devicesView.task.load"), p -> new Loaded(devices.judged(), devices.cached(),
                        devices.access()))
                .quiet()
                .onSuccess(l -> {
                    if (gen == generation) {
                        apply(l);
                    }
                })
                .onFailure(e -> problem.set(sentence(e)))
                .start();
    }

    private record Loaded(List<JudgedDevice> judged, CachedDevices cached, DirectoryAccess access) {
    }

    private void apply(Loaded l) {
        loaded = l.judged();
        asOf.set(l.cached().asOf());
        source.set(l.cached().source());
        access.set(l.access());
        total = loaded.size();
        Map<ComplianceRule, Integer> byRule = new EnumMap<>(ComplianceRule.class);
        for (ComplianceRule r : ComplianceRule.values()) {
            byRule.put(r, 0);
        }
        TreeSet<String> st = new TreeSet<>();
        TreeSet<String> ous = new TreeSet<>();
        for (JudgedDevice j : loaded) {
            j.broken().forEach(r -> byRule.merge(r, 1, Integer::sum));
            st.add(j.device().status());
            if (!j.device().orgUnit().isEmpty()) {
                ous.add(j.device().orgUnit());
            }
        }
        counts.set(byRule);
        statuses.setAll(st);
        orgUnits.setAll(ous);
        filter();
        // A listing read again may come with history written elsewhere (an action, the provisioning pass, another
        // console): the focused device's history is read with it, not only when the focus moves to another device.
        readHistory();
    }

    private void filter() {
        String needle = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
        List<JudgedDevice> out = new ArrayList<>();
        for (JudgedDevice j : loaded) {
            if (passes(j, needle)) {
                out.add(j);
            }
        }
        JudgedDevice was = focused.get();
        shown.setAll(out);
        focused.set(was == null ? null : out.stream().filter(j -> j.device().id().equals(was.device().id()))
                .findFirst().orElse(null));
    }

    private boolean passes(JudgedDevice j, String needle) {
        ReviewDevice d = j.device();
        return (type.get() == null || d.type() == type.get())
                && (status.get() == null || d.status().equals(status.get()))
                && (orgUnit.get() == null || inOrgUnit(d.orgUnit(), orgUnit.get()))
                && (rule.get() == null || j.broken().contains(rule.get()))
                && (needle.isEmpty() || searchable(d).contains(needle));
    }

    /** An org unit filter takes in its children, as the directory's listing does. */
    private static boolean inOrgUnit(String unit, String wanted) {
        return unit.equals(wanted) || unit.startsWith(wanted.endsWith("/") ? wanted : wanted + "/");
    }

    private static String searchable(ReviewDevice d) {
        return String.join(" ", d.serial(), d.model(), d.reviewer(), d.location(), d.assetId(), d.orgUnit(),
                d.osVersion(), d.status(), d.id(), d.notes(), String.join(" ", d.recentUsers()))
                .toLowerCase(Locale.ROOT);
    }

    private void readHistory() {
        long gen = ++historyGeneration;
        JudgedDevice j = focused.get();
        if (j == null) {
            history.clear();
            return;
        }
        tasks.job(m.text("devicesView.task.history", j.device().serial()), p -> devices.history(j.device().id()))
                .quiet()
                .onSuccess(events -> {
                    if (gen == historyGeneration) {
                        history.setAll(events);
                    }
                })
                .onFailure(e -> problem.set(sentence(e)))
                .start();
    }

    /** Lists every device from the directory into the cache, applies the provisioning queue, and reads again. */
    public void sync() {
        if (syncing.get()) {
            return;
        }
        syncing.set(true);
        problem.set("");
        syncProgress.unbind();
        syncProgress.set(-1);
        Task<SyncReport> task = tasks.job(m.text("devicesView.task.sync", source.get().isEmpty()
                        ? m.text("screen.DEVICES") : source.get()), devices::sync)
                .onSuccess(r -> {
                    syncing.set(false);
                    report.set(SyncWords.report(m, r));
                    refresh();
                })
                .onFailure(e -> {
                    syncing.set(false);
                    problem.set(sentence(e));
                    refresh();
                })
                .onCancelled(() -> syncing.set(false))
                .start();
        if (task != null) {
            syncProgress.bind(task.progressProperty());
        }
    }

    /** After an action: the table read again (and with it the detail's history), and the step's failure shown. */
    void afterStep(Throwable failure) {
        problem.set(failure == null ? "" : sentence(failure));
        refresh();
    }

    String sentence(Throwable e) {
        Throwable t = e;
        while (!(t instanceof Problem) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof Problem p ? m.text(p) : m.text("devicesView.failed",
                Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
    }

    BackgroundTasks tasks() {
        return tasks;
    }

    DevicesService service() {
        return devices;
    }

    Messages messages() {
        return m;
    }
}
