package io.camfleet.console.ui.common.sitedetail;

import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import io.camfleet.console.ui.common.FleetModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;
import static io.camfleet.console.service.fleet.Fleets.site;
import static org.assertj.core.api.Assertions.assertThat;

/** The site detail's view model with no toolkit running: executors run work on the spot. */
class SiteDetailViewModelTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));

    @Test
    void theWorstCameraOfASiteIsListedFirst() {
        Instant now = clock.instant();
        TestFleetSource source = new TestFleetSource("Test", at -> new FleetData(
                List.of(site("NL-1", "Rotterdam Terminal", "Harbor", "NL", "EU")),
                List.of(camera("NL-1-C01", "NL-1", "6.4.2"), camera("NL-1-C02", "NL-1", "6.4.2"),
                        camera("NL-1-C03", "NL-1", "6.4.2"), camera("NL-1-C04", "NL-1", "6.4.2")),
                Map.of("NL-1-C01", beating(at),
                        "NL-1-C02", new CameraTelemetry(at, OperatingMode.MAINTENANCE, null, null, null),
                        "NL-1-C03", beating(now.minus(Duration.ofMinutes(10))),
                        "NL-1-C04", new CameraTelemetry(at, OperatingMode.NORMAL, 600.0, 97.0, 45.0))));
        FleetService fleet = Fleets.uncached(source, clock);
        FleetModel model = new FleetModel(Runnable::run, Runnable::run);
        fleet.addListener(model);
        SiteDetailViewModel detail = new SiteDetailViewModel(model);
        fleet.reload(Progress.NONE);

        model.select("NL-1");

        assertThat(detail.cameras()).extracting(c -> c.camera().id())
                .containsExactly("NL-1-C03", "NL-1-C04", "NL-1-C02", "NL-1-C01");
        assertThat(detail.cameras().get(0).health()).isEqualTo(HealthState.OFFLINE);
    }
}
