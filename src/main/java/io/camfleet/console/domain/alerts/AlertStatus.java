package io.camfleet.console.domain.alerts;

/** Where an alert is in its life: raised, acknowledged by someone, resolved (by itself or by hand). */
public enum AlertStatus { RAISED, ACKNOWLEDGED, RESOLVED }
