package io.camfleet.console.domain.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a ticket's SLA timers from its timeline. Pure: the same timeline, targets and instant give the same answer.
 *
 * <p>The clock runs from the ticket's creation, except while the ticket waits on the customer (it is theirs to
 * move; waiting on a vendor is ours, and the clock runs on) and, for the resolution, while it is resolved or closed;
 * a reopened ticket's clock runs again from the reopening. The response is met by the first move out of NEW by a
 * person, or the first comment by a person, whichever comes first; the console's own entries ({@code by} empty) do
 * not count. A target is breached when the running clock reaches it: the due instant is the first breached instant,
 * so an answer at exactly the due instant is late.
 */
public final class SlaClock {

    private SlaClock() {
    }

    /** The timers of {@code ticket} at {@code now}, from its timeline in order. */
    public static SlaState at(Ticket ticket, List<TimelineEntry> timeline, SlaTargets targets, Instant now) {
        List<Span> spans = spans(ticket, timeline, now);
        Instant responded = responded(timeline, now);
        Instant responseEnd = responded == null ? now : responded;
        Crossing response = crossing(spans, targets.response(ticket.severity()), responseEnd, false);
        Crossing resolution = crossing(spans, targets.resolution(ticket.severity()), now, true);
        boolean paused = !spans.isEmpty() && spans.getLast().status() == TicketStatus.WAITING_ON_CUSTOMER;
        return new SlaState(response.due(), responded, response.breached(), resolution.due(), resolution.breached(),
                paused);
    }

    /** The status the ticket was in over {@code [from, to)}. */
    private record Span(Instant from, Instant to, TicketStatus status) {
    }

    private static List<Span> spans(Ticket ticket, List<TimelineEntry> timeline, Instant now) {
        List<Span> out = new ArrayList<>();
        Instant since = ticket.createdAt();
        TicketStatus status = TicketStatus.NEW;
        for (TimelineEntry e : timeline) {
            if (e.kind() != TimelineEntry.Kind.STATUS || e.at().isAfter(now)) {
                continue;
            }
            Instant at = e.at().isBefore(since) ? since : e.at();
            out.add(new Span(since, at, status));
            since = at;
            status = e.statusTo();
        }
        out.add(new Span(since, now.isBefore(since) ? since : now, status));
        return out;
    }

    private static Instant responded(List<TimelineEntry> timeline, Instant now) {
        for (TimelineEntry e : timeline) {
            if (e.at().isAfter(now) || e.by().isBlank()) {
                continue;
            }
            boolean movedOn = e.kind() == TimelineEntry.Kind.STATUS && "NEW".equals(e.change().from());
            if (e.kind() == TimelineEntry.Kind.COMMENT || movedOn) {
                return e.at();
            }
        }
        return null;
    }

    private record Crossing(Instant due, boolean breached) {
    }

    /**
     * Walks the spans up to {@code end}, counting the time the clock ran, and finds the instant it reached
     * {@code target}. Not reached by {@code end}: the due is what is left after the end, or after the resolution.
     */
    private static Crossing crossing(List<Span> spans, Duration target, Instant end, boolean stopsWhenDone) {
        Duration left = target;
        for (Span s : spans) {
            if (!s.from().isBefore(end)) {
                break;
            }
            boolean runs = s.status() != TicketStatus.WAITING_ON_CUSTOMER && !(stopsWhenDone && s.status().done());
            if (!runs) {
                continue;
            }
            Instant to = s.to().isAfter(end) ? end : s.to();
            Duration ran = Duration.between(s.from(), to);
            if (ran.compareTo(left) >= 0) {
                return new Crossing(s.from().plus(left), true);
            }
            left = left.minus(ran);
        }
        // A resolved ticket's due is as it stood when it was resolved; otherwise as if the clock ran on from the end.
        Span last = spans.getLast();
        Instant from = stopsWhenDone && last.status().done() && last.from().isBefore(end) ? last.from() : end;
        return new Crossing(from.plus(left), false);
    }
}
