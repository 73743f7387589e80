package io.camfleet.console.ui.fleettable;

import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.common.sitedetail.SiteDetailViewModel;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;
import static io.camfleet.console.service.fleet.Fleets.site;
import static org.assertj.core.api.Assertions.assertThat;

/** The fleet table's view model with no toolkit running: executors run work on the spot. */
class FleetTableViewModelTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
    private Map<String, CameraTelemetry> next;
    private FleetService fleet;
    private FleetModel model;
    private FleetTableViewModel vm;

    @BeforeEach
    void setUp() {
        TestFleetSource source = new TestFleetSource("Test", now -> new FleetData(
                List.of(site("NL-1", "Rotterdam Terminal", "Harbor", "NL", "EU"),
                        site("US-2", "Austin Store", "Contoso", "US", "NA"),
                        site("US-3", "Boston Store", "Contoso", "US", "NA")),
                List.of(camera("NL-1-C01", "NL-1", "6.4.2"), camera("US-2-C01", "US-2", "6.3.7"),
                        camera("US-3-C01", "US-3", "6.4.2")),
                Map.of("NL-1-C01", beating(now), "US-2-C01", beating(now), "US-3-C01", beating(now))));
        next = source.next();
        fleet = Fleets.uncached(source, clock);
        model = new FleetModel(Runnable::run, Runnable::run);
        fleet.addListener(model);
        vm = new FleetTableViewModel(model);
        fleet.reload(Progress.NONE);
    }

    private List<String> ids() {
        return vm.rows().stream().map(SiteRow::id).toList();
    }

    @Test
    void allSitesShowWithoutAFilter() {
        assertThat(ids()).containsExactly("NL-1", "US-2", "US-3");
        assertThat(vm.totalProperty().get()).isEqualTo(3);
        assertThat(vm.shownProperty().get()).isEqualTo(3);
        assertThat(model.customers()).containsExactly("Contoso", "Harbor");
        assertThat(model.regions()).containsExactly("EU", "NA");
        assertThat(model.versions()).containsExactly("6.4.2", "6.3.7");
    }

    @Test
    void typingFiltersTheRows() {
        model.searchTextProperty().set("store");
        assertThat(ids()).containsExactly("US-2", "US-3");
        model.searchTextProperty().set("store bos");
        assertThat(ids()).containsExactly("US-3");
        assertThat(vm.shownProperty().get()).isEqualTo(1);
        model.searchTextProperty().set("");
        assertThat(ids()).hasSize(3);
    }

    @Test
    void chipsFilterTheRows() {
        model.versionFilter().add("6.3.7");
        assertThat(ids()).containsExactly("US-2");
        model.clearFilters();
        model.regionFilter().add("EU");
        assertThat(ids()).containsExactly("NL-1");
    }

    @Test
    void aFleetWithoutNamedEnvironmentsOffersNoEnvironmentFilter() {
        assertThat(model.environments()).isEmpty();
    }

    @Test
    void theEnvironmentChipShowsOnlyTheSitesOfThatEnvironment() {
        TestFleetSource aws = new TestFleetSource("AWS", now -> new FleetData(
                List.of(site("NL-1", "Rotterdam Terminal", "Harbor", "NL", "EU", "prod-eu"),
                        site("US-2", "Austin Store", "Contoso", "US", "NA", "prod-us"),
                        site("US-3", "Boston Store", "Contoso", "US", "NA", "prod-us"),
                        site("US-4", "Dallas Lab", "Contoso", "US", "NA", "staging")),
                List.of(camera("NL-1-C01", "NL-1", "6.4.2"), camera("US-2-C01", "US-2", "6.3.7")),
                Map.of("NL-1-C01", beating(now), "US-2-C01", beating(now))));
        FleetModel awsModel = new FleetModel(Runnable::run, Runnable::run);
        FleetService awsFleet = Fleets.uncached(aws, clock);
        awsFleet.addListener(awsModel);
        FleetTableViewModel awsVm = new FleetTableViewModel(awsModel);
        awsFleet.reload(Progress.NONE);
        assertThat(awsModel.environments()).containsExactly("prod-eu", "prod-us", "staging");

        awsModel.environmentFilter().add("prod-us");
        assertThat(awsVm.rows()).extracting(SiteRow::id).containsExactly("US-2", "US-3");
        awsModel.environmentFilter().add("staging");
        assertThat(awsVm.rows()).extracting(SiteRow::id).containsExactly("US-2", "US-3", "US-4");
        awsModel.searchTextProperty().set("dallas");
        assertThat(awsVm.rows()).extracting(SiteRow::id).containsExactly("US-4");
        awsModel.clearFilters();
        assertThat(awsModel.environmentFilter()).isEmpty();
        assertThat(awsVm.shownProperty().get()).isEqualTo(4);
    }

    @Test
    void rowsStayTheSameObjectsAcrossLiveUpdatesWhileTheirSummaryChanges() {
        SiteRow austin = vm.rowFor("US-2");
        clock.advance(Duration.ofSeconds(3));
        next.put("US-2-C01", new CameraTelemetry(clock.instant(), OperatingMode.MAINTENANCE, null, null, null));
        fleet.tick();
        assertThat(vm.rowFor("US-2")).isSameAs(austin);
        assertThat(vm.rows()).contains(austin);
        assertThat(austin.summary().health().state()).isEqualTo(HealthState.MAINTENANCE);
    }

    @Test
    void aHealthChipFollowsLiveChanges() {
        model.healthFilter().add(HealthState.OFFLINE);
        assertThat(ids()).isEmpty();
        clock.advance(Duration.ofSeconds(95));
        next.put("NL-1-C01", beating(clock.instant()));
        next.put("US-3-C01", beating(clock.instant()));
        fleet.tick();
        assertThat(ids()).containsExactly("US-2");
    }

    @Test
    void rowsSortedByHealthStaySortedUnderLiveUpdates() {
        // What the view does: a sorted view over the rows, here with Health ascending (worst first).
        SortedList<SiteRow> byHealth = new SortedList<>(vm.rows(),
                Comparator.comparing((SiteRow r) -> r.summary().health().state()).thenComparing(SiteRow::id));
        clock.advance(Duration.ofSeconds(95));
        next.put("NL-1-C01", beating(clock.instant()));
        next.put("US-3-C01", beating(clock.instant()));
        fleet.tick();
        assertThat(byHealth).extracting(SiteRow::id).containsExactly("US-2", "NL-1", "US-3");

        clock.advance(Duration.ofSeconds(95));
        next.put("US-2-C01", beating(clock.instant()));
        next.put("US-3-C01", beating(clock.instant()));
        fleet.tick();
        assertThat(byHealth).extracting(r -> r.summary().health().state())
                .containsExactly(HealthState.OFFLINE, HealthState.ONLINE, HealthState.ONLINE);
        assertThat(byHealth.get(0).id()).isEqualTo("NL-1");
    }

    @Test
    void selectingASiteShowsItsCameras() {
        SiteDetailViewModel detail = new SiteDetailViewModel(model);
        vm.select("US-3");
        assertThat(detail.siteProperty().get().id()).isEqualTo("US-3");
        assertThat(detail.cameras()).extracting(c -> c.camera().id()).containsExactly("US-3-C01");
        vm.select(null);
        assertThat(detail.cameras()).isEmpty();
    }
}
