package io.camfleet.console.adapter.render;

import io.camfleet.console.adapter.geo.NaturalEarthBasemap;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.fleet.NoFleetCache;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.domain.map.WebMercator;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.service.map.HealthPalette;
import io.camfleet.console.service.map.MapCanvas;
import io.camfleet.console.service.map.MapPainter;
import io.camfleet.console.service.map.MapRasterizer;
import io.camfleet.console.service.map.MapView;
import io.camfleet.console.service.map.RecordingCanvas;
import io.camfleet.console.service.map.MapRegion;
import io.camfleet.console.service.map.MapSnapshotService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The map rendered off screen to PNG, as sales reports and {@code camfleet map snapshot} use it. */
class MapSnapshotTest {

    private static FleetSnapshot fleet;
    private final MapSnapshotService maps = new MapSnapshotService(new NaturalEarthBasemap(), new PngMapRasterizer());

    @BeforeAll
    static void demoFleet() {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
        fleet = new FleetService(new DemoFleetSource(2_500, 42), new NoFleetCache(), HealthRules.DEFAULT, clock,
                new AuditService(new InMemoryAuditTrail(), new InMemoryAuditAnchor(), new Operator("t", ""), clock))
                .reload(Progress.NONE);
    }

    private static BufferedImage decode(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static int pixels(BufferedImage img, int argb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (argb & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theSnapshotHasTheRequestedSizeAndShowsMarkers() throws Exception {
        byte[] png = maps.render(fleet, FleetFilter.ALL, MapRegion.named("EU"), 1600, 900, false).png();
        BufferedImage img = decode(png);
        assertThat(img.getWidth()).isEqualTo(1600);
        assertThat(img.getHeight()).isEqualTo(900);
        assertThat(pixels(img, HealthPalette.argb(HealthState.ONLINE))).isGreaterThan(2_000);
        assertThat(pixels(img, 0xFFF6F5F1)).as("land").isGreaterThan(100_000);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "snapshot-eu.png"), png);
    }

    @Test
    void aSubsetShowsOnlyItsSites() throws Exception {
        FleetFilter offline = new FleetFilter("", Set.of(HealthState.OFFLINE), Set.of(), Set.of(), Set.of(), Set.of());
        byte[] png = maps.render(fleet, offline, MapRegion.WORLD, 1200, 700, true).png();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "snapshot-world-offline-dark.png"), png);
        BufferedImage img = decode(png);
        assertThat(pixels(img, HealthPalette.argb(HealthState.OFFLINE))).isGreaterThan(50);
        assertThat(pixels(img, HealthPalette.argb(HealthState.ONLINE)))
                .as("only the legend's marker is green").isLessThan(150);
    }

    /** Whether the view shows a place, far enough in that whatever is drawn there is whole and clear of the legend. */
    private static boolean showsWhole(MapView v, double lon, double lat) {
        double x = v.screenX(WebMercator.x(lon));
        double y = v.screenY(WebMercator.y(lat));
        double room = MapPainter.maxFootprint();
        return x >= room && x <= v.width() - room && y >= room
                && y <= v.height() - room - MapPainter.LEGEND_HEIGHT - MapPainter.LEGEND_INSET;
    }

    private static boolean shows(MapView v, double lon, double lat) {
        double x = v.screenX(WebMercator.x(lon));
        double y = v.screenY(WebMercator.y(lat));
        return x >= 0 && x <= v.width() && y >= 0 && y <= v.height();
    }

    @Test
    void aRegionIsFramedAroundItsSitesNotGreenlandOrTheArcticAndSouthernEuropeIsWhole() {
        MapView v = maps.render(fleet, FleetFilter.ALL, MapRegion.named("EU"), 1600, 900, false).view();
        assertThat(WebMercator.latitude(v.minWorldY())).as("latitude of the top edge").isLessThan(70);
        assertThat(shows(v, -37.6, 65.6)).as("Tasiilaq, Greenland").isFalse();
        assertThat(shows(v, -43.9, 59.8)).as("Cape Farewell, Greenland").isFalse();
        assertThat(showsWhole(v, 14.51, 35.90)).as("Valletta").isTrue();
        assertThat(showsWhole(v, 33.36, 35.17)).as("Nicosia").isTrue();
        assertThat(showsWhole(v, -5.35, 36.14)).as("Gibraltar").isTrue();
        assertThat(showsWhole(v, -8.93, 37.02)).as("Cape St. Vincent").isTrue();
        for (SiteSummary s : fleet.sites()) {
            if ("EU".equals(s.site().region()) && s.site().isPlaced()) {
                assertThat(showsWhole(v, s.site().longitude(), s.site().latitude())).as(s.site().name()).isTrue();
            }
        }
    }

    /** Paints nowhere but keeps what was painted: what the legend says, read as numbers. */
    private static final class Recording implements MapRasterizer {
        RecordingCanvas canvas;

        @Override
        public byte[] png(int width, int height, Consumer<MapCanvas> painting) {
            canvas = new RecordingCanvas(width, height);
            painting.accept(canvas);
            return new byte[0];
        }

        int legendTotal() {
            double numbers = MapPainter.LEGEND_INSET + MapPainter.LEGEND_WIDTH - 14;
            return canvas.painted.stream().filter(p -> "text".equals(p.kind()) && p.align() == MapCanvas.Align.RIGHT
                            && p.anchorX() == numbers)
                    .mapToInt(p -> Integer.parseInt(p.text().replace(",", ""))).sum();
        }
    }

    @Test
    void theLegendCountsTheSitesDrawnAndNoOthers() {
        Recording recording = new Recording();
        MapSnapshotService counted = new MapSnapshotService(new NaturalEarthBasemap(), recording);

        MapSnapshotService.Rendered eu = counted.render(fleet, FleetFilter.ALL, MapRegion.named("EU"), 1600, 900, false);
        long euSites = fleet.sites().stream()
                .filter(s -> "EU".equals(s.site().region()) && s.site().isPlaced()).count();
        assertThat(recording.legendTotal()).isEqualTo(euSites);
        assertThat(eu.sites()).isEqualTo(euSites);

        MapRegion box = MapRegion.parse("-10,35,30,60");
        counted.render(fleet, FleetFilter.ALL, box, 1200, 800, false);
        long inBox = fleet.sites().stream().filter(s -> s.site().isPlaced()
                && s.site().longitude() >= -10 && s.site().longitude() <= 30
                && s.site().latitude() >= 35 && s.site().latitude() <= 60).count();
        assertThat(recording.legendTotal()).isEqualTo(inBox);
    }

    @Test
    void aSizeOutOfRangeIsRefusedWithASentence() {
        assertThatThrownBy(() -> maps.render(fleet, FleetFilter.ALL, MapRegion.WORLD, 50, 900, false))
                .isInstanceOf(Problem.class).hasMessageContaining("from 100 to 8000 pixels");
        assertThatThrownBy(() -> MapRegion.parse("ATLANTIS")).isInstanceOf(Problem.class)
                .hasMessageContaining("'ATLANTIS' is not a map region");
        assertThat(MapRegion.parse("-10, 35, 30, 60").west()).isEqualTo(-10);
    }
}
