package io.camfleet.console.service.reports;

import io.camfleet.console.service.audit.AuditAnchorStore;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.AuditTrail;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.ReleaseStore;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.findings.FindingsService;
import io.camfleet.console.service.findings.PatchComplianceService;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.support.TicketService;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the compliance report reads, each asked when the report is built. A capability that is absent (no feature added
 * it) is an empty optional: its section then says so instead of disappearing.
 *
 * @param folder       the data folder: a relative logo path is read from there
 * @param fleet        the fleet's sites and cameras, as last synced
 * @param availability the availability figures over that fleet (read once per report), or none
 * @param environments the labels of the AWS environments configured now
 * @param trail        the audit trail, whose head row the chain section prints
 * @param anchors      the audit key and anchor, named beside the chain's verification
 */
public record ComplianceSources(Path folder, Supplier<FleetInventory> fleet,
                                Supplier<Optional<FindingsService>> findings,
                                Supplier<Optional<PatchComplianceService>> patches,
                                Supplier<Optional<EstateCache>> estate, Supplier<List<String>> environments,
                                Supplier<Optional<DevicesService>> devices,
                                Function<FleetInventory, Optional<AvailabilityFigures>> availability,
                                Supplier<Optional<ConfigBackups>> backups, DeploymentJournal journal,
                                ReleaseStore releases, Supplier<Optional<TicketService>> tickets, AuditService audit,
                                AuditTrail trail, AuditAnchorStore anchors, Supplier<ReportSettings> settings) {
}
