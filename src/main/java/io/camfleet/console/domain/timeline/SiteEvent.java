package io.camfleet.console.domain.timeline;

import java.time.Instant;
import java.util.Objects;

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

    public SiteEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        cameraId = Objects.requireNonNullElse(cameraId, "");
        Objects.requireNonNull(summary, "summary");
    }

    /** The sources, in the order ties at one instant are shown: a change before what it caused. */
    public enum Kind {
        DEPLOYMENT, IMAGE, CONFIG, AUDIT, HEALTH, ALERT, TICKET
    }
}
