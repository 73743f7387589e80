package io.camfleet.console.ui.kpi;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.ReleaseStore;
import io.camfleet.console.service.kpi.DoraCalculator;
import io.camfleet.console.service.kpi.ImageBuildDates;
import io.camfleet.console.service.kpi.IncidentHistory;
import io.camfleet.console.service.kpi.KpiPeriod;
import io.camfleet.console.service.kpi.KpiService;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.kpi.KpiViewModel.Chart;
import io.camfleet.console.ui.kpi.KpiViewModel.Tile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's figures without a toolkit: what it shows with and without the other capabilities' data. */
class KpiViewModelTest {

    private static final Instant NOW = Instant.parse("2026-10-31T12:00:00Z");
    private final Messages m = new Messages(Locale.ENGLISH);

    @TempDir
    Path dir;

    /** A journal with no deployments; the calculator's own figures are tested on a real journal elsewhere. */
    private static DoraCalculator emptyJournal() {
        DeploymentJournal journal = (DeploymentJournal) Proxy.newProxyInstance(KpiViewModelTest.class.getClassLoader(),
                new Class<?>[]{DeploymentJournal.class}, (p, method, args) -> switch (method.getName()) {
                    case "startedBetween", "recent", "targets", "events" -> List.<DeploymentRecord>of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ReleaseStore releases = (ReleaseStore) Proxy.newProxyInstance(KpiViewModelTest.class.getClassLoader(),
                new Class<?>[]{ReleaseStore.class}, (p, method, args) -> Optional.empty());
        return new DoraCalculator(journal, releases, Duration.ofDays(7));
    }

    private final FleetModel fleet = new FleetModel(Runnable::run, Runnable::run);
    private final java.util.concurrent.atomic.AtomicInteger queries = new java.util.concurrent.atomic.AtomicInteger();

    private KpiViewModel viewModel(Optional<IncidentHistory> incidents, boolean availability) {
        return viewModel(incidents, availability, Optional.empty());
    }

    private KpiViewModel viewModel(Optional<IncidentHistory> incidents, boolean availability,
                                   Optional<ImageBuildDates> images) {
        SteadyAvailability figures = new SteadyAvailability() {
            @Override
            public List<io.camfleet.console.domain.availability.Availability> by(
                    io.camfleet.console.domain.availability.Grouping g,
                    io.camfleet.console.domain.availability.Period p) {
                queries.incrementAndGet();
                return super.by(g, p);
            }
        };
        KpiService kpis = new KpiService(emptyJournal(), () -> incidents,
                () -> availability ? Optional.of(figures) : Optional.empty(), () -> images,
                Clock.fixed(NOW, ZoneOffset.UTC));
        return new KpiViewModel(kpis, fleet, BackgroundTasks.unlisted(Runnable::run, Runnable::run), m,
                alertSubscribers::add);
    }

    /** Who listens to the alerts' changes, as the alert service keeps them. */
    private final List<Runnable> alertSubscribers = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void aBurstOfAlertsRaisedUpdatesTheAlertFiguresOnceWithoutTheOperatorAsking() throws Exception {
        List<IncidentHistory.PastAlert> raised = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        IncidentHistory history = (from, to) -> {
            reads.incrementAndGet();
            return List.copyOf(raised);
        };
        KpiViewModel vm = viewModel(Optional.of(history), true);
        vm.refresh();
        assertThat(tile(vm, "Alerts raised").value()).isEqualTo("0");
        int perComputation = reads.get();
        assertThat(perComputation).isPositive();
        int before = reads.get();

        for (int i = 0; i < 100; i++) {
            raised.add(new IncidentHistory.PastAlert(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL,
                    NOW.minusSeconds(60), null, null));
            alertSubscribers.forEach(Runnable::run);
        }

        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!tile(vm, "Alerts raised").value().equals("100") && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(tile(vm, "Alerts raised").value()).isEqualTo("100");
        Thread.sleep(1500); // a second computation would have come by now
        assertThat(reads.get() - before).as("one computation for the burst").isEqualTo(perComputation);
    }

    @Test
    void theFirstFleetToArriveAfterTheScreenAskedComputesEveryFigureAgain() {
        KpiViewModel vm = viewModel(Optional.empty(), true);
        vm.refresh();
        int before = queries.get();
        assertThat(vm.chart(Chart.VERSIONS).get().rows()).isEmpty();

        fleet.accept(io.camfleet.console.service.fleet.Fleets.uncached(
                new io.camfleet.console.adapter.sim.DemoFleetSource(20, 1), Clock.fixed(NOW, ZoneOffset.UTC))
                .reload(io.camfleet.console.service.common.Progress.NONE));

        assertThat(queries.get()).as("the availability asked again, of the fleet now loaded").isGreaterThan(before);
        assertThat(vm.chart(Chart.VERSIONS).get().rows()).isNotEmpty();
    }

    private static Tile tile(KpiViewModel vm, String label) {
        return vm.tiles().stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void withoutIncidentHistoryOrAvailabilityTheDashboardSaysSoInsteadOfShowingZeros() {
        KpiViewModel vm = viewModel(Optional.empty(), false);

        vm.refresh();

        assertThat(vm.incidentDataProperty().get()).isFalse();
        assertThat(vm.availabilityDataProperty().get()).isFalse();
        assertThat(tile(vm, "Time to restore (median)").detail()).isEqualTo("no incident data");
        assertThat(tile(vm, "Alerts raised").value()).isEqualTo("\u2013");
        assertThat(tile(vm, "Fleet uptime").detail()).isEqualTo("no availability data");
        assertThat(vm.chart(Chart.ALERTS).get().isEmpty()).isTrue();
        assertThat(vm.chart(Chart.DEPLOYMENTS).get().rows()).hasSize(31);
    }

    /**
     * Last 30 days to 10-31 12:00: 10-01 12:00 to 10-31 12:00. EU down 0.005 %, NA 0.02 %, OC 0 of equal observed
     * time: fleet (0.005 + 0.02 + 0) / 3 = 0.00833 % down: 99.992 %. Customers: Acme 99.999 % (met 99.99), Globex
     * 99.95 % (missed), the third 100 % (met): 2 of 3 met. One incident, acknowledged after 4 min, restored after 25.
     */
    @Test
    void theFiguresOfThePeriodShowAsTilesAndChartData() {
        IncidentHistory incidents = (from, to) -> List.of(new IncidentHistory.PastAlert(AlertKind.SITE_OFFLINE,
                AlertSeverity.CRITICAL, Instant.parse("2026-10-20T10:00:00Z"),
                Instant.parse("2026-10-20T10:04:00Z"), Instant.parse("2026-10-20T10:25:00Z")));
        KpiViewModel vm = viewModel(Optional.of(incidents), true);

        vm.refresh();

        assertThat(vm.periodProperty().get()).isEqualTo(KpiPeriod.LAST_30_DAYS);
        assertThat(tile(vm, "Fleet uptime").value()).isEqualTo("99.992 %");
        assertThat(tile(vm, "Fleet uptime").detail()).isEqualTo("2 of 3 customers met their SLA");
        assertThat(tile(vm, "Time to restore (median)").value()).isEqualTo("25 min");
        assertThat(tile(vm, "Alerts raised").detail()).isEqualTo("to acknowledge: median 4 min, p90 4 min");
        assertThat(vm.ruleProperty().get()).isEqualTo("A site is down when all its cameras are offline");
        ChartData sla = vm.chart(Chart.SLA_BY_CUSTOMER).get();
        assertThat(sla.rows()).extracting(r -> r.get(0)).containsExactly("Globex", "Acme",
                SteadyAvailability.FORMULA_CUSTOMER);
        assertThat(sla.rows().get(0).get(3)).isEqualTo("missed");
        // Globex over 2,592,000 s: budget 0.01 % = 259.2, rounded to 259 s; down 0.05 % = 1,296 s;
        // left (259 - 1,296) / 259 = -400.4 %, -1,037 s = -17.3 min.
        assertThat(sla.rows().get(0).subList(4, 6)).containsExactly(-400.4, -17.3);
        assertThat(vm.chart(Chart.TREND_BY_REGION).get().columns()).containsExactly("Day", "Fleet", "EU", "NA", "OC");
        assertThat(vm.chart(Chart.TREND_BY_CUSTOMER).get().computed()).as("asked for only when shown").isFalse();
        vm.trendGroupingProperty().set(io.camfleet.console.domain.availability.Grouping.CUSTOMER);
        assertThat(vm.chart(Chart.TREND_BY_CUSTOMER).get().columns()).containsExactly("Day", "Fleet",
                SteadyAvailability.FORMULA_CUSTOMER, "Acme", "Globex");
        assertThat(vm.chart(Chart.ALERTS).get().rows()).hasSize(31);
    }

    @Test
    void aChartsCsvIsItsDataWithFormulasNeutralized() throws Exception {
        KpiViewModel vm = viewModel(Optional.empty(), true);
        vm.refresh();
        Path file = dir.resolve("sla.csv");

        vm.exportCsv(Chart.SLA_BY_CUSTOMER, file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("Customer,Uptime %,Target %,SLA,Budget left %,Budget left (min),"
                + "No data (h)");
        assertThat(lines.get(1)).startsWith("Globex,99.95,99.99,missed,-400.4,-17.3,0.0");
        assertThat(lines.get(3)).startsWith("\"'=HYPERLINK(\"\"http://x\"\")\",100.0,99.99,met,100.0,");
        assertThat(vm.statusProperty().get()).isEqualTo("Saved " + file + ".");
    }

    @Test
    void anExportThatCannotBeWrittenSaysSoAndLeavesNoFile() {
        KpiViewModel vm = viewModel(Optional.empty(), true);
        vm.refresh();
        Path file = dir.resolve("missing-folder").resolve("sla.csv");

        vm.exportCsv(Chart.SLA_BY_CUSTOMER, file);

        assertThat(vm.statusProperty().get()).startsWith(file + " could not be saved: ")
                .endsWith("Choose another folder or free some space, then export again.");
        assertThat(file).doesNotExist();
    }

    @Test
    void theAvailabilityTableFollowsTheChosenGroupingAndMonth() {
        KpiViewModel vm = viewModel(Optional.empty(), true);
        vm.refresh();

        vm.tableGroupingProperty().set(io.camfleet.console.domain.availability.Grouping.SITE);
        vm.tableMonthProperty().set(java.time.YearMonth.of(2026, 9));

        ChartData table = vm.chart(Chart.AVAILABILITY_TABLE).get();
        assertThat(table.name()).isEqualTo("availability-site-2026-09");
        assertThat(table.columns().get(0)).isEqualTo("Site");
        // S2 is down 0.1 % of September's 2,592,000 s: 2,592 s = 43.2 min.
        assertThat(table.rows()).anySatisfy(r -> assertThat(r).startsWith("S2", 99.9, 43.2));
        assertThat(vm.months()).hasSize(13).first().isEqualTo(java.time.YearMonth.of(2026, 10));
    }

    @Test
    void theTableOfThisMonthRunsToNowSoTheDaysStillToComeAreNotCountedAsNoData() {
        KpiViewModel vm = viewModel(Optional.empty(), true);
        vm.refresh();

        vm.tableGroupingProperty().set(io.camfleet.console.domain.availability.Grouping.SITE);
        vm.tableMonthProperty().set(java.time.YearMonth.of(2026, 10));

        // October to now (the 31st, 12:00) is 30.5 days, 2,635,200 s: S2 down 0.1 % of it is 2,635 s = 43.9 min.
        // The whole of October (2,678,400 s) would be 44.6 min, half a day of it not yet lived.
        ChartData table = vm.chart(Chart.AVAILABILITY_TABLE).get();
        assertThat(table.name()).isEqualTo("availability-site-2026-10");
        assertThat(table.rows()).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo("S2");
            assertThat(r.get(2)).as("minutes down").isEqualTo(43.9);
        });
    }

    private FleetInventoryLoaded demoFleet() {
        fleet.accept(io.camfleet.console.service.fleet.Fleets.uncached(
                new io.camfleet.console.adapter.sim.DemoFleetSource(20, 1), Clock.fixed(NOW, ZoneOffset.UTC))
                .reload(io.camfleet.console.service.common.Progress.NONE));
        return new FleetInventoryLoaded(fleet.snapshot().inventory());
    }

    private record FleetInventoryLoaded(io.camfleet.console.service.fleet.FleetInventory inventory) {
        long camerasOn(String image) {
            long n = 0;
            for (int i = 0; i < inventory.cameraCount(); i++) {
                n += inventory.camera(i).image().equals(image) ? 1 : 0;
            }
            return n;
        }
    }

    @Test
    void theImageAgeNoteCountsTheCamerasWhoseImageAgeIsUnknownAndIsGoneWhenEveryAgeIsKnown() {
        java.util.Set<String> unread = new java.util.HashSet<>();
        KpiViewModel vm = viewModel(Optional.empty(), false, Optional.of(image -> unread.contains(image)
                ? Optional.empty() : Optional.of(java.time.LocalDate.of(2026, 10, 1))));
        FleetInventoryLoaded loaded = demoFleet();
        String first = loaded.inventory().camera(0).image();
        long cameras = loaded.inventory().cameraCount();

        vm.refreshComposition();
        assertThat(vm.agesKnownProperty().get()).isTrue();
        assertThat(vm.ageNoteProperty().get()).as("every age known").isEmpty();
        // 2026-10-01 is 30 days before 10-31: every camera under 90 days
        assertThat(vm.chart(Chart.IMAGE_AGES).get().rows().getFirst()).containsExactly("under 90 days",
                (int) cameras);

        unread.add(first);
        vm.refreshComposition();
        long unknown = loaded.camerasOn(first);
        assertThat(unknown).isBetween(1L, cameras - 1);
        assertThat(vm.ageNoteProperty().get()).isEqualTo((unknown == 1 ? "1 camera" : unknown + " cameras") + " of "
                + cameras + (unknown == 1 ? " runs an image" : " run images") + " of unknown age: not among the "
                + "images last read from AWS (AWS estate > Images), or no image reported.");
        assertThat(vm.chart(Chart.IMAGE_AGES).get().rows().getLast()).containsExactly("age unknown", (int) unknown);
    }

    @Test
    void withNoImageAgeKnownTheNoteSaysWhereToReadThem() {
        KpiViewModel vm = viewModel(Optional.empty(), false, Optional.of(image -> Optional.empty()));
        demoFleet();

        vm.refreshComposition();

        assertThat(vm.agesKnownProperty().get()).isFalse();
        assertThat(vm.ageNoteProperty().get()).startsWith("Image ages are unknown").contains(
                "Refresh AWS estate > Images");
    }
}
