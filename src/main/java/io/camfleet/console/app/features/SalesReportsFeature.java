package io.camfleet.console.app.features;

import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.map.MapSnapshotService;
import io.camfleet.console.service.reports.ReportSettings;
import io.camfleet.console.service.reports.SalesProposals;

import java.util.Locale;

/**
 * The sales proposal's source, over the fleet, availability and map (other features' parts, found when a proposal
 * is built) and the reports settings of the folder, read at each proposal.
 */
public final class SalesReportsFeature implements Feature {

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var settings = SettingsFile.in(folder.folder().path());
        var fleet = parts.reference(FleetService.class);
        var availability = parts.reference(AvailabilityFigures.class);
        var maps = parts.reference(MapSnapshotService.class);
        parts.add(SalesProposals.class, new Lazy<>(() -> new SalesProposals(new SalesProposals.Inputs(
                () -> fleetNow(fleet.get().orElseThrow()),
                availability.get().orElseThrow(),
                () -> folder.database().healthHistory().firstObserved(),
                () -> settings.read().get(AvailabilitySettings.SECTION).targets(),
                maps.get().orElseThrow(),
                () -> settings.read().get(ReportSettings.SECTION),
                folder.folder().path(),
                () -> folder.audit().operator().osUser(),
                folder.clock()), new Messages(Locale.getDefault()))));
    }

    /** The fleet shown; in a command, where nothing loaded it yet, what the cache holds. */
    private static FleetSnapshot fleetNow(FleetService fleet) {
        FleetSnapshot now = fleet.current();
        return now.siteCount() == 0 && now.asOf() == null ? fleet.openCache() : now;
    }
}
