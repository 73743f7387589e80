package io.camfleet.console.service.findings;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.findings.AcceptanceRule;
import io.camfleet.console.domain.findings.Finding;
import io.camfleet.console.domain.findings.RiskAcceptance;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.domain.findings.SeverityCounts;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Security findings tied to the fleet: imports (a file, or Inspector per environment), the list with counts by
 * severity, and risk acceptances. An acceptance expires by itself: each read judges it against the clock, and the
 * first read after it ran out records the expiry in the audit trail, once.
 */
public final class FindingsService {

    private final FindingStore store;
    private final AuditService audit;
    private final Clock clock;
    private final Supplier<List<CameraSystem>> cameras;
    private final Supplier<List<Environment>> environments;
    private final InspectorSource inspector;
    private final Supplier<FindingsSettings> settings;

    /** @param cameras the fleet's cameras as last synced, read at each call */
    public FindingsService(FindingStore store, AuditService audit, Clock clock, Supplier<List<CameraSystem>> cameras,
                           Supplier<List<Environment>> environments, InspectorSource inspector,
                           Supplier<FindingsSettings> settings) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.cameras = cameras;
        this.environments = environments;
        this.inspector = inspector;
        this.settings = settings;
    }

    /** The configured AWS environment of that label; a Problem naming the configured ones if there is none. */
    static Environment environment(List<Environment> configured, String label) {
        return configured.stream().filter(e -> e.label().equalsIgnoreCase(label.strip())).findFirst()
                .orElseThrow(() -> Problem.badInput("findings.noEnvironment", label, configured.isEmpty() ? "-"
                        : String.join(", ", configured.stream().map(Environment::label).toList())));
    }

    /**
     * Reads Inspector's active findings of the environment labelled {@code label} (see {@link #importInspector}).
     *
     * @throws Problem (bad input) if there is no such environment, or Inspector is off for it in the settings
     */
    public ImportReport importInspector(String label) {
        Environment e = environment(environments.get(), label);
        if (!settings.get().inspector(e.label())) {
            throw Problem.badInput("findings.inspectorOff", e.label());
        }
        return importInspector(e);
    }

    /** Reads Inspector's findings of every environment the settings turn it on for, one report each. */
    public List<ImportReport> importInspectorEverywhere() {
        List<ImportReport> reports = new ArrayList<>();
        for (Environment e : environments.get()) {
            if (settings.get().inspector(e.label())) {
                reports.add(importInspector(e));
            }
        }
        return reports;
    }

    /** Imports a file, replacing the findings of its format's earlier import; nothing changes if a row is bad. */
    public ImportReport importFile(Path file, ImportFormat format) {
        List<Finding> read = FindingFiles.read(file, format, clock.instant());
        return audit.perform(AuditActions.FINDINGS_IMPORT, file.getFileName().toString(),
                Map.of("format", format.name().toLowerCase(java.util.Locale.ROOT), "findings",
                        Integer.toString(read.size())), () -> keep(format.source(), read));
    }

    /** Reads Inspector's active findings of {@code environment}, replacing the ones read from it before. */
    public ImportReport importInspector(Environment environment) {
        String source = "inspector:" + environment.label();
        return audit.perform(AuditActions.FINDINGS_IMPORT, environment.label(), Map.of("format", "inspector"),
                () -> keep(source, inspector.activeFindings(environment)));
    }

    private ImportReport keep(String source, List<Finding> findings) {
        store.replace(source, findings, clock.instant());
        HostIndex hosts = new HostIndex(cameras.get());
        int unknown = (int) findings.stream().filter(f -> hosts.camera(f.host()).isEmpty()).count();
        return new ImportReport(source, findings.size(), SeverityCounts.of(findings), unknown);
    }

    /**
     * The findings of {@code floor} or worse (all if empty), worst first, tied to cameras; accepted ones only if
     * {@code withAccepted}.
     */
    public List<FindingRow> rows(Optional<Severity> floor, boolean withAccepted) {
        Instant now = clock.instant();
        Map<String, RiskAcceptance> accepted = store.acceptances();
        HostIndex hosts = new HostIndex(cameras.get());
        List<FindingRow> rows = new ArrayList<>();
        for (Finding f : store.findings()) {
            if (floor.isPresent() && !f.severity().atLeast(floor.get())) {
                continue;
            }
            Optional<RiskAcceptance> a = Optional.ofNullable(accepted.get(f.id()));
            if (a.isPresent() && !a.get().holdsAt(now)) {
                expired(a.get());
                a = Optional.empty();
            }
            if (a.isPresent() && !withAccepted) {
                continue;
            }
            Optional<CameraSystem> c = hosts.camera(f.host());
            rows.add(new FindingRow(f, c.map(CameraSystem::id).orElse(""), c.map(CameraSystem::siteId).orElse(""),
                    c.map(CameraSystem::image).filter(i -> !i.isEmpty()).orElse(f.image()), a));
        }
        return rows;
    }

    /** When each source that holds findings was last imported ({@code csv}, {@code inspector:eu}...), by source. */
    public Map<String, Instant> importedAt() {
        return store.importedAt();
    }

    /** The open findings (not accepted now) by severity. */
    public SeverityCounts openCounts() {
        return SeverityCounts.of(rows(Optional.empty(), false).stream().map(FindingRow::finding).toList());
    }

    private void expired(RiskAcceptance a) {
        if (!a.expiryRecorded() && store.markExpiryRecorded(a.findingId())) {
            audit.record(AuditActions.FINDING_ACCEPT_EXPIRED, a.findingId(), Map.of("until", a.until().toString(),
                    "reason", a.reason(), "acceptedBy", a.acceptedBy()), AuditOutcome.SUCCEEDED);
        }
    }

    /**
     * Accepts a finding as a risk until the end of {@code until} (UTC), audited.
     *
     * @throws Problem (bad input) for an unknown finding, a blank reason, or a date not in the next year
     */
    public RiskAcceptance accept(String findingId, String reason, LocalDate until) {
        store.finding(findingId).orElseThrow(() -> Problem.badInput("findings.accept.unknown", findingId));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        AcceptanceRule.check(reason, until, today).ifPresent(r -> {
            throw switch (r) {
                case NO_REASON -> Problem.badInput("findings.accept.noReason");
                case REASON_TOO_LONG -> Problem.badInput("findings.accept.reasonTooLong", AcceptanceRule.MAX_REASON);
                case NOT_IN_FUTURE -> Problem.badInput("findings.accept.past", until, today);
                case TOO_FAR -> Problem.badInput("findings.accept.tooFar", until, today.plusDays(
                        AcceptanceRule.MAX_DAYS));
            };
        });
        RiskAcceptance a = new RiskAcceptance(findingId, reason.strip(), until, audit.operator().osUser(),
                clock.instant(), false);
        return audit.perform(AuditActions.FINDING_ACCEPT, findingId, Map.of("until", until.toString(),
                "reason", a.reason()), () -> {
                    store.accept(a);
                    return a;
                });
    }
}
