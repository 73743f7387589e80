package io.camfleet.console.service.map;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.map.RecordingCanvas.Painted;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a site marker and a cluster look like: shape, colour, size and place, read off a recording canvas. */
class MapMarkersTest {

    private static final double EPS = 1e-9;
    private static final int WHITE = 0xFFFFFFFF;

    private final MapPainter light = new MapPainter(MapStyle.LIGHT);

    private static MapItem site(HealthState state, int selected, long key) {
        int[] counts = new int[HealthState.count()];
        counts[state.ordinal()] = 1;
        return new MapItem(100, 50, 0, 1, counts, state, key, selected);
    }

    /** A cluster at (300, 300) with this many sites per state, given as state, count, state, count, ... */
    private static MapItem cluster(int selected, Object... perState) {
        int[] counts = new int[HealthState.count()];
        int total = 0;
        HealthState worst = HealthState.ONLINE;
        for (int i = 0; i < perState.length; i += 2) {
            HealthState s = (HealthState) perState[i];
            counts[s.ordinal()] = (Integer) perState[i + 1];
            total += counts[s.ordinal()];
            worst = s.isWorseThan(worst) ? s : worst;
        }
        return new MapItem(300, 300, -1, total, counts, worst, 9L, selected);
    }

    private RecordingCanvas paint(MapPainter painter, MapItem item, long highlighted) {
        RecordingCanvas c = new RecordingCanvas(600, 600);
        painter.paintItems(c, List.of(item), highlighted);
        return c;
    }

    private static void assertCircle(Painted p, double x, double y, double r, int argb, double lineWidth) {
        assertThat(p.kind()).isEqualTo("circle");
        assertThat(p.centreX()).isCloseTo(x, within(EPS));
        assertThat(p.centreY()).isCloseTo(y, within(EPS));
        assertThat(p.radius()).as("radius").isCloseTo(r, within(EPS));
        assertThat(p.argb()).as("colour %08X", p.argb()).isEqualTo(argb);
        assertThat(p.lineWidth()).as("line width").isEqualTo(lineWidth);
    }

    private static void assertPoints(Painted p, double[] xs, double[] ys) {
        assertThat(p.xs()).containsExactly(xs, within(EPS));
        assertThat(p.ys()).containsExactly(ys, within(EPS));
    }

    /** A shape outlined in the halo colour 3 px wide, then filled in the state's colour, with these corners. */
    private static void assertOutlinedShape(List<Painted> painted, int halo, HealthState state, double[] xs,
                                            double[] ys) {
        Painted outline = painted.get(0);
        Painted fill = painted.get(1);
        assertThat(outline.kind()).isEqualTo("polygon");
        assertThat(outline.argb()).isEqualTo(halo);
        assertThat(outline.lineWidth()).isEqualTo(3);
        assertPoints(outline, xs, ys);
        assertThat(fill.kind()).isEqualTo("polygon");
        assertThat(fill.filled()).isTrue();
        assertThat(fill.argb()).isEqualTo(HealthPalette.argb(state));
        assertPoints(fill, xs, ys);
    }

    @Test
    void anOnlineSiteIsAGreenDotOnAWhiteHaloWhereItStands() {
        RecordingCanvas c = paint(light, site(HealthState.ONLINE, 0, 5), -1);
        assertThat(c.painted).hasSize(2);
        assertCircle(c.painted.get(0), 100, 50, 8.5, WHITE, 0);
        assertCircle(c.painted.get(1), 100, 50, 7, 0xFF009E73, 0);
    }

    @Test
    void aDegradedSiteIsAnAmberTriangle() {
        RecordingCanvas c = paint(light, site(HealthState.DEGRADED, 0, 5), -1);
        double h = 7 * 1.25;
        assertThat(c.painted).hasSize(2);
        assertOutlinedShape(c.painted, WHITE, HealthState.DEGRADED, new double[] {100, 100 + h, 100 - h},
                new double[] {50 - h, 50 + h * 0.8, 50 + h * 0.8});
        assertThat(HealthPalette.argb(HealthState.DEGRADED)).isEqualTo(0xFFE69F00);
    }

