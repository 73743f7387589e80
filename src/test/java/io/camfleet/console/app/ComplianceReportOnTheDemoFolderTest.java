package io.camfleet.console.app;

import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.reports.ComplianceReports;
import io.camfleet.console.service.reports.ReportOptions;
import io.camfleet.console.service.reports.ReportProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance report as the console composes it: a demo data folder opened with every feature, the report found
 * among its parts, built over the other features' services (the demo's health history, its audit trail and anchor).
 */
class ComplianceReportOnTheDemoFolderTest {

    @TempDir
    Path dir;

    @Test
    void theDemoFolderGivesAReportOfNineSectionsOverItsFleetAndHistory() {
        Cli cli = new Cli(dir.resolve("home"));
        try (ConsoleServices s = cli.runtime().openServices(dir.resolve("data"), cli.runtime().demoFleet(10, 1))) {
            s.fleet().reload(Progress.NONE);
            int cameras = s.fleet().current().inventory().cameraCount();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            ReportDocument doc = s.find(ComplianceReports.class).orElseThrow().build(new ReportOptions(
                    ReportKind.COMPLIANCE, today.minusDays(7), today, List.of(), "", List.of(), Optional.empty(),
                    dir.resolve("c.pdf")), ReportProgress.NONE).document();
            assertThat(doc.sections()).hasSize(9);
            assertThat(doc.cover().facts()).extracting(f -> f.label() + ": " + f.value())
                    .contains("Fleet: 10 sites, " + cameras + " cameras");
            // The demo's backfilled health history gives each site its figures for the week.
            assertThat(rows(doc, "sla")).hasSize(10);
            Section chain = doc.sections().get(8);
            assertThat(chain.blocks()).filteredOn(b -> b instanceof Block.Verdict)
                    .singleElement().extracting(b -> ((Block.Verdict) b).passed()).isEqualTo(true);
        }
    }

    private static List<List<Object>> rows(ReportDocument doc, String name) {
        Table t = doc.csvTables().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        List<List<Object>> out = new ArrayList<>();
        t.rows().forEach(out::add);
        return out;
    }
}
