package io.camfleet.console.ui.common;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The fleet as the screens share it: the latest snapshot, the filter the operator set (search text and chips), the
 * sites that pass it, and the selected site. The table and the map read the same model, so they always agree.
 *
 * <p>Properties are FX-thread state. Snapshots may arrive on any thread through {@link #accept}; they are coalesced
 * and handed to the FX thread. Filtering runs on the background executor and only the newest result is applied.
 */
public final class FleetModel implements Consumer<FleetSnapshot> {

    /** The sites that pass the filter, as indexes into {@code snapshot.sites()}. */
    public record Visible(FleetSnapshot snapshot, FleetFilter filter, int[] siteIndexes) {
        public int size() {
            return siteIndexes.length;
        }

        public SiteSummary site(int i) {
            return snapshot.sites().get(siteIndexes[i]);
        }
    }

    private final Executor fx;
    /** Filtering, off the FX thread and not listed: the operator sees its result at once. */
    private final BackgroundTasks filtering;
    private final ReadOnlyObjectWrapper<FleetSnapshot> snapshot =
            new ReadOnlyObjectWrapper<>(FleetSnapshot.empty(""));
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObservableSet<HealthState> healthFilter = FXCollections.observableSet();
    private final ObservableSet<String> regionFilter = FXCollections.observableSet();
    private final ObservableSet<String> customerFilter = FXCollections.observableSet();
    private final ObservableSet<String> versionFilter = FXCollections.observableSet();
    private final ObservableSet<String> environmentFilter = FXCollections.observableSet();
    private final ReadOnlyObjectWrapper<FleetFilter> filter = new ReadOnlyObjectWrapper<>(FleetFilter.ALL);
    private final ReadOnlyObjectWrapper<Visible> visible =
            new ReadOnlyObjectWrapper<>(new Visible(snapshot.get(), FleetFilter.ALL, new int[0]));
    private final ObjectProperty<String> selectedSiteId = new SimpleObjectProperty<>();
    private final ObjectProperty<String> mapFocus = new SimpleObjectProperty<>();
    private final ObservableSet<String> selection = FXCollections.observableSet();
    private final javafx.collections.ObservableMap<String, java.time.Instant> lastConfigBackups =
            FXCollections.observableHashMap();
    private final javafx.collections.ObservableList<String> regions = FXCollections.observableArrayList();
    private final javafx.collections.ObservableList<String> customers = FXCollections.observableArrayList();
    private final javafx.collections.ObservableList<String> versions = FXCollections.observableArrayList();
    private final javafx.collections.ObservableList<String> environments = FXCollections.observableArrayList();

    private final AtomicReference<FleetSnapshot> pending = new AtomicReference<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean closed;

    public FleetModel(Executor fx, Executor background) {
        this.fx = fx;
        this.filtering = BackgroundTasks.unlisted(background, fx);
        searchText.addListener((o, a, b) -> refilter());
        SetChangeListener<Object> onChip = c -> refilter();
        healthFilter.addListener(onChip);
        regionFilter.addListener(onChip);
        customerFilter.addListener(onChip);
        versionFilter.addListener(onChip);
        environmentFilter.addListener(onChip);
    }

    /** Takes a snapshot from any thread; the FX thread sees only the newest of a burst. */
    @Override
    public void accept(FleetSnapshot next) {
        pending.set(next);
        if (drainScheduled.compareAndSet(false, true)) {
            fx.execute(() -> {
                drainScheduled.set(false);
                FleetSnapshot s = pending.getAndSet(null);
                if (s != null && !closed) {
                    if (s.inventory() != snapshot.get().inventory()) {
                        regions.setAll(s.inventory().regions());
                        customers.setAll(s.inventory().customers());
                        versions.setAll(s.inventory().versions());
                        environments.setAll(s.inventory().environments());
                    }
                    snapshot.set(s);
                    recompute(s, filter.get());
                }
            });
        }
    }

    private void refilter() {
        FleetFilter f = new FleetFilter(searchText.get(), healthFilter, regionFilter, customerFilter,
                versionFilter, environmentFilter);
        filter.set(f);
        recompute(snapshot.get(), f);
    }

    /**
     * Stops taking snapshots and filtering: the window is gone and the background executor is about to stop.
     * Snapshots already on their way to the FX thread are dropped.
     */
    public void close() {
        closed = true;
    }

    private void recompute(FleetSnapshot s, FleetFilter f) {
        if (closed) {
            return;
        }
        long gen = generation.incrementAndGet();
        filtering.job("filter", p -> generation.get() != gen ? null : f.apply(s))
                .quiet()
                .onSuccess(indexes -> {
                    if (indexes != null && generation.get() == gen && !closed) {
                        visible.set(new Visible(s, f, indexes));
                    }
                })
                .start();
    }

    public ReadOnlyObjectProperty<FleetSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public FleetSnapshot snapshot() {
        return snapshot.get();
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableSet<HealthState> healthFilter() {
        return healthFilter;
    }

    public ObservableSet<String> regionFilter() {
        return regionFilter;
    }

    public ObservableSet<String> customerFilter() {
        return customerFilter;
    }

    public ObservableSet<String> versionFilter() {
        return versionFilter;
    }

    /** Labels of the environments to show; empty for any. */
    public ObservableSet<String> environmentFilter() {
        return environmentFilter;
    }

    public ReadOnlyObjectProperty<FleetFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Visible> visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** The site whose detail shows: the one last clicked in the table or on the map. */
    public ObjectProperty<String> selectedSiteIdProperty() {
        return selectedSiteId;
    }

    /**
     * All selected sites, for bulk actions: several rows in the table, or a box dragged on the map. Includes the
     * {@link #selectedSiteIdProperty() focused} one when there is one.
     */
    public ObservableSet<String> selection() {
        return selection;
    }

    /**
     * A site another screen asked the map to show (an alert's "Open on map"): the map zooms to it when it shows, and
     * then sets this back to null.
     */
    public ObjectProperty<String> mapFocusProperty() {
        return mapFocus;
    }

    /**
     * When each camera's configuration was last backed up, by camera id, as the config backups last read it; empty
     * while nothing reads backups. FX-thread state, like the rest.
     */
    public javafx.collections.ObservableMap<String, java.time.Instant> lastConfigBackups() {
        return lastConfigBackups;
    }

    /** Selects one site and asks the map to zoom to it. */
    public void showOnMap(String siteId) {
        select(siteId);
        mapFocus.set(null);
        mapFocus.set(siteId);
    }

    /** Selects one site, alone. */
    public void select(String siteId) {
        if (siteId == null) {
            selection.clear();
        } else {
            selection.retainAll(java.util.Set.of(siteId));
            selection.add(siteId);
        }
        selectedSiteId.set(siteId);
    }

    /** Adds a site to the selection and focuses it, or takes it out when it was in (Ctrl-click). */
    public void toggle(String siteId) {
        if (selection.remove(siteId)) {
            if (siteId.equals(selectedSiteId.get())) {
                selectedSiteId.set(selection.isEmpty() ? null : selection.iterator().next());
            }
        } else {
            selection.add(siteId);
            selectedSiteId.set(siteId);
        }
    }

    /** Selects several sites at once, and focuses {@code focus} (one of them, or null). */
    public void selectAll(java.util.Collection<String> siteIds, String focus) {
        selection.retainAll(siteIds);
        selection.addAll(siteIds);
        selectedSiteId.set(focus);
    }

    /** Regions of the current inventory, for the Region filter. */
    public javafx.collections.ObservableList<String> regions() {
        return regions;
    }

    public javafx.collections.ObservableList<String> customers() {
        return customers;
    }

    /** Releases, newest first. */
    public javafx.collections.ObservableList<String> versions() {
        return versions;
    }

    /** Named environments of the current inventory, for the Environment filter; empty for the demo or a file. */
    public javafx.collections.ObservableList<String> environments() {
        return environments;
    }

    /** Clears search text and every chip. */
    public void clearFilters() {
        searchText.set("");
        healthFilter.clear();
        regionFilter.clear();
        customerFilter.clear();
        versionFilter.clear();
        environmentFilter.clear();
    }
}
