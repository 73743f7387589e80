package io.camfleet.console.domain.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the site timeline shows for one site: its events from {@code from} to {@code to}, oldest first, and the row
 * the view opens on.
 *
 * @param start         why the window starts where it does
 * @param outage        the site's latest outage, or null when it had none in the time looked at
 * @param events        oldest first, in {@link SiteEvent#ORDER}
 * @param focus         the index in {@code events} of the row to select: the last change before the outage, the
 *                      outage's start, or the newest event; -1 when there are no events
 * @param olderNotShown whether older events of the window were left out to keep it bounded
 */
public record Timeline(String siteId, Instant from, Instant to, Start start, Outage outage, List<SiteEvent> events,
                       int focus, boolean olderNotShown) {

    /** Why the window starts where it does: what the view says above the rows. */
    public enum Start {
        /** At the last change (deployment, image, config, audited action) before the site's latest outage. */
        LAST_CHANGE_BEFORE_OUTAGE,
        /** At the latest outage, with the day before it: no change was found before it. */
        OUTAGE_WITHOUT_CHANGE,
        /** The last days: the site had no outage in the time looked at. */
        LAST_DAYS;

        /** The sentence that says it, with the outage's start and end as {0} and {1}. */
        public String messageKey() {
            return switch (this) {
                case LAST_CHANGE_BEFORE_OUTAGE -> "timeline.start.lastChange";
                case OUTAGE_WITHOUT_CHANGE -> "timeline.start.noChange";
                case LAST_DAYS -> "timeline.start.lastDays";
            };
        }
    }

    /** A stretch of time the site was down by the site-down rule; {@code to} is null while it lasts. */
    public record Outage(Instant from, Instant to) {
        public Outage {
            Objects.requireNonNull(from, "from");
        }

        public boolean ongoing() {
            return to == null;
        }
    }

    public Timeline {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(start, "start");
        events = List.copyOf(events);
        if (focus < -1 || focus >= events.size()) {
            throw new IllegalArgumentException("focus " + focus + " outside " + events.size() + " events");
        }
    }

    public Optional<Outage> latestOutage() {
        return Optional.ofNullable(outage);
    }

    /** The row to select, if there is one. */
    public Optional<SiteEvent> focused() {
        return focus < 0 ? Optional.empty() : Optional.of(events.get(focus));
    }
}
