package io.camfleet.console.service;

import io.camfleet.console.domain.HealthState;

import java.time.Instant;
import java.util.Map;

/** The health the cache last recorded for each camera, by camera id, and since when. */
public record CachedHealth(Map<String, HealthState> states, Map<String, Instant> since) {
}