    @Test
    void anOfflineSiteIsAVermilionSquareCrossedInWhite() {
        RecordingCanvas c = paint(light, site(HealthState.OFFLINE, 0, 5), -1);
        double h = 7 * 0.95;
        double k = h / 2;
        assertThat(c.painted).hasSize(4);
        assertOutlinedShape(c.painted, WHITE, HealthState.OFFLINE, new double[] {100 - h, 100 + h, 100 + h, 100 - h},
                new double[] {50 - h, 50 - h, 50 + h, 50 + h});
        assertThat(HealthPalette.argb(HealthState.OFFLINE)).isEqualTo(0xFFD55E00);
        Painted down = c.painted.get(2);
        Painted up = c.painted.get(3);
        assertPoints(down, new double[] {100 - k, 100 + k}, new double[] {50 - k, 50 + k});
        assertPoints(up, new double[] {100 - k, 100 + k}, new double[] {50 + k, 50 - k});
        for (Painted line : List.of(down, up)) {
            assertThat(line.kind()).isEqualTo("line");
            assertThat(line.argb()).isEqualTo(WHITE);
            assertThat(line.lineWidth()).isEqualTo(1.8);
        }
    }

    @Test
    void aSiteInMaintenanceIsAPinkDiamond() {
        RecordingCanvas c = paint(light, site(HealthState.MAINTENANCE, 0, 5), -1);
        double h = 7 * 1.3;
        assertThat(c.painted).hasSize(2);
        assertOutlinedShape(c.painted, WHITE, HealthState.MAINTENANCE, new double[] {100, 100 + h, 100, 100 - h},
                new double[] {50 - h, 50, 50 + h, 50});
        assertThat(HealthPalette.argb(HealthState.MAINTENANCE)).isEqualTo(0xFFCC79A7);
    }

    @Test
    void anUpdatingSiteIsABlueHexagonWithAFlatTop() {
        RecordingCanvas c = paint(light, site(HealthState.UPDATING, 0, 5), -1);
        double r = 7 * 1.15;
        double[] xs = new double[6];
        double[] ys = new double[6];
        for (int i = 0; i < 6; i++) {
            double a = Math.toRadians(30 + 60 * i);
            xs[i] = 100 + r * Math.cos(a);
            ys[i] = 50 + r * Math.sin(a);
        }
        assertThat(c.painted).hasSize(2);
        assertOutlinedShape(c.painted, WHITE, HealthState.UPDATING, xs, ys);
        assertThat(HealthPalette.argb(HealthState.UPDATING)).isEqualTo(0xFF0072B2);
    }

    @Test
    void aSiteInAnUnknownStateIsAGreyRing() {
        RecordingCanvas c = paint(light, site(HealthState.UNKNOWN, 0, 5), -1);
        assertThat(c.painted).hasSize(2);
        assertCircle(c.painted.get(0), 100, 50, 8.5, WHITE, 0);
        assertCircle(c.painted.get(1), 100, 50, 6, 0xFF8C8C8C, 3);
    }

    @Test
    void aSiteUnderThePointerGrowsAndASelectedOneIsRingedInTheSelectionColour() {
        assertCircle(paint(light, site(HealthState.ONLINE, 0, 5), 5).painted.get(1), 100, 50, 9, 0xFF009E73, 0);
        assertCircle(paint(light, site(HealthState.ONLINE, 0, 5), 6).painted.get(1), 100, 50, 7, 0xFF009E73, 0);

        RecordingCanvas selected = paint(light, site(HealthState.ONLINE, 1, 5), -1);
        assertThat(selected.painted).hasSize(3);
        assertCircle(selected.painted.get(0), 100, 50, 12, 0xFF0969DA, 2.5);
        RecordingCanvas both = paint(light, site(HealthState.ONLINE, 1, 5), 5);
        assertCircle(both.painted.get(0), 100, 50, 14, 0xFF0969DA, 2.5);
    }

