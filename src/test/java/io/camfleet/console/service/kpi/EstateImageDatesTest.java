package io.camfleet.console.service.kpi;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.ImageUsage;
import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.domain.images.OutdatedRule;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.kpi.FleetComposition.AgeBand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Image ages from the catalogues the AWS estate screen kept, in a real cache file: what the KPI dashboard and
 * {@code camfleet kpi} count cameras by, with no AWS asked.
 */
class EstateImageDatesTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path dir;
    private CacheDatabase db;
    private EstateCache cache;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        cache = new EstateCache(db.snapshots(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static CatalogueEntry entry(String env, String region, String id, String name, String created) {
        MachineImage image = new MachineImage(id, name, region, Instant.parse(created), "available", null,
                Map.of("os", "ubuntu-24.04", "release", name));
        return new CatalogueEntry(env, image, name, List.of("us-east-1"), new ImageUsage(id, List.of("C9", "C1"),
                List.of("i-1")), new OutdatedRule.Verdict(false, ""));
    }

    private void keep(String env, List<CatalogueEntry> catalogue) throws Exception {
        cache.refresh(env, EstateImageDates.KIND, () -> catalogue);
    }

    private static FleetInventory fleet(String... images) {
        Site s1 = new Site("S1", "Depot", "Acme", "NL", "EU", 52.0, 4.0, "Europe/Amsterdam", SlaTier.GOLD, "");
        List<CameraSystem> cameras = new ArrayList<>();
        for (int i = 0; i < images.length; i++) {
            cameras.add(new CameraSystem("C" + (i + 1), "S1", "C" + (i + 1), "", "", "", "", images[i], "6.5.0"));
        }
        return FleetInventory.of(List.of(s1), cameras);
    }

    /**
     * Today is 2026-12-06 (UTC). Days back, by hand: 09-08 is 89 days, 09-07 is 90, 06-10 is 179, 06-09 is 180,
     * 2025-12-07 is 364, 2025-12-06 is 365, 2025-11-01 is 400, 11-20 is 16. A band's edge day belongs to the older
     * band: 90 days is no longer "under 90 days". Built at 23:59:59 on 09-07 is still built on 09-07.
     */
    @Test
    void camerasOnImagesOfKnownAgesLandInTheirBandsAtTheEdgeDaysAcrossEnvironments() throws Exception {
        keep("eu", List.of(entry("eu", "eu-west-1", "ami-eu-0", "camos-2026.12", "2026-12-06T01:00:00Z"),
                entry("eu", "eu-west-1", "ami-eu-89", "camos-2026.09a", "2026-09-08T00:00:00Z"),
                entry("eu", "eu-west-1", "ami-eu-90", "camos-2026.09", "2026-09-07T23:59:59Z"),
                entry("eu", "eu-west-1", "ami-eu-179", "camos-2026.06a", "2026-06-10T08:00:00Z"),
                entry("eu", "eu-west-1", "ami-eu-400", "camos-2025.11", "2025-11-01T08:00:00Z")));
        keep("us", List.of(entry("us", "us-east-1", "ami-us-180", "camos-2026.06", "2026-06-09T12:00:00Z"),
                entry("us", "us-east-1", "ami-us-364", "camos-2025.12a", "2025-12-07T00:00:00Z"),
                entry("us", "us-east-1", "ami-us-365", "camos-2025.12", "2025-12-06T00:00:00Z"),
                // a copy of eu's camos-2025.11: its own id is 16 days old, the image it copies 400
                entry("us", "us-east-1", "ami-us-copy", "camos-2025.11", "2026-11-20T09:00:00Z")));
        keep("gone", List.of(entry("gone", "ap-south-1", "ami-gone", "camos-old", "2020-01-01T00:00:00Z")));

        ImageBuildDates dates = EstateImageDates.read(cache, List.of("eu", "us", "ap"));
        FleetComposition c = FleetComposition.of(fleet("ami-eu-0", "ami-eu-89", "camos-2026.09", "ami-eu-179",
                "ami-us-180", "ami-us-364", "ami-us-365", "camos-2025.11", "ami-us-copy", "ami-nobody-read", "",
                "ami-gone"), dates, LocalDate.of(2026, 12, 6));

        // under 90: C1 (0 d), C2 (89), C9 (the copy, 16); 90-179: C3 (90, by name), C4 (179);
        // 180-364: C5 (180), C6 (364); a year or more: C7 (365), C8 (by name: the original, 400);
        // unknown: C10 (nobody read it), C11 (no image), C12 (only in an environment no longer configured)
        assertThat(c.byAge()).containsExactly(Map.entry(AgeBand.UNDER_90_DAYS, 3),
                Map.entry(AgeBand.UNDER_180_DAYS, 2), Map.entry(AgeBand.UNDER_365_DAYS, 2),
                Map.entry(AgeBand.A_YEAR_OR_MORE, 2), Map.entry(AgeBand.UNKNOWN, 3));
        assertThat(c.unknownAgeCameras()).isEqualTo(3);
        assertThat(c.agesUnknown()).isFalse();
        assertThat(dates.builtOn("camos-2026.09")).contains(LocalDate.of(2026, 9, 7));
        assertThat(dates.builtOn(" ami-us-copy ")).as("as the fleet cache may hold it").contains(
                LocalDate.of(2026, 11, 20));
    }

    @Test
    void withNoCatalogueKeptEveryAgeIsUnknownAndSaidSo() {
        ImageBuildDates dates = EstateImageDates.read(cache, List.of("eu", "us"));
        FleetComposition c = FleetComposition.of(fleet("ami-eu-0", "camos-2026.09"), dates,
                LocalDate.of(2026, 12, 6));

        assertThat(c.agesUnknown()).isTrue();
        assertThat(c.unknownAgeCameras()).isEqualTo(2);
        assertThat(dates.builtOn("ami-eu-0")).isEqualTo(Optional.empty());
    }

    @Test
    void theKpiServiceReadsTheDatesAgainAtEachCompositionSoARefreshedCatalogueCounts() throws Exception {
        KpiService kpis = new KpiService(null, Optional::empty, Optional::empty,
                () -> Optional.of(EstateImageDates.read(cache, List.of("eu"))), Clock.fixed(NOW, ZoneOffset.UTC));
        FleetInventory fleet = fleet("ami-eu-0");
        assertThat(kpis.composition(fleet).agesUnknown()).isTrue();

        keep("eu", List.of(entry("eu", "eu-west-1", "ami-eu-0", "camos-2026.12", "2026-12-06T01:00:00Z")));

        assertThat(kpis.composition(fleet).byAge().get(AgeBand.UNDER_90_DAYS)).isEqualTo(1);
    }
}
