package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;
import static io.camfleet.console.service.fleet.Fleets.site;
import static org.assertj.core.api.Assertions.assertThat;

/** The fleet service's edges: reports of installed versions, dates of states, sources that store their own data. */
class FleetServiceReportsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final InMemoryFleetCache cache = new InMemoryFleetCache();
    private final Source source = new Source();
    private final FleetService fleet = service(source);
    private final List<FleetSnapshot> published = new ArrayList<>();

    private FleetService service(FleetSource from) {
        return new FleetService(from, cache, HealthRules.DEFAULT, clock, new AuditService(new InMemoryAuditTrail(),
                new InMemoryAuditAnchor(), new Operator("ops", ""), clock));
    }

    /** Site A with A1 and A2 (6.4.2), site B with B1 (6.3.7). */
    private final class Source implements FleetSource {
        final Map<String, CameraTelemetry> telemetry = new HashMap<>();
        final Map<String, Instant> since = new HashMap<>();
        final List<Map<String, String>> installs = new ArrayList<>();
        Optional<Instant> stored = Optional.empty();
        Runnable duringLoad = () -> { };

        @Override
        public String name() {
            return "Scripted";
        }

        @Override
        public FleetData load(Instant now, Progress progress) {
            duringLoad.run();
            return new FleetData(List.of(site("A", "Alpha", "Acme", "NL", "EU"), site("B", "Bravo", "Acme", "US", "NA")),
                    List.of(camera("A1", "A", "6.4.2"), camera("A2", "A", "6.4.2"), camera("B1", "B", "6.3.7")),
                    telemetry, since);
        }

        @Override
        public void installed(Map<String, String> versionByCamera) {
            installs.add(Map.copyOf(versionByCamera));
        }

        @Override
        public Optional<Instant> storedAsOf() {
            return stored;
        }

        @Override
        public List<Problem> problems() {
            return List.of(new Problem("aws.unreachable", "https://ssm", "refused"));
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(7);
        }
    }

    @Test
    void aReportForACameraOutsideTheFleetIsStoredButShowsNothing() {
        fleet.reload(Progress.NONE);
        fleet.addListener(published::add);
        FleetSnapshot before = fleet.current();

        fleet.installed("12", "Z9", "6.6.0");

        assertThat(published).isEmpty();
        assertThat(fleet.current()).isSameAs(before);
        assertThat(cache.reported.get("Z9").unconfirmed()).isTrue();
        assertThat(source.installs).last().isEqualTo(Map.of("Z9", "6.6.0"));
    }

    @Test
    void theCamerasOnePollOfARolloutReportsAreStoredTogetherAndShownInOneSnapshot() {
        fleet.reload(Progress.NONE);
        fleet.addListener(published::add);
        clock.advance(Duration.ofSeconds(5));
        Map<String, String> poll = new java.util.LinkedHashMap<>();
        poll.put("A1", "6.6.0");
        poll.put("A2", "6.6.0");
        poll.put("B1", "6.3.7"); // shows it already: stored confirmed, nothing to redraw for it

        fleet.installed("12", poll);

        assertThat(published).as("one snapshot for the whole poll").hasSize(1);
        assertThat(published.get(0).cameras("A")).allSatisfy(c -> {
            assertThat(c.camera().softwareVersion()).isEqualTo("6.6.0");
            assertThat(c.reported().deploymentId()).isEqualTo("12");
        });
        assertThat(cache.reported.get("A1").unconfirmed()).isTrue();
        assertThat(cache.reported.get("B1").confirmedAt()).isEqualTo(clock.instant());
        assertThat(source.installs).last().isEqualTo(poll);
    }

    @Test
    void aReportOfTheVersionACameraAlreadyShowsIsStoredConfirmedAndRedrawsNothing() {
        fleet.reload(Progress.NONE);
        fleet.addListener(published::add);
        clock.advance(Duration.ofSeconds(5));

        fleet.installed("12", "B1", "6.3.7");

        assertThat(published).isEmpty();
        assertThat(cache.reported.get("B1").confirmedAt()).isEqualTo(clock.instant());
        assertThat(fleet.current().reportedAt("B")).isEmpty();
    }

    @Test
    void aReportedVersionIsMarkedAgainWhenASecondRolloutReportsTheSameVersion() {
        fleet.reload(Progress.NONE);
        fleet.installed("12", "A1", "6.6.0");
        fleet.addListener(published::add);

        fleet.installed("13", "A1", "6.6.0");

        // Shown already, but only as reported: the newer report replaces the mark.
        assertThat(cache.reported.get("A1").unconfirmed()).isTrue();
        assertThat(cache.reported.get("A1").deploymentId()).isEqualTo("13");
        assertThat(published).hasSize(1);
        assertThat(published.get(0).cameras("A").get(0).reported().deploymentId()).isEqualTo("13");
    }

    @Test
    void theReportsInTheCacheAreHandedToTheSourceBeforeItLoads() {
        cache.reportVersion(new ReportedVersion("A2", "6.5.0", "11", clock.instant(), null));

        fleet.reload(Progress.NONE);

        assertThat(source.installs).first().isEqualTo(Map.of("A2", "6.5.0"));
    }

    @Test
    void aReportThatCameInWhileTheSyncWasReadingStaysShownAfterIt() {
        fleet.reload(Progress.NONE);
        clock.advance(Duration.ofMinutes(1));
        source.duringLoad = () -> {
            clock.advance(Duration.ofSeconds(10));
            fleet.installed("12", "A1", "6.6.0");
        };

        FleetSnapshot synced = fleet.reload(Progress.NONE);

        assertThat(synced.cameras("A").get(0).camera().softwareVersion()).as("newer than what the sync read")
                .isEqualTo("6.6.0");
        assertThat(synced.cameras("A").get(0).reported()).isNotNull();
        assertThat(cache.reported).containsKey("A1");
        assertThat(cache.reported.get("A1").unconfirmed()).isTrue();
    }

    @Test
    void aStateIsNeverDatedAfterNowNorBeforeTheStateTheCacheKnewBegan() {
        source.telemetry.put("A1", beating(clock.instant()));
        fleet.reload(Progress.NONE);
        Instant wentOnline = clock.instant();

        clock.advance(Duration.ofHours(1));
        // A1 is silent now (offline); the source dates that a day back, before the state the cache knew began.
        source.since.put("A1", wentOnline.minus(Duration.ofDays(1)));
        FleetSnapshot s = fleet.reload(Progress.NONE);

        assertThat(s.cameras("A").get(0).health()).isEqualTo(HealthState.OFFLINE);
        assertThat(s.cameras("A").get(0).healthSince()).isEqualTo(wentOnline);
        assertThat(s.cameras("A").get(1).healthSince()).as("still UNKNOWN: since when it was first seen")
                .isEqualTo(wentOnline);
        assertThat(cache.changes).filteredOn(c -> c.cameraId().equals("A1")).extracting(HealthChange::from)
                .containsExactly(null, HealthState.ONLINE);
    }

    @Test
    void aStateDatedInTheFutureByTheSourceIsDatedNow() {
        source.since.put("B1", clock.instant().plus(Duration.ofHours(2)));

        FleetSnapshot s = fleet.reload(Progress.NONE);

        assertThat(s.cameras("B").get(0).healthSince()).isEqualTo(clock.instant());
    }

    @Test
    void aSourceThatStoresItsOwnDataKeepsItsAsOfThroughReloadsAndFlushes() {
        Instant storedAt = clock.instant().minus(Duration.ofMinutes(2));
        source.stored = Optional.of(storedAt);
        source.telemetry.put("A1", beating(clock.instant()));

        FleetSnapshot s = fleet.reload(Progress.NONE);

        assertThat(s.asOf()).isEqualTo(storedAt);
        assertThat(cache.fleet.cameras()).as("the source wrote the fleet itself").isEmpty();
        assertThat(cache.health).containsEntry("A1", HealthState.ONLINE);
        assertThat(cache.asOf).isNull();

        clock.advance(Duration.ofSeconds(31));
        FleetSnapshot later = fleet.tick();
        assertThat(later.asOf()).as("ageing alone does not freshen it").isEqualTo(storedAt);
        assertThat(cache.asOf).isNull();
    }

    @Test
    void aCacheThatNamesNoSourceIsShownUnderTheSourcesName() {
        cache.fleet = source.load(clock.instant(), Progress.NONE);

        FleetSnapshot s = fleet.openCache();

        assertThat(s.source()).isEqualTo("Scripted");
        assertThat(s.live()).isFalse();
        assertThat(s.cameraCount()).isEqualTo(3);
        assertThat(s.camerasIn(HealthState.UNKNOWN)).isEqualTo(3);
    }

    @Test
    void aCacheFromAnotherSourceIsShownUnderItsOwnName() {
        cache.fleet = source.load(clock.instant(), Progress.NONE);
        cache.source = "Demo";

        assertThat(fleet.openCache().source()).isEqualTo("Demo");
    }

    @Test
    void aSitesLastHeartbeatIsItsNewestCamerasAndTheServiceSaysWhatItsSourceSays() {
        source.telemetry.put("A1", beating(clock.instant().minusSeconds(20)));
        source.telemetry.put("A2", beating(clock.instant().minusSeconds(5)));

        FleetSnapshot s = fleet.reload(Progress.NONE);

        assertThat(s.site("A").lastHeartbeat()).isEqualTo(clock.instant().minusSeconds(5));
        assertThat(s.site("B").lastHeartbeat()).isNull();
        assertThat(fleet.sourceName()).isEqualTo("Scripted");
        assertThat(fleet.sourceProblems()).extracting(Problem::key).containsExactly("aws.unreachable");
        assertThat(fleet.rules()).isSameAs(HealthRules.DEFAULT);
        assertThat(fleet.isLocal()).isFalse();
        assertThat(fleet.pollInterval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(fleet.history("A1", 5)).isEmpty();
    }

    @Test
    void aListenerRemovedIsToldNoMore() {
        java.util.function.Consumer<FleetSnapshot> listener = published::add;
        fleet.addListener(listener);
        fleet.reload(Progress.NONE);
        assertThat(published).hasSize(2);

        fleet.removeListener(listener);
        clock.advance(Duration.ofSeconds(3));
        fleet.tick();

        assertThat(published).hasSize(2);
    }
}
