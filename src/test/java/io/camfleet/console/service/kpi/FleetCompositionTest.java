package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.kpi.FleetComposition.AgeBand;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FleetCompositionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static CameraSystem camera(String id, String image, String version) {
        return new CameraSystem(id, "S1", id, "", "", "", "", image, version);
    }

    private static FleetInventory fleet() {
        Site s1 = new Site("S1", "Depot", "Acme", "NL", "EU", 52.0, 4.0, "Europe/Amsterdam", SlaTier.GOLD, "");
        return FleetInventory.of(List.of(s1), List.of(
                camera("C1", "camos-24.04.3-2026.11", "6.5.0"),
                camera("C2", "camos-24.04.3-2026.11", "6.5.0"),
                camera("C3", "camos-24.04.2-2026.09", "6.4.1"),
                camera("C4", "camos-22.04.4-2025.12", "6.3.7"),
                camera("C5", "", "6.5.0")));
    }

    @Test
    void camerasAreCountedByVersionAndImageMostFirst() {
        FleetComposition c = FleetComposition.of(fleet(), image -> Optional.empty(), TODAY);

        assertThat(c.cameras()).isEqualTo(5);
        assertThat(c.byVersion()).containsExactly(new FleetComposition.Share("6.5.0", 3),
                new FleetComposition.Share("6.3.7", 1), new FleetComposition.Share("6.4.1", 1));
        assertThat(c.byImage()).extracting(FleetComposition.ImageShare::image)
                .containsExactly("camos-24.04.3-2026.11", "", "camos-22.04.4-2025.12", "camos-24.04.2-2026.09");
    }

    @Test
    void withoutACatalogueEveryAgeIsUnknownNeverGuessedFromTheImageName() {
        FleetComposition c = FleetComposition.of(fleet(), image -> Optional.empty(), TODAY);

        assertThat(c.agesUnknown()).isTrue();
        assertThat(c.byAge().get(AgeBand.UNKNOWN)).isEqualTo(5);
        assertThat(c.byImage()).allMatch(i -> i.builtOn() == null && i.ageDays() == -1);
    }

    @Test
    void knownBuildDatesFallIntoTheirAgeBands() {
        // 2026-11-20 is 16 days before 12-06; 2026-09-01 is 96 days; 2025-12-01 is 370 days; C5 has no image.
        Map<String, LocalDate> built = Map.of("camos-24.04.3-2026.11", LocalDate.of(2026, 11, 20),
                "camos-24.04.2-2026.09", LocalDate.of(2026, 9, 1), "camos-22.04.4-2025.12", LocalDate.of(2025, 12, 1));
        FleetComposition c = FleetComposition.of(fleet(), image -> Optional.ofNullable(built.get(image)), TODAY);

        assertThat(c.byAge()).containsExactly(Map.entry(AgeBand.UNDER_90_DAYS, 2), Map.entry(AgeBand.UNDER_180_DAYS, 1),
                Map.entry(AgeBand.UNDER_365_DAYS, 0), Map.entry(AgeBand.A_YEAR_OR_MORE, 1),
                Map.entry(AgeBand.UNKNOWN, 1));
        assertThat(c.byImage().get(0).ageDays()).isEqualTo(16);
        assertThat(c.agesUnknown()).isFalse();
    }
}
