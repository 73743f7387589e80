package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.SiteHealth;
import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fleet snapshot says is wrong: the sites down by the site-down rule in force, and the DEGRADED cameras, each
 * since when. Only the sites that need it are opened camera by camera, so a snapshot of 100,000 cameras costs a pass
 * over its sites' counts.
 */
final class FleetConditions {

    private FleetConditions() {
    }

    /**
     * @param before the conditions of the previous snapshot: one still there keeps its start
     */
    static Map<String, Condition> of(FleetSnapshot snapshot, SiteDownRule rule, Map<String, Condition> before) {
        Map<String, Condition> now = new HashMap<>();
        Instant seen = snapshot.takenAt();
        int[] counts = new int[HealthState.count()];
        for (SiteSummary site : snapshot.sites()) {
            SiteHealth h = site.health();
            int degraded = h.count(HealthState.DEGRADED);
            for (HealthState s : HealthState.values()) {
                counts[s.ordinal()] = h.count(s);
            }
            boolean down = rule.siteState(counts) == HealthState.OFFLINE;
            if (!down && degraded == 0) {
                continue;
            }
            List<CameraStatus> cameras = snapshot.cameras(site.id());
            if (down) {
                // down from when the last camera that put it down went
                Instant since = null;
                for (CameraStatus c : cameras) {
                    if (rule.countsAgainst(c.health()) && c.healthSince() != null
                            && (since == null || c.healthSince().isAfter(since))) {
                        since = c.healthSince();
                    }
                }
                int against = h.count(HealthState.OFFLINE) + (rule.degradedCounts() ? degraded : 0);
                add(now, before, new Condition(AlertKind.SITE_OFFLINE, site.id(), site.id(),
                        since == null ? seen : since, List.of(site.site().name(), site.id(), against, h.total())));
            }
            if (degraded > 0) {
                for (CameraStatus c : cameras) {
                    if (c.health() == HealthState.DEGRADED) {
                        add(now, before, new Condition(AlertKind.CAMERA_DEGRADED, c.camera().id(), site.id(),
                                c.healthSince() == null ? seen : c.healthSince(),
                                List.of(c.camera().hostname(), site.site().name())));
                    }
                }
            }
        }
        return now;
    }

    private static void add(Map<String, Condition> now, Map<String, Condition> before, Condition c) {
        Condition was = before.get(c.key());
        now.put(c.key(), was == null ? c : c.since(was.since()));
    }
}
