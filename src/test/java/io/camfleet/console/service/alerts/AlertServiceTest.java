package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertRules;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.domain.alerts.AlertStep;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetEvent;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetWatch;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The alert service fed by a real fleet service and its watch, moved on by a test clock. Times below are hand
 * computed from the health rules: a camera is OFFLINE once silent for more than 90 s (two missed 45 s heartbeats).
 */
class AlertServiceTest {

    /** Monday 7 December 2026, 10:00 UTC (11:00 in Amsterdam). */
    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    final TestClock clock = new TestClock(T0);
    final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    final FleetWatch watch = new FleetWatch(FleetWatch.Loads.on(Runnable::run), ticker);
    final Map<String, CameraTelemetry> loaded = new HashMap<>();
    final List<Site> sites = new ArrayList<>(List.of(
            site("ams", "Amsterdam Docks", ""),
            site("rtm", "Rotterdam Port", "")));
    final List<CameraSystem> cameras = List.of(Fleets.camera("A1", "ams", "6.5.0"),
            Fleets.camera("A2", "ams", "6.5.0"), Fleets.camera("R1", "rtm", "6.5.0"));
    final TestFleetSource source = new TestFleetSource("test", now -> new FleetData(sites, cameras, loaded));
    final MemoryAlertStore store = new MemoryAlertStore();
    final List<AlertNotice> sent = new CopyOnWriteArrayList<>();
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    AlertRules rules = AlertRules.DEFAULT;
    AuditService audit;
    FleetService fleet;
    AlertService alerts;

    static Site site(String id, String name, String window) {
        return new Site(id, name, "Northwind", "NL", "EU", 52.0, 4.0, "Europe/Amsterdam", SlaTier.PLATINUM, window);
    }

    @BeforeEach
    void start() {
        audit = new AuditService(new InMemoryAuditTrail(), new InMemoryAuditAnchor(), new Operator("nina", ""), clock);
        audit.addListener(audited::add);
        alerts = new AlertService(store, sent::add, audit, clock, () -> rules, () -> SiteDownRule.DEFAULT,
                new Messages(Locale.ENGLISH), Runnable::run);
        alerts.watch(watch);
    }

    void load() {
        cameras.forEach(c -> loaded.put(c.id(), Fleets.beating(clock.instant())));
        fleet = Fleets.uncached(source, clock);
        watch.watch(fleet);
    }

    @AfterEach
    void stop() {
        watch.close();
        ticker.shutdownNow();
        alerts.close();
    }

    /** Moves the clock on; the cameras named beat at the new time, the others stay silent; the fleet ticks. */
    void at(Instant t, String... beating) {
        clock.advance(Duration.between(clock.instant(), t));
        for (String id : beating) {
            source.next().put(id, Fleets.beating(t));
        }
        fleet.tick();
    }

    Instant t(String hhmmss) {
        return Instant.parse("2026-12-07T" + hhmmss + "Z");
    }

    List<AlertStatus> sentSteps() {
        return sent.stream().map(AlertNotice::status).toList();
    }

