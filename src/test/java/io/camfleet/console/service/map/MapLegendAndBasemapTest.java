package io.camfleet.console.service.map;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.map.RecordingCanvas.Painted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The legend of images and the basemap under the fleet, read off a recording canvas. */
class MapLegendAndBasemapTest {

    private static final double EPS = 1e-9;

    /** Zoom 2 over the middle of the world: 1024 px per world unit, world x 0.109375 to 0.890625 on screen. */
    private static final MapView VIEW = new MapView(0.5, 0.5, 2, 800, 600);

    private static Basemap.Line line(double... xy) {
        return Basemap.Line.of(xy);
    }

    private static Basemap.Polygon square(double x0, double y0, double x1, double y1) {
        return Basemap.Polygon.of(List.of(line(x0, y0, x1, y0, x1, y1, x0, y1)));
    }

    @Test
    void theLegendListsEveryStateWithItsMarkerNameAndCountInTheBottomLeftCorner() {
        RecordingCanvas c = new RecordingCanvas(800, 600);
        int[] counts = {1_234, 5, 0, 7, 8, 12_345};
        new MapPainter(MapStyle.LIGHT).paintLegend(c, counts, "© Natural Earth");

        double top = 600 - MapPainter.LEGEND_HEIGHT - 12;
        assertThat(MapPainter.LEGEND_HEIGHT).isEqualTo(6 * 20 + 14);
        Painted box = c.painted.get(0);
        assertThat(new double[] {box.minX(), box.minY(), box.maxX(), box.maxY()})
                .containsExactly(new double[] {12, top, 12 + 190, top + MapPainter.LEGEND_HEIGHT}, within(EPS));
        assertThat(box.argb()).isEqualTo(0xE6FFFFFF);
        assertThat(c.painted.get(1).argb()).isEqualTo(MapStyle.LIGHT.border());
        assertThat(c.painted.get(1).lineWidth()).isEqualTo(1);

        List<Painted> texts = c.of("text");
        assertThat(texts).extracting(Painted::text).containsExactly("Offline", "1,234", "Degraded", "5", "Unknown",
                "0", "Updating", "7", "Maintenance", "8", "Online", "12,345", "© Natural Earth");
        for (int i = 0; i < 6; i++) {
            double rowY = top + 7 + 20 * i + 10;
            Painted name = texts.get(2 * i);
            Painted count = texts.get(2 * i + 1);
            assertThat(name.anchorX()).isEqualTo(12 + 32);
            assertThat(name.centreY()).isCloseTo(rowY, within(EPS));
            assertThat(name.align()).isEqualTo(MapCanvas.Align.LEFT);
            assertThat(name.bold()).isFalse();
            assertThat(name.size()).isEqualTo(12);
            assertThat(count.anchorX()).isEqualTo(12 + 190 - 14);
            assertThat(count.centreY()).isCloseTo(rowY, within(EPS));
            assertThat(count.align()).isEqualTo(MapCanvas.Align.RIGHT);
            assertThat(count.bold()).isTrue();
            assertThat(count.size()).isEqualTo(12);
            assertThat(count.argb()).isEqualTo(MapStyle.LIGHT.text());
        }
        // Each row's marker, at 28 px from the left edge and the row's height: the online one is the last dot.
        Painted onlineDot = c.of("circle").get(c.of("circle").size() - 1);
        assertThat(onlineDot.centreX()).isCloseTo(12 + 16, within(EPS));
        assertThat(onlineDot.centreY()).isCloseTo(top + 7 + 20 * 5 + 10, within(EPS));
        assertThat(onlineDot.radius()).isCloseTo(5.5, within(EPS));
        assertThat(onlineDot.argb()).isEqualTo(HealthPalette.argb(HealthState.ONLINE));
        Painted offlineSquare = c.of("polygon").get(1);
        assertThat(offlineSquare.centreY()).isCloseTo(top + 7 + 10, within(EPS));
        assertThat(offlineSquare.argb()).isEqualTo(HealthPalette.argb(HealthState.OFFLINE));

        Painted attribution = texts.get(12);
        assertThat(attribution.anchorX()).isEqualTo(792);
        assertThat(attribution.centreY()).isCloseTo(590, within(EPS));
        assertThat(attribution.align()).isEqualTo(MapCanvas.Align.RIGHT);
        assertThat(attribution.size()).isEqualTo(11);
    }

