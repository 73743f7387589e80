package io.camfleet.console.domain.map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WebMercatorTest {

    @Test
    void projectingAndUnprojectingGivesThePointBack() {
        double[][] points = {{52.37, 4.89}, {-33.87, 151.21}, {0, 0}, {85, 179.99}, {-85, -179.99}, {64.15, -21.94}};
        for (double[] p : points) {
            double x = WebMercator.x(p[1]);
            double y = WebMercator.y(p[0]);
            assertThat(WebMercator.longitude(x)).as("lon of %s", p[1]).isCloseTo(p[1], within(1e-9));
            assertThat(WebMercator.latitude(y)).as("lat of %s", p[0]).isCloseTo(p[0], within(1e-9));
        }
    }

    @Test
    void theWorldIsTheUnitSquare() {
        assertThat(WebMercator.x(-180)).isEqualTo(0.0);
        assertThat(WebMercator.x(180)).isEqualTo(1.0);
        assertThat(WebMercator.y(0)).isCloseTo(0.5, within(1e-12));
        assertThat(WebMercator.y(WebMercator.MAX_LATITUDE)).isCloseTo(0.0, within(1e-9));
        assertThat(WebMercator.y(-WebMercator.MAX_LATITUDE)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void latitudesBeyondEightyFiveDegreesAreClamped() {
        assertThat(WebMercator.y(90)).isEqualTo(WebMercator.y(WebMercator.MAX_LATITUDE));
        assertThat(WebMercator.y(-90)).isEqualTo(WebMercator.y(-WebMercator.MAX_LATITUDE));
        assertThat(Double.isFinite(WebMercator.y(89.9999))).isTrue();
    }

    @Test
    void northIsUpAndEastIsRight() {
        assertThat(WebMercator.y(60)).isLessThan(WebMercator.y(10));
        assertThat(WebMercator.x(30)).isGreaterThan(WebMercator.x(10));
    }

    @Test
    void theScaleShrinksTowardThePoles() {
        assertThat(WebMercator.metresPerWorldUnit(0)).isCloseTo(40_075_016.686, within(1.0));
        assertThat(WebMercator.metresPerWorldUnit(60)).isCloseTo(20_037_508.343, within(1.0));
    }
}
