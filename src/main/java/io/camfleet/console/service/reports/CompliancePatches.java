package io.camfleet.console.service.reports;

import io.camfleet.console.domain.findings.PatchCompliance;
import io.camfleet.console.domain.findings.RiskAcceptance;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.domain.findings.SeverityCounts;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Fact;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.findings.FindingRow;
import io.camfleet.console.service.findings.FindingsService;
import io.camfleet.console.service.findings.PatchComplianceService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Section 1: patch compliance per camera and per image, the open findings by severity, and the risks accepted with
 * who, why and until when. Findings and patch states are as last imported: the state at the report's date, not a
 * history of the period.
 */
final class CompliancePatches {

    private CompliancePatches() {
    }

    static Section section(ComplianceContext c, Optional<FindingsService> findings,
                           Optional<PatchComplianceService> patches) {
        boolean imported = findings.map(f -> !f.importedAt().isEmpty()).orElse(false)
                || patches.flatMap(PatchComplianceService::lastScan).isPresent();
        List<PatchCompliance> cameras = imported && patches.isPresent() ? patches.get().perCamera() : List.of();
        List<PatchCompliance> images = imported && patches.isPresent() ? patches.get().perImage() : List.of();
        List<FindingRow> rows = imported && findings.isPresent() ? findings.get().rows(Optional.empty(), true)
                : List.of();
        List<FindingRow> open = rows.stream().filter(FindingRow::open).toList();
        List<FindingRow> accepted = rows.stream().filter(r -> !r.open()).toList();

        List<Block> headline = new ArrayList<>();
        if (imported) {
            SeverityCounts counts = SeverityCounts.of(open.stream().map(FindingRow::finding).toList());
            List<Fact> facts = new ArrayList<>();
            for (Severity s : Severity.values()) {
                facts.add(new Fact(c.t("report.compliance.patches.open", s.name()), Integer.toString(counts.of(s))));
            }
            facts.add(c.fact("report.compliance.patches.accepted", accepted.size()));
            long reported = cameras.stream().filter(p -> p.reported() > 0).count();
            long compliant = cameras.stream().filter(p -> p.reported() > 0 && p.missing() == 0).count();
            facts.add(new Fact(c.t("report.compliance.patches.fullyPatched"),
                    c.t("report.compliance.patches.fullyPatched.value", compliant, reported, cameras.size())));
            findings.flatMap(f -> f.importedAt().values().stream().max(Instant::compareTo)).ifPresent(at ->
                    facts.add(c.fact("report.compliance.patches.findingsAsOf", at)));
            patches.flatMap(PatchComplianceService::lastScan).ifPresent(at ->
                    facts.add(c.fact("report.compliance.patches.patchesAsOf", at)));
            headline.add(new Block.Facts(facts));
        }
        String gap = imported ? null : c.t("report.compliance.patches.gap");
        return c.section("report.compliance.patches.title", "report.compliance.patches.about", gap, headline,
                List.of(patchTable(c, "patches", "report.compliance.col.camera", cameras),
                        patchTable(c, "image-patches", "report.compliance.col.image", images),
                        findingTable(c, open), acceptedTable(c, accepted)));
    }

    private static Table patchTable(ComplianceContext c, String name, String subjectKey, List<PatchCompliance> rows) {
        return new Table(name, List.of(c.text(subjectKey), c.integer("report.compliance.col.cameras"),
                c.integer("report.compliance.col.reported"), c.text("report.compliance.col.patchLevels"),
                c.integer("report.compliance.col.installed"), c.integer("report.compliance.col.missing"),
                c.integer("report.compliance.col.missingSecurity"), c.percent("report.compliance.col.compliance")),
                ComplianceContext.rows(rows, p -> ComplianceContext.row(p.subject(), p.cameras(), p.reported(),
                        String.join(" ", p.patchLevels()), p.installed(), p.missing(), p.missingSecurity(),
                        p.reported() == 0 ? null : (double) p.compliancePercent())));
    }

    private static Table findingTable(ComplianceContext c, List<FindingRow> open) {
        return new Table("findings", List.of(c.text("report.compliance.col.severity"),
                c.text("report.compliance.col.cve"), c.text("report.compliance.col.package"),
                c.text("report.compliance.col.host"), c.text("report.compliance.col.camera"),
                c.text("report.compliance.col.site"), c.text("report.compliance.col.image"),
                c.text("report.compliance.col.title"), c.dateTime("report.compliance.col.seen")),
                ComplianceContext.rows(open, r -> ComplianceContext.row(r.finding().severity().name(),
                        r.finding().cve(), r.finding().packageName(), r.finding().host(), r.cameraId(), r.siteId(),
                        r.image(), r.finding().title(), r.finding().seen())),
                c.t("report.compliance.findings.summary", open.size()));
    }

    private static Table acceptedTable(ComplianceContext c, List<FindingRow> accepted) {
        return new Table("accepted-risks", List.of(c.text("report.compliance.col.severity"),
                c.text("report.compliance.col.cve"), c.text("report.compliance.col.camera"),
                c.text("report.compliance.col.acceptedBy"), c.dateTime("report.compliance.col.acceptedAt"),
                c.text("report.compliance.col.reason"), c.date("report.compliance.col.until")),
                ComplianceContext.rows(accepted, r -> {
                    RiskAcceptance a = r.acceptance().orElseThrow();
                    return ComplianceContext.row(r.finding().severity().name(), r.finding().cve(),
                            r.cameraId().isEmpty() ? r.finding().host() : r.cameraId(), a.acceptedBy(),
                            a.acceptedAt(), a.reason(), a.until());
                }),
                c.t("report.compliance.accepted.summary", accepted.size()));
    }
}