    @Test
    void aDarkLegendIsDarkWithLightText() {
        RecordingCanvas c = new RecordingCanvas(800, 600);
        new MapPainter(MapStyle.DARK).paintLegend(c, new int[6], "x");
        assertThat(c.painted.get(0).argb()).isEqualTo(0xE6161B22);
        assertThat(c.of("text")).allSatisfy(t -> assertThat(t.argb()).isEqualTo(0xFFE6EDF3));
    }

    @Test
    void theBasemapIsWaterThenLandThenBordersInTheStylesColours() {
        for (MapStyle style : List.of(MapStyle.LIGHT, MapStyle.DARK)) {
            RecordingCanvas c = new RecordingCanvas(800, 600);
            Basemap map = new Basemap(List.of(square(0.4, 0.4, 0.6, 0.6)), List.of(line(0.4, 0.5, 0.6, 0.5)), "NE");
            new MapPainter(style).paintBasemap(c, map, VIEW);
            assertThat(c.painted).extracting(Painted::kind).containsExactly("all", "rings", "polyline");
            assertThat(c.painted).extracting(Painted::argb)
                    .containsExactly(style.water(), style.land(), style.border());
            Painted land = c.painted.get(1);
            assertThat(land.xs()).containsExactly(new double[] {297.6, 502.4, 502.4, 297.6}, within(1e-6));
            assertThat(land.ys()).containsExactly(new double[] {197.6, 197.6, 402.4, 402.4}, within(1e-6));
            assertThat(c.painted.get(2).xs()).containsExactly(new double[] {297.6, 502.4}, within(1e-6));
            assertThat(c.painted.get(2).ys()).containsExactly(new double[] {300, 300}, within(1e-6));
        }
    }

    @Test
    void landAndBordersWhollyOffScreenAreSkippedButWhatCrossesAnEdgeIsDrawn() {
        double west = VIEW.minWorldX();
        double east = VIEW.maxWorldX();
        double north = VIEW.minWorldY();
        double south = VIEW.maxWorldY();
        assertThat(new double[] {west, east, north, south})
                .containsExactly(0.109375, 0.890625, 0.20703125, 0.79296875);
        List<Basemap.Polygon> land = List.of(
                square(0.05, 0.4, 0.1, 0.5), square(0.9, 0.4, 0.95, 0.5),     // west, east
                square(0.4, 0.1, 0.5, 0.2), square(0.4, 0.8, 0.5, 0.9),       // north, south
                square(0.05, 0.4, 0.2, 0.5), square(0.4, 0.75, 0.5, 0.9));    // across the west and south edges
        List<Basemap.Line> lines = List.of(
                line(0.05, 0.45, 0.1, 0.45), line(0.9, 0.45, 0.95, 0.45),
                line(0.45, 0.1, 0.45, 0.2), line(0.45, 0.8, 0.45, 0.9),
                line(0.8, 0.45, 0.95, 0.45), line(0.45, 0.15, 0.45, 0.3));   // across the east and north edges
        RecordingCanvas c = new RecordingCanvas(800, 600);
        new MapPainter(MapStyle.LIGHT).paintBasemap(c, new Basemap(land, lines, "NE"), VIEW);
        assertThat(c.of("rings").stream().mapToDouble(p -> p.xs()[0]).toArray())
                .containsExactly(new double[] {0.05 * 1024 - 112, 0.4 * 1024 - 112}, within(1e-6));
        assertThat(c.of("polyline").stream().mapToDouble(p -> p.xs()[0]).toArray())
                .containsExactly(new double[] {0.8 * 1024 - 112, 0.45 * 1024 - 112}, within(1e-6));
    }

    @Test
    void ringsSmallerThanAPixelAreLeftOutAndAPolygonOfNothingElseIsNotFilled() {
        double px = 1.0 / 1024;
        Basemap.Line speck = line(0.5, 0.5, 0.5 + 0.2 * px, 0.5, 0.5 + 0.2 * px, 0.5 + 0.2 * px, 0.5, 0.5 + 0.1 * px);
        Basemap.Line big = line(0.4, 0.4, 0.6, 0.4, 0.6, 0.6);
        Basemap map = new Basemap(List.of(Basemap.Polygon.of(List.of(speck)), Basemap.Polygon.of(List.of(big, speck))),
                List.of(), "NE");
        RecordingCanvas c = new RecordingCanvas(800, 600);
        new MapPainter(MapStyle.LIGHT).paintBasemap(c, map, VIEW);
        assertThat(c.of("rings")).singleElement().satisfies(r -> assertThat(r.xs()).hasSize(3));
    }

