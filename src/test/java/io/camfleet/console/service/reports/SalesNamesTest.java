package io.camfleet.console.service.reports;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.fleet.Fleets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.camfleet.console.service.reports.SalesFixture.block;
import static io.camfleet.console.service.reports.SalesFixture.rows;
import static io.camfleet.console.service.reports.SalesFixture.section;
import static org.assertj.core.api.Assertions.assertThat;

/** Names with quotes, commas, newlines, accents, Chinese, Japanese and Arabic reach the document as they are. */
class SalesNamesTest {

    private static final String PROSPECT = "O'Brien \"Sécurité\", 東京支店 & شركاء";
    private static final String CJK_CUSTOMER = "北京视觉科技有限公司";
    private static final String ARABIC_CUSTOMER = "شركة الرؤية، \"دبي\"";
    private static final String RIVAL = "Rival, \"Secret\" Inc.";

    @TempDir
    Path dir;

    /** Three sites: two references (Chinese and Arabic customers), and a third customer's site, proposed. */
    private static FleetSource fleet() {
        List<Site> sites = List.of(
                new Site("CN-1", "上海 \"浦东\", 仓库 1", CJK_CUSTOMER, "CN", "APAC", 31.22, 121.54, "Asia/Shanghai",
                        SlaTier.GOLD, ""),
                new Site("AE-1", "مستودع دبي, Hall \"B\"", ARABIC_CUSTOMER, "AE", "ME", 25.20, 55.27, "Asia/Dubai",
                        SlaTier.PLATINUM, ""),
                new Site("JP-1", "大阪, Depot \"Süd\"\nGate 2", RIVAL, "JP", "APAC", 34.69, 135.50, "Asia/Tokyo",
                        SlaTier.SILVER, ""));
        List<CameraSystem> cameras = new ArrayList<>();
        Map<String, CameraTelemetry> telemetry = new HashMap<>();
        for (Site s : sites) {
            for (int i = 1; i <= 3; i++) {
                String id = s.id() + "-C" + i;
                cameras.add(Fleets.camera(id, s.id(), "6.4.2"));
                telemetry.put(id, Fleets.beating(SalesFixture.NOW));
            }
        }
        return new FleetSource() {
            @Override
            public String name() {
                return "Names";
            }

            @Override
            public FleetData load(Instant at, Progress progress) {
                return new FleetData(sites, cameras, telemetry);
            }
        };
    }

    @Test
    void namesInAnyScriptSurviveIntoTheDocument() throws Exception {
        try (SalesFixture f = new SalesFixture(dir, fleet(), false)) {
            Files.writeString(dir.resolve("prices.yaml"), PriceListFileTest.GOOD);
            f.settings.set(new ReportSettings("Société \"Vision\", 株式会社", "", "", "", "", List.of("CN-1", "AE-1"),
                    "prices.yaml", ""));

            ReportDocument doc = f.proposals.build(new ReportOptions(ReportKind.SALES, LocalDate.of(2026, 9, 1),
                    LocalDate.of(2026, 12, 5), List.of(), PROSPECT, List.of("JP-1"), Optional.empty(),
                    dir.resolve("p.pdf")), ReportProgress.NONE).document();

            assertThat(doc.cover().preparedFor()).isEqualTo(PROSPECT);
            assertThat(doc.cover().branding().company()).isEqualTo("Société \"Vision\", 株式会社");
            assertThat(doc.footer()).contains(PROSPECT);
            var refs = rows(block(section(doc, "Reference sites"), Block.TableBlock.class).table());
            assertThat(refs).extracting(r -> r.get(0), r -> r.get(2)).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("上海 \"浦东\", 仓库 1", CJK_CUSTOMER),
                    org.assertj.core.groups.Tuple.tuple("مستودع دبي, Hall \"B\"", ARABIC_CUSTOMER));
            assertThat(refs).extracting(r -> r.get(1)).containsExactly("China", "United Arab Emirates");
            var scope = rows(block(section(doc, "Proposed scope"), Block.TableBlock.class).table());
            assertThat(scope).extracting(r -> r.get(1)).containsExactly("大阪, Depot \"Süd\"\nGate 2");
            // the proposed site's customer is not a reference: not named
            assertThat(String.join("\n", SalesFixture.texts(doc))).doesNotContain(RIVAL);
        }
    }
}
