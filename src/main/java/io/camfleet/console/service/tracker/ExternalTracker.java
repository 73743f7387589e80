package io.camfleet.console.service.tracker;

/**
 * An issue tracker outside the console that support tickets can be pushed to (Jira Service Management for the teams
 * that keep their tickets there). Optional: without one configured the local desk is complete on its own, and the
 * console shows {@link TrackerLink.NotConfigured} instead. Every call is bounded in time and fails as a
 * {@link io.camfleet.console.service.common.Problem} naming what to do.
 */
public interface ExternalTracker {

    /**
     * Creates the ticket's issue, or finds the one an earlier push made (a push is marked with the ticket's id, so
     * that pushing again, or a retry after an answer that never came, never makes a second issue).
     */
    ExternalIssue push(LocalTicket ticket);

    /** The issue's status now. */
    ExternalStatus status(String key);

    /** Who the credentials act as, after checking that the project and the issue type exist. */
    TrackerAccount check();
}
