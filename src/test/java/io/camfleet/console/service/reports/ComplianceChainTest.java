package io.camfleet.console.service.reports;

import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static io.camfleet.console.service.reports.ComplianceReportsTest.facts;
import static io.camfleet.console.service.reports.ComplianceReportsTest.options;
import static io.camfleet.console.service.reports.ComplianceReportsTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit chain section against someone who can write the cache file but not the audit key and anchor beside it:
 * a row of the trail edited with plain SQL on the closed H2 file fails the verdict, which names the event, as
 * {@code camfleet audit verify} does.
 */
class ComplianceChainTest {

    static final Instant START = Instant.parse("2026-11-10T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anAuditRowEditedInTheCacheFileFailsTheVerdictNamingTheEvent() throws Exception {
        Path data = dir.resolve("data");
        try (ComplianceRig rig = new ComplianceRig(data, START, null)) {
            for (int i = 1; i <= 5; i++) {
                rig.audit.record("deploy.approve", "dep-" + i, Map.of(), AuditOutcome.SUCCEEDED);
                rig.clock.advance(Duration.ofHours(1));
            }
            assertThat(verdict(build(rig))).isEqualTo(new Block.Verdict(true,
                    "Passed: the audit chain is intact, 5 events checked against the audit key and the anchor."));
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("cache"),
                "camfleet", ""); Statement s = c.createStatement()) {
            s.execute("UPDATE audit_event SET target = 'dep-forged' WHERE seq = 3");
        }
        try (ComplianceRig rig = new ComplianceRig(data, START.plus(Duration.ofDays(1)), null)) {
            ReportDocument doc = build(rig);
            assertThat(verdict(doc)).isEqualTo(new Block.Verdict(false, "Audit chain broken at event 3: event 3 was"
                    + " changed after it was written: its seal does not match its fields (2 events before it are"
                    + " intact)."));
            Section chain = doc.sections().get(8);
            assertThat(facts(chain)).contains("Result: failed", "Head sequence: 5", "Events checked: 2");
            assertThat(rows(doc, "audit-chain")).contains(java.util.List.of("Result", "failed"));
            // The extract shows the row as it now stands: the auditor sees what the chain disowns.
            assertThat(rows(doc, "audit-extract")).extracting(r -> r.get(4)).contains("dep-forged");
        }
    }

    private static ReportDocument build(ComplianceRig rig) {
        return rig.reports().build(options(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-10"),
                Path.of("c.pdf")), ReportProgress.NONE).document();
    }

    private static Block.Verdict verdict(ReportDocument doc) {
        return (Block.Verdict) doc.sections().get(8).blocks().stream().filter(b -> b instanceof Block.Verdict)
                .findFirst().orElseThrow();
    }
}
