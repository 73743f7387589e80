package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.fleet.SiteSummary;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Alerts of a site inside its maintenance window are silenced by themselves: work planned there is expected to take
 * cameras down. A site with no window (empty: always open to rollouts) is never silenced by this, nor is one whose
 * window or time zone cannot be read: better an alert too many than a dark site nobody hears of.
 */
final class MaintenanceSilence {

    private MaintenanceSilence() {
    }

    static boolean inWindow(SiteSummary summary, Instant at) {
        if (summary == null) {
            return false;
        }
        Site site = summary.site();
        if (site.maintenanceWindow().isBlank() || site.timeZone().isBlank()) {
            return false;
        }
        try {
            return MaintenanceWindow.parse(site.maintenanceWindow()).isOpen(at, ZoneId.of(site.timeZone()));
        } catch (IllegalArgumentException | DateTimeException e) {
            return false;
        }
    }
}
