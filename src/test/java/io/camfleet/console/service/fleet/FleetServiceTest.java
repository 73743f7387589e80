package io.camfleet.console.service.fleet;

import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.OperatingMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;
import static io.camfleet.console.service.fleet.Fleets.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetServiceTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final InMemoryFleetCache cache = new InMemoryFleetCache();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryAuditAnchor anchor = new InMemoryAuditAnchor();
    private final ScriptedSource source = new ScriptedSource();
    private final FleetService fleet = new FleetService(source, cache, HealthRules.DEFAULT, clock,
            new AuditService(trail, anchor, new Operator("ops", ""), clock));

    /** Two sites: A with two cameras, B with one. */
    private final class ScriptedSource implements FleetSource {
        final Map<String, CameraTelemetry> telemetry = new HashMap<>();
        final Map<String, Instant> since = new HashMap<>();
        /** What the cameras report running, where not 6.4.2 (A1, A2) or 6.3.7 (B1). */
        final Map<String, String> versions = new HashMap<>();
        final List<Map<String, CameraTelemetry>> polls = new ArrayList<>();
        RuntimeException failure;

        @Override
        public String name() {
            return "Scripted";
        }

        @Override
        public FleetData load(Instant now, Progress progress) {
            if (failure != null) {
                throw failure;
            }
            return new FleetData(List.of(site("A", "Alpha", "Acme", "NL", "EU"), site("B", "Bravo", "Acme", "US", "NA")),
                    List.of(camera("A1", "A", versions.getOrDefault("A1", "6.4.2")),
                            camera("A2", "A", versions.getOrDefault("A2", "6.4.2")),
                            camera("B1", "B", versions.getOrDefault("B1", "6.3.7"))),
                    telemetry, since);
        }

        @Override
        public Map<String, CameraTelemetry> poll(Instant now) {
            return polls.isEmpty() ? Map.of() : polls.remove(0);
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(3);
        }
    }

    @Test
    void aReloadThatCannotBeStoredPutsBackWhatWasShownAndSaysWhy() {
        source.telemetry.put("A1", beating(clock.instant()));
        FleetSnapshot before = fleet.reload(Progress.NONE);
        List<FleetSnapshot> published = new ArrayList<>();
        fleet.addListener(published::add);
        source.telemetry.put("B1", beating(clock.instant()));
        cache.failNextReplace = new Problem("problem.diskFull", "/data");

        assertThatThrownBy(() -> fleet.reload(Progress.NONE)).isInstanceOf(Problem.class)
                .hasMessageContaining("is full");

        assertThat(fleet.current().camerasIn(HealthState.ONLINE)).as("not the fleet that was not stored")
                .isEqualTo(before.camerasIn(HealthState.ONLINE));
        assertThat(published.getLast().site("B").health().state()).isEqualTo(HealthState.UNKNOWN);
        assertThat(fleet.current().asOf()).isEqualTo(before.asOf());
    }

    @Test
    void reloadJudgesEveryCameraStoresTheFleetAndRecordsFirstStates() {
        source.telemetry.put("A1", beating(clock.instant()));
        source.telemetry.put("A2", beating(clock.instant().minusSeconds(300)));
        FleetSnapshot s = fleet.reload(Progress.NONE);

        assertThat(s.live()).isTrue();
        assertThat(s.siteCount()).isEqualTo(2);
        assertThat(s.cameraCount()).isEqualTo(3);
        // A1 online, A2 offline: A is not dark, so Degraded by the default rule, its offline camera counted.
        assertThat(s.site("A").health().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(s.site("A").health().offline()).isEqualTo(1);
        assertThat(s.site("B").health().state()).isEqualTo(HealthState.UNKNOWN);
        assertThat(s.camerasIn(HealthState.ONLINE)).isEqualTo(1);
        assertThat(cache.fleet.cameras()).hasSize(3);
        assertThat(cache.asOf).isEqualTo(clock.instant());
        assertThat(cache.changes).extracting(HealthChange::from).containsOnlyNulls();
        assertThat(cache.health).containsEntry("A1", HealthState.ONLINE).containsEntry("A2", HealthState.OFFLINE);
    }

    @Test
    void silenceTurnsACameraOfflineOnATickWithoutAnyNews() {
        source.telemetry.put("A1", beating(clock.instant()));
        fleet.reload(Progress.NONE);
        clock.advance(Duration.ofSeconds(60));
        assertThat(fleet.tick().site("A").health().count(HealthState.DEGRADED)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(31));
        FleetSnapshot s = fleet.tick();
        assertThat(s.cameras("A").get(0).health()).isEqualTo(HealthState.OFFLINE);
        assertThat(s.cameras("A").get(0).healthSince()).isEqualTo(clock.instant());
        assertThat(cache.changes).last().satisfies(c -> {
            assertThat(c.cameraId()).isEqualTo("A1");
            assertThat(c.from()).isEqualTo(HealthState.DEGRADED);
            assertThat(c.to()).isEqualTo(HealthState.OFFLINE);
        });
    }

    @Test
    void liveTelemetryChangesHealthAndIsWrittenBack() {
        fleet.reload(Progress.NONE);
        clock.advance(Duration.ofSeconds(3));
        source.polls.add(Map.of("B1", new CameraTelemetry(clock.instant(), OperatingMode.MAINTENANCE, null, null, null)));
        FleetSnapshot s = fleet.tick();
        assertThat(s.site("B").health().state()).isEqualTo(HealthState.MAINTENANCE);
        assertThat(cache.health).containsEntry("B1", HealthState.MAINTENANCE);
        assertThat(cache.telemetryWrites).containsKey("B1");
    }

    @Test
    void unchangedSitesKeepTheirSummaryObjectBetweenSnapshots() {
        source.telemetry.put("A1", beating(clock.instant()));
        FleetSnapshot first = fleet.reload(Progress.NONE);
        clock.advance(Duration.ofSeconds(3));
        FleetSnapshot second = fleet.tick();
        assertThat(second.site("B")).isSameAs(first.site("B"));
        assertThat(second.inventory()).isSameAs(first.inventory());
    }

    @Test
    void theCacheIsShownAsItWasWithoutRejudgingAgainstToday() {
        source.telemetry.put("A1", beating(clock.instant()));
        fleet.reload(Progress.NONE);
        Instant storedAt = clock.instant();

        clock.advance(Duration.ofDays(3));
        FleetService reopened = new FleetService(source, cache, HealthRules.DEFAULT, clock,
                new AuditService(trail, anchor, new Operator("ops", ""), clock));
        FleetSnapshot s = reopened.openCache();
        assertThat(s.live()).isFalse();
        assertThat(s.asOf()).isEqualTo(storedAt);
        assertThat(s.cameras("A").get(0).health()).isEqualTo(HealthState.ONLINE);
        assertThat(reopened.tick()).isSameAs(s);
    }

    @Test
    void aFirstLookDatesEachStateFromWhatTheSourceTellsNotFromWhenTheConsoleStarted() {
        Instant lastBeat = clock.instant().minus(Duration.ofHours(3));
        source.telemetry.put("A1", beating(clock.instant()));
        source.telemetry.put("A2", beating(lastBeat));
        source.telemetry.put("B1", beating(clock.instant()));
        source.since.put("A1", clock.instant().minus(Duration.ofDays(4)));
        FleetSnapshot s = fleet.reload(Progress.NONE);

        assertThat(s.cameras("A").get(0).healthSince()).as("the source's word").isEqualTo(
                clock.instant().minus(Duration.ofDays(4)));
        assertThat(s.cameras("A").get(1).health()).isEqualTo(HealthState.OFFLINE);
        assertThat(s.cameras("A").get(1).healthSince()).as("silent for 3 h: offline since its silence grew too long")
                .isEqualTo(lastBeat.plus(HealthRules.DEFAULT.offlineAfter()));
        assertThat(s.cameras("B").get(0).healthSince()).as("nothing tells: first seen now")
                .isEqualTo(clock.instant());
        assertThat(cache.changes).filteredOn(c -> c.cameraId().equals("A2")).extracting(HealthChange::at)
                .as("the cache's history starts there too")
                .containsExactly(lastBeat.plus(HealthRules.DEFAULT.offlineAfter()));
    }

    private static String version(FleetSnapshot s, String site, int camera) {
        return s.cameras(site).get(camera).camera().softwareVersion();
    }

    @Test
    void aVersionARolloutInstalledShowsAtOnceMarkedAsReportedUntilASyncConfirmsIt() {
        source.telemetry.put("A1", beating(clock.instant()));
        FleetSnapshot before = fleet.reload(Progress.NONE);
        clock.advance(Duration.ofSeconds(3));

        fleet.installed("12", "A1", "6.6.0");

        FleetSnapshot s = fleet.current();
        assertThat(version(s, "A", 0)).isEqualTo("6.6.0");
        assertThat(s.cameras("A").get(0).reported()).extracting(ReportedVersion::deploymentId, ReportedVersion::version)
                .containsExactly("12", "6.6.0");
        assertThat(s.cameras("A").get(1).reported()).isNull();
        assertThat(s.reportedAt("A")).hasSize(1);
        assertThat(s.reportedAt("B")).isEmpty();
        assertThat(s.site("A").profile().versions()).containsExactly("6.4.2", "6.6.0");
        assertThat(s.inventory().versions()).startsWith("6.6.0");
        assertThat(s.inventory().sameSitesAs(before.inventory())).as("the table keeps its rows").isTrue();
        FleetFilter onNew = new FleetFilter("", Set.of(), Set.of(), Set.of(), Set.of("6.6.0"), Set.of());
        assertThat(onNew.apply(s)).containsExactly(0);
        assertThat(cache.reported.get("A1").unconfirmed()).isTrue();

        clock.advance(Duration.ofSeconds(3));
        assertThat(version(fleet.tick(), "A", 0)).as("live ticks keep it").isEqualTo("6.6.0");

        source.versions.put("A1", "6.6.0");
        clock.advance(Duration.ofMinutes(5));
        FleetSnapshot synced = fleet.reload(Progress.NONE);
        assertThat(version(synced, "A", 0)).isEqualTo("6.6.0");
        assertThat(synced.cameras("A").get(0).reported()).as("confirmed: no mark").isNull();
        assertThat(cache.reported.get("A1").confirmedAt()).isNotNull();
    }

    @Test
    void aSyncReportingAnotherVersionWinsOverTheRolloutsReport() {
        fleet.reload(Progress.NONE);
        fleet.installed("12", "A1", "6.6.0");

        FleetSnapshot synced = fleet.reload(Progress.NONE);

        assertThat(version(synced, "A", 0)).isEqualTo("6.4.2");
        assertThat(synced.reportedAt("A")).isEmpty();
        assertThat(cache.reported).doesNotContainKey("A1");
    }

    @Test
    void aRestartStillShowsTheReportedVersionUntilASyncSettlesIt() {
        fleet.reload(Progress.NONE);
        fleet.installed("12", "A1", "6.6.0");
        fleet.installed("12", "B1", "6.3.7"); // already shown: nothing to mark

        FleetService reopened = new FleetService(source, cache, HealthRules.DEFAULT, clock,
                new AuditService(trail, anchor, new Operator("ops", ""), clock));
        FleetSnapshot s = reopened.openCache();

        assertThat(version(s, "A", 0)).isEqualTo("6.6.0");
        assertThat(s.cameras("A").get(0).reported().deploymentId()).isEqualTo("12");
        assertThat(s.reportedAt("B")).isEmpty();
    }

    @Test
    void aStateThatHoldsAcrossAReloadKeepsItsSinceTime() {
        source.telemetry.put("A1", beating(clock.instant()));
        fleet.reload(Progress.NONE);
        Instant firstSeen = clock.instant();
        clock.advance(Duration.ofSeconds(20));
        source.telemetry.put("A1", beating(clock.instant()));
        FleetSnapshot s = fleet.reload(Progress.NONE);
        assertThat(s.cameras("A").get(0).healthSince()).isEqualTo(firstSeen);
    }

    @Test
    void startingOnARemoteSourceShowsTheCacheFirstAndALocalOneGoesStraightToTheSource() {
        source.telemetry.put("A1", beating(clock.instant()));
        fleet.reload(Progress.NONE);
        Instant firstSeen = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        source.telemetry.put("A1", beating(clock.instant()));

        List<FleetSnapshot> seen = new ArrayList<>();
        FleetService remote = new FleetService(source, cache, HealthRules.DEFAULT, clock,
                new AuditService(trail, anchor, new Operator("ops", ""), clock));
        remote.addListener(seen::add);
        remote.start(Progress.NONE);
        assertThat(seen).extracting(FleetSnapshot::live).containsExactly(false, true, true);
        assertThat(cache.fullReads).isEqualTo(1);

        FleetSource local = new FleetSource() {
            @Override
            public String name() {
                return "Local";
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public FleetData load(Instant now, Progress progress) {
                return source.load(now, progress);
            }
        };
        FleetService quick = new FleetService(local, cache, HealthRules.DEFAULT, clock,
                new AuditService(trail, anchor, new Operator("ops", ""), clock));
        FleetSnapshot s = quick.start(Progress.NONE);
        assertThat(cache.fullReads).isEqualTo(1);
        // The camera was ONLINE before the restart and still is: its "since" carries over from the cache.
        assertThat(s.cameras("A").get(0).healthSince()).isEqualTo(firstSeen);
    }

    @Test
    void theFleetIsShownBeforeTheCacheIsWrittenAndTheAsOfMovesAfter() {
        List<FleetSnapshot> seen = new ArrayList<>();
        fleet.addListener(seen::add);
        fleet.reload(Progress.NONE);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).live()).isTrue();
        assertThat(seen.get(0).asOf()).isNull();
        assertThat(seen.get(1).asOf()).isEqualTo(clock.instant());
        assertThat(seen.get(1).site("A")).isSameAs(seen.get(0).site("A"));
        clock.advance(Duration.ofSeconds(3));
        fleet.tick();
        assertThat(seen).hasSize(3);
        assertThat(fleet.current()).isSameAs(seen.get(2));
    }

    @Test
    void aReloadIsAuditedBeforeAndAfterAndAFailureKeepsTheCacheAsItWas() {
        fleet.reload(Progress.NONE);
        Instant asOf = cache.asOf;
        source.failure = new IllegalStateException("network unreachable");
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> fleet.reload(Progress.NONE)).hasMessageContaining("network unreachable");
        assertThat(cache.asOf).isEqualTo(asOf);
        assertThat(trail.events).extracting(e -> e.outcome()).containsExactly(
                AuditOutcome.STARTED, AuditOutcome.SUCCEEDED, AuditOutcome.STARTED, AuditOutcome.FAILED);
        assertThat(trail.events.get(3).parameters()).containsEntry("error", "network unreachable");
    }

    @Test
    void heartbeatsThatChangeNoHealthAreWrittenTogetherAtEachFlushNotOnEveryTick() {
        Duration flush = FleetService.FLUSH_INTERVAL;
        source.telemetry.put("B1", beating(clock.instant()));
        fleet.reload(Progress.NONE);
        Instant loaded = cache.asOf;
        cache.telemetryWrites.clear();

        // Ticks every 3 s bring fresh heartbeats of a healthy camera: nothing to write until the flush is due.
        Instant lastBeat = loaded;
        while (Duration.between(loaded, clock.instant().plusSeconds(3)).compareTo(flush) < 0) {
            clock.advance(Duration.ofSeconds(3));
            lastBeat = clock.instant();
            source.polls.add(Map.of("B1", beating(lastBeat)));
            fleet.tick();
        }
        clock.advance(Duration.between(clock.instant(), loaded.plus(flush).minusSeconds(1)));
        fleet.tick();
        assertThat(cache.telemetryWrites).as("held until the flush").isEmpty();
        assertThat(cache.asOf).isEqualTo(loaded);

        clock.advance(Duration.ofSeconds(1)); // the flush writes the newest heartbeat and moves the "as of"
        fleet.tick();
        assertThat(cache.telemetryWrites).containsOnlyKeys("B1");
        assertThat(cache.telemetryWrites.get("B1").lastHeartbeat()).isEqualTo(lastBeat);
        assertThat(cache.asOf).isEqualTo(loaded.plus(flush));

        cache.telemetryWrites.clear();
        clock.advance(Duration.ofSeconds(3)); // a quiet tick after the flush writes nothing again
        fleet.tick();
        assertThat(cache.telemetryWrites).isEmpty();
        assertThat(cache.asOf).isEqualTo(loaded.plus(flush));
    }
}