    @Test
    void onADarkConsoleMarkersAreOutlinedInTheDarkHaloAndSelectedInLighterBlue() {
        MapPainter dark = new MapPainter(MapStyle.of(true));
        assertThat(dark.style()).isSameAs(MapStyle.DARK);
        assertThat(MapStyle.of(false)).isSameAs(MapStyle.LIGHT);
        RecordingCanvas c = paint(dark, site(HealthState.DEGRADED, 1, 5), -1);
        assertThat(c.painted.get(0).argb()).isEqualTo(0xFF58A6FF);
        assertThat(c.painted.get(1).argb()).isEqualTo(0xFF0D1117);
        assertThat(c.painted.get(2).argb()).isEqualTo(HealthPalette.argb(HealthState.DEGRADED));
    }

    @Test
    void aClusterGrowsWithTheLogarithmOfItsSitesUpToACap() {
        assertThat(MapPainter.clusterRadius(1)).isCloseTo(11, within(EPS));
        assertThat(MapPainter.clusterRadius(2)).isCloseTo(13.6, within(EPS));
        assertThat(MapPainter.clusterRadius(32)).isCloseTo(24, within(EPS));
        assertThat(MapPainter.clusterRadius(64)).isEqualTo(26);
        assertThat(MapPainter.clusterRadius(5_000)).isEqualTo(26);
    }

    @Test
    void aClusterIsRingedByTheShareOfEachStateWorstFirstAroundItsCount() {
        RecordingCanvas c = paint(light, cluster(0, HealthState.ONLINE, 3, HealthState.DEGRADED, 1), -1);
        double r = 11 + 2.6 * 2;
        assertThat(c.painted).extracting(Painted::kind).containsExactly("pie", "pie", "circle", "text");
        Painted degraded = c.painted.get(0);
        Painted online = c.painted.get(1);
        assertThat(degraded.argb()).isEqualTo(HealthPalette.argb(HealthState.DEGRADED));
        assertThat(degraded.startDeg()).isEqualTo(0);
        assertThat(degraded.extentDeg()).isCloseTo(90, within(EPS));
        assertThat(online.argb()).isEqualTo(HealthPalette.argb(HealthState.ONLINE));
        assertThat(online.startDeg()).isCloseTo(90, within(EPS));
        assertThat(online.extentDeg()).isCloseTo(270, within(EPS));
        for (Painted pie : List.of(degraded, online)) {
            assertThat(pie.centreX()).isCloseTo(300, within(EPS));
            assertThat(pie.centreY()).isCloseTo(300, within(EPS));
            assertThat(pie.radius()).isCloseTo(r, within(EPS));
        }
        assertCircle(c.painted.get(2), 300, 300, r - 5, MapStyle.LIGHT.clusterFill(), 0);
        Painted count = c.painted.get(3);
        assertThat(count.text()).isEqualTo("4");
        assertThat(count.anchorX()).isEqualTo(300);
        assertThat(count.centreY()).isCloseTo(300, within(EPS));
        assertThat(count.align()).isEqualTo(MapCanvas.Align.CENTER);
        assertThat(count.size()).isEqualTo(11.5);
        assertThat(count.bold()).isTrue();
        assertThat(count.argb()).isEqualTo(MapStyle.LIGHT.text());
    }

    @Test
    void aClusterAllInOneStateHasAWholeRingAndABigClusterABiggerCount() {
        RecordingCanvas c = paint(light, cluster(0, HealthState.MAINTENANCE, 40), -1);
        double r = MapPainter.clusterRadius(40);
        assertThat(r).isGreaterThan(20);
        assertThat(c.painted).extracting(Painted::kind).containsExactly("circle", "circle", "text");
        assertCircle(c.painted.get(0), 300, 300, r, HealthPalette.argb(HealthState.MAINTENANCE), 0);
        assertThat(c.painted.get(2).text()).isEqualTo("40");
        assertThat(c.painted.get(2).size()).isEqualTo(13);
    }

