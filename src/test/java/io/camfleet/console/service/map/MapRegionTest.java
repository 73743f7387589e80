package io.camfleet.console.service.map;

import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The regions a snapshot can frame, as an operator types them. */
class MapRegionTest {

    @Test
    void everyBusinessRegionIsKnownByItsCodeInAnyCase() {
        for (String code : MapRegion.NAMES) {
            MapRegion r = MapRegion.named(code.toLowerCase(java.util.Locale.ROOT));
            assertThat(r).as(code).isNotNull();
            assertThat(r.name()).isEqualTo(code);
            assertThat(r.west()).as(code).isLessThan(r.east());
            assertThat(r.south()).as(code).isLessThan(r.north());
        }
        assertThat(MapRegion.named("EU")).isEqualTo(new MapRegion("EU", -25, 34, 85, 66));
        assertThat(MapRegion.named("world")).isSameAs(MapRegion.WORLD);
        assertThat(MapRegion.named("MARS")).isNull();
        assertThat(MapRegion.parse("  apac ")).isEqualTo(MapRegion.named("APAC"));
    }

    @Test
    void onlyABusinessRegionFiltersSitesByRegionCode() {
        assertThat(MapRegion.named("LATAM").regionCode()).isEqualTo("LATAM");
        assertThat(MapRegion.named("OC").regionCode()).isEqualTo("OC");
        assertThat(MapRegion.WORLD.regionCode()).isNull();
        assertThat(MapRegion.parse("-10,35,30,60").regionCode()).isNull();
    }

    @Test
    void aBoxIsWestSouthEastNorthInDegreesUpToTheEdgesOfTheWorld() {
        MapRegion box = MapRegion.parse(" -10, 35 ,30,60 ");
        assertThat(box).isEqualTo(new MapRegion("-10, 35 ,30,60", -10, 35, 30, 60));
        MapRegion whole = MapRegion.parse("-180,-90,180,90");
        assertThat(new double[] {whole.west(), whole.south(), whole.east(), whole.north()})
                .containsExactly(-180, -90, 180, 90);
    }

    @Test
    void aBoxOutsideTheWorldInsideOutOrNotFourNumbersIsRefusedWithASentence() {
        for (String bad : new String[] {"-180.5,0,10,10", "0,-90.5,10,10", "0,0,180.5,10", "0,0,10,90.5",
                "10,0,10,10", "20,0,10,10", "0,10,10,10", "0,20,10,10", "0,0,10", "0,0,10,10,5", "0,0,ten,10",
                "MARS"}) {
            assertThatThrownBy(() -> MapRegion.parse(bad)).as(bad).isInstanceOf(Problem.class)
                    .hasMessageContaining("'" + bad + "' is not a map region")
                    .satisfies(e -> assertThat(((Problem) e).key()).isEqualTo("problem.mapRegion"));
        }
    }
}
