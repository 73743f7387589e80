package io.camfleet.console.domain.alerts;

/** What can happen to an alert. {@link AlertTransitions#next} says where each step leads. */
public enum AlertStep {
    /** The condition held past its threshold: the alert begins. */
    RAISE,
    /** The condition came back while the alert was waiting to resolve: the same alert goes on (a flap). */
    REOPEN,
    /** Someone took it on, with a note. */
    ACKNOWLEDGE,
    /** Resolved by hand (with a note), or by the console once the condition stayed clear long enough. */
    RESOLVE
}
