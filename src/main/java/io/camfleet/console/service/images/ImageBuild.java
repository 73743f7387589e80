package io.camfleet.console.service.images;

import java.time.Duration;

/**
 * How a build ended for the console. A build the operator stopped waiting for, or that outlasted the timeout, goes on
 * in EC2: its image id says where to find it.
 *
 * @param imageId the new image
 * @param result  how it ended
 * @param took    how long the console waited
 */
public record ImageBuild(String imageId, Result result, Duration took) {

    public enum Result {
        /** EC2 made it available. */
        AVAILABLE,
        /** EC2 failed it. */
        FAILED,
        /** The operator cancelled the wait; EC2 goes on building it. */
        STILL_BUILDING_CANCELLED,
        /** The timeout passed; EC2 goes on building it. */
        STILL_BUILDING_TIMED_OUT
    }

    /** What the wait shows at each look: the image's EC2 state and the time waited so far. */
    public record Progress(String imageId, String state, Duration waited, Duration timeout) {
    }
}
