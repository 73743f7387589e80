package io.camfleet.console.ui.fleetmap;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.service.map.Basemap;
import io.camfleet.console.service.map.BasemapSource;
import io.camfleet.console.service.map.FleetMapIndex;
import io.camfleet.console.service.map.MapItem;
import io.camfleet.console.service.map.MapPainter;
import io.camfleet.console.service.map.MapRegion;
import io.camfleet.console.service.map.MapView;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The fleet map without its canvas: what part of the world it shows, the clusters and sites to draw there (the
 * fleet filtered exactly as the table), what the pointer is over, the shared selection, the sites that cannot be
 * placed, and the sites that just went offline and should pulse. Testable without a toolkit.
 */
public final class FleetMapViewModel {

    /** How long a site that went offline pulses, in nanoseconds. */
    static final long PULSE_NANOS = 6_000_000_000L;
    static final double PULSE_PERIOD_NANOS = 1_500_000_000.0;
    /** The widest a pulse's ring gets (see MapPainter.paintPulse), stroke included. */
    private static final double PULSE_REACH_PX = 36;
    private static final double HIT_SITE_PX = 11;

    private final FleetModel fleet;
    private final BasemapSource basemaps;
    /** Basemaps load off the FX thread, unlisted: the map shows the coarse one meanwhile. */
    private final BackgroundTasks background;
    private final ObjectProperty<MapView> view = new SimpleObjectProperty<>(new MapView(0.5, 0.45, 1.5, 800, 600));
    private final ReadOnlyObjectWrapper<List<MapItem>> items = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Basemap> basemap = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<int[]> visibleCounts = new ReadOnlyObjectWrapper<>(new int[HealthState.count()]);
    private final ObservableList<SiteSummary> unplaced = FXCollections.observableArrayList();
    private final ObjectProperty<MapItem> hovered = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Set<Integer>> selectedIndexes = new ReadOnlyObjectWrapper<>(Set.of());
    private final Map<Basemap.Detail, Basemap> loaded = new EnumMap<>(Basemap.Detail.class);
    private final Set<Basemap.Detail> loading = java.util.EnumSet.noneOf(Basemap.Detail.class);
    private final Map<Integer, Long> pulses = new HashMap<>();

    private FleetMapIndex index;
    private FleetSnapshot shown;
    private FleetFilter filter;
    private boolean fittedOnce;

    public FleetMapViewModel(FleetModel fleet, BasemapSource basemaps, Executor background, Executor fx) {
        this.fleet = fleet;
        this.basemaps = basemaps;
        this.background = BackgroundTasks.unlisted(background, fx);
        fleet.visibleProperty().addListener((o, a, v) -> onVisible(v, System.nanoTime()));
        fleet.selection().addListener((SetChangeListener<String>) c -> refreshSelection());
        fleet.selectedSiteIdProperty().addListener((o, a, id) -> refreshSelection());
        fleet.mapFocusProperty().addListener((o, a, id) -> fitFocus());
        view.addListener((o, a, v) -> {
            requery();
            ensureBasemap(Basemap.Detail.forZoom(v.zoom()));
        });
        ensureBasemap(Basemap.Detail.COARSE);
        onVisible(fleet.visibleProperty().get(), System.nanoTime());
    }

    // --- data in -------------------------------------------------------------------------------------------------

    /** A new filter result or snapshot: refresh the index (rebuild only when the inventory changed). */
    void onVisible(FleetModel.Visible v, long nowNanos) {
        FleetSnapshot snapshot = v.snapshot();
        if (index == null || !index.fits(snapshot)) {
            index = FleetMapIndex.build(snapshot);
            unplaced.setAll(java.util.Arrays.stream(index.unplacedSites()).mapToObj(i -> snapshot.sites().get(i))
                    .toList());
            pulses.clear();
        } else if (shown != null) {
            List<SiteSummary> before = shown.sites();
            List<SiteSummary> after = snapshot.sites();
            for (int i = 0; i < after.size(); i++) {
                // Went down by the rule in force: a camera lost at a site that stays up is no alarm on the map.
                if (after.get(i).health().state() == HealthState.OFFLINE
                        && before.get(i).health().state() != HealthState.OFFLINE) {
                    pulses.put(i, nowNanos);
                }
            }
        }
        shown = snapshot;
        index.update(snapshot, v.siteIndexes());
        visibleCounts.set(index.visibleCounts());
        refreshSelection();
        boolean refiltered = filter != null && !filter.equals(v.filter());
        filter = v.filter();
        if (fitFocus()) {
            // the site another screen asked for, rather than the whole fleet
        } else if (!fittedOnce && index.placedCount() > 0 && view.get().width() > 100) {
            fittedOnce = true;
            fitAll();
        } else if (refiltered && fittedOnce && index.visibleCount() > 0) {
            // A search or a chip asks where those sites are: show them, not the empty place the map was on.
            fitAll();
        }
        requery();
    }