    @Test
    void pointsCloserThanThreeQuartersOfAPixelToTheLastAreDroppedExceptTheEnd() {
        double px = 1.0 / 1024;
        Basemap.Line border = line(
                0.4, 0.5,
                0.4 + 0.5 * px, 0.5,              // half a pixel on: dropped
                0.4 + 0.5 * px, 0.5 + 10 * px,    // ten pixels down: kept
                0.4 + 1.25 * px, 0.5 + 10 * px,   // exactly 0.75 px across: kept
                0.45, 0.5,
                0.45 + 0.25 * px, 0.5);           // the end: kept however close
        RecordingCanvas c = new RecordingCanvas(800, 600);
        new MapPainter(MapStyle.LIGHT).paintBasemap(c, new Basemap(List.of(), List.of(border), "NE"), VIEW);
        Painted drawn = c.of("polyline").get(0);
        double x0 = 0.4 * 1024 - 112;
        assertThat(drawn.xs()).containsExactly(new double[] {x0, x0 + 0.5, x0 + 1.25, 0.45 * 1024 - 112,
                0.45 * 1024 - 112 + 0.25}, within(1e-9));
        assertThat(drawn.ys()).containsExactly(new double[] {300, 310, 310, 300, 300}, within(1e-9));
    }

    @Test
    void aBorderOfASinglePointIsNotDrawnAndOneOfThousandsOfPointsIsDrawnWhole() {
        double[] xy = new double[2 * 6_000];
        for (int i = 0; i < 6_000; i++) {
            xy[2 * i] = 0.3 + i * 4.0 / 1024;
            xy[2 * i + 1] = 0.5;
        }
        Basemap map = new Basemap(List.of(), List.of(line(0.5, 0.5), line(xy)), "NE");
        RecordingCanvas c = new RecordingCanvas(800, 600);
        new MapPainter(MapStyle.LIGHT).paintBasemap(c, map, VIEW);
        assertThat(c.of("polyline")).singleElement().satisfies(p -> assertThat(p.xs()).hasSize(6_000));
    }

    @Test
    void bordersGetBolderAsTheMapZoomsIn() {
        double[][] zoomAndWidth = {{1, 0.5}, {1.99, 0.5}, {2, 0.75}, {4.99, 0.75}, {5, 1.0}, {9, 1.0}};
        for (double[] zw : zoomAndWidth) {
            RecordingCanvas c = new RecordingCanvas(800, 600);
            Basemap map = new Basemap(List.of(), List.of(line(0.5, 0.5, 0.5 + 1e-5, 0.5 + 1e-5)), "NE");
            new MapPainter(MapStyle.LIGHT).paintBasemap(c, map, new MapView(0.5, 0.5, zw[0], 800, 600));
            assertThat(c.of("polyline")).as("zoom %s", zw[0]).singleElement()
                    .satisfies(p -> assertThat(p.lineWidth()).isEqualTo(zw[1]));
        }
    }

    @Test
    void aBasemapKnowsTheBoundsOfItsLinesAndPolygons() {
        Basemap.Line l = line(0.3, 0.8, 0.1, 0.9, 0.2, 0.7);
        assertThat(new double[] {l.minX(), l.minY(), l.maxX(), l.maxY()}).containsExactly(0.1, 0.7, 0.3, 0.9);
        assertThat(l.points()).isEqualTo(3);
        Basemap.Polygon p = Basemap.Polygon.of(List.of(l, line(0.05, 0.75, 0.25, 0.95)));
        assertThat(new double[] {p.minX(), p.minY(), p.maxX(), p.maxY()}).containsExactly(0.05, 0.7, 0.3, 0.95);
        assertThat(Basemap.Detail.forZoom(3.49)).isEqualTo(Basemap.Detail.COARSE);
        assertThat(Basemap.Detail.forZoom(3.5)).isEqualTo(Basemap.Detail.FINE);
    }
}
