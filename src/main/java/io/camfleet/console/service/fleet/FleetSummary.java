package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SiteHealth;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts that describe a fleet at a glance: sizes, where it is, what it runs and how healthy it is. Sites count by
 * health as the window's chips count them: each by the site-down rule in force.
 */
public record FleetSummary(int sites, int cameras, int unplacedSites, int countries, int customers,
                           Map<String, Integer> sitesByRegion, Map<HealthState, Integer> sitesByHealth,
                           Map<HealthState, Integer> camerasByHealth, Map<String, Integer> camerasByVersion) {

    public static FleetSummary of(FleetData fleet, HealthRules rules, Instant now) {
        return of(fleet, rules, SiteDownRule.DEFAULT, now);
    }

    public static FleetSummary of(FleetData fleet, HealthRules rules, SiteDownRule siteRule, Instant now) {
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
        Map<String, int[]> countsOfSite = new HashMap<>();
        for (CameraSystem c : fleet.cameras()) {
            HealthState h = rules.evaluate(fleet.telemetryOf(c.id()), now);
            byHealth.merge(h, 1, Integer::sum);
            countsOfSite.computeIfAbsent(c.siteId(), id -> new int[HealthState.count()])[h.ordinal()]++;
            byVersion.merge(c.softwareVersion(), 1, Integer::sum);
        }
        Map<HealthState, Integer> sitesByHealth = new EnumMap<>(HealthState.class);
        for (HealthState h : HealthState.all()) {
            sitesByHealth.put(h, 0);
        }
        for (Site s : fleet.sites()) {
            // a site without cameras counts as the window counts it: UNKNOWN
            int[] counts = countsOfSite.getOrDefault(s.id(), new int[HealthState.count()]);
            sitesByHealth.merge(SiteHealth.ofCounts(counts, siteRule::siteState).state(), 1, Integer::sum);
        }
        return new FleetSummary(fleet.sites().size(), fleet.cameras().size(), unplaced, countries.size(),
                customers.size(), byRegion, sitesByHealth, byHealth, byVersion);
    }
}
