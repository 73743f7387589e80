package io.camfleet.console.adapter.store;

import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.HealthChange;
import io.camfleet.console.service.fleet.HistoryRetention;
import io.camfleet.console.service.store.FleetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache stays bounded under the largest demo fleet's live feed: 20,000 sites (100,000 cameras), on the real H2
 * file, measured open, as it is while the console runs.
 *
 * <p>A day at this size changes some 3 million health states, about 30 a camera: more than the retention keeps, so
 * after the first hours every camera holds its full share of history. The test starts there, with that history
 * written straight into the table (replaying the hours that lead to it is what made this test take half an hour),
 * then replays live hours as the fleet service writes them: a write every 3-second tick with that tick's ~110 health
 * changes and their telemetry, and every 5 minutes a flush with a newer heartbeat for every camera. It measures the
 * file after every write; the hours after the first repeat the same writes into the same bounded history, so the
 * size they settle at is the day's. {@code -Dcamfleet.cacheSize.hours} replays more of them.
 *
 * <p>The replay runs many times faster than the clock it simulates, and H2 keeps what a write replaced for a time of
 * the real clock (its retention time, 45 s) before it reuses that space: at full replay speed those 45 s would hold
 * ten minutes of live writes instead of fifteen ticks, and the file measured would be that much larger than the
 * console's. The retention is therefore shortened by the replay's speed-up, measured as it goes, so that it holds the
 * same 45 s of simulated writes as in the console.
 */
class CacheSizeTest {

    private static final Instant START = Instant.parse("2026-11-26T00:00:00Z");
    private static final long LIMIT = 300_000_000L;
    private static final Duration TICK = Duration.ofSeconds(3);
    private static final Duration FLUSH = Duration.ofMinutes(5);
    private static final int CHANGES_PER_TICK = 110;
    private static final int TICKS_PER_HOUR = (int) Duration.ofHours(1).dividedBy(TICK);
    /** How long H2 keeps replaced pages before it reuses their space, by default (MVStore's retention time). */
    private static final long H2_RETENTION_MILLIS = 45_000;

    @TempDir
    Path dir;
    private long peak;

    @Test
    @EnabledIfSystemProperty(named = "camfleet.cacheSize", matches = "true",
            disabledReason = "takes some minutes on two shared cores: run with -Dcamfleet.cacheSize=true")
    void aDayOfLiveTicksAtTwentyThousandSitesKeepsTheCacheUnder300Mb() throws Exception {
        int hours = Integer.getInteger("camfleet.cacheSize.hours", 3);
        FleetData fleet = new DemoFleetSource(DemoFleetSource.MAX_SITES, 42).load(START, Progress.NONE);
        List<CameraSystem> cameras = fleet.cameras();
        int cap = HistoryRetention.DEFAULT.perCamera();
        HealthState[] health = new HealthState[cameras.size()];
        long started = System.nanoTime();
        try (CacheDatabase db = CacheDatabase.open(dir, Clock.systemUTC())) {
            FleetStore cache = db.fleet();
            List<HealthChange> first = new ArrayList<>();
            for (int i = 0; i < health.length; i++) {
                health[i] = HealthState.ONLINE;
                first.add(new HealthChange(cameras.get(i).id(), null, HealthState.ONLINE, START));
            }
            cache.replaceFleet(fleet, first, "Demo fleet", START);
            writeEarlierHistory(db, cameras, cap - 1);
            measure();
            System.out.printf("cache with a full history: %.1f MB, %d rows, %d s%n", size() / 1e6, historyRows(db),
                    seconds(started));

            SplittableRandom rnd = new SplittableRandom(42);
            long flushes = 0;
            long liveStarted = System.nanoTime();
            // The prune runs when the newest change is an hour past the last one (JdbcFleetCache.PRUNE_EVERY), and
            // then leaves each camera its newest {@code cap}: what it can add to that is what one hour brings.
            long bound = (long) cameras.size() * cap + (long) CHANGES_PER_TICK * TICKS_PER_HOUR;
            for (int h = 1; h <= hours; h++) {
                for (int t = 1; t <= TICKS_PER_HOUR; t++) {
                    Instant now = START.plus(Duration.ofHours(h - 1)).plus(TICK.multipliedBy(t));
                    List<HealthChange> changes = new ArrayList<>(CHANGES_PER_TICK);
                    Map<String, CameraTelemetry> telemetry = new HashMap<>();
                    for (int i : outages(rnd, cameras.size())) {
                        HealthState next = health[i] == HealthState.ONLINE
                                ? (i % 2 == 0 ? HealthState.OFFLINE : HealthState.DEGRADED) : HealthState.ONLINE;
                        changes.add(new HealthChange(cameras.get(i).id(), health[i], next, now));
                        telemetry.put(cameras.get(i).id(), telemetry(now));
                        health[i] = next;
                    }
                    boolean flush = now.equals(START.plus(FLUSH.multipliedBy(flushes + 1)));
                    if (flush) {
                        flushes++;
                        paceRetention(db, FLUSH.multipliedBy(flushes), System.nanoTime() - liveStarted);
                        for (int i = 0; i < cameras.size(); i++) {
                            // Every camera beats every 45 s: each flush carries a newer heartbeat for all of them.
                            telemetry.putIfAbsent(cameras.get(i).id(), telemetry(now.minusSeconds(i % 45)));
                        }
                    }
                    cache.update(telemetry, changes, flush ? now : null);
                    measure();
                }
                long rows = historyRows(db);
                System.out.printf("hour %d: %.1f MB (peak %.1f MB), %d history rows (bound %d), %d s%n", h,
                        size() / 1e6, peak / 1e6, rows, bound, seconds(started));
                assertThat(rows).isLessThanOrEqualTo(bound);
                assertThat(peak).isLessThanOrEqualTo(LIMIT);
            }
        }
    }