    @Test
    void aClusterUnderThePointerGrowsByTwoAndASelectedOneIsRingedClearOfIt() {
        MapItem item = cluster(2, HealthState.ONLINE, 3, HealthState.DEGRADED, 1);
        double r = MapPainter.clusterRadius(4);
        RecordingCanvas c = paint(light, item, 9);
        assertCircle(c.painted.get(0), 300, 300, r + 2 + 4, MapStyle.LIGHT.selection(), 2.5);
        assertThat(c.painted.get(1).radius()).isCloseTo(r + 2, within(EPS));
        assertThat(paint(light, item, 8).painted.get(1).radius()).isCloseTo(r, within(EPS));
    }

    @Test
    void aClusterWithOfflineSitesGlowsAndCarriesABadgeWithHowManyAboveItsRing() {
        MapItem item = cluster(1, HealthState.ONLINE, 30, HealthState.OFFLINE, 2);
        double r = MapPainter.clusterRadius(32);
        RecordingCanvas c = paint(light, item, -1);
        int offline = HealthPalette.argb(HealthState.OFFLINE);
        assertCircle(c.painted.get(0), 300, 300, r + 5, 0x55D55E00, 0);
        assertCircle(c.painted.get(1), 300, 300, r + 8, MapStyle.LIGHT.selection(), 2.5);
        assertThat(c.painted.get(2).argb()).isEqualTo(offline);
        assertThat(c.painted.get(2).extentDeg()).isCloseTo(360.0 * 2 / 32, within(EPS));
        assertThat(c.painted.get(5).text()).isEqualTo("32");

        double w = 16 + 2 + 8 + 4;
        double left = 300 - w / 2;
        double badgeY = 300 - r - 3 - 2 - 8;
        List<Painted> badge = c.painted.subList(6, c.painted.size());
        assertThat(badge).extracting(Painted::kind).containsExactly("rect", "rect", "polygon", "polygon", "line",
                "line", "text");
        Painted card = badge.get(0);
        assertThat(card.filled()).isTrue();
        assertThat(card.argb()).isEqualTo(MapStyle.LIGHT.clusterFill());
        assertThat(new double[] {card.minX(), card.minY(), card.maxX(), card.maxY()})
                .containsExactly(new double[] {left, badgeY - 8, left + w, badgeY + 8}, within(EPS));
        Painted edge = badge.get(1);
        assertThat(edge.argb()).isEqualTo(offline);
        assertThat(edge.lineWidth()).isEqualTo(1.5);
        assertThat(edge.minX()).isCloseTo(left - 0.75, within(EPS));
        assertThat(edge.minY()).isCloseTo(badgeY - 8.75, within(EPS));
        Painted square = badge.get(3);
        assertThat(square.argb()).isEqualTo(offline);
        assertThat(square.centreX()).isCloseTo(left + 9, within(EPS));
        assertThat(square.centreY()).isCloseTo(badgeY, within(EPS));
        assertThat(square.maxX() - square.minX()).isCloseTo(2 * 5 * 0.95, within(EPS));
        Painted count = badge.get(6);
        assertThat(count.text()).isEqualTo("2");
        assertThat(count.anchorX()).isCloseTo(left + 18, within(EPS));
        assertThat(count.centreY()).isCloseTo(badgeY, within(EPS));
        assertThat(count.align()).isEqualTo(MapCanvas.Align.LEFT);
        assertThat(count.size()).isEqualTo(11);
        assertThat(count.bold()).isTrue();
        assertThat(count.argb()).isEqualTo(MapStyle.LIGHT.text());
    }

    @Test
    void theBadgeStaysPutWhenTheClusterUnderThePointerGrows() {
        MapItem item = cluster(0, HealthState.ONLINE, 30, HealthState.OFFLINE, 2);
        Painted still = paint(light, item, -1).of("rect").get(0);
        Painted pointed = paint(light, item, 9).of("rect").get(0);
        assertThat(pointed).usingRecursiveComparison().isEqualTo(still);
        assertCircle(paint(light, item, 9).painted.get(0), 300, 300, MapPainter.clusterRadius(32) + 7, 0x55D55E00, 0);
    }

