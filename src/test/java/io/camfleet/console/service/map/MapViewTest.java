package io.camfleet.console.service.map;

import io.camfleet.console.domain.map.WebMercator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Where the map's view puts the world on screen, and how it moves. */
class MapViewTest {

    private static final double EPS = 1e-9;

    @Test
    void theCentreOfTheViewIsTheCentreOfTheScreenAndEachZoomStepDoublesTheScale() {
        MapView v = new MapView(0.25, 0.5, 2, 800, 600);
        assertThat(v.scale()).isEqualTo(1024);
        assertThat(new MapView(0.25, 0.5, 3, 800, 600).scale()).isEqualTo(2048);
        assertThat(v.screenX(0.25)).isEqualTo(400);
        assertThat(v.screenY(0.5)).isEqualTo(300);
        assertThat(v.screenX(0.25 + 0.125)).isEqualTo(400 + 128);
        assertThat(v.screenY(0.5 - 0.125)).isEqualTo(300 - 128);
        assertThat(v.worldX(400 + 128)).isEqualTo(0.375);
        assertThat(v.worldY(300 - 128)).isEqualTo(0.375);
        assertThat(new double[] {v.minWorldX(), v.minWorldY(), v.maxWorldX(), v.maxWorldY()})
                .containsExactly(0.25 - 400.0 / 1024, 0.5 - 300.0 / 1024, 0.25 + 400.0 / 1024, 0.5 + 300.0 / 1024);
    }

    @Test
    void zoomAndCentreAreKeptWithinTheWorld() {
        MapView far = new MapView(-0.2, 1.3, 0.1, 800, 600);
        assertThat(far.zoom()).isEqualTo(MapView.MIN_ZOOM);
        assertThat(far.centerX()).isEqualTo(0);
        assertThat(far.centerY()).isEqualTo(1);
        MapView near = new MapView(1.2, -0.4, 25, 800, 600);
        assertThat(near.zoom()).isEqualTo(MapView.MAX_ZOOM);
        assertThat(near.centerX()).isEqualTo(1);
        assertThat(near.centerY()).isEqualTo(0);
        MapView inside = new MapView(0.3, 0.7, 4.5, 800, 600);
        assertThat(new double[] {inside.centerX(), inside.centerY(), inside.zoom()}).containsExactly(0.3, 0.7, 4.5);
    }

    @Test
    void aDragMovesTheMapWithThePointerAndAResizeKeepsTheCentre() {
        MapView v = new MapView(0.5, 0.5, 2, 800, 600);
        MapView dragged = v.pannedBy(64, -32);
        assertThat(dragged.centerX()).isEqualTo(0.5 - 64.0 / 1024);
        assertThat(dragged.centerY()).isEqualTo(0.5 + 32.0 / 1024);
        assertThat(dragged.screenX(v.worldX(100))).isCloseTo(164, within(EPS));
        MapView bigger = v.resized(1000, 700);
        assertThat(new double[] {bigger.centerX(), bigger.centerY(), bigger.zoom(), bigger.width(), bigger.height()})
                .containsExactly(0.5, 0.5, 2, 1000, 700);
    }

    @Test
    void zoomingAroundThePointerKeepsWhatIsUnderIt() {
        MapView v = new MapView(0.5, 0.5, 2, 800, 600);
        double wx = v.worldX(600);
        double wy = v.worldY(100);
        MapView in = v.zoomedAround(600, 100, 1.5);
        assertThat(in.zoom()).isEqualTo(3.5);
        assertThat(in.screenX(wx)).isCloseTo(600, within(1e-6));
        assertThat(in.screenY(wy)).isCloseTo(100, within(1e-6));
        MapView out = v.zoomedAround(600, 100, -1);
        assertThat(out.zoom()).isEqualTo(1);
        assertThat(out.screenX(wx)).isCloseTo(600, within(1e-6));
        assertThat(out.screenY(wy)).isCloseTo(100, within(1e-6));
        MapView tooFar = new MapView(0.5, 0.5, 17, 800, 600).zoomedAround(700, 500, 4);
        assertThat(tooFar.zoom()).isEqualTo(MapView.MAX_ZOOM);
        assertThat(tooFar.screenX(new MapView(0.5, 0.5, 17, 800, 600).worldX(700))).isCloseTo(700, within(1e-6));
        assertThat(new MapView(0.5, 0.5, 1, 800, 600).zoomedAround(700, 500, -4).zoom()).isEqualTo(MapView.MIN_ZOOM);
    }

