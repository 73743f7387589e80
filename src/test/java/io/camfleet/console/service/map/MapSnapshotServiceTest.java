package io.camfleet.console.service.map;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.domain.map.WebMercator;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.fleet.Fleets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a snapshot frames, draws and counts, for a small fleet of known places, read off a recording canvas. */
class MapSnapshotServiceTest {

    private static FleetSnapshot fleet;

    /** Amsterdam, Madrid and Svalbard (EU), New York (NA), Sydney (OC), and a site with no coordinates (EU). */
    @BeforeAll
    static void fleet() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        Object[][] places = {{"AMS", "EU", 52.37, 4.90}, {"MAD", "EU", 40.42, -3.70}, {"LYR", "EU", 78.22, 15.65},
                {"NYC", "NA", 40.71, -74.01}, {"SYD", "OC", -33.87, 151.21}, {"NOWHERE", "EU", null, null}};
        List<Site> sites = new ArrayList<>();
        List<CameraSystem> cameras = new ArrayList<>();
        Map<String, CameraTelemetry> telemetry = new HashMap<>();
        for (Object[] p : places) {
            String id = (String) p[0];
            sites.add(new Site(id, id, "C", "XX", (String) p[1], (Double) p[2], (Double) p[3], "UTC", SlaTier.GOLD,
                    ""));
            cameras.add(Fleets.camera(id + "-1", id, "1"));
            telemetry.put(id + "-1", Fleets.beating(now));
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
        fleet = Fleets.uncached(source, new TestClock(now)).reload(Progress.NONE);
    }

    /** Paints on a recording canvas, and keeps which basemap detail was asked for. */
    private static final class Recorder implements MapRasterizer, BasemapSource {
        RecordingCanvas canvas;
        Basemap.Detail detail;

        @Override
        public byte[] png(int width, int height, Consumer<MapCanvas> painting) {
            canvas = new RecordingCanvas(width, height);
            painting.accept(canvas);
            return new byte[] {1, 2, 3};
        }

        @Override
        public Basemap load(Basemap.Detail d) {
            detail = d;
            return new Basemap(List.of(), List.of(), "Test Earth");
        }

        List<String> legendCounts() {
            double numbers = MapPainter.LEGEND_INSET + MapPainter.LEGEND_WIDTH - 14;
            return canvas.of("text").stream().filter(t -> t.anchorX() == numbers).map(RecordingCanvas.Painted::text)
                    .toList();
        }
    }

    private final Recorder recorder = new Recorder();
    private final MapSnapshotService maps = new MapSnapshotService(recorder, recorder);

    private static boolean drawnWhole(MapView v, double lon, double lat) {
        double x = v.screenX(WebMercator.x(lon));
        double y = v.screenY(WebMercator.y(lat));
        double room = MapPainter.maxFootprint();
        return x >= room && x <= v.width() - room && y >= room
                && y <= v.height() - room - MapPainter.LEGEND_HEIGHT - MapPainter.LEGEND_INSET;
    }

    @Test
    void aBusinessRegionDrawsAndCountsItsPlacedSitesOnlyAndFramesThemAllEvenBeyondItsBox() {
        MapSnapshotService.Rendered eu = maps.render(fleet, FleetFilter.ALL, MapRegion.named("EU"), 1200, 800, false);
        assertThat(eu.png()).containsExactly(1, 2, 3);
        assertThat(eu.sites()).isEqualTo(3);
        assertThat(recorder.legendCounts()).containsExactly("0", "0", "0", "0", "0", "3");
        assertThat(drawnWhole(eu.view(), 15.65, 78.22)).as("Svalbard, north of the region's box").isTrue();
        assertThat(drawnWhole(eu.view(), -3.70, 40.42)).as("Madrid").isTrue();
        assertThat(drawnWhole(eu.view(), -74.01, 40.71)).as("New York").isFalse();
        assertThat(recorder.canvas.of("text")).anySatisfy(t -> assertThat(t.text()).isEqualTo("© Test Earth"));
        assertThat(recorder.canvas.painted.get(0).argb()).isEqualTo(MapStyle.LIGHT.water());
    }

    @Test
    void aBoxDrawsTheSitesInsideItAndTheWorldAllOfThem() {
        MapSnapshotService.Rendered box = maps.render(fleet, FleetFilter.ALL, MapRegion.parse("-80,35,10,55"), 1200,
                800, true);
        assertThat(box.sites()).as("Amsterdam, Madrid, New York").isEqualTo(3);
        assertThat(recorder.canvas.painted.get(0).argb()).isEqualTo(MapStyle.DARK.water());
        assertThat(drawnWhole(box.view(), -80, 45)).isTrue();
        assertThat(drawnWhole(box.view(), 10, 45)).isTrue();

        MapSnapshotService.Rendered world = maps.render(fleet, FleetFilter.ALL, MapRegion.WORLD, 1200, 800, false);
        assertThat(world.sites()).isEqualTo(5);
        assertThat(drawnWhole(world.view(), 151.21, -33.87)).as("Sydney").isTrue();
        assertThat(recorder.detail).isEqualTo(Basemap.Detail.forZoom(world.view().zoom()));
    }

    @Test
    void theFilterDecidesWhichSitesOfTheRegionAreDrawn() {
        FleetFilter ams = new FleetFilter("AMS", Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        MapSnapshotService.Rendered one = maps.render(fleet, ams, MapRegion.named("EU"), 1200, 800, false);
        assertThat(one.sites()).isEqualTo(1);
        assertThat(recorder.canvas.of("polygon").size() + recorder.canvas.of("circle").size())
                .as("one dot and its halo, besides the legend's markers")
                .isEqualTo(2 + 2 + 2 + 2 + 2 + 2 + 2);
    }

    @Test
    void sidesFromAHundredToEightThousandPixelsAreAcceptedAndOthersRefusedWithASentence() {
        assertThat(maps.render(fleet, FleetFilter.ALL, MapRegion.WORLD, 100, 8_000, false).view().width())
                .isEqualTo(100);
        assertThat(maps.render(fleet, FleetFilter.ALL, MapRegion.WORLD, 8_000, 100, false).view().height())
                .isEqualTo(100);
        for (int[] size : new int[][] {{99, 500}, {8_001, 500}, {500, 99}, {500, 8_001}}) {
            assertThatThrownBy(() -> maps.render(fleet, FleetFilter.ALL, MapRegion.WORLD, size[0], size[1], false))
                    .as("%s x %s", size[0], size[1]).isInstanceOf(Problem.class)
                    .hasMessageContaining("from 100 to 8000 pixels")
                    .hasMessageContaining(size[0] + " x " + size[1]);
        }
    }
}
