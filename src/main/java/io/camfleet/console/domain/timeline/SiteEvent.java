package io.camfleet.console.domain.timeline;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;

/**
 * One thing that happened at a site, from any of the sources of its timeline.
 *
 * @param at       when it happened
 * @param kind     which source it comes from
 * @param cameraId the camera system it concerns; "" for the whole site
 * @param summary  one line for the operator ("Camera cam-3 went OFFLINE", "Config backup v4 of cam-3")
 * @param sequence its order among the events of its source at the same instant (as written); ties across sources
 *                 are broken by {@link Kind} order, so the view never reorders itself between two reads
 */
public record SiteEvent(Instant at, Kind kind, String cameraId, String summary, long sequence) {

    /** The timeline's order: by time, then {@link Kind} order, then the source's sequence; stable at equal times. */
    public static final Comparator<SiteEvent> ORDER = Comparator.comparing(SiteEvent::at)
            .thenComparing(SiteEvent::kind)
            .thenComparingLong(SiteEvent::sequence)
            .thenComparing(SiteEvent::cameraId)
            .thenComparing(SiteEvent::summary);

    /** The kinds that change a site (what "the last change before the outage" looks for). */
    public static final Set<Kind> CHANGES = Set.of(Kind.DEPLOYMENT, Kind.IMAGE, Kind.CONFIG, Kind.AUDIT);

    public SiteEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        cameraId = Objects.requireNonNullElse(cameraId, "");
        Objects.requireNonNull(summary, "summary");
    }

    /** Whether this event changed the site, rather than reported on it. */
    public boolean isChange() {
        return CHANGES.contains(kind);
    }

    /** The sources, in the order ties at one instant are shown: a change before what it caused. */
    public enum Kind {
        DEPLOYMENT, IMAGE, CONFIG, AUDIT, HEALTH, ALERT, TICKET
    }
}
