package io.camfleet.console.service.reports;

import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.ImageUsage;
import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.domain.images.OutdatedRule;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;
import io.camfleet.console.service.findings.FindingRow;
import io.camfleet.console.service.findings.ImportFormat;
import io.camfleet.console.service.kpi.EstateImageDates;
import io.camfleet.console.service.support.TicketDraft;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.OffsiteCopy;
import io.camfleet.console.domain.backup.TakenFile;
import io.camfleet.console.domain.backup.VersionChecksum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance report over a real data folder (H2 cache, audit key and anchor files) holding the demo fleet and
 * data seeded through the console's own services before, during and after the period 2026-11-25 to 2026-11-30: each
 * section lists what belongs to the period and nothing else. Seeded once: the report only reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportsTest {

    static final Instant BEFORE = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant DURING = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant AFTER = Instant.parse("2026-12-02T10:00:00Z");
    static final LocalDate FROM = LocalDate.parse("2026-11-25");
    static final LocalDate TO = LocalDate.parse("2026-11-30");

    private Path dir;
    private ComplianceRig rig;
    private CameraSystem c0;
    private CameraSystem c1;
    private long p2Before;
    private long p1During;

    @BeforeAll
    void seed(@TempDir Path tmp) throws Exception {
        dir = tmp;
        rig = new ComplianceRig(dir.resolve("data"), BEFORE, AFTER);
        c0 = rig.fleet().camera(0);
        c1 = rig.fleet().camera(1);
        // Before the period.
        rig.audit.record("test.event", "before-period", Map.of(), AuditOutcome.SUCCEEDED);
        p2Before = rig.tickets.create(new TicketDraft("Site flickers", io.camfleet.console.domain.support.Severity.P2,
                "Acme", List.of(c0.siteId()), List.of(), "")).id();
        deployment("dep-old", DeploymentState.SUCCEEDED, TargetState.SUCCEEDED);
        backup(c0);
        // Exactly 7 days before the report is made (12-02 10:30, see below).
        rig.clock.advance(Duration.between(rig.clock.instant(), Instant.parse("2026-11-25T10:30:00Z")));
        backup(rig.fleet().camera(2));
        // During the period.
        rig.clock.advance(Duration.between(rig.clock.instant(), DURING));
        rig.audit.record("test.event", "in-period", Map.of("why", "test"), AuditOutcome.FAILED);
        p1During = rig.tickets.create(new TicketDraft("Site dark", io.camfleet.console.domain.support.Severity.P1,
                "Acme", List.of(c1.siteId()), List.of(), "")).id();
        rig.tickets.create(new TicketDraft("A question", io.camfleet.console.domain.support.Severity.P3, "Acme",
                List.of(c0.siteId()), List.of(), ""));
        rig.clock.advance(Duration.ofMinutes(5));
        rig.tickets.move(p1During, TicketStatus.IN_PROGRESS, "on it");
        rig.tickets.move(p2Before, TicketStatus.IN_PROGRESS, "late");
        rig.clock.advance(Duration.ofHours(1));
        rig.tickets.move(p1During, TicketStatus.RESOLVED, "power back");
        rig.tickets.move(p2Before, TicketStatus.RESOLVED, "cable");
        rig.db.releases().save(new Release("camos-agent", "6.6.1", ReleaseKind.HOTFIX, "demo/agent.tar.gz",
                "c".repeat(64), "install.sh", "selftest", "rollback.sh"), "release-engineer");
        deployment("dep-in", DeploymentState.FAILED, TargetState.FAILED);
        backup(c1);
        Path scan = Files.writeString(dir.resolve("scan.csv"), "CVE,severity,package,host,title\n"
                + "CVE-2026-0001,CRITICAL,openssl," + c0.hostname() + ",TLS bug\n"
                + "CVE-2026-0002,HIGH,zlib," + c1.hostname() + ",Inflate bug\n"
                + "CVE-2026-0003,LOW,bash,unknown-host,Prompt bug\n");
        rig.findings.importFile(scan, ImportFormat.CSV);
        FindingRow high = rig.findings.rows(Optional.empty(), true).stream()
                .filter(r -> r.finding().cve().equals("CVE-2026-0002")).findFirst().orElseThrow();
        rig.findings.accept(high.finding().id(), "Compensating firewall rule", LocalDate.parse("2027-01-31"));
        rig.patches.importFile(Files.writeString(dir.resolve("patches.csv"),
                "host,patch level,installed,missing,missing security\n"
                        + c0.hostname() + ",2026.11,180,20,5\n" + c1.hostname() + ",2026.11,200,0,0\n"));
        // After the period.
        rig.clock.advance(Duration.between(rig.clock.instant(), AFTER));
        rig.audit.record("test.event", "after-period", Map.of(), AuditOutcome.SUCCEEDED);
        rig.tickets.create(new TicketDraft("Later", io.camfleet.console.domain.support.Severity.P1, "Acme",
                List.of(c0.siteId()), List.of(), ""));
        deployment("dep-after", DeploymentState.SUCCEEDED, TargetState.SUCCEEDED);
        rig.db.devices().replace(List.of(device("d1", "SN1", "reviewer@example.com", AFTER.minusSeconds(3600)),
                device("d2", "SN2", "", AFTER.minus(Duration.ofDays(30)))), AFTER, "test");
        rig.environments.add("eu");
        rig.estate.refresh("eu", EstateImageDates.KIND, () -> List.of(new CatalogueEntry("eu",
                new MachineImage("ami-0001", c0.image(), "eu-west-1", Instant.parse("2026-10-03T08:00:00Z"),
                        "available", null, Map.of()), c0.image(), List.of(), new ImageUsage("ami-0001", List.of(),
                List.of()), new OutdatedRule.Verdict(false, "ami-0002"))));
    }

    @AfterAll
    void close() {
        rig.close();
    }

    private void deployment(String id, DeploymentState end, TargetState last) {
        Instant now = rig.clock.instant();
        rig.db.journal().create(new DeploymentRecord(id, "camos-agent", "6.6.1", ExecutorKind.DEMO, "{}",
                DeploymentState.RUNNING, now, "nina", now), List.of(
                new TargetRecord(new Target(c0.id(), c0.siteId(), "", "", ""), 0, TargetState.PENDING, 0, "", now),
                new TargetRecord(new Target(c1.id(), c1.siteId(), "", "", ""), 0, TargetState.PENDING, 0, "", now)));
        rig.db.journal().moveTarget(id, c0.id(), TargetState.PENDING, TargetState.SUCCEEDED, "", false);
        rig.db.journal().moveTarget(id, c1.id(), TargetState.PENDING, last, "", false);
        rig.clock.advance(Duration.ofMinutes(30));
        rig.db.journal().moveDeployment(id, DeploymentState.RUNNING, end, "");
    }

    private void backup(CameraSystem camera) {
        List<TakenFile> files = List.of(TakenFile.of("a.conf", "x\n".getBytes(StandardCharsets.UTF_8)));
        rig.db.backups().add(new BackupVersion(camera.id(), 0, rig.clock.instant(), "nina",
                VersionChecksum.of(files.stream().map(TakenFile::file).toList()), 1, 2, 0, OffsiteCopy.NONE), files);
    }

    private static ReviewDevice device(String id, String serial, String reviewer, Instant lastSync) {
        return new ReviewDevice(id, DeviceType.CHROMEOS, serial, "HP Chromebook 14", "ACTIVE", reviewer, "Lisbon",
                "A-" + serial, "/Review", "126.0.6478.132", lastSync, LocalDate.of(2031, 6, 1),
                lastSync.minus(Duration.ofDays(60)), List.of(), "");
    }

    static ReportOptions options(LocalDate from, LocalDate to, Path out) {
        return new ReportOptions(ReportKind.COMPLIANCE, from, to, List.of(), "", List.of(), Optional.empty(), out);
    }

    private ReportDocument build() {
        return rig.reports().build(options(FROM, TO, dir.resolve("c.pdf")), ReportProgress.NONE).document();
    }

    static Section section(ReportDocument doc, String title) {
        return doc.sections().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow(
                () -> new AssertionError("no section " + title));
    }

    static Table table(ReportDocument doc, String name) {
        return doc.csvTables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no table " + name));
    }

    static List<List<Object>> rows(ReportDocument doc, String name) {
        List<List<Object>> out = new ArrayList<>();
        table(doc, name).rows().forEach(out::add);
        return out;
    }

    static List<String> facts(Section s) {
        List<String> out = new ArrayList<>();
        s.blocks().stream().filter(b -> b instanceof Block.Facts).forEach(b -> ((Block.Facts) b).facts()
                .forEach(f -> out.add(f.label() + ": " + f.value())));
        return out;
    }

    static List<String> paragraphs(Section s) {
        return s.blocks().stream().filter(b -> b instanceof Block.Paragraph).map(b -> ((Block.Paragraph) b).text())
                .toList();
    }

    @Test
    void patchesFindingsAndAcceptedRisksAreListedWithTheirHeadline() {
        ReportDocument doc = build();
        // c0: 180 installed of 180 + 20 applicable = 90 %; c1: 200 of 200 = 100 %; the rest never reported.
        assertThat(rows(doc, "patches")).contains(List.of(c0.id(), 1, 1, "2026.11", 180, 20, 5, 90.0),
                List.of(c1.id(), 1, 1, "2026.11", 200, 0, 0, 100.0));
        assertThat(rows(doc, "patches")).hasSize(rig.fleet().cameraCount());
        // The HIGH finding is accepted: two stay open, the critical on c0 and the low on a host nobody knows.
        assertThat(rows(doc, "findings")).extracting(r -> r.get(1)).containsExactly("CVE-2026-0001",
                "CVE-2026-0003");
        assertThat(rows(doc, "findings").get(0)).contains(c0.id(), c0.siteId(), "TLS bug");
        assertThat(rows(doc, "accepted-risks")).containsExactly(List.of("HIGH", "CVE-2026-0002", c1.id(), "auditor",
                DURING.plus(Duration.ofMinutes(95)), "Compensating firewall rule", LocalDate.parse("2027-01-31")));
        assertThat(facts(section(doc, "Patch compliance and security findings"))).contains(
                "Open CRITICAL findings: 1", "Open HIGH findings: 0", "Open LOW findings: 1", "Accepted risks: 1",
                "Cameras with nothing missing: 1 of 2 reporting (" + rig.fleet().cameraCount() + " cameras)",
                "Findings last imported (UTC): " + DURING.plus(Duration.ofMinutes(95)),
                "Latest patch scan (UTC): " + DURING.plus(Duration.ofMinutes(95)));
    }

    @Test
    void imageAgesComeFromTheCatalogueKeptAndUnknownImagesSaySo() {
        ReportDocument doc = build();
        // Built 2026-10-03, report made 2026-12-02: 28 days to October 31, 30 of November, 2 of December = 60 days.
        List<List<Object>> rows = rows(doc, "image-age");
        assertThat(rows).hasSize(rig.fleet().cameraCount());
        assertThat(rows.get(0)).isEqualTo(List.of(c0.id(), c0.siteId(), c0.image(), LocalDate.parse("2026-10-03"),
                60L, "yes"));
        assertThat(facts(section(doc, "Image age"))).contains("Catalogues read (UTC): eu at " + AFTER.plus(
                Duration.ofMinutes(30)));
        long sameImage = rows.stream().filter(r -> r.get(2).equals(c0.image())).count();
        assertThat(rows.stream().filter(r -> "yes".equals(r.get(5))).count()).isEqualTo(sameImage);
        assertThat(rows).filteredOn(r -> !r.get(2).equals(c0.image()))
                .allSatisfy(r -> assertThat(r).containsExactly(r.get(0), r.get(1), r.get(2), null, null, "unknown"));
    }

    @Test
    void reviewDevicesAreJudgedByTheComplianceRules() {
        ReportDocument doc = build();
        // d2 has no reviewer and last synced 30 days ago (the rule is 14): it breaks not-synced and no-reviewer.
        assertThat(rows(doc, "devices")).extracting(r -> r.get(0) + " " + r.get(9) + " [" + r.get(10) + "]")
                .containsExactly("SN1 yes []", "SN2 no [not-synced no-reviewer]");
        assertThat(facts(section(doc, "Review-device compliance"))).contains("Devices: 2", "Compliant: 1");
    }

    @Test
    void slaAttainmentIsGivenPerSiteAndSummedPerRegionWithTheRuleInForce() {
        ReportDocument doc = build();
        Section sla = section(doc, "SLA attainment");
        assertThat(paragraphs(sla)).contains("Site-down rule in force: A site is down when all its cameras are"
                + " offline.");
        List<List<Object>> sites = rows(doc, "sla");
        List<List<Object>> regions = rows(doc, "sla-regions");
        assertThat(sites).hasSize(ComplianceRig.SITES);
        assertThat(sites).allSatisfy(r -> assertThat((Double) r.get(5)).isBetween(0.0, 100.0));
        // Each region's incidents are its sites' incidents, summed.
        for (List<Object> region : regions) {
            int sum = sites.stream().filter(s -> s.get(2).equals(region.get(0))).mapToInt(s -> (Integer) s.get(7))
                    .sum();
            assertThat(region.get(4)).as("incidents of " + region.get(0)).isEqualTo(sum);
        }
        assertThat(regions).extracting(r -> r.get(0)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sites.stream().map(s -> s.get(2)).distinct().toList());
        long met = sites.stream().filter(s -> "yes".equals(s.get(8))).count();
        assertThat(sla.blocks()).contains(new Block.Verdict(met == sites.size(),
                met + " of " + sites.size() + " sites met their SLA tier target."));
    }

    @Test
    void backupAgesAreCountedToTheReportsDateAndAWeekMakesThemStale() {
        ReportDocument doc = build();
        List<List<Object>> rows = rows(doc, "backups");
        assertThat(rows).hasSize(rig.fleet().cameraCount());
        // The report is made at 12-02 10:30 (the last deployment took 30 min). c0 was backed up 11-20 10:30, 12 days
        // before to the minute: stale; c1 on 11-26 11:35, 5 days 22 h 55 min before: 5 whole days, not stale.
        assertThat(rows.get(0)).isEqualTo(List.of(c0.id(), c0.siteId(), BEFORE.plus(Duration.ofMinutes(30)), 12L,
                "yes"));
        assertThat(rows.get(1)).isEqualTo(List.of(c1.id(), c1.siteId(), DURING.plus(Duration.ofMinutes(95)), 5L,
                "no"));
        // The edge: c2 backed up 11-25 10:30, 7 days before to the minute, is stale.
        assertThat(rows.get(2)).isEqualTo(List.of(rig.fleet().camera(2).id(), rig.fleet().camera(2).siteId(),
                Instant.parse("2026-11-25T10:30:00Z"), 7L, "yes"));
        assertThat(rows.subList(3, rows.size())).allSatisfy(r -> assertThat(r.get(4)).isEqualTo("yes"));
    }

    @Test
    void onlyTheDeploymentsStartedInThePeriodAreListedWithTheirOutcome() {
        ReportDocument doc = build();
        Instant started = DURING.plus(Duration.ofMinutes(65));
        assertThat(rows(doc, "deployments")).containsExactly(List.of("dep-in", "camos-agent 6.6.1", "HOTFIX", "DEMO",
                started, started.plus(Duration.ofMinutes(30)), "FAILED", "nina", 2, 1, 1));
    }

    @Test
    void theP1AndP2TicketsOpenedOrResolvedInThePeriodAreListed() {
        ReportDocument doc = build();
        // P2 opened before, responded to 6 days later (target 1 h): breached; resolved in the period. P1 opened in
        // the period, answered after 5 min (target 15 min) and resolved after 65 min (target 4 h): both met.
        assertThat(rows(doc, "tickets")).extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(6) + " " + r.get(7)
                + " " + r.get(8)).containsExactly(p2Before + " P2 RESOLVED no no", p1During + " P1 RESOLVED yes yes");
        assertThat(rows(doc, "tickets").get(1).get(4)).isEqualTo(DURING);
    }

    @Test
    void theAuditExtractHoldsTheEventsOfThePeriodOnly() {
        ReportDocument doc = build();
        List<List<Object>> rows = rows(doc, "audit-extract");
        assertThat(rows).extracting(r -> r.get(4)).contains("in-period").doesNotContain("before-period",
                "after-period");
        assertThat(rows).allSatisfy(r -> assertThat((Instant) r.get(1)).isBetween(
                Instant.parse("2026-11-25T00:00:00Z"), Instant.parse("2026-11-30T23:59:59.999Z")));
        assertThat(rows).filteredOn(r -> r.get(4).equals("in-period"))
                .singleElement().satisfies(r -> assertThat(r.subList(1, 6)).containsExactly(DURING, "auditor",
                        "test.event", "in-period", "FAILED"));
    }

    @Test
    void anIntactChainPassesWithItsHeadAndAnchor() {
        ReportDocument doc = build();
        Section chain = section(doc, "Audit chain verification");
        Block.Verdict verdict = (Block.Verdict) chain.blocks().stream().filter(b -> b instanceof Block.Verdict)
                .findFirst().orElseThrow();
        long head = rig.db.auditTrail().head().seq();
        assertThat(verdict).isEqualTo(new Block.Verdict(true, "Passed: the audit chain is intact, " + head
                + " events checked against the audit key and the anchor."));
        assertThat(facts(chain)).contains("Head hash: " + rig.db.auditTrail().head().hash(),
                "Head sequence: " + head, "Events checked: " + head);
        assertThat(facts(chain)).anySatisfy(f -> assertThat(f).startsWith("Anchor's last head: event " + head
                + " at ").endsWith(rig.db.auditTrail().head().hash()));
        assertThat(rows(doc, "audit-chain")).contains(List.of("Result", "passed"));
    }

    @Test
    void everyTableIsWrittenAsACsvOfItsRowsWithTheValuesOfItsColumnsKinds() throws Exception {
        ReportDocument doc = build();
        for (Table t : doc.csvTables()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            CsvTables.write(t, doc.zone(), out);
            List<String> lines = new String(out.toByteArray(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isEmpty()).toList();
            // A header line, then one line per row: none of these values holds a line break.
            assertThat(lines).as(t.name()).hasSize(1 + rows(doc, t.name()).size());
        }
        String deployments = csv(doc, "deployments");
        assertThat(deployments).contains("dep-in,camos-agent 6.6.1,HOTFIX,DEMO,");
    }

    private static String csv(ReportDocument doc, String name) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CsvTables.write(table(doc, name), doc.zone(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCoverNamesThePeriodTheFleetAndWhenItWasGenerated() {
        ReportDocument doc = build();
        assertThat(doc.cover().title()).isEqualTo("Compliance report");
        assertThat(doc.cover().preparedFor()).isEqualTo("Audit and compliance");
        assertThat(doc.cover().subtitle()).isEqualTo("2026-11-25 to 2026-11-30 (UTC days, inclusive)");
        assertThat(doc.cover().facts()).extracting(f -> f.label() + ": " + f.value()).containsExactly(
                "Period: 2026-11-25 to 2026-11-30 (UTC days, inclusive)",
                "Fleet: " + ComplianceRig.SITES + " sites, " + rig.fleet().cameraCount() + " cameras",
                "Generated at (UTC): 2026-12-02T10:30:00Z");
        assertThat(doc.footer()).isEqualTo("Confidential");
        assertThat(doc.sections()).hasSize(9).allSatisfy(s -> {
            assertThat(s.csv()).isTrue();
            assertThat(s.tables()).isNotEmpty();
        });
    }
}
