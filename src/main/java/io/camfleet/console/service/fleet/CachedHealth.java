package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.HealthState;

import java.time.Instant;
import java.util.Map;

/** The health the cache last recorded for each camera, by camera id, and since when. */
public record CachedHealth(Map<String, HealthState> states, Map<String, Instant> since) {
}
