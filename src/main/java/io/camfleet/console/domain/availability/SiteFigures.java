package io.camfleet.console.domain.availability;

import java.util.List;
import java.util.Objects;

/**
 * A site's availability and its cameras', from one pass over the site's history.
 *
 * @param site          the site's figures
 * @param cameras       each camera's figures, in the order the cameras were given
 * @param windowProblem why the site's maintenance window or time zone could not be read (then nothing was excluded
 *                      as planned); empty when they were fine
 */
public record SiteFigures(Availability site, List<Availability> cameras, String windowProblem) {

    public SiteFigures {
        Objects.requireNonNull(site, "site");
        cameras = List.copyOf(cameras);
        windowProblem = windowProblem == null ? "" : windowProblem;
    }
}
