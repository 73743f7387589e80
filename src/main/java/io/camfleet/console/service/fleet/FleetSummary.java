package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts that describe a fleet at a glance: sizes, where it is, what it runs and how healthy it is.
 */
public record FleetSummary(int sites, int cameras, int unplacedSites, int countries, int customers,
                           Map<String, Integer> sitesByRegion, Map<HealthState, Integer> camerasByHealth,
                           Map<String, Integer> camerasByVersion) {

    public static FleetSummary of(FleetData fleet, HealthRules rules, Instant now) {
        Set<String> countries = new HashSet<>();
        Set<String> customers = new HashSet<>();
        Map<String, Integer> byRegion = new TreeMap<>();
        int unplaced = 0;
        for (Site s : fleet.sites()) {
            countries.add(s.countryCode());
            customers.add(s.customer());
            byRegion.merge(s.region(), 1, Integer::sum);
            if (!s.isPlaced()) {
                unplaced++;
            }
        }
        Map<HealthState, Integer> byHealth = new EnumMap<>(HealthState.class);
        for (HealthState h : HealthState.all()) {
            byHealth.put(h, 0);
        }
        Map<String, Integer> byVersion = new TreeMap<>(
                Comparator.comparing((String v) -> v, SiteProfile::compareVersions).reversed());
        for (CameraSystem c : fleet.cameras()) {
            byHealth.merge(rules.evaluate(fleet.telemetryOf(c.id()), now), 1, Integer::sum);
            byVersion.merge(c.softwareVersion(), 1, Integer::sum);
        }
        return new FleetSummary(fleet.sites().size(), fleet.cameras().size(), unplaced, countries.size(),
                customers.size(), byRegion, byHealth, byVersion);
    }
}
