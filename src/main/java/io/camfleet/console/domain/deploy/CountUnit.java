package io.camfleet.console.domain.deploy;

/** Whether a number in a strategy counts hosts or is a percentage of the targets. */
public enum CountUnit {
    HOSTS,
    PERCENT
}
