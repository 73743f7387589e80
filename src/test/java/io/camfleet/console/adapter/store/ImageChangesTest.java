package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.ImageChanges.ImageChange;
import io.camfleet.console.service.timeline.ImageHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The cameras' image changes as the fleet cache records them (V17), and the site timeline's Image rows of them. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class ImageChangesTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    static final Instant END = T0.plus(Duration.ofDays(1));

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private final TestClock clock = new TestClock(T0);
    private JdbcFleetCache cache;
    private JdbcImageChanges changes;

    private final Site ams = new Site("NL-1", "Amsterdam Hub", "Northwind", "NL", "EU", 52.37, 4.89,
            "Europe/Amsterdam", SlaTier.GOLD, "");
    private final Site rio = new Site("BR-2", "Rio", "Acme", "BR", "LATAM", -22.9, -43.2, "America/Sao_Paulo",
            SlaTier.BRONZE, "");

    @BeforeEach
    void open() {
        db = engine.open(dir);
        cache = new JdbcFleetCache(db.dataSource(), clock);
        changes = new JdbcImageChanges(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static CameraSystem camera(String id, String site, String image) {
        return new CameraSystem(id, site, id, "", "", "", "", image, "6.5.0");
    }

    private void replace(Instant asOf, String c1, String c2, String c3) {
        cache.replaceFleet(new FleetData(List.of(ams, rio), List.of(camera("NL-1-C01", "NL-1", c1),
                camera("NL-1-C02", "NL-1", c2), camera("BR-2-C01", "BR-2", c3)), Map.of()), List.of(), "Demo", asOf);
    }

    @Test
    void aReplacedFleetRecordsOneRowPerChangeNeverOnePerWrite() {
        replace(at(0), "camos-24.04.3", "", "camos-22.04.4");
        // C01 moves on; C02 reports its first image (no change); Rio's camera stays
        replace(at(10), "camos-24.04.4", "camos-24.04.4", "camos-22.04.4");
        replace(at(20), "camos-24.04.4", "camos-24.04.4", "camos-22.04.4");
        replace(at(30), "camos-24.04.4", "camos-24.04.4", "camos-22.04.4");
        // C01 rolled back; C02 no longer reports one (no change either)
        replace(at(40), "camos-24.04.3", "", "camos-22.04.4");

        assertThat(changes.atSite("NL-1", T0, END, 10))
                .extracting(ImageChange::cameraId, ImageChange::fromImage, ImageChange::toImage, ImageChange::at)
                .containsExactly(tuple("NL-1-C01", "camos-24.04.4", "camos-24.04.3", at(40)),
                        tuple("NL-1-C01", "camos-24.04.3", "camos-24.04.4", at(10)));
        assertThat(changes.atSite("BR-2", T0, END, 10)).isEmpty();
        assertThat(changes.atSite("NL-1", T0, END, 1)).extracting(ImageChange::at).containsExactly(at(40));
        assertThat(changes.atSite("NL-1", at(10), at(40), 10)).as("from inclusive, to exclusive")
                .extracting(ImageChange::at).containsExactly(at(10));
    }

    @Test
    void aSyncPageRecordsTheChangeAtTheTimeItIsStoredAndOnlyOnce() {
        cache.writePage("prod", List.of(ams), List.of(camera("NL-1-C01", "NL-1", "ami-0aaa")), Map.of());
        clock.advance(Duration.ofMinutes(5));
        cache.writePage("prod", List.of(ams), List.of(camera("NL-1-C01", "NL-1", "ami-0bbb"),
                camera("NL-1-C02", "NL-1", "ami-0bbb")), Map.of());
        clock.advance(Duration.ofMinutes(5));
        cache.writePage("prod", List.of(ams), List.of(camera("NL-1-C01", "NL-1", "ami-0bbb"),
                camera("NL-1-C02", "NL-1", "")), Map.of());

        assertThat(changes.atSite("NL-1", T0, END, 10))
                .extracting(ImageChange::cameraId, ImageChange::fromImage, ImageChange::toImage, ImageChange::at)
                .containsExactly(tuple("NL-1-C01", "ami-0aaa", "ami-0bbb", at(5)));
    }

    @Test
    void theTimelineShowsEachChangeAsAnImageRowOfItsCamera() {
        replace(at(0), "camos-24.04.3", "camos-24.04.3", "camos-22.04.4");
        replace(at(10), "camos-24.04.4", "camos-24.04.3", "camos-24.04.4");

        List<SiteEvent> events = new ImageHistory(changes, new Messages(Locale.ROOT))
                .events("NL-1", Set.of("NL-1-C01", "NL-1-C02"), T0, END, 100);

        assertThat(events).extracting(SiteEvent::at, SiteEvent::kind, SiteEvent::cameraId, SiteEvent::summary)
                .containsExactly(tuple(at(10), SiteEvent.Kind.IMAGE, "NL-1-C01",
                        "Image changed from camos-24.04.3 to camos-24.04.4"));
        assertThat(events.getFirst().isChange()).as("a change the timeline can open on").isTrue();
    }
}
