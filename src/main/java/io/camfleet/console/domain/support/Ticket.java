package io.camfleet.console.domain.support;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A support case as stored. The SLA due times are not stored: {@link SlaClock} computes them from the timeline.
 *
 * @param id         0 until stored
 * @param customer   the customer whose sites are affected ("" if unknown)
 * @param siteIds    the sites affected
 * @param cameraIds  the camera systems affected
 * @param assignee   the support engineer working it; "" for unassigned
 * @param version    bumped by each stored change, so that two consoles never write over each other
 * @param jiraKey    the Jira issue it was pushed to ("" if none), filled in by the Jira link
 * @param jiraStatus that status as last read ("" if none)
 */
public record Ticket(long id, String title, Severity severity, TicketStatus status, Level level, String customer,
                     List<String> siteIds, List<String> cameraIds, String assignee, String createdBy,
                     Instant createdAt, long version, String jiraKey, String jiraStatus) {

    public Ticket {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(createdAt, "createdAt");
        customer = Objects.requireNonNullElse(customer, "");
        siteIds = siteIds == null ? List.of() : siteIds.stream().distinct().toList();
        cameraIds = cameraIds == null ? List.of() : cameraIds.stream().distinct().toList();
        assignee = Objects.requireNonNullElse(assignee, "");
        createdBy = Objects.requireNonNullElse(createdBy, "");
        jiraKey = Objects.requireNonNullElse(jiraKey, "");
        jiraStatus = Objects.requireNonNullElse(jiraStatus, "");
    }

    /** A new ticket, at L2, in NEW, not stored yet. */
    public static Ticket open(String title, Severity severity, String customer, List<String> siteIds,
                              List<String> cameraIds, String createdBy, Instant at) {
        return new Ticket(0, title, severity, TicketStatus.NEW, Level.L2, customer, siteIds, cameraIds, "",
                createdBy, at, 0, "", "");
    }

    public Ticket withId(long newId) {
        return new Ticket(newId, title, severity, status, level, customer, siteIds, cameraIds, assignee, createdBy,
                createdAt, version, jiraKey, jiraStatus);
    }

    /**
     * This ticket moved to {@code to}.
     *
     * @throws TicketRefused when {@code to} is not among {@link TicketStatus#next()} of its status
     */
    public Ticket moveTo(TicketStatus to) {
        if (!status.canMoveTo(to)) {
            throw new TicketRefused(TicketRefused.Reason.MOVE_NOT_ALLOWED, status, to);
        }
        return new Ticket(id, title, severity, to, level, customer, siteIds, cameraIds, assignee, createdBy,
                createdAt, version + 1, jiraKey, jiraStatus);
    }

    /**
     * This ticket at L3. Escalation goes one way: L3 is engineering, and handing a case back is a comment and an
     * assignment, not a de-escalation.
     *
     * @throws TicketRefused when it is at L3 already or closed
     */
    public Ticket escalate() {
        if (status == TicketStatus.CLOSED) {
            throw new TicketRefused(TicketRefused.Reason.CLOSED, status, null);
        }
        if (level == Level.L3) {
            throw new TicketRefused(TicketRefused.Reason.ALREADY_L3, status, null);
        }
        return new Ticket(id, title, severity, status, Level.L3, customer, siteIds, cameraIds, assignee, createdBy,
                createdAt, version + 1, jiraKey, jiraStatus);
    }

    /**
     * This ticket linked to the outside tracker's issue {@code key}, in status {@code trackerStatus} there. Allowed in
     * any status: a closed ticket's issue still changes in the tracker, and the desk shows where it went.
     */
    public Ticket linkedTo(String key, String trackerStatus) {
        return new Ticket(id, title, severity, status, level, customer, siteIds, cameraIds, assignee, createdBy,
                createdAt, version + 1, key, trackerStatus);
    }

    /** @throws TicketRefused when closed */
    public Ticket assignTo(String who) {
        if (status == TicketStatus.CLOSED) {
            throw new TicketRefused(TicketRefused.Reason.CLOSED, status, null);
        }
        return new Ticket(id, title, severity, status, level, customer, siteIds, cameraIds, who, createdBy,
                createdAt, version + 1, jiraKey, jiraStatus);
    }
}
