package io.camfleet.console.domain.support;

/**
 * A change a ticket cannot take: a move not allowed from its status, an escalation of an L3 ticket. Carries what the
 * service needs to say the sentence; the message is English, for logs.
 */
public final class TicketRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason { MOVE_NOT_ALLOWED, ALREADY_L3, CLOSED }

    private final Reason reason;
    private final TicketStatus from;
    private final TicketStatus to;

    TicketRefused(Reason reason, TicketStatus from, TicketStatus to) {
        super(switch (reason) {
            case MOVE_NOT_ALLOWED -> "A ticket cannot move from " + from + " to " + to + ".";
            case ALREADY_L3 -> "The ticket is at L3 already; escalation goes from L2 to L3 only.";
            case CLOSED -> "The ticket is closed.";
        });
        this.reason = reason;
        this.from = from;
        this.to = to;
    }

    public Reason reason() {
        return reason;
    }

    public TicketStatus from() {
        return from;
    }

    /** The status asked for, for a refused move; null otherwise. */
    public TicketStatus to() {
        return to;
    }
}