    private void requery() {
        items.set(index == null ? List.of() : index.query(view.get(), MapPainter.CLUSTER_CELL_PX));
        MapItem h = hovered.get();
        if (h != null) {
            hovered.set(items.get().stream().filter(i -> i.key() == h.key()).findFirst().orElse(null));
        }
    }

    private void refreshSelection() {
        if (shown == null) {
            return;
        }
        Set<Integer> out = new HashSet<>();
        for (String id : fleet.selection()) {
            int i = shown.inventory().siteIndexOf(id);
            if (i >= 0) {
                out.add(i);
            }
        }
        String focus = fleet.selectedSiteIdProperty().get();
        if (focus != null && shown.inventory().siteIndexOf(focus) >= 0) {
            out.add(shown.inventory().siteIndexOf(focus));
        }
        selectedIndexes.set(Set.copyOf(out));
        if (index != null && index.fits(shown)) {
            index.select(out);
            requery();
        }
    }

    private void ensureBasemap(Basemap.Detail detail) {
        Basemap have = loaded.get(detail);
        if (have != null) {
            basemap.set(have);
            return;
        }
        if (loading.add(detail)) {
            background.job("basemap", p -> basemaps.load(detail))
                    .quiet()
                    .onSuccess(b -> {
                        loaded.put(detail, b);
                        loading.remove(detail);
                        Basemap.Detail wanted = Basemap.Detail.forZoom(view.get().zoom());
                        if (wanted == detail || basemap.get() == null) {
                            basemap.set(b);
                        }
                    })
                    .start();
        }
    }

    // --- navigation ----------------------------------------------------------------------------------------------

    public void resize(double width, double height) {
        view.set(view.get().resized(width, height));
        if (fitFocus()) {
            return;
        }
        if (!fittedOnce && index != null && index.placedCount() > 0 && width > 100) {
            fittedOnce = true;
            fitAll();
        }
    }

    public void pan(double dx, double dy) {
        view.set(view.get().pannedBy(dx, dy));
    }

    public void zoomAt(double px, double py, double steps) {
        view.set(view.get().zoomedAround(px, py, steps));
    }

    /** Shows every site that passes the filter (the world when none), each cluster whole, badge included. */
    public void fitAll() {
        double[] b = index == null ? null : index.visibleBounds();
        MapView v = view.get();
        if (b == null) {
            view.set(v.fittedToGeo(-170, -56, 180, 76, 24));
        } else {
            view.set(v.fitted(b[0], b[1], b[2], b[3], Math.max(48, MapPainter.maxFootprint()), 12));
        }
    }

    /**
     * Zooms to the site another screen asked for (see {@link FleetModel#mapFocusProperty()}) once the map can: its
     * fleet shown and its size known. The map may be built after the request (screens are built on first visit).
     */
    private boolean fitFocus() {
        String id = fleet.mapFocusProperty().get();
        if (id == null || index == null || shown == null || view.get().width() <= 100
                || shown.inventory().siteIndexOf(id) < 0 || !index.fits(shown)) {
            return false;
        }
        fittedOnce = true;
        fitSelection();
        fleet.mapFocusProperty().set(null);
        return true;
    }

