package io.camfleet.console.bench;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.geo.NaturalEarthBasemap;
import io.camfleet.console.adapter.render.PngMapRasterizer;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.map.Basemap;
import io.camfleet.console.service.map.FleetMapIndex;
import io.camfleet.console.service.map.MapItem;
import io.camfleet.console.service.map.MapPainter;
import io.camfleet.console.service.map.MapStyle;
import io.camfleet.console.service.map.MapView;
import io.camfleet.console.ui.fleetmap.MapFrameProbe;
import javafx.application.Application;
import javafx.application.Platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

/**
 * {@code map}: the fleet map at 20,000 sites / 100,000 cameras. Index build; one frame (cluster query + drawing the
 * clusters and sites) at world zoom and at city zoom, on a JavaFX canvas with the software pipeline, headless, read
 * back to an image so that the drawing is really done; a health update of 1,000 cameras; the index's retained memory.
 */
public final class MapBench {

    private static final int FRAMES = 60;

    private MapBench() {
    }

    public static void run() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
        DemoFleetSource demo = new DemoFleetSource(20_000, 42);
        FleetData data = demo.load(clock.instant(), Progress.NONE);
        TestFleetSource source = new TestFleetSource("Demo fleet", now -> data);
        Map<String, CameraTelemetry> next = source.next();
        FleetService fleet = Fleets.uncached(source, clock);
        FleetSnapshot s0 = fleet.reload(Progress.NONE);
        Bench.note("map: " + s0.siteCount() + " sites, " + s0.cameraCount() + " cameras");

        // Index build.
        double[] build = new double[15];
        for (int i = -5; i < build.length; i++) {
            long t = System.nanoTime();
            FleetMapIndex.build(s0);
            if (i >= 0) {
                build[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Bench.report("map", "index_build_median", Bench.median(build), "ms");

        // Retained memory of one index.
        long before = usedAfterGc();
        FleetMapIndex index = FleetMapIndex.build(s0);
        long after = usedAfterGc();
        Bench.report("map", "index_retained", (after - before) / 1e6, "MB");

        // A health update of 1,000 cameras, applied to the index, against the same through a rebuild.
        clock.advance(Duration.ofSeconds(3));
        for (int i = 0; i < 1_000; i++) {
            CameraSystem c = data.cameras().get(i * 97);
            next.put(c.id(), new CameraTelemetry(clock.instant(), OperatingMode.values()[i % 3], 600.0,
                    i % 4 == 0 ? 96.0 : 40.0, 40.0));
        }
        FleetSnapshot s1 = fleet.tick();
        int[] all = IntStream.range(0, s1.siteCount()).toArray();
        double[] update = new double[41];
        for (int i = -10; i < update.length; i++) {
            FleetSnapshot s = (i & 1) == 0 ? s1 : s0;
            long t = System.nanoTime();
            index.update(s, all);
            if (i >= 0) {
                update[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Bench.report("map", "health_update_1000_cameras_median", Bench.median(update), "ms");

        // Frames: world zoom and city zoom (the densest city), on a headless JavaFX canvas.
        index.update(s1, all);
        MapView world = new MapView(0.5, 0.5, 1, 1600, 1000).fittedToGeo(-170, -56, 180, 76, 24);
        double[] nyc = {io.camfleet.console.domain.map.WebMercator.x(-73.98), io.camfleet.console.domain.map.WebMercator.y(40.75)};
        MapView city = new MapView(nyc[0], nyc[1], 10.5, 1600, 1000);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            up.countDown();
        });
        up.await();
        MapFrameProbe probe = MapFrameProbe.create(1600, 1000);
        MapPainter painter = new MapPainter(MapStyle.LIGHT);
        List<MapItem> worldItems = index.query(world, MapPainter.CLUSTER_CELL_PX);
        List<MapItem> cityItems = index.query(city, MapPainter.CLUSTER_CELL_PX);
        Bench.note("world frame: " + worldItems.size() + " items; city frame: " + cityItems.size() + " items");
        Bench.report("map", "frame_empty_readback_median", probe.medianEmptyFrameMillis(FRAMES), "ms");
        Bench.report("map", "frame_world_median", probe.medianFrameMillis(index, world, painter, FRAMES), "ms");
        Bench.report("map", "frame_city_median", probe.medianFrameMillis(index, city, painter, FRAMES), "ms");

        // For reference: the basemap, drawn only when the view moves, and the same frame in Java2D (PNG snapshots).
        Basemap coarse = new NaturalEarthBasemap().load(Basemap.Detail.COARSE);
        Bench.report("map", "basemap_world_median", probe.medianBasemapMillis(coarse, world, painter, 20), "ms");
        double[] j2d = new double[30];
        PngMapRasterizer png = new PngMapRasterizer();
        for (int i = -5; i < j2d.length; i++) {
            long t = System.nanoTime();
            png.png(1600, 1000, c -> painter.paintItems(c, index.query(world, MapPainter.CLUSTER_CELL_PX), -1));
            if (i >= 0) {
                j2d[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Bench.report("map", "snapshot_png_world_median", Bench.median(j2d), "ms");
        Platform.exit();
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
