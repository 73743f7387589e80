package io.camfleet.console.domain.fleet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiteTest {

    private static Site at(Double lat, Double lon) {
        return new Site("S1", "Site", "C", "NL", "EU", lat, lon, "Europe/Amsterdam", SlaTier.GOLD, "");
    }

    @Test
    void aSiteWithRealCoordinatesIsPlaced() {
        assertThat(at(52.37, 4.89).isPlaced()).isTrue();
        assertThat(at(-90.0, 180.0).isPlaced()).isTrue();
    }

    @Test
    void thePolesAndTheAntimeridianAreOnTheMapAndAHairBeyondThemIsNot() {
        assertThat(at(90.0, -180.0).isPlaced()).isTrue();
        assertThat(at(-90.0, 180.0).isPlaced()).isTrue();
        assertThat(at(0.0, 180.0).isPlaced()).as("on the equator, off null island").isTrue();
        assertThat(at(-90.0000001, 0.5).isPlaced()).isFalse();
        assertThat(at(90.0000001, 0.5).isPlaced()).isFalse();
        assertThat(at(10.0, 180.0000001).isPlaced()).isFalse();
        assertThat(at(10.0, -180.0000001).isPlaced()).isFalse();
        assertThat(at(0.0, 0.0001).isPlaced()).as("next to null island is a place").isTrue();
        assertThat(at(0.0001, 0.0).isPlaced()).isTrue();
        assertThat(at(3.0, Double.NaN).isPlaced()).isFalse();
    }

    @Test
    void missingOutOfRangeOrNullIslandCoordinatesAreNotPlaced() {
        assertThat(at(null, 4.89).isPlaced()).isFalse();
        assertThat(at(52.37, null).isPlaced()).isFalse();
        assertThat(at(91.0, 4.0).isPlaced()).isFalse();
        assertThat(at(10.0, -181.0).isPlaced()).isFalse();
        assertThat(at(0.0, 0.0).isPlaced()).isFalse();
        assertThat(at(Double.NaN, 3.0).isPlaced()).isFalse();
    }
}
