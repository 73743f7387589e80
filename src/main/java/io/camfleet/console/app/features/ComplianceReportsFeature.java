package io.camfleet.console.app.features;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.availability.AvailabilityService;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.findings.FindingsService;
import io.camfleet.console.service.findings.PatchComplianceService;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.reports.ComplianceReports;
import io.camfleet.console.service.reports.ComplianceSources;
import io.camfleet.console.service.reports.ReportSettings;
import io.camfleet.console.service.support.TicketService;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The compliance report's source, over the findings, images, devices, availability, backups, deployments, tickets and
 * audit of the open folder: the other features' services, found when a report is built. The fleet is the window's,
 * or the one last synced into the cache when none runs (a report from the command line starts no fleet); availability
 * is computed over that same fleet by the rule and targets in force.
 */
public final class ComplianceReportsFeature implements Feature {

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var settings = SettingsFile.in(folder.folder().path());
        var live = parts.reference(FleetService.class);
        // The window's fleet when it runs (in memory); else, from the command line, the one last synced into the cache.
        Supplier<FleetInventory> fleet = () -> live.get().map(f -> f.current().inventory())
                .filter(i -> i.cameraCount() > 0).orElseGet(() -> {
                    FleetData d = folder.database().fleet().read().fleet();
                    return FleetInventory.of(d.sites(), d.cameras());
                });
        // Over the fleet the report read, so that 100,000 cameras are read once; by the rule and targets in force.
        Function<FleetInventory, Optional<AvailabilityFigures>> availability = inventory -> Optional.of(
                new AvailabilityService(folder.database().healthHistory(), () -> inventory,
                        () -> settings.read().get(AvailabilitySettings.SECTION)));
        ComplianceSources sources = new ComplianceSources(folder.folder().path(), fleet,
                parts.reference(FindingsService.class), parts.reference(PatchComplianceService.class),
                parts.reference(EstateCache.class),
                () -> settings.read().get(SourceSettings.SECTION).environments().stream().map(Environment::label)
                        .toList(),
                parts.reference(DevicesService.class), availability,
                parts.reference(ConfigBackups.class), folder.database().journal(), folder.database().releases(),
                parts.reference(TicketService.class), folder.audit(), folder.database().auditTrail(),
                new AuditAnchorFiles(folder.folder().path()), () -> settings.read().get(ReportSettings.SECTION));
        parts.add(ComplianceReports.class, new Lazy<>(() -> new ComplianceReports(sources,
                new Messages(Locale.ROOT), folder.clock())));
    }
}
