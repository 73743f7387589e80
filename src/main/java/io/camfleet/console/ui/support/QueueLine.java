package io.camfleet.console.ui.support;

import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.service.support.QueueRow;

import java.util.Locale;

/** One line of the queue as shown: the ticket, and its two SLA timers in words and tones at the time it was read. */
public record QueueLine(QueueRow row, SlaTimer response, SlaTimer resolution) {

    public Ticket ticket() {
        return row.ticket();
    }

    /** The worst of its two timers: what the line is coloured by. */
    public SlaTimer.Tone tone() {
        SlaTimer.Tone a = response.tone();
        SlaTimer.Tone b = resolution.tone();
        if (a == SlaTimer.Tone.BREACHED || b == SlaTimer.Tone.BREACHED) {
            return SlaTimer.Tone.BREACHED;
        }
        return a == SlaTimer.Tone.SOON || b == SlaTimer.Tone.SOON ? SlaTimer.Tone.SOON : SlaTimer.Tone.RUNNING;
    }

    /** What the search box looks in: the number, title, sites, cameras, customer, assignee and Jira key. */
    boolean matches(String needle) {
        Ticket t = ticket();
        return needle.isEmpty() || ("#" + t.id() + " " + t.title() + " " + String.join(" ", t.siteIds()) + " "
                + String.join(" ", t.cameraIds()) + " " + t.customer() + " " + t.assignee() + " " + t.jiraKey())
                .toLowerCase(Locale.ROOT).contains(needle);
    }
}
