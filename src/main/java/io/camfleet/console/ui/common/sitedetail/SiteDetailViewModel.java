package io.camfleet.console.ui.common.sitedetail;

import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.ui.common.FleetModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.Comparator;

/**
 * The selected site and its camera systems with their latest metrics, worst health first, following the shared
 * selection live.
 */
public final class SiteDetailViewModel {

    /** What needs looking at first: the worst health on top, then by host name as the inventory lists them. */
    static final Comparator<CameraStatus> WORST_FIRST = Comparator.comparing(CameraStatus::health)
            .thenComparing(cs -> cs.camera().hostname());

    private final FleetModel fleet;
    private final ReadOnlyObjectWrapper<SiteSummary> site = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CameraStatus> cameras = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(Instant.EPOCH);

    public SiteDetailViewModel(FleetModel fleet) {
        this.fleet = fleet;
        fleet.snapshotProperty().addListener((o, a, s) -> refresh());
        fleet.selectedSiteIdProperty().addListener((o, a, id) -> refresh());
        refresh();
    }

    private void refresh() {
        FleetSnapshot s = fleet.snapshot();
        now.set(s.takenAt());
        String id = fleet.selectedSiteIdProperty().get();
        SiteSummary selected = id == null ? null : s.site(id);
        // The cameras first: whoever follows the site reads them.
        if (selected == null) {
            cameras.clear();
        } else {
            cameras.setAll(s.cameras(id).stream().sorted(WORST_FIRST).toList());
        }
        site.set(selected);
    }

    /** The rule the site's state was judged by. */
    public SiteDownRule rule() {
        return fleet.snapshot().rule();
    }

    public ReadOnlyObjectProperty<SiteSummary> siteProperty() {
        return site.getReadOnlyProperty();
    }

    public ObservableList<CameraStatus> cameras() {
        return cameras;
    }

    /** When the camera's configuration was last backed up; null when never (or when backups are not read). */
    public Instant lastConfigBackup(String cameraId) {
        return fleet.lastConfigBackups().get(cameraId);
    }

    /** The last backups shown, observable: the column reads them again when they change. */
    public javafx.collections.ObservableMap<String, Instant> lastConfigBackups() {
        return fleet.lastConfigBackups();
    }

    /** The time of the snapshot shown: "2 min ago" counts from here. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }
}
