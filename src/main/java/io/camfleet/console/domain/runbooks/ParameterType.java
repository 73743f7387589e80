package io.camfleet.console.domain.runbooks;

/**
 * What a runbook parameter holds. A DURATION is written {@code 30s}, {@code 5m}, {@code 1h} or bare seconds and reaches
 * the command as whole seconds, the unit {@code timeout}, {@code curl --max-time} and the like understand. A PATH is
 * absolute and has no {@code ..} segment.
 */
public enum ParameterType {
    STRING,
    INT,
    DURATION,
    PATH,
    ENUM
}
