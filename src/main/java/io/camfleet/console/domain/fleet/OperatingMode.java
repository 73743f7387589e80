package io.camfleet.console.domain.fleet;

/** What a camera system says it is doing, as reported in its telemetry or set by an operator. */
public enum OperatingMode {
    NORMAL,
    MAINTENANCE,
    UPDATING
}
