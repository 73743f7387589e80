package io.camfleet.console.service.tracker;

import java.util.List;
import java.util.Objects;

/**
 * What a tracker is told of a local ticket. Plain values, apart from the desk's own ticket type, so that the tracker
 * link does not depend on how the desk keeps its tickets (one small mapping joins them).
 *
 * @param id          the ticket's id in the console; it marks the pushed issue
 * @param title       one line
 * @param severity    P1 (most urgent) to P4
 * @param description what the operator wrote; sent as plain text, never read as markup
 * @param siteIds     the sites affected
 * @param cameraIds   the camera systems affected
 */
public record LocalTicket(String id, String title, Severity severity, String description, List<String> siteIds,
                          List<String> cameraIds) {

    /** P1 is the most urgent. */
    public enum Severity { P1, P2, P3, P4 }

    public LocalTicket {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A ticket pushed to a tracker needs its id");
        }
        title = Objects.requireNonNullElse(title, "");
        Objects.requireNonNull(severity, "severity");
        description = Objects.requireNonNullElse(description, "");
        siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
        cameraIds = cameraIds == null ? List.of() : List.copyOf(cameraIds);
    }
}
