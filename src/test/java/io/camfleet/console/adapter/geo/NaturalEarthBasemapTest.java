package io.camfleet.console.adapter.geo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.domain.map.WebMercator;
import io.camfleet.console.service.map.Basemap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NaturalEarthBasemapTest {

    private final NaturalEarthBasemap source = new NaturalEarthBasemap();

    @Test
    void bothLevelsLoadWithLandAndBorders() {
        Basemap coarse = source.load(Basemap.Detail.COARSE);
        Basemap fine = source.load(Basemap.Detail.FINE);
        assertThat(coarse.land()).hasSizeGreaterThan(50);
        assertThat(coarse.lines()).hasSizeGreaterThan(200);
        int coarsePoints = coarse.lines().stream().mapToInt(Basemap.Line::points).sum();
        int finePoints = fine.lines().stream().mapToInt(Basemap.Line::points).sum();
        assertThat(finePoints).isGreaterThan(5 * coarsePoints);
        assertThat(coarse.attribution()).isEqualTo("Natural Earth");
        assertThat(source.load(Basemap.Detail.COARSE)).isSameAs(coarse);
    }

    @Test
    void nothingRunsAcrossTheWholeMap() {
        Basemap coarse = source.load(Basemap.Detail.COARSE);
        for (Basemap.Line line : coarse.lines()) {
            double[] xy = line.xy();
            for (int i = 2; i < xy.length; i += 2) {
                assertThat(Math.abs(xy[i] - xy[i - 2])).as("a border segment").isLessThan(0.5);
            }
        }
        for (Basemap.Polygon p : coarse.land()) {
            for (Basemap.Line ring : p.rings()) {
                double[] xy = ring.xy();
                for (int i = 2; i < xy.length; i += 2) {
                    assertThat(Math.abs(xy[i] - xy[i - 2])).as("a land edge").isLessThanOrEqualTo(1.0);
                }
            }
            // Quantization and the clamp at 85° leave edges a few billionths outside; polygons across the
            // antimeridian reach at most one world beyond it.
            assertThat(p.minY()).isGreaterThanOrEqualTo(-1e-6);
            assertThat(p.maxY()).isLessThanOrEqualTo(1 + 1e-6);
            assertThat(p.minX()).isGreaterThan(-1);
            assertThat(p.maxX()).isLessThan(2);
        }
    }

    @Test
    void aRingAroundThePoleIsClosedAlongTheEdgeOfTheMap() {
        // Three points going east around the south pole, jumping from x=0.9 to x=0.1.
        double[] ring = {0.5, 0.95, 0.9, 0.95, 0.1, 0.96, 0.5, 0.95};
        double[] closed = NaturalEarthBasemap.unwrap(ring);
        assertThat(closed).containsExactly(0.5, 0.95, 0.9, 0.95, 1.1, 0.96, 1.5, 0.95, 1.5, 1.0, 0.5, 1.0, 0.5, 0.95);
    }

    @Test
    void landRingsAreClosedAndKnownLandIsWhereItShouldBe() {
        Basemap coarse = source.load(Basemap.Detail.COARSE);
        for (Basemap.Polygon p : coarse.land()) {
            for (Basemap.Line ring : p.rings()) {
                double[] xy = ring.xy();
                assertThat(xy[0]).isCloseTo(xy[xy.length - 2], within(1e-9));
                assertThat(xy[1]).isCloseTo(xy[xy.length - 1], within(1e-9));
            }
        }
        // Australia's largest polygon spans about 113°E to 153°E.
        double west = WebMercator.x(113);
        double east = WebMercator.x(154);
        assertThat(coarse.land()).anyMatch(p -> Math.abs(p.minX() - west) < 0.01 && Math.abs(p.maxX() - east) < 0.01
                && p.minY() > WebMercator.y(-10) && p.maxY() < WebMercator.y(-40));
    }

    @Test
    void aReversedArcIsWalkedBackwards() throws Exception {
        double[][] arcs = {{0, 0, 1, 0, 1, 1}, {1, 1, 0, 1, 0, 0}};
        double[] forward = NaturalEarthBasemap.ring(new ObjectMapper().readTree("[0, 1]"), arcs);
        assertThat(forward).containsExactly(0, 0, 1, 0, 1, 1, 0, 1, 0, 0);
        double[] backward = NaturalEarthBasemap.ring(new ObjectMapper().readTree("[-2, -1]"), arcs);
        assertThat(backward).containsExactly(0, 0, 0, 1, 1, 1, 1, 0, 0, 0);
    }
}
