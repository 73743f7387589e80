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
import io.camfleet.console.service.map.HealthPalette;
import io.camfleet.console.service.map.MapRegion;
import io.camfleet.console.service.map.MapSnapshotService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Set;

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
        byte[] png = maps.render(fleet, FleetFilter.ALL, MapRegion.named("EU"), 1600, 900, false);
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
        byte[] png = maps.render(fleet, offline, MapRegion.WORLD, 1200, 700, true);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "snapshot-world-offline-dark.png"), png);
        BufferedImage img = decode(png);
        assertThat(pixels(img, HealthPalette.argb(HealthState.OFFLINE))).isGreaterThan(50);
        assertThat(pixels(img, HealthPalette.argb(HealthState.ONLINE)))
                .as("only the legend's marker is green").isLessThan(150);
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