    @Test
    void aFittedViewShowsTheBoxWholeInsideItsPaddingAndFillsTheTighterSide() {
        MapView v = new MapView(0.5, 0.5, 1, 800, 600).fitted(0.2, 0.3, 0.3, 0.35, 50, MapView.MAX_ZOOM);
        // 0.1 wide into 700 px, 0.05 high into 500 px: the width decides.
        assertThat(v.scale()).isCloseTo(7000, within(1e-6));
        assertThat(v.screenX(0.2)).isCloseTo(50, within(1e-6));
        assertThat(v.screenX(0.3)).isCloseTo(750, within(1e-6));
        assertThat(v.screenY(0.325)).isCloseTo(300, within(1e-6));
        MapView tall = new MapView(0.5, 0.5, 1, 800, 600).fitted(0.2, 0.3, 0.21, 0.4, 50, MapView.MAX_ZOOM);
        assertThat(tall.screenY(0.3)).isCloseTo(50, within(1e-6));
        assertThat(tall.screenY(0.4)).isCloseTo(550, within(1e-6));
    }

    @Test
    void aFittedViewGoesNoCloserThanItsLimitAndPutsTheBoxInTheMiddleOfTheFreeArea() {
        MapView point = new MapView(0.5, 0.5, 1, 800, 600).fitted(0.4, 0.4, 0.4, 0.4, 10, 12);
        assertThat(point.zoom()).isEqualTo(12);
        assertThat(point.centerX()).isEqualTo(0.4);
        MapView.Margins legend = new MapView.Margins(10, 20, 110, 40);
        MapView v = new MapView(0.5, 0.5, 1, 800, 600).fitted(0.2, 0.3, 0.3, 0.35, legend, MapView.MAX_ZOOM);
        // Free area: x 40..780 (740 wide), y 10..490 (480 high); 0.1 by 0.05 world: the width decides.
        assertThat(v.scale()).isCloseTo(7400, within(1e-6));
        assertThat(v.screenX(0.2)).isCloseTo(40, within(1e-6));
        assertThat(v.screenX(0.3)).isCloseTo(780, within(1e-6));
        assertThat(v.screenY(0.325)).isCloseTo((10 + 490) / 2.0, within(1e-6));
        MapView tiny = new MapView(0.5, 0.5, 1, 100, 100).fitted(0, 0, 1, 1, 80, MapView.MAX_ZOOM);
        assertThat(tiny.zoom()).isEqualTo(MapView.MIN_ZOOM);
    }

    @Test
    void aViewFittedToLongitudesAndLatitudesShowsThatBox() {
        // 40 degrees of longitude by 25 of latitude at 35-60 N: about square in Mercator, so the height decides.
        MapView v = new MapView(0.5, 0.5, 1, 1000, 800).fittedToGeo(-10, 35, 30, 60, 20);
        assertThat(v.screenY(WebMercator.y(60))).isCloseTo(20, within(1e-6));
        assertThat(v.screenY(WebMercator.y(35))).isCloseTo(780, within(1e-6));
        double west = v.screenX(WebMercator.x(-10));
        double east = v.screenX(WebMercator.x(30));
        assertThat(west).isGreaterThanOrEqualTo(20);
        assertThat((west + east) / 2).isCloseTo(500, within(1e-6));
    }

    @Test
    void theScaleBarReadsMetresPerPixelAtTheCentre() {
        MapView equator = new MapView(0.5, 0.5, 1, 800, 600);
        assertThat(equator.metresPerPixel()).isCloseTo(WebMercator.EARTH_CIRCUMFERENCE_M / 512, within(1e-3));
        MapView north = new MapView(0.5, WebMercator.y(60), 3, 800, 600);
        assertThat(north.metresPerPixel()).isCloseTo(WebMercator.EARTH_CIRCUMFERENCE_M * 0.5 / 2048, within(1e-3));
    }
}