    @Test
    void aSiteGoingDarkRaisesWithinAMinuteOfTheThresholdAndItsRecoveryResolvesItAfterTheHysteresis() {
        load();
        // A1, A2 beat last at 10:00:00: OFFLINE once silent more than 90 s, judged at the tick of 10:01:31, so the
        // site is dark since 10:01:31; the 1 min threshold passes at 10:02:31.
        at(t("10:01:00"), "R1");
        at(t("10:01:31"), "R1");
        assertThat(store.open()).as("dark, but not yet for a minute").isEmpty();
        at(t("10:02:30"), "R1");
        alerts.tick();
        assertThat(store.open()).as("59 s dark").isEmpty();
        at(t("10:02:31"), "R1");

        assertThat(store.open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.SITE_OFFLINE);
            assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(a.subject()).isEqualTo("ams");
            assertThat(a.siteId()).isEqualTo("ams");
            assertThat(a.raisedAt()).isEqualTo(t("10:02:31"));
            assertThat(a.summary()).isEqualTo("Site Amsterdam Docks (ams) is down: 2 of 2 cameras offline for 1 min.");
        });
        assertThat(sentSteps()).containsExactly(AlertStatus.RAISED);
        String dedup = sent.getFirst().dedupKey();

        // Back at 10:05:00: clear since then; resolves only once clear for 2 min, at 10:07:00.
        at(t("10:05:00"), "A1", "A2", "R1");
        alerts.tick();
        assertThat(store.open()).singleElement().satisfies(a -> assertThat(a.clearSince()).isEqualTo(t("10:05:00")));
        at(t("10:06:59"), "A1", "A2", "R1");
        assertThat(store.open()).as("clear for 1 min 59 s").hasSize(1);
        at(t("10:07:00"), "A1", "A2", "R1");

        assertThat(store.open()).isEmpty();
        Alert resolved = store.recent(1).getFirst();
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.resolvedAutomatically()).isTrue();
        assertThat(resolved.resolvedAt()).isEqualTo(t("10:07:00"));
        assertThat(resolved.flaps()).isZero();
        assertThat(sentSteps()).containsExactly(AlertStatus.RAISED, AlertStatus.RESOLVED);
        assertThat(sent.getLast().dedupKey()).as("stable for the alert's life").isEqualTo(dedup);
    }

    @Test
    void anOpenAlertSurvivesARestartAndTheConditionStillHoldingIsTheSameAlert() {
        load();
        at(t("10:01:31"), "R1");
        at(t("10:02:31"), "R1");
        long id = store.open().getFirst().id();

        alerts.close(); // the console stops; the store keeps what was raised
        alerts = new AlertService(store, sent::add, audit, clock, () -> rules, () -> SiteDownRule.DEFAULT,
                new Messages(Locale.ENGLISH), Runnable::run);
        alerts.watch(watch);
        at(t("10:04:00"), "R1");
        alerts.tick();
        assertThat(store.recent(10)).as("still dark: no second alert").singleElement()
                .satisfies(a -> assertThat(a.id()).isEqualTo(id));

        at(t("10:05:00"), "A1", "A2", "R1");
        at(t("10:07:00"), "A1", "A2", "R1");
        assertThat(store.open()).isEmpty();
        assertThat(sentSteps()).containsExactly(AlertStatus.RAISED, AlertStatus.RESOLVED);
    }

    @Test
    void aSiteWithOneCameraLeftIsDegradedNotDownAndRaisesNothing() {
        load();
        at(t("10:01:31"), "A1", "R1");
        at(t("10:10:00"), "A1", "R1");
        alerts.tick();
        assertThat(store.open()).as("A2 offline alone is camera downtime, not a site down").isEmpty();
    }

    @Test
    void aConditionThatComesBackWithinTheHysteresisReopensTheSameAlertAndCountsAFlap() {
        load();
        at(t("10:01:31"), "R1");
        at(t("10:02:31"), "R1");
        assertThat(store.open()).hasSize(1);
        long id = store.open().getFirst().id();

        // back at 10:03:00 (clear since then), silent again: OFFLINE at the tick after 10:04:30, within 2 min
        at(t("10:03:00"), "A1", "A2", "R1");
        at(t("10:04:31"), "R1");
        assertThat(store.open()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.flaps()).isEqualTo(1);
            assertThat(a.clearSince()).isNull();
        });
        // and once more
        at(t("10:05:00"), "A1", "A2", "R1");
        at(t("10:06:31"), "R1");
        assertThat(store.open()).singleElement().satisfies(a -> assertThat(a.flaps()).isEqualTo(2));
        assertThat(store.recent(10)).as("the same alert, not new ones").hasSize(1);
        assertThat(sentSteps()).as("a flap is not news outside").containsExactly(AlertStatus.RAISED);
        assertThat(store.steps(id)).extracting(AlertStore.StepRecord::step)
                .containsExactly(AlertStep.RAISE, AlertStep.REOPEN, AlertStep.REOPEN);
    }

    @Test
    void aSilencedAlertIsRecordedButNotDeliveredUntilTheSilenceEnds() {
        load();
        alerts.silence("ams", null, t("10:30:00"), "Power work at the docks");
        at(t("10:01:31"), "R1");
        at(t("10:02:31"), "R1");

        assertThat(store.open()).singleElement().satisfies(a -> assertThat(a.silenced()).isTrue());
        assertThat(sent).as("silenced: recorded, not delivered").isEmpty();
        assertThat(audited).extracting(AuditEvent::action, AuditEvent::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple(AuditActions.ALERT_SILENCE, AuditOutcome.SUCCEEDED));

        // still dark when the silence ends at 10:30: delivered then
        at(t("10:29:59"), "R1");
        alerts.tick();
        assertThat(sent).isEmpty();
        at(t("10:30:00"), "R1");
        alerts.tick();
        assertThat(sentSteps()).containsExactly(AlertStatus.RAISED);
        assertThat(store.open().getFirst().silenced()).isFalse();
    }

    @Test
    void aSilenceOfAnotherKindOrSiteDoesNotSilence() {
        load();
        alerts.silence("rtm", null, t("11:00:00"), "Other site");
        alerts.silence("", AlertKind.CAMERA_DEGRADED, t("11:00:00"), "Degraded cameras are known");
        at(t("10:01:31"), "R1");
        at(t("10:02:31"), "R1");
        assertThat(sentSteps()).containsExactly(AlertStatus.RAISED);
    }

    @Test
    void anAlertInsideTheSitesMaintenanceWindowIsSilencedByItself() {
        // Monday 11:00-12:00 in Amsterdam (UTC+1 in December) is 10:00-11:00 UTC
        sites.set(0, site("ams", "Amsterdam Docks", "Mon 11:00-12:00"));
        load();
        at(t("10:01:31"), "R1");
        at(t("10:02:31"), "R1");
        assertThat(store.open()).singleElement().satisfies(a -> assertThat(a.silenced()).isTrue());
        assertThat(sent).isEmpty();

        at(t("11:00:00"), "R1");
        alerts.tick();
        assertThat(sentSteps()).as("the window closed with the site still dark").containsExactly(AlertStatus.RAISED);
    }

    @Test
    void aCameraDegradedForMoreThanItsThresholdRaisesAWarning() {
        load();
        // A1 reports a full disk from 10:01:00: DEGRADED since that tick; 15 min pass at 10:16:00
        clock.advance(Duration.ofMinutes(1));
        source.next().put("A1", new CameraTelemetry(clock.instant(), OperatingMode.NORMAL, 600.0, 97.0, 45.0));
        source.next().put("A2", Fleets.beating(clock.instant()));
        source.next().put("R1", Fleets.beating(clock.instant()));
        fleet.tick();
        for (int m = 2; m <= 15; m++) {
            Instant at = T0.plus(Duration.ofMinutes(m));
            clock.advance(Duration.between(clock.instant(), at));
            source.next().put("A1", new CameraTelemetry(at, OperatingMode.NORMAL, 600.0, 97.0, 45.0));
            source.next().put("A2", Fleets.beating(at));
            source.next().put("R1", Fleets.beating(at));
            fleet.tick();
        }
        assertThat(store.open()).as("degraded 14 min").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        alerts.tick();
        assertThat(store.open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.CAMERA_DEGRADED);
            assertThat(a.severity()).isEqualTo(AlertSeverity.WARNING);
            assertThat(a.subject()).isEqualTo("A1");
            assertThat(a.siteId()).isEqualTo("ams");
            assertThat(a.summary()).isEqualTo("Camera cam-a1 at Amsterdam Docks has been degraded for 15 min.");
        });
    }

    @Test
    void aSyncFailingForMoreThanItsThresholdRaisesAndItsRecoveryResolvesAfterTheHysteresis() {
        // the cache was last brought up to date at 10:00; the threshold of 15 min passes at 10:15
        alerts.event(new FleetEvent.SyncFailed("aws", new RuntimeException("throttled"), T0, true));
        clock.advance(Duration.ofMinutes(14));
        alerts.tick();
        assertThat(store.open()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        alerts.tick();
        assertThat(store.open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.SYNC_STALE);
            assertThat(a.summary()).isEqualTo("No successful sync from aws for 15 min.");
        });
        clock.advance(Duration.ofMinutes(10));
        alerts.tick();
        assertThat(store.open()).as("a latched alert does not clear by silence alone").hasSize(1);

        alerts.event(new FleetEvent.SyncRecovered("aws"));
        clock.advance(Duration.ofMinutes(2));
        alerts.tick();
        assertThat(store.open()).isEmpty();
        assertThat(sentSteps()).containsExactly(AlertStatus.RAISED, AlertStatus.RESOLVED);
    }

    @Test
    void aSyncThatHangsWithoutFailingGoesStaleAndTheNextSyncClearsIt() {
        // The test source is remote (not local), like AWS: loaded at 10:00, then no sync finishes and none fails.
        // Its data is as of 10:00, so the 15 min threshold passes at 10:15; a sync at 10:20 brings it up to date, and
        // the alert resolves after the 2 min hysteresis, at 10:22.
        load();
        clock.advance(Duration.ofMinutes(14));
        alerts.tick();
        assertThat(store.open()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        alerts.tick();
        assertThat(store.open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.SYNC_STALE);
            assertThat(a.subject()).isEqualTo("test");
        });

        clock.advance(Duration.ofMinutes(5));
        cameras.forEach(c -> loaded.put(c.id(), Fleets.beating(clock.instant())));
        watch.sync();
        clock.advance(Duration.ofMinutes(2));
        alerts.tick();
        assertThat(store.open()).isEmpty();
        assertThat(sentSteps()).containsExactly(AlertStatus.RAISED, AlertStatus.RESOLVED);
    }

    @Test
    void aDeploymentOverItsThresholdRaisesAtOnceAndStaysUntilItSucceedsOrSomeoneResolvesIt() {
        alerts.deployment("d-42", "camos-agent", "6.5.1", DeploymentState.RUNNING);
        assertThat(store.open()).isEmpty();
        alerts.deployment("d-42", "camos-agent", "6.5.1", DeploymentState.FAILING);
        alerts.deployment("d-42", "camos-agent", "6.5.1", DeploymentState.FAILED);
        assertThat(store.open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.DEPLOYMENT_FAILED);
            assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(a.summary()).isEqualTo(
                    "Deployment d-42 of camos-agent 6.5.1 failed or went over its failure threshold.");
        });
        clock.advance(Duration.ofHours(3));
        alerts.tick();
        assertThat(store.open()).hasSize(1);
        Alert done = alerts.resolve(store.open().getFirst().id(), "Rolled back by hand; release pulled");
        assertThat(done.resolvedBy()).isEqualTo("nina");
        assertThat(done.resolvedAutomatically()).isFalse();
        assertThat(sentSteps()).containsExactly(AlertStatus.RAISED, AlertStatus.RESOLVED);
    }

    @Test
    void acknowledgingAndResolvingByHandAreAuditedDeliveredAndRefusedWhenTheyDoNotFit() {
        alerts.deployment("d-7", "camos-agent", "6.5.1", DeploymentState.FAILED);
        long id = store.open().getFirst().id();

        assertThatThrownBy(() -> alerts.acknowledge(id, "  ")).isInstanceOf(Problem.class)
                .hasMessageContaining("note is missing");
        assertThatThrownBy(() -> alerts.acknowledge(999, "mine")).isInstanceOf(Problem.class)
                .hasMessageContaining("no alert 999");
        clock.advance(Duration.ofMinutes(3));
        Alert acked = alerts.acknowledge(id, "Looking into it");
        assertThat(acked.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(acked.acknowledgedAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(acked.acknowledgedBy()).isEqualTo("nina");
        assertThat(acked.acknowledgedNote()).isEqualTo("Looking into it");
        assertThatThrownBy(() -> alerts.acknowledge(id, "again")).isInstanceOf(Problem.class)
                .hasMessageContaining("already acknowledged by nina")
                .satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.BAD_INPUT));

        alerts.resolve(id, "Fixed");
        assertThatThrownBy(() -> alerts.resolve(id, "again")).isInstanceOf(Problem.class)
                .hasMessageContaining("already resolved (by nina");
        assertThat(sent).extracting(AlertNotice::status, AlertNotice::by, AlertNotice::note).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertStatus.RAISED, "", ""),
                org.assertj.core.groups.Tuple.tuple(AlertStatus.ACKNOWLEDGED, "nina", "Looking into it"),
                org.assertj.core.groups.Tuple.tuple(AlertStatus.RESOLVED, "nina", "Fixed"));
        assertThat(audited).filteredOn(e -> e.outcome() == AuditOutcome.SUCCEEDED).extracting(AuditEvent::action)
                .containsExactly(AuditActions.ALERT_ACKNOWLEDGE, AuditActions.ALERT_RESOLVE);
        assertThat(store.find(id)).get().extracting(Alert::status).isEqualTo(AlertStatus.RESOLVED);
    }

    @Test
    void anAlertResolvedByHandStaysResolvedAndAConditionComingBackLaterIsANewAlert() {
        load();
        at(t("10:01:31"), "R1");
        at(t("10:02:31"), "R1");
        long first = store.open().getFirst().id();
        alerts.resolve(first, "Known: fibre cut, ticket 4711");
        at(t("10:03:00"), "R1");
        assertThat(store.open()).as("still dark: the condition raises anew").singleElement()
                .satisfies(a -> assertThat(a.id()).isNotEqualTo(first));
    }

    /** Figures of site ams: {@code down} seconds down in a window of each length, fully observed, at 99.99 %. */
    static AvailabilityFigures figures(Map<Duration, Long> down) {
        return new AvailabilityFigures() {
            @Override
            public List<Availability> by(Grouping grouping, Period period) {
                long seconds = period.seconds();
                return List.of(new Availability(Grouping.SITE, "ams", period, seconds, 0,
                        down.getOrDefault(Duration.ofSeconds(seconds), 0L), List.of(), 1, 0, 99.99));
            }

            @Override
            public Map<String, Availability> sites(java.util.Collection<String> ids, Period period) {
                return Map.of();
            }

            @Override
            public SiteDownRule rule() {
                return SiteDownRule.DEFAULT;
            }
        };
    }

    @Test
    void theBudgetBurningFastInBothWindowsRaisesAndTheShortWindowCalmingResolvesIt() {
        // 99.99 % allows 0.0001 of the time down. 60 s in the last hour: (60/3600)/0.0001 = 166.7; 30 s in the last
        // 5 min: (30/300)/0.0001 = 1000: both above 14.4, a fast burn (which the slow one, 27.8 and 166.7 over 6 h
        // and 30 min, does not add to: the fast one pages already).
        Map<Duration, Long> down = new HashMap<>(Map.of(Duration.ofHours(1), 60L, Duration.ofMinutes(5), 30L,
                Duration.ofHours(6), 60L, Duration.ofMinutes(30), 30L));
        alerts.burnRatesFrom(figures(down));
        alerts.tick();
        assertThat(store.open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.BUDGET_BURN_FAST);
            assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(a.summary()).startsWith("Site ams burns its error budget 166.7 times too fast (above 14.4");
        });

        // nothing down in the last 5 and 30 minutes any more: no burn now, resolved 2 minutes later
        down.put(Duration.ofMinutes(5), 0L);
        down.put(Duration.ofMinutes(30), 0L);
        clock.advance(Duration.ofMinutes(1));
        alerts.tick();
        assertThat(store.open()).hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        alerts.tick();
        assertThat(store.open()).isEmpty();
    }

    @Test
    void aSteadySlowBurnRaisesAWarning() {
        // 60 s in 6 h: (60/21600)/0.0001 = 27.8; 30 s in 30 min: 166.7: both above 6. The last hour holds only
        // 5 s: (5/3600)/0.0001 = 13.9, under 14.4: no fast burn.
        alerts.burnRatesFrom(figures(Map.of(Duration.ofHours(6), 60L, Duration.ofMinutes(30), 30L,
                Duration.ofHours(1), 5L, Duration.ofMinutes(5), 5L)));
        alerts.tick();
        assertThat(store.open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.BUDGET_BURN_SLOW);
            assertThat(a.severity()).isEqualTo(AlertSeverity.WARNING);
        });
    }

    @Test
    void aLongWindowAboveTheRateWithACalmShortOneRaisesNothing() {
        // (60/3600)/0.0001 = 166.7 over the hour, but nothing down in the last 5 minutes: it is over, no page; and
        // 27.8 over 6 h with nothing in the last 30 minutes: no slow burn either
        alerts.burnRatesFrom(figures(Map.of(Duration.ofHours(1), 60L, Duration.ofMinutes(5), 0L,
                Duration.ofHours(6), 60L)));
        alerts.tick();
        assertThat(store.open()).isEmpty();
    }

    @Test
    void aSilenceMustEndInTheFutureAndCoverSomething() {
        assertThatThrownBy(() -> alerts.silence("ams", null, T0, "x")).isInstanceOf(Problem.class)
                .hasMessageContaining("must end in the future");
        assertThatThrownBy(() -> alerts.silence("", null, T0.plusSeconds(60), "x")).isInstanceOf(Problem.class)
                .hasMessageContaining("name at least one");
        assertThat(alerts.silences()).isEmpty();
    }

    @Test
    void aServiceClosedBeforeItsWindowFinishedOpeningIsNotStartedAgain() {
        // A window may finish opening on a data folder that is already closing: ticking then must do nothing, not
        // throw from a stopped executor on the FX thread.
        AlertService own = new AlertService(store, sent::add, audit, clock);
        own.close();
        assertThatCode(own::startTicking).doesNotThrowAnyException();
    }

}
