package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;
import static io.camfleet.console.service.fleet.Fleets.site;
import static org.assertj.core.api.Assertions.assertThat;

class FleetSummaryTest {

    private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aFleetIsCountedBySizePlaceCustomersHealthAndVersion() {
        Site unplaced = new Site("C", "Nowhere", "Acme", "US", "NA", null, null, "UTC", SlaTier.GOLD, "");
        FleetData data = new FleetData(
                List.of(site("A", "Alpha", "Acme", "NL", "EU"), site("B", "Bravo", "Contoso", "NL", "EU"), unplaced),
                List.of(camera("A1", "A", "6.4.2"), camera("A2", "A", "6.10.0"), camera("B1", "B", "6.4.2"),
                        camera("C1", "C", "6.9.2")),
                Map.of("A1", beating(now), "A2", beating(now.minus(Duration.ofHours(1))), "B1", beating(now)));

        FleetSummary s = FleetSummary.of(data, HealthRules.DEFAULT, now);

        assertThat(s.sites()).isEqualTo(3);
        assertThat(s.cameras()).isEqualTo(4);
        assertThat(s.unplacedSites()).isEqualTo(1);
        assertThat(s.countries()).isEqualTo(2);
        assertThat(s.customers()).isEqualTo(2);
        assertThat(s.sitesByRegion()).containsExactly(Map.entry("EU", 2), Map.entry("NA", 1));
        assertThat(s.camerasByHealth()).containsEntry(HealthState.ONLINE, 2).containsEntry(HealthState.OFFLINE, 1)
                .containsEntry(HealthState.UNKNOWN, 1).containsEntry(HealthState.DEGRADED, 0)
                .hasSize(HealthState.count());
        assertThat(s.camerasByVersion()).as("newest first").containsExactly(Map.entry("6.10.0", 1),
                Map.entry("6.9.2", 1), Map.entry("6.4.2", 2));
    }

    @Test
    void anEmptyFleetCountsZeroEverywhere() {
        FleetSummary s = FleetSummary.of(new FleetData(List.of(), List.of(), Map.of()), HealthRules.DEFAULT, now);

        assertThat(s.sites()).isZero();
        assertThat(s.cameras()).isZero();
        assertThat(s.unplacedSites()).isZero();
        assertThat(s.camerasByHealth().values()).containsOnly(0);
        assertThat(s.camerasByVersion()).isEmpty();
    }
}
