package io.camfleet.console.service.map;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FleetMapIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    /** A fleet of {@code n} sites scattered over the world, two cameras each, all healthy. */
    private static final class Scattered implements FleetSource {
        final List<Site> sites = new ArrayList<>();
        final List<CameraSystem> cameras = new ArrayList<>();
        final Map<String, CameraTelemetry> next = new HashMap<>();

        Scattered(int n, long seed) {
            Random r = new Random(seed);
            for (int i = 0; i < n; i++) {
                Double lat = -60 + r.nextDouble() * 130;
                Double lon = -180 + r.nextDouble() * 360;
                if (i % 50 == 7) {
                    lat = null;          // no coordinates
                } else if (i % 50 == 8) {
                    lat = 0.0;           // null island
                    lon = 0.0;
                }
                sites.add(new Site("S" + i, "Site " + i, i % 2 == 0 ? "Even" : "Odd", "NL", "EU", lat, lon, "UTC",
                        SlaTier.GOLD, ""));
                for (int c = 0; c < 2; c++) {
                    cameras.add(new CameraSystem("S" + i + "-C" + c, "S" + i, null, "", "", "", "", "", "1"));
                }
            }
        }

        @Override
        public String name() {
            return "Scattered";
        }

        @Override
        public FleetData load(Instant now, Progress progress) {
            Map<String, CameraTelemetry> t = new HashMap<>();
            for (CameraSystem c : cameras) {
                t.put(c.id(), new CameraTelemetry(now, OperatingMode.NORMAL, 600.0, 40.0, 40.0));
            }
            return new FleetData(sites, cameras, t);
        }

        @Override
        public Map<String, CameraTelemetry> poll(Instant now) {
            Map<String, CameraTelemetry> out = new HashMap<>(next);
            next.clear();
            return out;
        }
    }

    private final TestClock clock = new TestClock(T0);
    private final Scattered source = new Scattered(2_000, 3);
    private final FleetService fleet = Fleets.uncached(source, clock);

    private static MapView world() {
        return new MapView(0.5, 0.5, 2.6, 1600, 1000);
    }

    private static int total(List<MapItem> items) {
        return items.stream().mapToInt(MapItem::count).sum();
    }

    @Test
    void clusterCountsAddUpToTheFilteredFleet() {
        FleetSnapshot s = fleet.reload(Progress.NONE);
        FleetMapIndex index = FleetMapIndex.build(s);
        assertThat(index.placedCount()).isEqualTo(2_000 - 80);
        assertThat(total(index.query(world(), 72))).isEqualTo(1_920);

        int[] even = new FleetFilter("", Set.of(), Set.of(), Set.of("Even"), Set.of(), Set.of()).apply(s);
        index.update(s, even);
        assertThat(total(index.query(world(), 72))).isEqualTo(960);
        for (double zoom : new double[] {1, 3, 5, 8}) {
            MapView v = new MapView(0.5, 0.5, zoom, 1600, 1000);
            long inView = java.util.Arrays.stream(even).filter(i -> {
                double[] p = index.worldPosition(i);
                return p != null && p[0] >= v.minWorldX() && p[0] <= v.maxWorldX()
                        && p[1] >= v.minWorldY() && p[1] <= v.maxWorldY();
            }).count();
            assertThat(total(index.query(v, 72))).as("zoom " + zoom).isGreaterThanOrEqualTo((int) inView);
        }
    }

    @Test
    void theWorstStatePropagatesToItsCluster() {
        fleet.reload(Progress.NONE);
        clock.advance(Duration.ofSeconds(100));
        for (CameraSystem c : source.cameras) {
            if (!c.siteId().equals("S123")) {
                source.next.put(c.id(), new CameraTelemetry(clock.instant(), OperatingMode.NORMAL, 600.0, 40.0, 40.0));
            }
        }
        FleetSnapshot s = fleet.tick();
        FleetMapIndex index = FleetMapIndex.build(s);
        List<MapItem> items = index.query(world(), 72);
        MapItem withS123 = items.stream().filter(i -> i.count(HealthState.OFFLINE) > 0).findFirst().orElseThrow();
        assertThat(withS123.worst()).isEqualTo(HealthState.OFFLINE);
        assertThat(items.stream().filter(i -> i.worst() == HealthState.OFFLINE)).hasSize(1);
        assertThat(items.stream().mapToInt(i -> i.count(HealthState.OFFLINE)).sum()).isEqualTo(1);
    }

    @Test
    void clustersStayPutWhileTheMapPans() {
        FleetMapIndex index = FleetMapIndex.build(fleet.reload(Progress.NONE));
        MapView a = new MapView(0.45, 0.40, 4, 1600, 1000);
        MapView b = a.pannedBy(37, -23);
        Map<Long, MapItem> first = new HashMap<>();
        index.query(a, 72).forEach(i -> first.put(i.key(), i));
        int compared = 0;
        for (MapItem i : index.query(b, 72)) {
            MapItem same = first.get(i.key());
            if (same != null) {
                compared++;
                assertThat(i.count()).isEqualTo(same.count());
                assertThat(i.counts()).isEqualTo(same.counts());
                assertThat(i.x() - same.x()).isCloseTo(37, org.assertj.core.data.Offset.offset(1e-6));
                assertThat(i.y() - same.y()).isCloseTo(-23, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
        assertThat(compared).isGreaterThan(10);
    }

    @Test
    void nothingDrawnHidesAnotherAndNoSiteIsLostDoingSo() {
        FleetMapIndex index = FleetMapIndex.build(fleet.reload(Progress.NONE));
        for (double zoom : new double[] {2.6, 3.3, 4, 5.5, 7}) {
            MapView v = new MapView(0.5, 0.45, zoom, 1600, 1000);
            List<MapItem> items = index.query(v, MapPainter.CLUSTER_CELL_PX);
            for (int i = 0; i < items.size(); i++) {
                for (int j = i + 1; j < items.size(); j++) {
                    MapItem a = items.get(i);
                    MapItem b = items.get(j);
                    assertThat(Math.hypot(a.x() - b.x(), a.y() - b.y()))
                            .as("zoom %s: %s and %s", zoom, a.count(), b.count())
                            .isGreaterThanOrEqualTo(MapPainter.footprint(a) + MapPainter.footprint(b));
                }
            }
        }
        assertThat(total(index.query(world(), MapPainter.CLUSTER_CELL_PX))).isEqualTo(1_920);
    }

    @Test
    void sitesEitherSideOfACellBorderAreFoldedTogetherNotDrawnOverEachOther() {
        Scattered pair = new Scattered(0, 1);
        for (String id : new String[] {"W", "E"}) {   // either side of longitude 0, a cell border at every zoom
            pair.sites.add(new Site(id, id, "C", "GH", "AF", 5.0, id.equals("W") ? -0.02 : 0.02, "UTC",
                    SlaTier.GOLD, ""));
            pair.cameras.add(new CameraSystem(id + "-C", id, null, "", "", "", "", "", "1"));
        }
        FleetMapIndex index = FleetMapIndex.build(Fleets.uncached(pair, clock).reload(Progress.NONE));
        double y = io.camfleet.console.domain.map.WebMercator.y(5.0);
        List<MapItem> far = index.query(new MapView(0.5, y, 6, 1600, 1000), MapPainter.CLUSTER_CELL_PX);
        assertThat(far).singleElement().satisfies(i -> {
            assertThat(i.isSite()).isFalse();
            assertThat(i.count()).isEqualTo(2);
        });
        List<MapItem> near = index.query(new MapView(0.5, y, 12, 1600, 1000), MapPainter.CLUSTER_CELL_PX);
        assertThat(near).hasSize(2).allMatch(MapItem::isSite);
    }

    @Test
    void clustersSplitAsYouZoomIn() {
        FleetMapIndex index = FleetMapIndex.build(fleet.reload(Progress.NONE));
        MapView far = new MapView(0.5, 0.5, 1, 1600, 1000);
        MapView near = new MapView(0.5, 0.5, 9, 1600, 1000);
        assertThat(index.query(far, 72)).allMatch(i -> !i.isSite() || i.count() == 1);
        assertThat(index.query(far, 72).stream().filter(i -> !i.isSite()).count()).isGreaterThan(5);
        List<MapItem> close = index.query(near, 72);
        assertThat(close).allMatch(MapItem::isSite);
    }

    @Test
    void aHealthUpdateOfAThousandCamerasGivesTheSameMapAsARebuild() {
        FleetSnapshot s0 = fleet.reload(Progress.NONE);
        FleetMapIndex live = FleetMapIndex.build(s0);
        clock.advance(Duration.ofSeconds(3));
        for (int i = 0; i < 1_000; i++) {
            CameraSystem c = source.cameras.get(i * 3);
            source.next.put(c.id(), new CameraTelemetry(clock.instant(), OperatingMode.values()[i % 3], 600.0,
                    i % 5 == 0 ? 95.0 : 40.0, 40.0));
        }
        FleetSnapshot s1 = fleet.tick();
        assertThat(s1.inventory()).isSameAs(s0.inventory());
        int[] all = java.util.stream.IntStream.range(0, s1.siteCount()).toArray();
        live.update(s1, all);
        FleetMapIndex rebuilt = FleetMapIndex.build(s1);
        for (double zoom : new double[] {1, 2.6, 4, 7, 11}) {
            MapView v = new MapView(0.5, 0.45, zoom, 1600, 1000);
            assertThat(live.query(v, 72)).usingRecursiveFieldByFieldElementComparator()
                    .as("zoom " + zoom).isEqualTo(rebuilt.query(v, 72));
        }
    }

    @Test
    void sitesWithoutUsableCoordinatesAreListedNotDrawnAtZeroZero() {
        FleetSnapshot s = fleet.reload(Progress.NONE);
        FleetMapIndex index = FleetMapIndex.build(s);
        assertThat(index.unplacedSites()).hasSize(80);
        MapView nullIsland = new MapView(0.5, 0.5, 12, 800, 600);
        assertThat(index.query(nullIsland, 72)).isEmpty();
    }

    @Test
    void aBoxSelectsTheVisibleSitesInside() {
        FleetSnapshot s = fleet.reload(Progress.NONE);
        FleetMapIndex index = FleetMapIndex.build(s);
        int[] picked = index.sitesIn(0.25, 0.25, 0.5, 0.5);
        assertThat(picked).isNotEmpty();
        for (int i : picked) {
            double[] p = index.worldPosition(i);
            assertThat(p[0]).isBetween(0.25, 0.5);
            assertThat(p[1]).isBetween(0.25, 0.5);
        }
    }
}
