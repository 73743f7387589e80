package io.camfleet.console.service.reports;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import static io.camfleet.console.service.reports.ComplianceReportsTest.options;
import static io.camfleet.console.service.reports.ComplianceReportsTest.paragraphs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compliance report of a data folder where nothing is configured (no fleet, no AWS environment, no devices, no
 * backups, no tickets): every section is still there, saying what is missing over an empty table. And what the
 * report refuses, leaves out, or stops on.
 */
class ComplianceGapsTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;
    private ComplianceRig rig;

    @BeforeEach
    void open() {
        rig = new ComplianceRig(dir.resolve("data"), NOW, null);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private ReportDocument build() {
        return rig.reports().build(options(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"),
                dir.resolve("c.pdf")), ReportProgress.NONE).document();
    }

    @Test
    void aFolderWithNothingConfiguredStillHasAllNineSectionsWithTheirGapSentences() {
        ReportDocument doc = build();
        assertThat(doc.sections()).extracting(Section::title).containsExactly(
                "Patch compliance and security findings", "Image age", "Review-device compliance", "SLA attainment",
                "Config-backup age", "Deployments and changes", "P1 and P2 tickets", "Access and audit extract",
                "Audit chain verification");
        assertThat(doc.sections()).allSatisfy(s -> assertThat(s.csv()).isTrue());
        // The chain's own table always has its checks; every other table is empty.
        assertThat(doc.sections().subList(0, 8)).allSatisfy(s -> assertThat(s.tables()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.rows()).isEmpty()));
        List<String> gaps = doc.sections().subList(0, 8).stream().map(s -> paragraphs(s).get(1)).toList();
        assertThat(gaps).containsExactly(
                "No findings and no patch states have been imported into this data folder (no scanner file, no"
                        + " Inspector or SSM read from an AWS environment): patch compliance and findings cannot be"
                        + " shown.",
                "No AWS environment is configured: the images catalogue cannot be read, so the cameras' image ages"
                        + " are unknown.",
                "No review devices have been synced into this data folder (no directory configured, or never"
                        + " synced): device compliance cannot be shown.",
                "The health history holds no data in the period: SLA attainment cannot be shown for it.",
                "No config backup has been taken in this data folder: backup ages cannot be shown.",
                "No deployment was started in the period.",
                "No P1 or P2 ticket was opened or resolved in the period.",
                "The audit trail holds no event in the period.");
        assertThat(doc.csvTables()).extracting(Table::name).containsExactly("patches", "image-patches", "findings",
                "accepted-risks", "image-age", "devices", "sla-regions", "sla", "backups", "deployments", "tickets",
                "audit-extract", "audit-chain");
        assertThat(doc.sections().get(8).blocks()).contains(new Block.Verdict(true,
                "Passed: the audit chain is intact, 0 events checked against the audit key and the anchor."));
    }

    @Test
    void aSectionWhoseServiceIsAbsentSaysSoInsteadOfDisappearing() {
        ComplianceSources all = sourcesWithout();
        ReportDocument doc = new ComplianceReports(all, rig.messages, rig.clock).build(options(
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), dir.resolve("c.pdf")),
                ReportProgress.NONE).document();
        assertThat(paragraphs(doc.sections().get(3))).contains(
                "Availability is not computed in this console: SLA attainment cannot be shown.");
        assertThat(paragraphs(doc.sections().get(6))).contains(
                "The support desk is not available in this console: tickets cannot be shown.");
        assertThat(doc.sections()).hasSize(9);
    }

    private ComplianceSources sourcesWithout() {
        return new ComplianceSources(rig.data, rig::fleet, Optional::empty, Optional::empty,
                Optional::empty, List::of, Optional::empty, fleet -> Optional.empty(),
                Optional::empty, rig.db.journal(), rig.db.releases(), Optional::empty,
                rig.audit, rig.db.auditTrail(), new AuditAnchorFiles(rig.data),
                () -> rig.settings);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsOrHasNotStartedIsRefusedInASentence() {
        assertThatThrownBy(() -> rig.reports().build(options(LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-11-01"), dir.resolve("c.pdf")), ReportProgress.NONE))
                .isInstanceOf(Problem.class).hasMessage("The period ends on 2026-11-01, before it starts on"
                        + " 2026-11-30: give a last day on or after the first.");
        assertThatThrownBy(() -> rig.reports().build(options(LocalDate.parse("2026-12-03"),
                LocalDate.parse("2026-12-31"), dir.resolve("c.pdf")), ReportProgress.NONE))
                .isInstanceOf(Problem.class).hasMessage("The period starts on 2026-12-03, after today (2026-12-02):"
                        + " nothing has happened in it yet. Give a period that starts today or earlier.");
    }

    @Test
    void theLogoOfTheSettingsIsPrintedAndABadOneIsLeftOutSayingWhy() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        Files.write(rig.data.resolve("logo.png"), png);
        Files.writeString(rig.data.resolve("logo.txt"), "<svg/>");
        rig.settings = new ReportSettings("Acme Security", "#112233", "#445566", "logo.png", "Dana", List.of(), "",
                "");
        ReportDocument doc = build();
        assertThat(doc.cover().branding().logoPng()).isEqualTo(png);
        assertThat(doc.cover().branding().company()).isEqualTo("Acme Security");
        assertThat(doc.cover().branding().primaryColor()).isEqualTo("#112233");
        assertThat(doc.cover().author()).isEqualTo("Dana");
        assertThat(doc.cover().facts()).noneMatch(f -> f.label().equals("Logo"));

        rig.settings = new ReportSettings("Acme", "", "", "logo.txt", "", List.of(), "", "");
        doc = build();
        assertThat(doc.cover().branding().hasLogo()).isFalse();
        assertThat(doc.cover().author()).isEqualTo("auditor");
        assertThat(doc.cover().facts()).extracting(f -> f.label() + ": " + f.value())
                .contains("Logo: not printed: logo.txt is not a PNG image");

        rig.settings = new ReportSettings("Acme", "", "", "gone.png", "", List.of(), "", "");
        assertThat(build().cover().facts()).extracting(f -> f.label() + ": " + f.value())
                .contains("Logo: not printed: gone.png is not a file (the logo file of the report settings)");
    }

    @Test
    void progressNamesEachSectionAndACancelStopsBetweenThem() {
        List<String> steps = new ArrayList<>();
        rig.reports().build(options(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"),
                dir.resolve("c.pdf")), new ReportProgress() {
                    @Override
                    public void progress(String step, double fraction) {
                        steps.add(step + " " + Math.round(fraction * 9));
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                });
        assertThat(steps).hasSize(10).startsWith("Section 1 of 9: Patch compliance and security findings 0",
                "Section 2 of 9: Image age 1").contains("Section 9 of 9: Audit chain verification 8")
                .endsWith("All sections gathered 9");

        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> rig.reports().build(options(LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"), dir.resolve("c.pdf")), new ReportProgress() {
                    @Override
                    public void progress(String step, double fraction) {
                        seen.add(step);
                    }

                    @Override
                    public boolean cancelled() {
                        return seen.size() == 3;
                    }
                })).isInstanceOf(CancellationException.class);
        assertThat(seen).hasSize(3).last().isEqualTo("Section 3 of 9: Review-device compliance");
    }
}
