package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import java.time.Duration;
import java.util.List;

/**
 * What a sync of one environment did.
 *
 * @param sites     sites the environment has now
 * @param cameras   camera systems it has now
 * @param unplaced  sites without usable coordinates (listed, never drawn at 0/0)
 * @param removed   sites and cameras that were cached but are gone from the environment
 * @param written   rows written to the cache (all of them in a full sync; only what changed in an incremental one)
 * @param pages     pages read and written
 * @param throttled calls the source throttled and the SDK retried
 * @param warnings  what could not be read, though the rest was (health metrics refused, say)
 */
public record SyncReport(String environment, boolean full, int sites, int cameras, int unplaced, int removed,
                         int written, int pages, int throttled, Duration took, List<Problem> warnings) {

    public SyncReport {
        warnings = List.copyOf(warnings);
    }
}
