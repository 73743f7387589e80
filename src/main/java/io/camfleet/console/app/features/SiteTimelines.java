package io.camfleet.console.app.features;

import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.timeline.AlertHistory;
import io.camfleet.console.service.timeline.AuditHistory;
import io.camfleet.console.service.timeline.DeploymentHistory;
import io.camfleet.console.service.timeline.HealthChanges;
import io.camfleet.console.service.timeline.ImageHistory;
import io.camfleet.console.service.timeline.SiteHistorySource;
import io.camfleet.console.service.timeline.SiteTimeline;
import io.camfleet.console.service.timeline.TicketHistory;
import io.camfleet.console.ui.timeline.SiteTimelineWindow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The site timeline's part of the support desk: the service over every source of a site's history in the open data
 * folder, and the window that shows it, which the ticket screen and the map's and table's site details open.
 */
final class SiteTimelines {

    private SiteTimelines() {
    }

    /** The timeline service over the folder's stores, built on first use. */
    static Lazy<SiteTimeline> over(OpenFolder folder, FolderParts.Builder parts) {
        var settings = SettingsFile.in(folder.folder().path());
        var fleet = parts.reference(FleetService.class);
        var backups = parts.reference(ConfigBackups.class);
        // summaries are stored text of the console's own, like alert summaries: in the bundle's root locale
        Messages m = new Messages(Locale.ROOT);
        return new Lazy<>(() -> {
            var db = folder.database();
            List<SiteHistorySource> sources = new ArrayList<>(List.of(new AlertHistory(db.alerts(), m),
                    new DeploymentHistory(db.journal(), m), new ImageHistory(db.imageChanges(), m),
                    new TicketHistory(db.tickets(), m),
                    new AuditHistory(db.auditTrail(), m)));
            backups.get().ifPresent(b -> sources.add(b.history()));
            return new SiteTimeline(() -> fleet.get().map(f -> f.current().inventory()).orElse(FleetInventory.EMPTY),
                    new HealthChanges(db.healthHistory(),
                            () -> settings.read().get(AvailabilitySettings.SECTION).rule(), m),
                    sources);
        });
    }

    /** The window of site timelines for one main window: what the screens' "Site timeline" buttons call. */
    static SiteTimelineWindow window(WindowContext w) {
        return new SiteTimelineWindow(() -> w.session().part(SiteTimeline.class), w.tasks(), w.messages(), w.zone(),
                Clock.system(w.zone()));
    }
}
