package io.camfleet.console.domain.availability;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What availability is computed from for one camera: its life in the fleet and its stretches away from ONLINE.
 *
 * <p>Within its life ({@code firstSeen} to {@code lastSeen}) and within observed time, the camera is ONLINE wherever no
 * span says otherwise. Spans may overlap or come unsorted (two sources, a replayed write): where they overlap the worse
 * state wins ({@link io.camfleet.console.domain.fleet.HealthState} order).
 *
 * @param firstSeen when the camera joined the fleet
 * @param lastSeen  when it left the fleet; {@code null} while it is still in it
 * @param spans     its non-ONLINE stretches (ONLINE spans are ignored)
 */
public record CameraHistory(String cameraId, String siteId, Instant firstSeen, Instant lastSeen,
                            List<StateSpan> spans) {

    public CameraHistory {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(firstSeen, "firstSeen");
        if (lastSeen != null && lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("Camera " + cameraId + " left the fleet (" + lastSeen
                    + ") before it joined it (" + firstSeen + ").");
        }
        spans = List.copyOf(spans);
    }
}
