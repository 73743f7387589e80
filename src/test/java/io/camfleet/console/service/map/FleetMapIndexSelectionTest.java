package io.camfleet.console.service.map;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.domain.map.WebMercator;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.fleet.Fleets;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Selection, box picks, bounds and counts of the map index, over a few sites at known places. */
class FleetMapIndexSelectionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    /** 0 Amsterdam, 1 Rotterdam, 2 Sydney, 3 no coordinates. */
    private static FleetSnapshot fleet() {
        Object[][] places = {{"AMS", 52.37, 4.90}, {"RTM", 51.92, 4.48}, {"SYD", -33.87, 151.21}, {"NONE", null, null}};
        List<Site> sites = new ArrayList<>();
        List<CameraSystem> cameras = new ArrayList<>();
        Map<String, CameraTelemetry> telemetry = new HashMap<>();
        for (Object[] p : places) {
            String id = (String) p[0];
            sites.add(new Site(id, id, "C", "XX", "EU", (Double) p[1], (Double) p[2], "UTC", SlaTier.GOLD, ""));
            cameras.add(Fleets.camera(id + "-1", id, "1"));
            telemetry.put(id + "-1", Fleets.beating(NOW));
        }
        FleetSource source = new FleetSource() {
            @Override
            public String name() {
                return "Places";
            }

            @Override
            public FleetData load(Instant at, Progress progress) {
                return new FleetData(sites, cameras, telemetry);
            }
        };
        return Fleets.uncached(source, new TestClock(NOW)).reload(Progress.NONE);
    }

    private static final MapView WORLD = new MapView(0.5, 0.5, 1, 1600, 1000);

    private static int selectedShown(FleetMapIndex index, MapView view) {
        return index.query(view, MapPainter.CLUSTER_CELL_PX).stream().mapToInt(MapItem::selected).sum();
    }

    @Test
    void selectedSitesAreCountedOnTheirClusterAndOnlyWhileTheyPassTheFilter() {
        FleetSnapshot s = fleet();
        FleetMapIndex index = FleetMapIndex.build(s);
        assertThat(selectedShown(index, WORLD)).isZero();
        index.select(Set.of(0, 1, 3, -1, 99));
        List<MapItem> items = index.query(WORLD, MapPainter.CLUSTER_CELL_PX);
        assertThat(items).filteredOn(i -> i.count() == 2).singleElement()
                .satisfies(i -> assertThat(i.selected()).isEqualTo(2));
        assertThat(selectedShown(index, WORLD)).isEqualTo(2);

        index.update(s, new int[] {1, 2});
        assertThat(selectedShown(index, WORLD)).as("Amsterdam filtered out").isEqualTo(1);
        index.select(Set.of(0, 2));
        assertThat(selectedShown(index, WORLD)).as("Sydney only").isEqualTo(1);
        index.select(Set.of());
        assertThat(selectedShown(index, WORLD)).isZero();
    }

    @Test
    void aBoxPicksTheVisibleSitesOnItsEdgesToo() {
        FleetSnapshot s = fleet();
        FleetMapIndex index = FleetMapIndex.build(s);
        double[] ams = index.worldPosition(0);
        double[] rtm = index.worldPosition(1);
        assertThat(ams).containsExactly(WebMercator.x(4.90), WebMercator.y(52.37));
        assertThat(index.sitesIn(ams[0], ams[1], ams[0], ams[1])).containsExactly(0);
        double minX = Math.min(ams[0], rtm[0]);
        double maxX = Math.max(ams[0], rtm[0]);
        double minY = Math.min(ams[1], rtm[1]);
        double maxY = Math.max(ams[1], rtm[1]);
        assertThat(index.sitesIn(minX, minY, maxX, maxY)).containsExactlyInAnyOrder(0, 1);
        assertThat(index.sitesIn(Math.nextUp(minX), minY, maxX, maxY)).hasSize(1);
        assertThat(index.sitesIn(minX, minY, Math.nextDown(maxX), maxY)).hasSize(1);
        assertThat(index.sitesIn(minX, Math.nextUp(minY), maxX, maxY)).hasSize(1);
        assertThat(index.sitesIn(minX, minY, maxX, Math.nextDown(maxY))).hasSize(1);
        index.update(s, new int[] {1});
        assertThat(index.sitesIn(minX, minY, maxX, maxY)).containsExactly(1);
    }

    @Test
    void theBoundsAndCountsAreThoseOfTheSitesThatPassTheFilter() {
        FleetSnapshot s = fleet();
        FleetMapIndex index = FleetMapIndex.build(s);
        assertThat(index.placedCount()).isEqualTo(3);
        assertThat(index.visibleCount()).isEqualTo(3);
        assertThat(index.unplacedSites()).containsExactly(3);
        assertThat(index.worldPosition(3)).isNull();
        assertThat(index.worldPosition(4)).isNull();
        double[] ams = index.worldPosition(0);
        double[] rtm = index.worldPosition(1);
        index.update(s, new int[] {0, 1, 3});
        assertThat(index.visibleCount()).isEqualTo(2);
        assertThat(index.visibleBounds()).containsExactly(rtm[0], ams[1], ams[0], rtm[1]);
        assertThat(java.util.Arrays.stream(index.visibleCounts()).sum()).isEqualTo(2);
        index.update(s, new int[] {3});
        assertThat(index.visibleCount()).isZero();
        assertThat(index.visibleBounds()).isNull();
    }

    @Test
    void anIndexRefusesTheHealthOfAnotherInventory() {
        FleetSnapshot s = fleet();
        FleetMapIndex index = FleetMapIndex.build(s);
        FleetSnapshot other = fleet();
        assertThat(index.fits(s)).isTrue();
        assertThat(index.fits(other)).isFalse();
        assertThatThrownBy(() -> index.update(other, new int[] {0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLoneSiteIsDrawnAsThatSiteAndTwoCloseOnesAsOneClusterOfTwo() {
        FleetSnapshot s = fleet();
        FleetMapIndex index = FleetMapIndex.build(s);
        index.update(s, new int[] {1, 2});
        List<MapItem> items = index.query(WORLD, MapPainter.CLUSTER_CELL_PX);
        assertThat(items).extracting(MapItem::siteIndex).containsExactlyInAnyOrder(1, 2);
        MapItem rtm = items.stream().filter(i -> i.siteIndex() == 1).findFirst().orElseThrow();
        assertThat(rtm.x()).isCloseTo(WORLD.screenX(WebMercator.x(4.48)), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(rtm.y()).isCloseTo(WORLD.screenY(WebMercator.y(51.92)), org.assertj.core.data.Offset.offset(1e-6));
        index.update(s, new int[] {0, 1});
        assertThat(index.query(WORLD, MapPainter.CLUSTER_CELL_PX)).singleElement().satisfies(i -> {
            assertThat(i.count()).isEqualTo(2);
            assertThat(i.siteIndex()).isEqualTo(-1);
        });
    }
}
