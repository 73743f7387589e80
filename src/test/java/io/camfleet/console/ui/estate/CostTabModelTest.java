package io.camfleet.console.ui.estate;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.cost.CleanupHint;
import io.camfleet.console.domain.cost.CostLine;
import io.camfleet.console.domain.cost.Ec2Inventory;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.cost.CostReport;
import io.camfleet.console.service.cost.CostService;
import io.camfleet.console.service.cost.CostSettings;
import io.camfleet.console.service.cost.Grouping;
import io.camfleet.console.service.cost.InventoryReader;
import io.camfleet.console.service.cost.SpendReader;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.ui.common.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The cost tab's figures (pure arithmetic) and its model over a real H2 cache, with no toolkit. */
class CostTabModelTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    static final YearMonth DEC = YearMonth.of(2026, 12);
    static final YearMonth NOV = YearMonth.of(2026, 11);
    static final YearMonth OCT = YearMonth.of(2026, 10);

    private final Environment eu = Environment.of("eu", "", "eu-west-1", "");
    private final Messages m = new Messages(Locale.ENGLISH);
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private CacheDatabase db;

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(dir, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static CostLine line(YearMonth month, String group, String amount) {
        return new CostLine(month, "eu", group, new BigDecimal(amount), "USD", month.equals(DEC));
    }

    static CostReport history(Grouping by, List<CostLine> lines) {
        return new CostReport(DEC.minusMonths(6), DEC, by, List.of("eu"), lines, 1, T0);
    }

    @Test
    void eachGroupGetsItsAmountPerMonthAndTheMonthsTheirTotals() {
        CostReport report = history(Grouping.SERVICE, List.of(line(OCT, "EC2", "10.25"), line(NOV, "EC2", "20"),
                line(DEC, "EC2", "3.50"), line(NOV, "S3", "1.10"), line(DEC, "S3", "4.00"), line(NOV, "EC2", "0.75")));

        CostFigures f = CostFigures.of(report, lines -> List.of());

        // 7 months, June to December. EC2: Oct 10.25, Nov 20 + 0.75 = 20.75, Dec 3.50; closed = 10.25 + 20.75 = 31.00.
        // S3: Nov 1.10, Dec 4.00. S3 is first: 4.00 to date beats EC2's 3.50.
        assertThat(f.months()).hasSize(7).startsWith(YearMonth.of(2026, 6)).endsWith(DEC);
        assertThat(f.rows()).extracting(CostFigures.Row::group).containsExactly("S3", "EC2");
        CostFigures.Row ec2 = f.rows().get(1);
        assertThat(ec2.amounts().subList(4, 7)).containsExactly(new BigDecimal("10.25"), new BigDecimal("20.75"),
                new BigDecimal("3.50"));
        assertThat(ec2.closedMonths()).isEqualByComparingTo("31.00");
        // December: 3.50 + 4.00 = 7.50; the closed months: 31.00 + 1.10 = 32.10.
        assertThat(f.monthToDate()).isEqualByComparingTo("7.50");
        assertThat(f.closedMonths()).isEqualByComparingTo("32.10");
        assertThat(f.estimated()).isTrue();
        assertThat(f.unit()).isEqualTo("USD");
    }

    @Test
    void bySiteEachCameraSharesTheLastClosedMonthAndTheUntaggedRowHasNoCameras() {
        CostReport report = history(Grouping.SITE, List.of(line(NOV, "ams-01", "30.00"), line(DEC, "ams-01", "5"),
                line(NOV, "", "7.00"), line(NOV, "nyc-01", "12")));
        CostService service = service(new FakeAws(), Map.of("ams-01", 4));

        CostFigures f = CostFigures.of(report, service::sites);

        // ams-01: November 30.00 over its 4 cameras = 7.50 each; nyc-01 is not in the fleet: 0 cameras, no share.
        assertThat(f.shareMonth()).isEqualTo(NOV);
        assertThat(f.rows()).extracting(CostFigures.Row::group, CostFigures.Row::cameras,
                CostFigures.Row::perCamera).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ams-01", 4, new BigDecimal("7.50")),
                org.assertj.core.groups.Tuple.tuple("nyc-01", 0, null),
                org.assertj.core.groups.Tuple.tuple("", null, null));
    }

    @Test
    void theChartStacksTheFiveLargestGroupsAndSumsTheRestAsOther() {
        List<CostLine> lines = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            lines.add(line(NOV, "S" + i, String.valueOf(i * 10)));
        }
        CostFigures f = CostFigures.of(history(Grouping.SERVICE, lines), l -> List.of());

        List<CostFigures.Series> chart = f.chart();

        // S7..S3 (70, 60, 50, 40, 30) each; other = S2 + S1 = 20 + 10 = 30 in November.
        assertThat(chart).extracting(CostFigures.Series::group).containsExactly("S7", "S6", "S5", "S4", "S3", null);
        assertThat(chart.getLast().amounts().get(5)).isEqualByComparingTo("30");
        assertThat(CostFigures.of(history(Grouping.SERVICE, lines.subList(0, 6)), l -> List.of()).chart())
                .as("six groups: the sixth is drawn rather than an 'other' of one").hasSize(6)
                .noneMatch(s -> s.group() == null);
    }

    @Test
    void theCsvIsTheRowsShownWithFormulaLikeGroupsNeutralised() {
        CostFigures f = CostFigures.of(history(Grouping.CUSTOMER, List.of(line(DEC, "=HYPERLINK(1)", "2.5"),
                line(DEC, "acme", "1"))), l -> List.of());

        String csv = f.csv(List.of(f.rows().getFirst()));

        assertThat(csv.split("\r\n")).containsExactly(
                "group,2026-06,2026-07,2026-08,2026-09,2026-10,2026-11,2026-12,unit,estimated",
                "'=HYPERLINK(1),0,0,0,0,0,0,2.5,USD,true");
    }

    @Test
    void theHintsCsvNamesEachKindAndItsMonthlyCostToTheCentWithFormulasNeutralised() {
        String csv = CleanupHintsPane.csv(List.of(new CleanupHint(CleanupHint.Kind.UNUSED_IMAGE, "eu", "ami-1",
                "=evil()", 15, new BigDecimal("0.75"))));

        assertThat(csv.split("\r\n")).containsExactly("kind,environment,resource,detail,size_gb,monthly_usd",
                "unused-image,eu,ami-1,'=evil(),15,0.75");
    }

    @Test
    void aReportAndHintsReadBackEqualFromTheH2Cache() throws Exception {
        EstateCache cache = new EstateCache(db.snapshots(), clock);
        CostReport report = history(Grouping.SITE, List.of(line(NOV, "ams-01", "30.0100"), line(DEC, "", "1")));
        List<CleanupHint> hints = List.of(new CleanupHint(CleanupHint.Kind.UNATTACHED_VOLUME, "eu", "vol-1",
                "gp3 100 GB", 100, new BigDecimal("8")));

        cache.refresh("eu", CostTabModel.kind(Grouping.SITE, DEC), () -> report);
        cache.refresh("eu", CostTabModel.HINTS_KIND, () -> hints);

        assertThat(cache.last("eu", "cost-site-2026-12", CostTabModel.REPORT)).hasValueSatisfying(c ->
                assertThat(c.value()).isEqualTo(report));
        assertThat(cache.last("eu", CostTabModel.HINTS_KIND, CostTabModel.HINTS)).hasValueSatisfying(c ->
                assertThat(c.value()).isEqualTo(hints));
    }

    @Test
    void showingReadsOnlyTheCacheAndRefreshAsksCostExplorerOnceThenAFailureKeepsTheLastReading() {
        FakeAws spend = new FakeAws();
        CostTabModel model = new CostTabModel(service(spend, Map.of()), new EstateCache(db.snapshots(), clock),
                BackgroundTasks.unlisted(Runnable::run, Runnable::run), m);

        model.show(eu);
        assertThat(spend.calls).as("opening costs nothing").hasValue(0);
        assertThat(model.figuresProperty().get()).isNull();
        assertThat(model.asOfProperty().get()).isNull();

        model.refresh();
        assertThat(spend.calls).hasValue(1);
        assertThat(model.figuresProperty().get().monthToDate()).isEqualByComparingTo("2.00");
        assertThat(model.hints()).extracting(CleanupHint::resource).containsExactly("vol-9");
        assertThat(model.asOfProperty().get()).isEqualTo(T0);

        model.show(eu); // a visit later: from the cache, no call
        assertThat(spend.calls).hasValue(1);
        assertThat(model.figuresProperty().get().monthToDate()).isEqualByComparingTo("2.00");

        spend.fail = true;
        model.refresh();
        assertThat(model.problemProperty().get()).isEqualTo(m.text("aws.unreachable", "Cost Explorer", "eu"));
        assertThat(model.figuresProperty().get()).as("the last reading stays").isNotNull();
        assertThat(model.asOfProperty().get()).isEqualTo(T0);

        model.groupingProperty().set(Grouping.SITE);
        assertThat(model.figuresProperty().get()).as("never read by site").isNull();
        assertThat(spend.calls).as("a grouping change reads the cache only").hasValue(2);
    }

    @Test
    void anExportReplacesTheFileWholeThroughATemporaryOne() throws Exception {
        Path out = dir.resolve("cost.csv");
        Files.writeString(out, "old");

        CostTabModel.write(out, "new".getBytes());

        assertThat(Files.readString(out)).isEqualTo("new");
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().startsWith(".export-"))).isEmpty();
    }

    /** One line of 2.00 in December per call; or AWS out of reach. */
    static final class FakeAws implements SpendReader, InventoryReader {
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean fail;

        @Override
        public String accountOf(Environment e) {
            return "111";
        }

        @Override
        public SpendReader.Spend spend(Environment e, String account, LocalDate start, LocalDate end,
                                       String metric, String key, boolean tag) {
            calls.incrementAndGet();
            if (fail) {
                throw new Problem("aws.unreachable", "Cost Explorer", e.label());
            }
            return new SpendReader.Spend(List.of(new CostLine(DEC, account, "EC2", new BigDecimal("2.00"), "USD",
                    true)), 1);
        }

        @Override
        public Ec2Inventory inventory(Environment e) {
            return new Ec2Inventory(List.of(new Ec2Inventory.Volume("vol-9", "gp2", 10, false)), List.of(),
                    List.of(), List.of(), Set.of());
        }
    }

    private CostService service(FakeAws spend, Map<String, Integer> cameras) {
        return new CostService(spend, spend, () -> List.of(eu), () -> CostSettings.DEFAULTS, () -> cameras,
                Set::of, clock);
    }
}
