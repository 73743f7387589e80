package io.camfleet.console.domain.alerts;

/** How urgently an alert asks for a person: CRITICAL pages, WARNING waits for office hours. */
public enum AlertSeverity { CRITICAL, WARNING }
