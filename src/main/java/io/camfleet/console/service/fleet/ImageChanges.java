package io.camfleet.console.service.fleet;

import java.time.Instant;
import java.util.List;

/**
 * Port: the cameras' image changes the fleet cache recorded as it stored a new image for a camera that ran another
 * (what the site timeline shows as Image rows). A camera's first image, or an image no longer reported, is no change.
 */
public interface ImageChanges {

    /**
     * @param id    its order among the changes recorded
     * @param at    when the cache stored it: the fleet's "as of" when replaced, the page's time when synced
     */
    record ImageChange(long id, String cameraId, String siteId, String fromImage, String toImage, Instant at) {
    }

    /** The changes at {@code siteId} from {@code from} (inclusive) to {@code to} (exclusive), the latest {@code limit}. */
    List<ImageChange> atSite(String siteId, Instant from, Instant to, int limit);
}
