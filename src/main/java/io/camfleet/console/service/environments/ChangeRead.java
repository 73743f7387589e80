package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.FleetData;

import java.time.Instant;

/**
 * How an {@link EnvironmentReader#readChanges incremental read} went: either it delivered the fleet with the changes
 * applied, or it delivered nothing and says why a read of everything is needed. Either way {@link #acknowledge} is
 * called once the cache has committed what followed, and never before: the changes it read then leave their queue,
 * so that a sync that fails or crashes before the commit reads them again.
 *
 * @param delivered       whether the fleet was delivered to the sink
 * @param fullReadBecause why everything must be read instead (null when delivered)
 * @param acknowledge     what to do after the commit (deleting the events applied, say); never null
 */
public record ChangeRead(boolean delivered, Problem fullReadBecause, Acknowledgement acknowledge) {

    /** Done after the cache's commit; may call the source. */
    @FunctionalInterface
    public interface Acknowledgement {
        Acknowledgement NONE = () -> { };

        void acknowledge();
    }

    public ChangeRead {
        acknowledge = acknowledge == null ? Acknowledgement.NONE : acknowledge;
    }

    public static ChangeRead delivered(Acknowledgement acknowledge) {
        return new ChangeRead(true, null, acknowledge);
    }

    public static ChangeRead fullReadNeeded(Problem because) {
        return new ChangeRead(false, because, Acknowledgement.NONE);
    }

    /** A full read is needed; what was read may still be acknowledged once it has been committed. */
    public static ChangeRead fullReadNeeded(Problem because, Acknowledgement acknowledge) {
        return new ChangeRead(false, because, acknowledge);
    }

    /**
     * What the cache holds of an environment, as the base the changes apply to.
     *
     * @param fleet    its sites, cameras and telemetry after its last complete sync
     * @param lastSync when its last sync (of any kind) started: changes are asked for since then
     * @param lastFull when its last read of everything started
     */
    public record Since(FleetData fleet, Instant lastSync, Instant lastFull) {
    }
}
