package io.camfleet.console.ui.fleetmap;

import io.camfleet.console.adapter.geo.NaturalEarthBasemap;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.map.MapItem;
import io.camfleet.console.ui.common.FleetModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;
import static org.assertj.core.api.Assertions.assertThat;

/** The map's view model with no toolkit: executors run at once. */
class FleetMapViewModelTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
    private Map<String, CameraTelemetry> next;
    private FleetService fleet;
    private FleetModel model;
    private FleetMapViewModel vm;

    private static Site site(String id, double lat, double lon) {
        return new Site(id, "Site " + id, "C", "NL", "EU", lat, lon, "Europe/Amsterdam", SlaTier.GOLD, "");
    }

    @BeforeEach
    void setUp() {
        TestFleetSource source = new TestFleetSource("Test", now -> new FleetData(
                List.of(site("AMS", 52.37, 4.89), site("RTM", 51.92, 4.48), site("NYC", 40.71, -74.0),
                        new Site("NOWHERE", "No place", "C", "NL", "EU", null, null, "UTC", SlaTier.GOLD, "")),
                List.of(camera("AMS-1", "AMS", "1"), camera("RTM-1", "RTM", "1"), camera("NYC-1", "NYC", "1"),
                        camera("NOWHERE-1", "NOWHERE", "1")),
                Map.of("AMS-1", beating(now), "RTM-1", beating(now), "NYC-1", beating(now),
                        "NOWHERE-1", beating(now))));
        next = source.next();
        fleet = Fleets.uncached(source, clock);
        model = new FleetModel(Runnable::run, Runnable::run);
        fleet.addListener(model);
        vm = new FleetMapViewModel(model, new NaturalEarthBasemap(), Runnable::run, Runnable::run);
        vm.resize(1200, 800);
        fleet.reload(Progress.NONE);
    }

    private MapItem siteItem(String id) {
        int index = vm.shown().inventory().siteIndexOf(id);
        return vm.itemsProperty().get().stream().filter(i -> i.siteIndex() == index).findFirst().orElseThrow();
    }

    @Test
    void theMapOpensOnTheWholeFleetAndListsTheUnplaced() {
        assertThat(vm.itemsProperty().get().stream().mapToInt(MapItem::count).sum()).isEqualTo(3);
        assertThat(vm.unplaced()).extracting(s -> s.id()).containsExactly("NOWHERE");
        assertThat(vm.basemapProperty().get()).isNotNull();
    }

    @Test
    void aSiteAnotherScreenAsksForIsSelectedAndZoomedTo() {
        // An alert's "Open on map": the map leaves the whole fleet's view for the site, alone at street level.
        double worldZoom = vm.viewProperty().get().zoom();
        model.showOnMap("RTM");
        assertThat(model.selectedSiteIdProperty().get()).isEqualTo("RTM");
        assertThat(vm.viewProperty().get().zoom()).isGreaterThan(worldZoom + 5);
        MapItem rtm = siteItem("RTM");
        assertThat(rtm.x()).isCloseTo(600, org.assertj.core.data.Offset.offset(60.0));
        assertThat(rtm.y()).isCloseTo(400, org.assertj.core.data.Offset.offset(60.0));
        assertThat(model.mapFocusProperty().get()).as("the request is taken").isNull();
    }

    @Test
    void aMapBuiltAfterTheRequestStillZoomsToTheSite() {
        // Screens are built on their first visit: the request comes before the map exists.
        FleetModel other = new FleetModel(Runnable::run, Runnable::run);
        fleet.addListener(other);
        other.showOnMap("NYC");
        FleetMapViewModel later = new FleetMapViewModel(other, new NaturalEarthBasemap(), Runnable::run,
                Runnable::run);
        later.resize(1200, 800);
        fleet.tick();
        double worldZoom = vm.viewProperty().get().zoom();
        assertThat(later.viewProperty().get().zoom()).isGreaterThan(worldZoom + 5);
        assertThat(other.mapFocusProperty().get()).isNull();
    }

    @Test
    void clickingASiteSelectsItForEveryScreen() {
        vm.fitAll();
        MapItem nyc = siteItem("NYC");
        vm.click(nyc.x(), nyc.y(), false);
        assertThat(model.selectedSiteIdProperty().get()).isEqualTo("NYC");
        assertThat(model.selection()).containsExactly("NYC");
    }

    @Test
    void ctrlClickAddsASiteToTheSelectionAndTakesItOutAgain() {
        vm.fitAll();
        MapItem nyc = siteItem("NYC");
        vm.click(nyc.x(), nyc.y(), false);
        MapItem holland = vm.itemsProperty().get().stream().filter(i -> i != nyc).findFirst().orElseThrow();
        vm.zoomAt(holland.x(), holland.y(), 4);   // Amsterdam and Rotterdam apart, both in view
        MapItem ams = siteItem("AMS");
        vm.click(ams.x(), ams.y(), true);
        assertThat(model.selection()).containsExactlyInAnyOrder("NYC", "AMS");
        assertThat(model.selectedSiteIdProperty().get()).isEqualTo("AMS");
        vm.click(ams.x(), ams.y(), true);
        assertThat(model.selection()).containsExactly("NYC");
        assertThat(model.selectedSiteIdProperty().get()).isEqualTo("NYC");
    }

    @Test
    void aBoxSelectsTheSitesInsideAndFocusesTheWorst() {
        clock.advance(Duration.ofSeconds(100));
        next.put("AMS-1", beating(clock.instant()));
        next.put("NYC-1", beating(clock.instant()));   // Rotterdam stays silent: offline
        fleet.tick();
        vm.boxSelect(0, 0, 1200, 800);
        assertThat(model.selection()).containsExactlyInAnyOrder("AMS", "RTM", "NYC");
        assertThat(model.selectedSiteIdProperty().get()).isEqualTo("RTM");
    }

    @Test
    void aSiteThatGoesOfflinePulsesForAFewSeconds() {
        long t0 = System.nanoTime();
        clock.advance(Duration.ofSeconds(100));
        next.put("AMS-1", beating(clock.instant()));
        next.put("NYC-1", new CameraTelemetry(clock.instant(), OperatingMode.MAINTENANCE, null, null, null));
        fleet.tick();
        List<FleetMapViewModel.Pulse> now = vm.pulses(System.nanoTime());
        assertThat(now).extracting(FleetMapViewModel.Pulse::siteIndex)
                .containsExactly(vm.shown().inventory().siteIndexOf("RTM"));
        assertThat(vm.shown().site("RTM").health().state()).isEqualTo(HealthState.OFFLINE);
        assertThat(vm.pulses(t0 + FleetMapViewModel.PULSE_NANOS + 2_000_000_000L)).isEmpty();
    }

    @Test
    void aPulseOffScreenDrawsNothingAndKeepsNothingAnimating() {
        clock.advance(Duration.ofSeconds(100));
        next.put("AMS-1", beating(clock.instant()));
        next.put("NYC-1", beating(clock.instant()));   // Rotterdam stays silent: offline, and pulses
        fleet.tick();
        vm.fitAll();
        MapItem nyc = siteItem("NYC");
        vm.zoomAt(nyc.x(), nyc.y(), 4);   // New York fills the view; Rotterdam is an ocean away
        assertThat(vm.pulses(System.nanoTime())).isEmpty();
        vm.fitAll();
        assertThat(vm.pulses(System.nanoTime())).extracting(FleetMapViewModel.Pulse::siteIndex)
                .containsExactly(vm.shown().inventory().siteIndexOf("RTM"));
    }

    @Test
    void aTickThatChangesNothingOnTheMapAsksForNoNewFrame() {
        int[] redraws = {0};
        vm.itemsProperty().addListener((o, a, i) -> redraws[0]++);
        clock.advance(Duration.ofSeconds(10));
        next.put("AMS-1", beating(clock.instant()));   // fresh heartbeats: every site stays online
        next.put("RTM-1", beating(clock.instant()));
        next.put("NYC-1", beating(clock.instant()));
        fleet.tick();
        assertThat(redraws[0]).isZero();
        next.put("NYC-1", new CameraTelemetry(clock.instant(), OperatingMode.MAINTENANCE, null, null, null));
        fleet.tick();
        assertThat(redraws[0]).isEqualTo(1);
    }

    private boolean onScreen(MapItem i) {
        return i.x() >= 0 && i.x() <= vm.viewProperty().get().width() && i.y() >= 0
                && i.y() <= vm.viewProperty().get().height();
    }

    @Test
    void showingEverySiteKeepsWhateverIsDrawnForThemWholeOnScreen() {
        vm.fitAll();
        double room = io.camfleet.console.service.map.MapPainter.maxFootprint() - 1e-6;
        assertThat(vm.itemsProperty().get()).hasSize(2).allSatisfy(i -> {
            assertThat(i.x()).isBetween(room, 1200 - room);
            assertThat(i.y()).isBetween(room, 800 - room);
        });
    }

    @Test
    void aSearchBringsTheSitesItFindsIntoView() {
        vm.fitAll();
        MapItem holland = vm.itemsProperty().get().stream().filter(i -> i.count() == 2).findFirst().orElseThrow();
        vm.zoomAt(holland.x(), holland.y(), 6);
        int nyc = vm.shown().inventory().siteIndexOf("NYC");
        assertThat(vm.itemsProperty().get()).noneMatch(i -> i.siteIndex() == nyc && onScreen(i));

        model.searchTextProperty().set("nyc");

        assertThat(vm.itemsProperty().get()).singleElement().satisfies(i -> {
            assertThat(i.siteIndex()).isEqualTo(nyc);
            assertThat(onScreen(i)).isTrue();
        });
        // A live update with the same filter leaves the view where the operator put it.
        vm.pan(300, 0);
        MapItem moved = vm.itemsProperty().get().get(0);
        clock.advance(Duration.ofSeconds(10));
        next.put("NYC-1", beating(clock.instant()));
        fleet.tick();
        assertThat(vm.itemsProperty().get().get(0).x()).isEqualTo(moved.x());
    }

    @Test
    void theFilterOfTheTableIsTheMapsFilter() {
        model.searchTextProperty().set("nyc");
        assertThat(vm.itemsProperty().get()).extracting(MapItem::count).containsExactly(1);
        assertThat(vm.visibleCountsProperty().get()[HealthState.ONLINE.ordinal()]).isEqualTo(1);
    }
}
