package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.HealthState;

import java.time.Instant;
import java.util.Map;

/**
 * What the cache holds: the fleet as last stored, each camera's current health and since when, and the time the cache
 * was last brought up to date from {@code source}.
 */
public record CachedFleet(FleetData fleet, Map<String, HealthState> health, Map<String, Instant> healthSince,
                          String source, Instant asOf) {

    public boolean isEmpty() {
        return fleet.sites().isEmpty() && fleet.cameras().isEmpty();
    }
}
