package io.camfleet.console.service.store;

import io.camfleet.console.service.environments.SyncCache;
import io.camfleet.console.service.fleet.FleetCache;

/** The fleet's tables, as the fleet service writes them ({@link FleetCache}) and as a sync does ({@link SyncCache}). */
public interface FleetStore extends FleetCache, SyncCache {
}
