package io.camfleet.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.adapter.webhook.LoopbackReceiver;
import io.camfleet.console.adapter.webhook.LoopbackReceiver.Answer;
import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.alerts.AlertRoute;
import io.camfleet.console.service.alerts.AlertRoutesSettings;
import io.camfleet.console.service.alerts.AlertService;
import io.camfleet.console.service.alerts.RouteKind;
import io.camfleet.console.service.alerts.SecretSource;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetWatch;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when": a simulated outage raises an alert within a minute that reaches the loopback webhook, and
 * the recovery resolves it. The console as the composition root builds it (features, H2 cache, settings file), the
 * alert service judging the fleet's own news on a test clock, the route's real HTTP client and delivery log.
 */
class OutageReachesTheWebhookTest {

    /** Monday 7 December 2026, 10:00 UTC. */
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path dir;

    private static Instant t(String hhmmss) {
        return Instant.parse("2026-12-07T" + hhmmss + "Z");
    }

    private static void awaitTrue(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aSiteGoingDarkRaisesAnAlertThatReachesTheWebhookAndItsRecoveryResolvesIt() throws Exception {
        TestClock clock = new TestClock(T0);
        Map<String, CameraTelemetry> loaded = new HashMap<>();
        List<Site> sites = List.of(
                new Site("ams", "Amsterdam Docks", "Northwind", "NL", "EU", 52.0, 4.0, "Europe/Amsterdam",
                        SlaTier.PLATINUM, ""),
                new Site("rtm", "Rotterdam Port", "Northwind", "NL", "EU", 51.9, 4.5, "Europe/Amsterdam",
                        SlaTier.PLATINUM, ""));
        List<CameraSystem> cameras = List.of(Fleets.camera("A1", "ams", "6.5.0"), Fleets.camera("A2", "ams", "6.5.0"),
                Fleets.camera("R1", "rtm", "6.5.0"));
        cameras.forEach(c -> loaded.put(c.id(), Fleets.beating(T0)));
        TestFleetSource source = new TestFleetSource("test", now -> new FleetData(sites, cameras, loaded));
        Path folder = Files.createDirectories(dir.resolve("data"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

        try (LoopbackReceiver noc = new LoopbackReceiver()) {
            // The NOC's receiver is down for the first try: the raise still reaches it, on the retry.
            noc.then(Answer.status(503, "restarting"));
            SettingsFile.in(folder).write(AlertRoutesSettings.SECTION, AlertRoutesSettings.DEFAULT.withRoutes(
                    List.of(new AlertRoute("NOC", RouteKind.WEBHOOK, noc.url("/camfleet"), SecretSource.NONE,
                            AlertSeverity.CRITICAL, true))));
            ConsoleRuntime runtime = new ConsoleRuntime(clock, Map.of(), dir.resolve("home").toString(),
                    new Operator("noc", ""), new Messages(Locale.ENGLISH));
            FleetWatch watch = new FleetWatch(FleetWatch.Loads.on(Runnable::run), ticker);
            try (var session = runtime.open(folder, source)) {
                AlertService alerts = session.part(AlertService.class);
                alerts.watch(watch);
                FleetService fleet = session.fleet();
                watch.watch(fleet);

                // A1 and A2 beat last at 10:00:00, R1 beats on. A camera is OFFLINE once silent for more than 90 s:
                // the site is dark from the tick of 10:01:31; the default 1 min threshold passes at 10:02:31.
                // The alert service judges each snapshot on its own thread, at the clock's time then: each tick is
                // given a moment to be judged before the clock moves on.
                for (String at : List.of("10:01:00", "10:01:31", "10:02:00", "10:02:31")) {
                    clock.advance(Duration.between(clock.instant(), t(at)));
                    source.next().put("R1", Fleets.beating(t(at)));
                    fleet.tick();
                    Thread.sleep(300);
                }
                long raisedAt = System.nanoTime();
                awaitTrue(() -> !alerts.list(true).isEmpty());

                LoopbackReceiver.Received first = noc.next(30);
                LoopbackReceiver.Received raised = noc.next(30);
                assertThat(first).as("the raise reached the webhook").isNotNull();
                assertThat(raised).as("and, refused once with 503, again").isNotNull();
                assertThat(Duration.ofNanos(System.nanoTime() - raisedAt)).as("within a minute of the raise")
                        .isLessThan(Duration.ofMinutes(1));
                ObjectMapper json = new ObjectMapper();
                JsonNode r = json.readTree(raised.body());
                assertThat(r.get("status").asText()).isEqualTo("RAISED");
                assertThat(r.get("kind").asText()).isEqualTo("SITE_OFFLINE");
                assertThat(r.get("severity").asText()).isEqualTo("CRITICAL");
                assertThat(r.get("siteId").asText()).isEqualTo("ams");
                assertThat(r.get("at").asText()).isEqualTo("2026-12-07T10:02:31Z");
                assertThat(r.get("summary").asText()).contains("Amsterdam Docks", "2 of 2 cameras offline");

                // Back at 10:05:00; the alert resolves once clear for its hysteresis (2 min), at 10:07:00.
                for (String at : List.of("10:05:00", "10:06:00", "10:07:00")) {
                    clock.advance(Duration.between(clock.instant(), t(at)));
                    for (String camera : List.of("A1", "A2", "R1")) {
                        source.next().put(camera, Fleets.beating(t(at)));
                    }
                    fleet.tick();
                    if (at.equals("10:05:00")) {
                        awaitTrue(() -> alerts.list(true).get(0).clearSince() != null);
                        assertThat(alerts.list(true).get(0).clearSince()).isEqualTo(t("10:05:00"));
                    }
                    Thread.sleep(300);
                }
                LoopbackReceiver.Received resolved = noc.next(30);
                assertThat(resolved).as("the recovery reached the webhook").isNotNull();
                JsonNode s = json.readTree(resolved.body());
                assertThat(s.get("status").asText()).isEqualTo("RESOLVED");
                assertThat(s.get("at").asText()).isEqualTo("2026-12-07T10:07:00Z");
                assertThat(s.get("dedupKey").asText()).isEqualTo(r.get("dedupKey").asText());
                assertThat(s.get("alertId").asLong()).isEqualTo(r.get("alertId").asLong());
                assertThat(noc.next(1)).as("nothing else was sent").isNull();
            } finally {
                watch.close();
                ticker.shutdownNow();
            }
        }
    }
}
