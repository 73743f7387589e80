package io.camfleet.console.app;

import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.reports.ReportOptions;
import io.camfleet.console.service.reports.ReportProgress;
import io.camfleet.console.service.reports.ReportSettings;
import io.camfleet.console.service.reports.ReportSource;
import io.camfleet.console.service.reports.SalesProposals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales proposal as an open data folder offers it: over the folder's demo fleet, its health history (the demo's
 * past, given to a new cache), the map, and the reports settings of its settings.json.
 */
class SalesProposalFromTheDataFolderTest {

    @TempDir
    Path dir;

    @Test
    void aNewDemoFolderMakesAProposal() throws Exception {
        Path data = dir.resolve("data");
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), Map.of(), dir.toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        try (ConsoleBackend.Session session = runtime.open(data)) {
            FleetSnapshot fleet = session.fleet().reload(Progress.NONE); // as the commands seed a new folder
            Files.writeString(data.resolve("prices.yaml"), """
                    currency: USD
                    termMonths: 24
                    items:
                      - id: licence
                        name: Camera licence
                        per: camera
                        monthly: true
                        tiers:
                          - {from: 1, price: 10.00}
                    """);
            SettingsFile.in(data).write(ReportSettings.SECTION, new ReportSettings("Acme", "", "", "", "",
                    List.of(fleet.sites().get(1).id()), "prices.yaml", ""));
            String site = fleet.sites().getFirst().id();
            long cameras = fleet.sites().getFirst().profile().cameras().size();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);

            ReportSource.Built built = session.part(SalesProposals.class).build(new ReportOptions(ReportKind.SALES,
                    today.minusDays(90), today, List.of(), "Globex", List.of(site), Optional.empty(),
                    dir.resolve("p.pdf")), ReportProgress.NONE);

            ReportDocument doc = built.document();
            assertThat(doc.cover().author()).isEqualTo("tester");
            Section coverage = doc.sections().getFirst();
            byte[] png = coverage.blocks().stream().filter(b -> b instanceof Block.Picture)
                    .map(b -> ((Block.Picture) b).png()).findFirst().orElseThrow();
            assertThat(Arrays.copyOf(png, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            List<List<Object>> regions = new ArrayList<>();
            doc.sections().get(1).tables().getFirst().rows().forEach(regions::add);
            assertThat(regions).as("every region of the demo, then all").hasSize(fleet.inventory().regions().size() + 1)
                    .allSatisfy(r -> assertThat((Double) r.get(2)).as("the demo's past counts").isBetween(95.0, 100.0));
            // c cameras x 10.00 USD x 24 months
            List<List<Object>> quote = new ArrayList<>();
            built.sheets().getFirst().rows().forEach(quote::add);
            assertThat(quote.getLast().get(7)).isEqualTo(BigDecimal.valueOf(cameras * 240).setScale(2));
        }
    }
}
