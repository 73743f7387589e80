package io.camfleet.console.ui.support;

import io.camfleet.console.domain.support.SlaState;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.service.common.Messages;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA timer as the desk shows it: what is left (or how late it is) in words, and its tone. A timer with less than
 * a quarter of its target left is "breaching soon" (amber): on a P1 response of 15 min, the last 3 min 45 s.
 */
public record SlaTimer(Tone tone, String text) {

    /** How the timer is coloured. */
    public enum Tone {
        /** Met in time: nothing to watch. */
        MET,
        RUNNING,
        /** Less than a quarter of the target left. */
        SOON,
        BREACHED,
        /** The clock stands still (waiting on the customer). */
        PAUSED
    }

    /** The response timer: met by the first move or comment of a person. */
    public static SlaTimer response(SlaState s, Duration target, Instant now, Messages m) {
        if (s.respondedAt() != null) {
            return s.responseBreached() ? new SlaTimer(Tone.BREACHED, m.text("desk.sla.answeredLate"))
                    : new SlaTimer(Tone.MET, m.text("desk.sla.answered"));
        }
        return running(s.responseDue(), s.responseBreached(), s.paused(), target, now, m);
    }

    /** The resolution timer: stands still once the ticket is resolved or closed. */
    public static SlaTimer resolution(Ticket t, SlaState s, Duration target, Instant now, Messages m) {
        if (t.status().done()) {
            return s.resolutionBreached() ? new SlaTimer(Tone.BREACHED, m.text("desk.sla.resolvedLate"))
                    : new SlaTimer(Tone.MET, m.text("desk.sla.resolved"));
        }
        return running(s.resolutionDue(), s.resolutionBreached(), s.paused(), target, now, m);
    }

    private static SlaTimer running(Instant due, boolean breached, boolean paused, Duration target, Instant now,
                                    Messages m) {
        Duration left = Duration.between(now, due);
        if (breached || !left.isPositive()) {
            return new SlaTimer(Tone.BREACHED, m.text("desk.sla.late", words(left.negated(), m)));
        }
        if (paused) {
            return new SlaTimer(Tone.PAUSED, m.text("desk.sla.paused", words(left, m)));
        }
        Tone tone = left.multipliedBy(4).compareTo(target) < 0 ? Tone.SOON : Tone.RUNNING;
        return new SlaTimer(tone, m.text("desk.sla.left", words(left, m)));
    }

    /** "2 d 4 h", "3 h 20 min", "12 min", "45 s": the two largest units, rounded down. */
    static String words(Duration d, Messages m) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        if (days > 0) {
            return m.text("desk.duration.dh", days, hours);
        }
        if (hours > 0) {
            return m.text("desk.duration.hm", hours, minutes);
        }
        if (minutes > 0) {
            return m.text("desk.duration.m", minutes);
        }
        return m.text("desk.duration.s", s);
    }
}
