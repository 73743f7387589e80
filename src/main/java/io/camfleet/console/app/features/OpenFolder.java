package io.camfleet.console.app.features;

import io.camfleet.console.adapter.files.DataFolder;
import io.camfleet.console.service.store.FleetStore;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.store.Database;

import java.time.Clock;
import java.util.function.Function;

/**
 * A data folder being opened, as the features find it: its database (the port) and audit trail are open; each feature
 * builds its services over them.
 *
 * @param source the fleet source the folder is opened on, built over the fleet cache
 */
public record OpenFolder(DataFolder folder, Database database, AuditService audit, Clock clock,
                         Function<FleetStore, FleetSource> source) {
}