    @Test
    void anItemReachesNoFurtherThanItsFootprint() {
        assertThat(MapPainter.footprint(site(HealthState.MAINTENANCE, 0, 1))).isCloseTo(7 * 1.3 + 1.5, within(EPS));
        MapItem calm = cluster(0, HealthState.ONLINE, 8);
        assertThat(MapPainter.footprint(calm)).isCloseTo(MapPainter.clusterRadius(8) + 2, within(EPS));
        MapItem pointed = cluster(0, HealthState.ONLINE, 8);
        // Under the pointer the ring grows by 2, to just what the footprint claims.
        assertThat(paint(light, pointed, 9).painted.get(0).radius())
                .isCloseTo(MapPainter.footprint(pointed), within(EPS));
        RecordingCanvas diamond = paint(light, site(HealthState.MAINTENANCE, 0, 5), -1);
        assertThat(diamond.painted.get(0).maxX() - 100).isCloseTo(MapPainter.footprint(site(HealthState.MAINTENANCE,
                0, 1)), within(EPS));
    }

    @Test
    void countsAreShortenedToFitACluster() {
        assertThat(MapPainter.compact(999)).isEqualTo("999");
        assertThat(MapPainter.compact(1_000)).isEqualTo("1.0k");
        assertThat(MapPainter.compact(1_250)).isEqualTo("1.3k");
        assertThat(MapPainter.compact(9_940)).isEqualTo("9.9k");
        assertThat(MapPainter.compact(9_949)).isEqualTo("9.9k");
        assertThat(MapPainter.compact(9_950)).isEqualTo("10k");
        assertThat(MapPainter.compact(9_999)).isEqualTo("10k");
        assertThat(MapPainter.compact(10_000)).isEqualTo("10k");
        assertThat(MapPainter.compact(23_900)).isEqualTo("23k");
    }

    @Test
    void aBadgeOfAlmostTenThousandOfflineFitsTheRoomEveryImageKeepsForIt() {
        MapItem item = cluster(0, HealthState.ONLINE, 5, HealthState.OFFLINE, 9_990);
        assertThat(MapPainter.footprint(item)).isLessThanOrEqualTo(MapPainter.maxFootprint());
        assertThat(paint(light, item, -1).of("text")).extracting(Painted::text).containsExactly("10k", "10k");
    }

    @Test
    void anOfflinePulseWidensAndFades() {
        RecordingCanvas c = new RecordingCanvas(600, 600);
        light.paintPulse(c, 40, 60, 0);
        light.paintPulse(c, 40, 60, 0.5);
        assertCircle(c.painted.get(0), 40, 60, 8, 0xCCD55E00, 3);
        assertCircle(c.painted.get(1), 40, 60, 21, 0x66D55E00, 3);
    }

    @Test
    void aSelectionBoxIsAFaintFillInsideASelectionColouredEdge() {
        RecordingCanvas c = new RecordingCanvas(600, 600);
        light.paintSelectionBox(c, 10, 20, 30, 40);
        Painted fill = c.painted.get(0);
        Painted edge = c.painted.get(1);
        assertThat(new double[] {fill.minX(), fill.minY(), fill.maxX(), fill.maxY()})
                .containsExactly(10, 20, 40, 60);
        assertThat(fill.argb()).isEqualTo(0x220969DA);
        assertThat(fill.filled()).isTrue();
        assertThat(edge.argb()).isEqualTo(0xFF0969DA);
        assertThat(edge.lineWidth()).isEqualTo(1.5);
        assertThat(new double[] {edge.minX(), edge.minY(), edge.maxX(), edge.maxY()})
                .containsExactly(9.25, 19.25, 40.75, 60.75);
    }
}
