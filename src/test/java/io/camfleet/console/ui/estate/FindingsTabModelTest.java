package io.camfleet.console.ui.estate;

import io.camfleet.console.domain.findings.Finding;
import io.camfleet.console.domain.findings.PatchCompliance;
import io.camfleet.console.domain.findings.RiskAcceptance;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.service.findings.FindingRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The tab's filters and counts, with no toolkit. */
class FindingsTabModelTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    static FindingRow row(String id, Severity s, String cve, String pkg, String host, String camera, boolean accepted) {
        Finding f = new Finding(id, "csv", cve, s, pkg, host, "", "", T0);
        return new FindingRow(f, camera, camera.isEmpty() ? "" : "lisbon", camera.isEmpty() ? "" : "ami-1",
                accepted ? Optional.of(new RiskAcceptance(id, "not reachable", LocalDate.of(2027, 1, 31), "nina", T0,
                        false)) : Optional.empty());
    }

    private final FindingsTabModel model = new FindingsTabModel();

    private void rows(FindingRow... rows) {
        model.show(new FindingsTabModel.Snapshot(List.of(rows), Map.of(), List.of(), List.of(), Optional.empty()));
    }

    @Test
    void theChipCountsAreTheOpenFindingsWhateverTheFiltersShow() {
        rows(row("a", Severity.CRITICAL, "CVE-1", "openssh-server", "mi-0aaa", "cam-1", false),
                row("b", Severity.CRITICAL, "CVE-2", "openssl", "i-0bbb", "cam-2", true),
                row("c", Severity.HIGH, "CVE-3", "libwebp7", "10.9.9.9", "", false));
        model.severity(Severity.HIGH);
        model.search("nothing matches this");

        assertThat(model.openCounts().of(Severity.CRITICAL)).isEqualTo(1);
        assertThat(model.openCounts().of(Severity.HIGH)).isEqualTo(1);
        assertThat(model.openCounts().total()).isEqualTo(2);
        assertThat(model.accepted()).isEqualTo(1);
        assertThat(model.visible()).isEmpty();
    }

    @Test
    void aChipShowsItsSeverityOnlyAndAcceptedOnesOnlyWhenAskedFor() {
        rows(row("a", Severity.CRITICAL, "CVE-1", "openssh-server", "mi-0aaa", "cam-1", false),
                row("b", Severity.CRITICAL, "CVE-2", "openssl", "i-0bbb", "cam-2", true),
                row("c", Severity.HIGH, "CVE-3", "libwebp7", "10.9.9.9", "", false));

        model.severity(Severity.CRITICAL);
        assertThat(model.visible()).extracting(r -> r.finding().id()).containsExactly("a");
        model.showAccepted(true);
        assertThat(model.visible()).extracting(r -> r.finding().id()).containsExactly("a", "b");
        model.severity(null);
        assertThat(model.visible()).extracting(r -> r.finding().id()).containsExactly("a", "b", "c");
        assertThat(model.filtered()).isFalse();
    }

    @Test
    void theSearchLooksAtCvePackageHostCameraSiteAndImageInAnyCase() {
        rows(row("a", Severity.CRITICAL, "CVE-2024-6387", "openssh-server", "mi-0aaa", "cam-1", false),
                row("c", Severity.HIGH, "CVE-2023-4863", "libwebp7", "10.9.9.9", "", false));

        model.search("  LIBWEBP ");
        assertThat(model.visible()).extracting(r -> r.finding().id()).containsExactly("c");
        model.search("cve-2024");
        assertThat(model.visible()).extracting(r -> r.finding().id()).containsExactly("a");
        model.search("lisbon");
        assertThat(model.visible()).extracting(r -> r.finding().id()).containsExactly("a");
        model.search("ami-1");
        assertThat(model.visible()).extracting(r -> r.finding().id()).containsExactly("a");
        model.search("10.9.9");
        assertThat(model.visible()).extracting(r -> r.finding().id()).containsExactly("c");
        assertThat(model.filtered()).isTrue();
    }

    @Test
    void theFleetTotalsSumEveryCameraAndCountOnlyTheReportedOnesInThePercentage() {
        model.show(new FindingsTabModel.Snapshot(List.of(), Map.of(), List.of(
                new PatchCompliance("cam-1", 1, 1, List.of("pb-0cam @ 2025-12-01"), 96, 4, 2),
                new PatchCompliance("cam-2", 1, 1, List.of("baseline-2026-11"), 50, 0, 0),
                new PatchCompliance("cam-3", 1, 0, List.of(), 0, 0, 0)), List.of(), Optional.empty()));

        PatchCompliance t = model.totals();

        // installed 96 + 50 = 146, missing 4 + 0 = 4: 146 / 150 = 97.33 %, rounded down to 97
        assertThat(t.compliancePercent()).isEqualTo(97);
        assertThat(t.cameras()).isEqualTo(3);
        assertThat(t.reported()).isEqualTo(2);
        assertThat(t.missingSecurity()).isEqualTo(2);
        assertThat(t.patchLevels()).containsExactly("baseline-2026-11", "pb-0cam @ 2025-12-01");
    }

    @Test
    void thePatchSearchKeepsTheCamerasOrImagesWhoseIdHoldsIt() {
        model.show(new FindingsTabModel.Snapshot(List.of(), Map.of(), List.of(
                new PatchCompliance("AE-00719-C01", 1, 0, List.of(), 0, 0, 0),
                new PatchCompliance("PT-00042-C01", 1, 0, List.of(), 0, 0, 0)), List.of(
                new PatchCompliance("ami-1", 2, 0, List.of(), 0, 0, 0)), Optional.empty()));

        model.patchSearch(" pt-000 ");
        assertThat(model.patches(false)).extracting(PatchCompliance::subject).containsExactly("PT-00042-C01");
        assertThat(model.patches(true)).isEmpty();
        model.patchSearch("");
        assertThat(model.patches(false)).hasSize(2);
        assertThat(model.patches(true)).extracting(PatchCompliance::subject).containsExactly("ami-1");
    }
}
