package io.camfleet.console.ui.fleettable;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.ui.common.FleetModel;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet table screen without its controls: the visible rows and the available filter values. Testable without a
 * toolkit: it only touches properties, on the caller's thread.
 */
public final class FleetTableViewModel {

    private final FleetModel fleet;
    private final SiteRows rows = new SiteRows();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(Instant.EPOCH);

    private FleetInventory inventory = FleetInventory.EMPTY;
    private SiteRow[] rowsByIndex = new SiteRow[0];

    public FleetTableViewModel(FleetModel fleet) {
        this.fleet = fleet;
        fleet.snapshotProperty().addListener((o, a, s) -> onSnapshot(s));
        fleet.visibleProperty().addListener((o, a, v) -> onVisible(v));
        onSnapshot(fleet.snapshot());
        onVisible(fleet.visibleProperty().get());
    }

    private void onSnapshot(FleetSnapshot s) {
        now.set(s.takenAt());
        total.set(s.siteCount());
        List<SiteSummary> sites = s.sites();
        if (!s.inventory().sameSitesAs(inventory)) {
            inventory = s.inventory();
            rowsByIndex = new SiteRow[sites.size()];
            for (int i = 0; i < rowsByIndex.length; i++) {
                rowsByIndex[i] = new SiteRow(sites.get(i));
            }
        } else {
            inventory = s.inventory(); // the same sites, perhaps with a version a rollout reported
            boolean changed = false;
            for (int i = 0; i < rowsByIndex.length; i++) {
                if (rowsByIndex[i].summary() != sites.get(i)) {
                    rowsByIndex[i].update(sites.get(i));
                    changed = true;
                }
            }
            if (changed) {
                rows.summariesChanged(); // the table's sort follows: one sort per snapshot
            }
        }
    }

    private void onVisible(FleetModel.Visible v) {
        if (!v.snapshot().inventory().sameSitesAs(inventory)) {
            return; // a newer inventory is installed; its own filter result is on the way
        }
        int[] idx = v.siteIndexes();
        boolean same = idx.length == rows.size();
        for (int i = 0; same && i < idx.length; i++) {
            same = rows.get(i) == rowsByIndex[idx[i]];
        }
        if (!same) {
            List<SiteRow> next = new ArrayList<>(idx.length);
            for (int i : idx) {
                next.add(rowsByIndex[i]);
            }
            rows.setAll(next);
        }
        shown.set(idx.length);
    }

    public FleetModel fleet() {
        return fleet;
    }

    /** Rows that pass the filter, in inventory order; the view sorts them. */
    public ObservableList<SiteRow> rows() {
        return rows;
    }

    public SiteRow rowFor(String siteId) {
        int i = inventory.siteIndexOf(siteId);
        return i < 0 || i >= rowsByIndex.length ? null : rowsByIndex[i];
    }

    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** The time the current snapshot was taken: "2 min ago" is measured from here. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public void select(String siteId) {
        fleet.select(siteId);
    }

    /** Sites currently in {@code state}, for the counts on the health chips. */
    public int sitesIn(HealthState state) {
        return fleet.snapshot().sitesIn(state);
    }
}
