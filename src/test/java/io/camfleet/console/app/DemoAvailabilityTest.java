package io.camfleet.console.app;

import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.service.availability.AvailabilityService;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo fleet's past, as a new data folder gets it, read back from the real cache: plausible figures, as a fleet
 * run to a 99.9-99.99 % SLA has them, with a few dark sites from the outages.
 */
class DemoAvailabilityTest {

    @TempDir
    Path dir;

    @Test
    void aNewDemoCacheShowsAPlausibleLastMonth() {
        Instant now = Instant.parse("2026-12-06T06:00:00Z");
        DemoFleetSource demo = new DemoFleetSource(DemoFleetSource.DEFAULT_SITES, DemoFleetSource.DEFAULT_SEED);
        FleetData fleet = demo.load(now, Progress.NONE);
        try (CacheDatabase db = CacheDatabase.open(dir, Clock.systemUTC())) {
            assertThat(demo.backfill(db.healthHistory(), now, DemoFleetSource.HISTORY)).isTrue();
            assertThat(demo.backfill(db.healthHistory(), now, DemoFleetSource.HISTORY)).as("only once").isFalse();
            assertThat(db.healthHistory().firstObserved()).contains(now.minus(Duration.ofDays(35)));
            AvailabilityService service = new AvailabilityService(db.healthHistory(),
                    () -> FleetInventory.of(fleet.sites(), fleet.cameras()), () -> AvailabilitySettings.DEFAULT);

            List<Availability> sites = service.by(Grouping.SITE, Period.month(YearMonth.of(2026, 11))).stream()
                    .filter(a -> a.observedSeconds() > 0).toList();
            assertThat(sites.size()).isGreaterThan(2_450);
            long atLeast999 = sites.stream().filter(a -> a.uptimePercent() >= 99.9).count();
            long whole = sites.stream().filter(a -> a.downSeconds() == 0).count();
            long withIncident = sites.stream().filter(a -> a.incidents() > 0).count();
            assertThat(atLeast999).as("sites at 99.9 % or better").isGreaterThan(sites.size() * 9L / 10);
            assertThat(whole).as("sites never down").isGreaterThan(sites.size() * 6L / 10);
            assertThat(withIncident).as("sites with a dark-site incident").isBetween(sites.size() / 20L,
                    sites.size() * 4L / 10);
            assertThat(sites).allSatisfy(a -> assertThat(a.noDataSeconds()).isZero());

            List<Availability> customers = service.by(Grouping.CUSTOMER, Period.month(YearMonth.of(2026, 11)));
            assertThat(customers).hasSize(24)
                    .allSatisfy(c -> assertThat(c.uptimePercent()).as(c.subject()).isBetween(99.9, 100.0));
        }
    }
}
