package io.camfleet.console.service.environments;

import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Port: the cache as environment syncs write it, a page at a time. Each environment's rows are replaced only by a
 * sync of that environment, and its "as of" moves in the last transaction, after every page: a sync stopped half-way
 * leaves pages of newer rows but never a newer "as of".
 */
public interface SyncCache {

    /** What the cache holds of one environment: the rows a sync of it compares with. */
    FleetData readEnvironment(String environment);

    /**
     * Writes one page of a sync in one transaction: its sites and cameras, with their telemetry, are inserted or
     * updated and marked as {@code environment}'s. Cameras belong to the environment of their site. A value longer
     * than the cache keeps is clipped, and a record whose id is too long is left out, rather than failing the page.
     *
     * @return what was clipped or left out, one note per record and field; empty when everything fitted
     */
    List<Clipped> writePage(String environment, List<Site> sites, List<CameraSystem> cameras,
                            Map<String, CameraTelemetry> telemetry);

    /**
     * A value longer than its column: {@code record}'s {@code field} had {@code length} characters and the cache
     * keeps {@code width}. A too long id cannot be clipped (it would name another record): that record is left out.
     */
    record Clipped(String record, String field, int length, int width, boolean leftOut) {
    }

    /**
     * Ends a sync of one environment in one transaction, after all its pages: removes what is gone, moves the
     * environment's "as of" (and the whole cache's to its stalest environment's), and names the source.
     *
     * @param full whether it was a full sync (remembered, so the next incremental one may follow)
     */
    void finishSync(String environment, Collection<String> goneSites, Collection<String> goneCameras, String source,
                    Instant asOf, boolean full);

    /**
     * Removes, in one transaction, every row of an environment not in {@code environments} (the demo's and an
     * imported registry's is "").
     *
     * @return what was removed, one entry per environment that had rows
     */
    List<Removed> retainEnvironments(Set<String> environments);

    /** Rows of {@code environment} removed because it is no longer configured. */
    record Removed(String environment, int sites, int cameras) {
    }

    /** Each synced environment and up to when its rows are complete. */
    Map<String, Instant> environmentsAsOf();

    /**
     * When the last sync of {@code environment} that read everything started (the base that an incremental sync's
     * changes apply to); empty when none is remembered.
     */
    default java.util.Optional<Instant> lastFullSync(String environment) {
        return java.util.Optional.empty();
    }
}
