package io.camfleet.console.domain.deploy;

/** What can happen to one target. {@link TargetTransitions#next} says where each leads from each state. */
public enum TargetEvent {
    /** The site's maintenance window is closed: the target waits. */
    WINDOW_CLOSED,
    /** The command was sent to the host. */
    DISPATCH,
    /** The host reports that the install began. */
    INSTALL_STARTED,
    /** The install finished; the health checks run next. */
    INSTALLED,
    /** The health checks passed. */
    VERIFIED,
    /** The health checks failed after the install. */
    CHECK_FAILED,
    /** The dispatch or the install failed. */
    FAILED,
    /** A failed target was put back on its previous version. */
    ROLLED_BACK,
    /** The site's error budget this month is below the plan's guard: the target is left alone. */
    HELD_BACK,
    /** The host already runs the target version: nothing to do. */
    ALREADY_AT_VERSION,
    /** The host stopped answering while something was under way. */
    CONTACT_LOST,
    /**
     * A re-probe of an unknown host read the version marker: it is at the target version. The marker proves the
     * install, not the health: the health check runs again.
     */
    REPROBED_AT_VERSION,
    /**
     * A re-probe of an unknown host found the whole step done, health check included: the command that ran
     * everything on the host (SSM) reported success.
     */
    REPROBED_HEALTHY,
    /** A re-probe of an unknown host read the version marker: it is not at the target version, run it again. */
    REPROBED_NOT_AT_VERSION,
    /** An operator retries a failed target. */
    RETRY
}
