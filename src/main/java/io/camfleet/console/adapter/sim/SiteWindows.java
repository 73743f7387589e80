package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.fleet.Site;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The demo sites' maintenance windows, read once: planned work happens while a site's window is open. */
final class SiteWindows {

    private final MaintenanceWindow[] windows;
    private final ZoneId[] zones;

    SiteWindows(List<Site> sites) {
        windows = new MaintenanceWindow[sites.size()];
        zones = new ZoneId[sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            if (s.maintenanceWindow().isBlank()) {
                continue;
            }
            try {
                windows[i] = MaintenanceWindow.parse(s.maintenanceWindow());
                zones[i] = ZoneId.of(s.timeZone());
            } catch (IllegalArgumentException | DateTimeException e) {
                windows[i] = null; // no window that can be read: no planned work
            }
        }
    }

    boolean isOpen(int site, Instant at) {
        return windows[site] != null && windows[site].isOpen(at, zones[site]);
    }

    MaintenanceWindow window(int site) {
        return windows[site];
    }

    ZoneId zone(int site) {
        return zones[site];
    }
}