    /** Shortens H2's retention by how much faster than {@code simulated} the replay ran, in {@code wallNanos}. */
    private static void paceRetention(CacheDatabase db, Duration simulated, long wallNanos) throws Exception {
        double speedUp = Math.max(1.0, simulated.toNanos() / (double) wallNanos);
        long millis = Math.round(H2_RETENTION_MILLIS / speedUp);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET RETENTION_TIME " + millis);
        }
        System.out.printf("replay %.1fx faster than live: H2 retention %d ms%n", speedUp, millis);
    }

    /**
     * The cameras whose health changes in one tick, each once. Outages come and go over the same places: half the
     * changes fall on a twentieth of the cameras.
     */
    private static Set<Integer> outages(SplittableRandom rnd, int cameras) {
        Set<Integer> out = new LinkedHashSet<>();
        while (out.size() < CHANGES_PER_TICK) {
            out.add(rnd.nextBoolean() ? rnd.nextInt(cameras / 20) : rnd.nextInt(cameras));
        }
        return out;
    }

    /** {@code count} closed intervals for every camera, in the hours before its open one: the day so far. */
    private static void writeEarlierHistory(CacheDatabase db, List<CameraSystem> cameras, int count)
            throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO health_interval (camera_id, state, started_at, ended_at) VALUES (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            int pending = 0;
            for (int i = 0; i < cameras.size(); i++) {
                for (int k = count; k >= 1; k--) {
                    ps.setString(1, cameras.get(i).id());
                    ps.setString(2, (k % 2 == 0 ? HealthState.ONLINE : HealthState.OFFLINE).name());
                    Jdbc.setInstant(ps, 3, START.minus(Duration.ofMinutes(97L * k)));
                    Jdbc.setInstant(ps, 4, START.minus(Duration.ofMinutes(97L * (k - 1))));
                    ps.addBatch();
                    if (++pending == 10_000) {
                        ps.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    private static CameraTelemetry telemetry(Instant beat) {
        return new CameraTelemetry(beat, OperatingMode.NORMAL, 600.0, 40.5, 45.0);
    }

    private static long historyRows(CacheDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM health_interval")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }

    private void measure() throws IOException {
        peak = Math.max(peak, size());
    }

    private long size() throws IOException {
        return Files.size(dir.resolve("cache.mv.db"));
    }
}
