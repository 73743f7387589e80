package io.camfleet.console.domain.alerts;

/**
 * Where one notice is on its way to one route: waiting for its next attempt, delivered, or given up on (and shown).
 * PENDING is the only state that moves; DELIVERED and FAILED are final.
 */
public enum DeliveryState { PENDING, DELIVERED, FAILED }