    /** Shows the selected sites; the focused one alone at street level when it is the only one. */
    public void fitSelection() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i : selectedIndexes.get()) {
            double[] p = index.worldPosition(i);
            if (p != null) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        if (minX == Double.MAX_VALUE) {
            fitAll();
        } else {
            view.set(view.get().fitted(minX, minY, maxX, maxY, 80, 13));
        }
    }

    public void showRegion(MapRegion region) {
        view.set(view.get().fittedToGeo(region.west(), region.south(), region.east(), region.north(), 24));
    }

    // --- pointer -------------------------------------------------------------------------------------------------

    /** The cluster or site drawn at (px, py), or null. */
    public MapItem itemAt(double px, double py) {
        MapItem best = null;
        double bestD = Double.MAX_VALUE;
        for (MapItem i : items.get()) {
            double reach = i.isSite() ? HIT_SITE_PX : MapPainter.clusterRadius(i.count());
            double d = Math.hypot(i.x() - px, i.y() - py);
            if (d <= reach && d < bestD) {
                best = i;
                bestD = d;
            }
        }
        return best;
    }

    public void hover(double px, double py) {
        hovered.set(itemAt(px, py));
    }

    public void leave() {
        hovered.set(null);
    }

    /**
     * A click: a site is selected alone, or with {@code toggle} (Ctrl-click) added to or taken out of the selection;
     * a cluster opens up (zoom in on it); empty map clears nothing.
     */
    public void click(double px, double py, boolean toggle) {
        MapItem item = itemAt(px, py);
        if (item == null) {
            return;
        }
        if (item.isSite()) {
            String id = shown.sites().get(item.siteIndex()).id();
            if (toggle) {
                fleet.toggle(id);
            } else {
                fleet.select(id);
            }
        } else {
            zoomAt(item.x(), item.y(), 2);
        }
    }

    /** A box dragged with Shift: every visible site inside is selected; the worst of them is focused. */
    public void boxSelect(double x0, double y0, double x1, double y1) {
        MapView v = view.get();
        int[] inside = index.sitesIn(v.worldX(Math.min(x0, x1)), v.worldY(Math.min(y0, y1)),
                v.worldX(Math.max(x0, x1)), v.worldY(Math.max(y0, y1)));
        List<String> ids = new ArrayList<>(inside.length);
        SiteSummary worst = null;
        for (int i : inside) {
            SiteSummary s = shown.sites().get(i);
            ids.add(s.id());
            if (worst == null || s.health().state().isWorseThan(worst.health().state())) {
                worst = s;
            }
        }
        fleet.selectAll(ids, worst == null ? null : worst.id());
    }

    // --- pulses --------------------------------------------------------------------------------------------------

    /** Sites pulsing at {@code nowNanos}, with their phase (0..1); expired pulses are dropped. */
    public List<Pulse> pulses(long nowNanos) {
        List<Pulse> out = new ArrayList<>();
        MapView v = view.get();
        for (Iterator<Map.Entry<Integer, Long>> it = pulses.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Long> e = it.next();
            long age = nowNanos - e.getValue();
            double[] p = index.worldPosition(e.getKey());
            if (age > PULSE_NANOS || p == null) {
                it.remove();
                continue;
            }
            double x = v.screenX(p[0]);
            double y = v.screenY(p[1]);
            // One off screen draws nothing, and must not keep the map animating.
            if (x < -PULSE_REACH_PX || y < -PULSE_REACH_PX || x > v.width() + PULSE_REACH_PX
                    || y > v.height() + PULSE_REACH_PX) {
                continue;
            }
            out.add(new Pulse(e.getKey(), x, y, (age % PULSE_PERIOD_NANOS) / PULSE_PERIOD_NANOS));
        }
        return out;
    }

    /** A site pulsing on screen. */
    public record Pulse(int siteIndex, double x, double y, double phase) {
    }

    // --- properties ----------------------------------------------------------------------------------------------

    public ObjectProperty<MapView> viewProperty() {
        return view;
    }

    public ReadOnlyObjectProperty<List<MapItem>> itemsProperty() {
        return items.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Basemap> basemapProperty() {
        return basemap.getReadOnlyProperty();
    }

    /** Visible placed sites per health state, by ordinal. */
    public ReadOnlyObjectProperty<int[]> visibleCountsProperty() {
        return visibleCounts.getReadOnlyProperty();
    }

    public ObservableList<SiteSummary> unplaced() {
        return unplaced;
    }

    public ObjectProperty<MapItem> hoveredProperty() {
        return hovered;
    }

    public ReadOnlyObjectProperty<Set<Integer>> selectedIndexesProperty() {
        return selectedIndexes.getReadOnlyProperty();
    }

    public FleetSnapshot shown() {
        return shown;
    }

    public FleetModel fleet() {
        return fleet;
    }
}
