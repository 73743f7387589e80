package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.availability.HealthHistory;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.HealthChange;
import io.camfleet.console.service.fleet.HistoryRetention;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.camfleet.console.domain.fleet.HealthState.DEGRADED;
import static io.camfleet.console.domain.fleet.HealthState.OFFLINE;
import static io.camfleet.console.domain.fleet.HealthState.ONLINE;
import static io.camfleet.console.service.availability.HealthHistory.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

/** The long health history (V9) as the fleet cache records it, and as availability reads it. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class JdbcHealthHistoryTest {

    @Parameter
    StoreEngine engine;

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final long S0 = T0.getEpochSecond();

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcFleetCache cache;
    private JdbcHealthHistory history;

    private final Site site = new Site("NL-1", "Amsterdam Hub", "Northwind", "NL", "EU", 52.37, 4.89,
            "Europe/Amsterdam", SlaTier.PLATINUM, "Sun 02:00-04:00");
    private final CameraSystem cam1 = camera("NL-1-C01");
    private final CameraSystem cam2 = camera("NL-1-C02");

    private static CameraSystem camera(String id) {
        return new CameraSystem(id, "NL-1", id.toLowerCase(), "", "", "", "", "", "6.4.2");
    }

    @BeforeEach
    void open() {
        db = engine.open(dir);
        cache = new JdbcFleetCache(db.dataSource());
        history = new JdbcHealthHistory(db.dataSource(), cache);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private record Span(String camera, HealthState state, long start, long end) {
    }

    private List<Span> spans(Instant from, Instant to) {
        List<Span> out = new ArrayList<>();
        history.spans(new Period(from, to), (c, s, a, b) -> out.add(new Span(c, s, a, b)));
        out.sort(java.util.Comparator.comparing(Span::camera).thenComparingLong(Span::start));
        return out;
    }

    private void load(Instant at, HealthChange... changes) {
        cache.replaceFleet(new FleetData(List.of(site), List.of(cam1, cam2), Map.of()), List.of(changes), "Demo", at);
    }

    @Test
    void onlyStretchesOutOfOnlineAreKeptAndTheOpenOneHasNoEnd() {
        load(T0, new HealthChange("NL-1-C01", null, ONLINE, T0), new HealthChange("NL-1-C02", null, DEGRADED, T0));
        cache.update(Map.of(), List.of(new HealthChange("NL-1-C01", ONLINE, OFFLINE, T0.plusSeconds(600)),
                new HealthChange("NL-1-C02", DEGRADED, ONLINE, T0.plusSeconds(60))), T0.plusSeconds(600));
        cache.update(Map.of(), List.of(new HealthChange("NL-1-C01", OFFLINE, DEGRADED, T0.plusSeconds(900))),
                T0.plusSeconds(900));

        assertThat(spans(T0, T0.plus(Duration.ofDays(1)))).containsExactly(
                new Span("NL-1-C01", OFFLINE, S0 + 600, S0 + 900),
                new Span("NL-1-C01", DEGRADED, S0 + 900, OPEN),
                new Span("NL-1-C02", DEGRADED, S0, S0 + 60));
    }

    @Test
    void aPeriodGetsOnlyTheSpansThatOverlapIt() {
        load(T0, new HealthChange("NL-1-C01", null, OFFLINE, T0));
        cache.update(Map.of(), List.of(new HealthChange("NL-1-C01", OFFLINE, ONLINE, T0.plusSeconds(100))), null);
        cache.update(Map.of(), List.of(new HealthChange("NL-1-C01", ONLINE, OFFLINE, T0.plusSeconds(1000))), null);

        assertThat(spans(T0.plusSeconds(100), T0.plusSeconds(1000))).isEmpty();
        assertThat(spans(T0.plusSeconds(99), T0.plusSeconds(1000))).extracting(Span::start).containsExactly(S0);
        assertThat(spans(T0.plusSeconds(100), T0.plusSeconds(1001))).extracting(Span::start)
                .containsExactly(S0 + 1000);
    }

    @Test
    void writesExtendTheStretchWithDataAndAPauseStartsANewOne() {
        load(T0);
        cache.update(Map.of(), List.of(), T0.plus(Duration.ofMinutes(5)));
        cache.update(Map.of(), List.of(), T0.plus(Duration.ofMinutes(20)));
        // Closed for 3 h: the next write starts a new stretch.
        cache.update(Map.of(), List.of(), T0.plus(Duration.ofMinutes(200)));
        cache.update(Map.of(), List.of(), T0.plus(Duration.ofMinutes(205)));
        // An older time changes nothing.
        cache.update(Map.of(), List.of(), T0.plus(Duration.ofMinutes(100)));

        assertThat(history.observed(new Period(T0, T0.plus(Duration.ofDays(1))))).containsExactly(
                new HealthHistory.Observed(S0, S0 + 20 * 60), new HealthHistory.Observed(S0 + 200 * 60, S0 + 205 * 60));
        assertThat(history.observed(new Period(T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(60)))))
                .isEmpty();
        assertThat(history.firstObserved()).contains(T0);
    }

    @Test
    void aCameraLivesFromItsFirstLoadUntilItLeavesTheFleetAndItsOpenSpanEndsThen() {
        cache.replaceFleet(new FleetData(List.of(site), List.of(cam1), Map.of()),
                List.of(new HealthChange("NL-1-C01", null, OFFLINE, T0)), "Demo", T0);
        Instant later = T0.plus(Duration.ofDays(10));
        cache.replaceFleet(new FleetData(List.of(site), List.of(cam2), Map.of()),
                List.of(new HealthChange("NL-1-C02", null, ONLINE, later)), "Demo", later);

        Map<String, long[]> lives = new java.util.TreeMap<>();
        history.lives((camera, siteId, first, last) -> lives.put(camera + "@" + siteId, new long[] {first, last}));
        assertThat(lives).containsOnlyKeys("NL-1-C01@NL-1", "NL-1-C02@NL-1");
        assertThat(lives.get("NL-1-C01@NL-1")).containsExactly(S0, later.getEpochSecond());
        assertThat(lives.get("NL-1-C02@NL-1")).containsExactly(later.getEpochSecond(), OPEN);
        assertThat(spans(T0, later.plusSeconds(1))).containsExactly(
                new Span("NL-1-C01", OFFLINE, S0, later.getEpochSecond()));
    }

    @Test
    void pruningDropsWhatEndedBeforeTheRetentionAndKeepsWhatLasts() {
        cache = new JdbcFleetCache(db.dataSource(), new HistoryRetention(Duration.ofDays(7), 10));
        history = new JdbcHealthHistory(db.dataSource(), cache);
        history.keepDays(() -> 40);
        load(T0, new HealthChange("NL-1-C01", null, OFFLINE, T0), new HealthChange("NL-1-C02", null, DEGRADED, T0));
        cache.update(Map.of(), List.of(new HealthChange("NL-1-C01", OFFLINE, ONLINE, T0.plusSeconds(60))),
                T0.plusSeconds(60));
        Instant old = T0.plus(Duration.ofDays(41));
        cache.update(Map.of(), List.of(new HealthChange("NL-1-C01", ONLINE, OFFLINE, old)), old);

        assertThat(spans(T0, old.plusSeconds(1))).containsExactly(
                new Span("NL-1-C01", OFFLINE, old.getEpochSecond(), OPEN),
                new Span("NL-1-C02", DEGRADED, S0, OPEN));
        assertThat(history.observed(new Period(T0, old.plusSeconds(1))))
                .containsExactly(new HealthHistory.Observed(old.getEpochSecond(), old.getEpochSecond()));
    }

    @Test
    void aBackfillWritesItsHistoryOnlyIntoANewCache() {
        Instant to = T0.plus(Duration.ofDays(35));
        boolean written = history.backfill(T0, to, w -> {
            w.life("NL-1-C01", "NL-1", S0);
            w.span("NL-1-C01", OFFLINE, S0 + 10, S0 + 70);
            w.span("NL-1-C01", ONLINE, S0 + 70, S0 + 80);
        });
        boolean again = history.backfill(T0, to, w -> w.span("NL-1-C02", OFFLINE, S0, S0 + 10));

        assertThat(written).isTrue();
        assertThat(again).isFalse();
        assertThat(spans(T0, to)).containsExactly(new Span("NL-1-C01", OFFLINE, S0 + 10, S0 + 70));
        assertThat(history.observed(new Period(T0, to)))
                .containsExactly(new HealthHistory.Observed(S0, to.getEpochSecond()));
        // The first load after it continues the same stretch, and keeps the lives the backfill wrote.
        load(to.plusSeconds(30));
        assertThat(history.observed(new Period(T0, to.plusSeconds(60))))
                .containsExactly(new HealthHistory.Observed(S0, to.getEpochSecond() + 30));
        List<Long> firstSeen = new ArrayList<>();
        history.lives((camera, siteId, first, last) -> firstSeen.add(first));
        assertThat(firstSeen).containsExactlyInAnyOrder(S0, to.getEpochSecond() + 30);
    }
}
