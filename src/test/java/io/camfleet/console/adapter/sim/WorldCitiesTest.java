package io.camfleet.console.adapter.sim;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WorldCitiesTest {

    private final List<WorldCity> cities = WorldCities.load();

    @Test
    void thereAreAtLeastThreeHundredCitiesOnEveryInhabitedContinent() {
        assertThat(cities).hasSizeGreaterThanOrEqualTo(300);
        assertThat(cities.stream().map(WorldCity::region).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("NA", "LATAM", "EU", "ME", "AF", "APAC", "OC");
        // Continents by hemisphere and longitude, not by our region codes: a plain geographic sanity check.
        assertThat(cities).anyMatch(c -> c.latitude() < -30 && c.longitude() > 110);   // Australia
        assertThat(cities).anyMatch(c -> c.latitude() < -20 && c.longitude() < -40);   // South America
        assertThat(cities).anyMatch(c -> c.latitude() < 0 && c.longitude() > 10 && c.longitude() < 50); // Africa
    }

    @Test
    void everyCityHasValidCoordinatesACountryAndAZoneJavaKnows() {
        for (WorldCity c : cities) {
            assertThat(c.latitude()).as(c.name()).isBetween(-90.0, 90.0);
            assertThat(c.longitude()).as(c.name()).isBetween(-180.0, 180.0);
            assertThat(c.latitude() == 0 && c.longitude() == 0).as(c.name()).isFalse();
            assertThat(c.countryCode()).as(c.name()).matches("[A-Z]{2}");
            assertThat(ZoneId.of(c.timeZone())).as(c.name()).isNotNull();
            assertThat(c.population()).as(c.name()).isPositive();
        }
    }

    @Test
    void knownCitiesAreWhereTheyAre() {
        WorldCity london = find("London", "GB");
        assertThat(london.latitude()).isCloseTo(51.5, org.assertj.core.data.Offset.offset(0.2));
        assertThat(london.longitude()).isCloseTo(-0.12, org.assertj.core.data.Offset.offset(0.2));
        assertThat(london.timeZone()).isEqualTo("Europe/London");
        WorldCity sydney = find("Sydney", "AU");
        assertThat(sydney.latitude()).isCloseTo(-33.87, org.assertj.core.data.Offset.offset(0.2));
        assertThat(sydney.timeZone()).isEqualTo("Australia/Sydney");
        assertThat(find("Nairobi", "KE").timeZone()).isEqualTo("Africa/Nairobi");
    }

    @Test
    void noCityIsListedTwice() {
        Set<String> seen = new HashSet<>();
        for (WorldCity c : cities) {
            assertThat(seen.add(c.name() + "|" + c.countryCode())).as(c.name()).isTrue();
        }
    }

    private WorldCity find(String name, String country) {
        return cities.stream().filter(c -> c.name().equals(name) && c.countryCode().equals(country)).findFirst()
                .orElseThrow();
    }
}
