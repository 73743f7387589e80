package io.camfleet.console.service.tracker;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.support.TicketDetail;
import io.camfleet.console.service.support.TicketService;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The support desk's link to an outside tracker (Jira), in use: pushes a ticket as an issue there once, keeps the
 * issue's key and status on the ticket, and reads the status again. Optional: while {@link #configured()} is false,
 * push and refresh say how to set the link up, and the local desk works on its own.
 *
 * <p>The link is read from the settings and the environment at each call, and a tracker opened for that call only:
 * a change in the settings applies at the next push, and nothing stays connected in between.
 */
public final class TicketLink {

    private final TicketService tickets;
    private final AuditService audit;
    private final Supplier<TrackerLink> link;
    private final Function<TrackerLink.Configured, ExternalTracker> trackers;

    /**
     * @param link     the link as the settings and the environment make it now
     * @param trackers opens the tracker a configured link names (closed after each call when it is AutoCloseable)
     */
    public TicketLink(TicketService tickets, AuditService audit, Supplier<TrackerLink> link,
                      Function<TrackerLink.Configured, ExternalTracker> trackers) {
        this.tickets = tickets;
        this.audit = audit;
        this.link = link;
        this.trackers = trackers;
    }

    /** Whether tickets can be pushed now. */
    public boolean configured() {
        return link.get() instanceof TrackerLink.Configured;
    }

    /** The link now: configured, or the sentence ({@link TrackerLink.NotConfigured}) saying what is missing. */
    public TrackerLink state() {
        return link.get();
    }

    /**
     * Pushes ticket {@code ticketId} to the tracker, audited ({@code ticket.push}); its key and status are stored on
     * the ticket with a TRACKER entry in its timeline. A ticket pushed before is not pushed again: its status is read
     * instead ({@link #refresh}). A failure (a refused token, a cut connection) stores nothing, and pushing again
     * finds the issue an unanswered push made instead of making a second (the tracker marks each issue with the
     * ticket).
     *
     * @throws Problem (BAD_INPUT) for an unknown ticket or no link configured; the tracker's failures as they come
     */
    public ExternalIssue push(long ticketId) {
        Ticket t = tickets.find(ticketId);
        if (!t.jiraKey().isEmpty()) {
            return refresh(ticketId);
        }
        TrackerLink.Configured configured = required();
        return audit.perform(AuditActions.TICKET_PUSH, "ticket " + ticketId,
                Map.of("project", configured.settings().projectKey()), () -> {
                    ExternalIssue issue = call(configured, tracker -> tracker.push(local(tickets.show(ticketId))));
                    tickets.linked(ticketId, issue.key(), issue.status().name());
                    return issue;
                });
    }

    /**
     * Reads the status of the ticket's issue again, and stores it when it changed (with a TRACKER entry).
     *
     * @throws Problem (BAD_INPUT) for an unknown ticket, one never pushed, or no link configured
     */
    public ExternalIssue refresh(long ticketId) {
        Ticket t = tickets.find(ticketId);
        if (t.jiraKey().isEmpty()) {
            throw Problem.badInput("tickets.jira.notPushed", ticketId);
        }
        TrackerLink.Configured configured = required();
        ExternalStatus status = call(configured, tracker -> tracker.status(t.jiraKey()));
        tickets.linked(ticketId, t.jiraKey(), status.name());
        return new ExternalIssue(t.jiraKey(), browseUrl(configured, t.jiraKey()), status);
    }

    /** Where a person opens issue {@code key} in a browser; "" with no link configured or no key. */
    public String browseUrl(String key) {
        return link.get() instanceof TrackerLink.Configured c && !key.isEmpty() ? browseUrl(c, key) : "";
    }

    private static String browseUrl(TrackerLink.Configured c, String key) {
        return c.settings().baseUrl().replaceAll("/+$", "") + "/browse/" + key;
    }

    private TrackerLink.Configured required() {
        return switch (link.get()) {
            case TrackerLink.Configured c -> c;
            case TrackerLink.NotConfigured n -> throw Problem.badInput(n.reasonKey(), n.args().toArray());
        };
    }

    private <T> T call(TrackerLink.Configured configured, Function<ExternalTracker, T> work) {
        ExternalTracker tracker = trackers.apply(configured);
        try {
            return work.apply(tracker);
        } finally {
            if (tracker instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Closing the tracker failed", e);
                }
            }
        }
    }

    /**
     * What the tracker is told of a ticket. Its id is the desk's number and the second it was created: two desks on
     * data folders of their own both have a ticket 7, and must never take each other's issue for their own.
     */
    static LocalTicket local(TicketDetail d) {
        Ticket t = d.ticket();
        List<TimelineEntry> timeline = d.timeline();
        String description = timeline.isEmpty() ? "" : timeline.getFirst().text();
        return new LocalTicket(t.id() + "-" + t.createdAt().getEpochSecond(), t.title(),
                LocalTicket.Severity.valueOf(t.severity().name()), description, t.siteIds(), t.cameraIds());
    }
}
