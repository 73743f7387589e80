package io.camfleet.console.service.reports;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.availability.AvailabilityService;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.backup.BackupSettings;
import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.service.devices.FakeDirectory;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.findings.FindingsService;
import io.camfleet.console.service.findings.FindingsSettings;
import io.camfleet.console.service.findings.PatchComplianceService;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.support.TicketService;
import io.camfleet.console.domain.support.SlaTargets;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A real data folder for the compliance report: the cache file (H2), the audit key and anchor beside it, the demo
 * fleet synced into it, and each capability's real service over it, so that a test seeds data as the console does.
 * The clock only moves forward: seed what lies before the period first.
 */
final class ComplianceRig implements AutoCloseable {

    static final int SITES = 12;

    final Path data;
    final TestClock clock;
    final CacheDatabase db;
    final AuditService audit;
    final FindingsService findings;
    final PatchComplianceService patches;
    final EstateCache estate;
    final DevicesService devices;
    final ConfigBackups backups;
    final TicketService tickets;
    final List<String> environments = new ArrayList<>();
    ReportSettings settings = ReportSettings.DEFAULTS;
    final Messages messages = new Messages(Locale.ENGLISH);

    /**
     * @param historyUntil when the demo fleet is synced into the folder (as a first opening does), its health history
     *                     is written up to then (as a new cache on the demo gets it), before the clock gets there;
     *                     null for a folder with no fleet at all
     */
    ComplianceRig(Path data, Instant start, Instant historyUntil) {
        this.data = data;
        this.clock = new TestClock(start);
        this.db = CacheDatabase.open(data, clock);
        this.audit = new AuditService(db.auditTrail(), new AuditAnchorFiles(data), new Operator("auditor", ""), clock);
        if (historyUntil != null) {
            if (!new DemoFleetSource(SITES, 42).backfill(db.healthHistory(), historyUntil, DemoFleetSource.HISTORY)) {
                throw new IllegalStateException("no health history written");
            }
            new FleetService(new DemoFleetSource(SITES, 42), db.fleet(), HealthRules.DEFAULT, clock, audit)
                    .reload(Progress.NONE);
        }
        this.findings = new FindingsService(db.findings(), audit, clock, this::cameras, List::of, e -> List.of(),
                () -> FindingsSettings.DEFAULTS);
        this.patches = new PatchComplianceService(db.findings(), this::cameras, List::of, (e, nodes) -> List.of(),
                clock);
        this.estate = new EstateCache(db.snapshots(), clock);
        this.devices = new DevicesService(new FakeDirectory(List.of()), db.devices(), audit,
                () -> DeviceSettings.DEFAULTS, clock);
        this.backups = new ConfigBackups(db.backups(), audit, clock, () -> BackupSettings.DEFAULTS, null, messages);
        this.tickets = new TicketService(db.tickets(), audit, clock, () -> SlaTargets.DEFAULT);
    }


    FleetInventory fleet() {
        FleetData d = db.fleet().read().fleet();
        return FleetInventory.of(d.sites(), d.cameras());
    }

    private List<io.camfleet.console.domain.fleet.CameraSystem> cameras() {
        return db.fleet().read().fleet().cameras();
    }

    /** The report over every source, as the console's feature composes it. */
    ComplianceReports reports() {
        return new ComplianceReports(new ComplianceSources(data, this::fleet, () -> Optional.of(findings),
                () -> Optional.of(patches), () -> Optional.of(estate), () -> List.copyOf(environments),
                () -> Optional.of(devices), fleet -> Optional.of(new AvailabilityService(db.healthHistory(),
                () -> fleet, () -> AvailabilitySettings.DEFAULT)), () -> Optional.of(backups), db.journal(),
                db.releases(), () -> Optional.of(tickets), audit, db.auditTrail(), new AuditAnchorFiles(data),
                () -> settings), messages, clock);
    }

    @Override
    public void close() {
        db.close();
    }
}
