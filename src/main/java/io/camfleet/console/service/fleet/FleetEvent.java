package io.camfleet.console.service.fleet;

import io.camfleet.console.service.common.Problem;

import java.time.Instant;
import java.util.List;

/**
 * What changed in the fleet, as {@link FleetWatch} tells whoever subscribes: the window's banners now, alerts and
 * KPIs later. Snapshots say what the fleet is; these say what just happened to it.
 */
public sealed interface FleetEvent {

    /** Cameras whose judged health changed between two snapshots of the same source. */
    record HealthChanged(List<HealthChange> changes) implements FleetEvent {
        public HealthChanged {
            changes = List.copyOf(changes);
        }
    }

    /** Cameras that now run another software version (a sync found it, or a rollout reported it). */
    record VersionChanged(List<VersionChange> changes) implements FleetEvent {
        public VersionChanged {
            changes = List.copyOf(changes);
        }
    }

    /**
     * A load or sync failed; the fleet shown is still what was there before.
     *
     * @param asOf      when the cache was last brought up to date, or null when nothing is cached from this source
     * @param retryable whether syncing again may help (a remote source); a local file is fixed by the operator first
     */
    record SyncFailed(String source, Throwable cause, Instant asOf, boolean retryable) implements FleetEvent {
    }

    /** A sync went through, but part of the source could not be read (one environment of several, say). */
    record SyncPartly(String source, List<Problem> problems) implements FleetEvent {
        public SyncPartly {
            problems = List.copyOf(problems);
        }
    }

    /** A sync went through in full after one that failed or was partial. */
    record SyncRecovered(String source) implements FleetEvent {
    }

    /** The fleet comes from another source from now on. */
    record SourceSwitched(String from, String to) implements FleetEvent {
    }

    /** The source chosen could not be used; the fleet stays on the one it had. */
    record SwitchRefused(Throwable cause) implements FleetEvent {
    }

    /** One camera's software version, before and after. */
    record VersionChange(String cameraId, String from, String to) {
    }
}
