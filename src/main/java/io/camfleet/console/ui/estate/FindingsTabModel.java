package io.camfleet.console.ui.estate;

import io.camfleet.console.domain.findings.PatchCompliance;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.domain.findings.SeverityCounts;
import io.camfleet.console.service.findings.FindingRow;
import io.camfleet.console.service.findings.FindingsService;
import io.camfleet.console.service.findings.PatchComplianceService;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the Patches & findings tab shows, with no toolkit: the findings and patch compliance as the store holds them,
 * and the operator's filters (a severity chip, the search text, whether accepted findings are shown). The counts on
 * the chips are the open findings, whatever the filters, so that accepting one is seen leaving them.
 */
final class FindingsTabModel {

    /** One read of the store, taken off the FX thread. */
    record Snapshot(List<FindingRow> rows, Map<String, Instant> importedAt, List<PatchCompliance> perCamera,
                    List<PatchCompliance> perImage, Optional<Instant> lastScan) {

        static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), List.of(), List.of(), Optional.empty());

        Snapshot {
            rows = List.copyOf(rows);
            importedAt = Map.copyOf(importedAt);
            perCamera = List.copyOf(perCamera);
            perImage = List.copyOf(perImage);
        }

        /** Reads everything the tab shows; every finding, accepted or not, as the service judges it now. */
        static Snapshot read(FindingsService findings, PatchComplianceService patches) {
            return new Snapshot(findings.rows(Optional.empty(), true), findings.importedAt(), patches.perCamera(),
                    patches.perImage(), patches.lastScan());
        }
    }

    private Snapshot snapshot = Snapshot.EMPTY;
    private Severity severity;
    private String search = "";
    private String patchSearch = "";
    private boolean showAccepted;

    void show(Snapshot s) {
        snapshot = s;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Shows only that severity; null shows every severity. */
    void severity(Severity s) {
        severity = s;
    }

    Severity severity() {
        return severity;
    }

    void search(String text) {
        search = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    void showAccepted(boolean on) {
        showAccepted = on;
    }

    /** Filters the patch compliance rows by camera or image id (a fleet has thousands of cameras). */
    void patchSearch(String text) {
        patchSearch = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** The patch compliance rows per camera or per image that the patch search lets through. */
    List<PatchCompliance> patches(boolean perImage) {
        return (perImage ? snapshot.perImage() : snapshot.perCamera()).stream()
                .filter(p -> patchSearch.isEmpty() || p.subject().toLowerCase(Locale.ROOT).contains(patchSearch))
                .toList();
    }

    /** The open findings (no acceptance holds now) by severity. */
    SeverityCounts openCounts() {
        return SeverityCounts.of(snapshot.rows().stream().filter(FindingRow::open).map(FindingRow::finding).toList());
    }

    /** How many accepted findings the "show accepted" toggle would add. */
    int accepted() {
        return (int) snapshot.rows().stream().filter(r -> !r.open()).count();
    }

    /** The findings the filters let through, worst first as the service gives them. */
    List<FindingRow> visible() {
        return snapshot.rows().stream()
                .filter(r -> showAccepted || r.open())
                .filter(r -> severity == null || r.finding().severity() == severity)
                .filter(r -> search.isEmpty() || matches(r))
                .toList();
    }

    private boolean matches(FindingRow r) {
        var f = r.finding();
        for (String field : List.of(f.cve(), f.packageName(), f.host(), f.title(), f.source(), r.cameraId(),
                r.siteId(), r.image())) {
            if (field.toLowerCase(Locale.ROOT).contains(search)) {
                return true;
            }
        }
        return false;
    }

    boolean filtered() {
        return severity != null || !search.isEmpty();
    }

    /**
     * The whole fleet's patch compliance: the sums over every camera (subject "fleet"); its percentage is installed
     * out of applicable over the cameras that reported, as each camera's is.
     */
    PatchCompliance totals() {
        int cameras = 0;
        int reported = 0;
        int installed = 0;
        int missing = 0;
        int security = 0;
        TreeSet<String> levels = new TreeSet<>();
        for (PatchCompliance c : snapshot.perCamera()) {
            cameras += c.cameras();
            reported += c.reported();
            installed += c.installed();
            missing += c.missing();
            security += c.missingSecurity();
            levels.addAll(c.patchLevels());
        }
        return new PatchCompliance("fleet", cameras, reported, List.copyOf(levels), installed, missing, security);
    }
}
