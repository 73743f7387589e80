package io.camfleet.console.adapter.webhook;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.webhook.LoopbackReceiver.Answer;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.domain.alerts.DeliveryBackoff;
import io.camfleet.console.domain.alerts.DeliveryState;
import io.camfleet.console.service.alerts.AlertNotice;
import io.camfleet.console.service.alerts.AlertRoute;
import io.camfleet.console.service.alerts.Delivery;
import io.camfleet.console.service.alerts.DeliveryAttempt;
import io.camfleet.console.service.alerts.RouteKind;
import io.camfleet.console.service.alerts.RoutedDelivery;
import io.camfleet.console.service.alerts.SecretSource;
import io.camfleet.console.service.alerts.SendResult;
import io.camfleet.console.service.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts through routes to a real HTTP receiver on loopback, which also answers 429, 500 and slowly: the delivery log
 * in a real H2 file, the real HTTP client with its timeouts.
 */
class AlertRoutesOverHttpTest {

    private static final Messages M = new Messages(Locale.ENGLISH);
    private static final String SLACK_SECRET_PATH = "/services/T000/B000/XXXXsecretXXXX";
    private static final String ROUTING_KEY = "R0UT1NGK3Yabcdef0123456789abcdef";
    /** Short waits, so that retries show within a test: 100, 200, 400 ms ceilings, four attempts, a minute at most. */
    private static final DeliveryBackoff FAST =
            new DeliveryBackoff(4, Duration.ofMinutes(1), Duration.ofMillis(100), Duration.ofMillis(400));

    @TempDir
    Path dir;
    private CacheDatabase db;
    private LoopbackReceiver receiver;
    private RoutedDelivery delivery;
    private final List<Delivery> told = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void open() throws Exception {
        db = CacheDatabase.open(dir, Clock.systemUTC());
        receiver = new LoopbackReceiver();
        root = (Logger) LoggerFactory.getLogger("io.camfleet");
        root.setLevel(Level.DEBUG);
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void close() {
        if (delivery != null) {
            delivery.close();
        }
        root.detachAppender(log);
        receiver.close();
        db.close();
    }

    private RoutedDelivery delivery(Map<String, String> env, Duration responseTimeout) {
        HttpRouteSender sender = new HttpRouteSender(HttpRouteSender.client(Duration.ofSeconds(1)), responseTimeout,
                env, M);
        delivery = new RoutedDelivery(db.deliveries(), sender, Clock.systemUTC(), FAST, Duration.ofMillis(100),
                Duration.ofSeconds(10), () -> 0.5, M);
        delivery.onDelivery(told::add);
        return delivery;
    }

    private RoutedDelivery delivery(Map<String, String> env) {
        return delivery(env, Duration.ofSeconds(2));
    }

    private static AlertNotice notice(AlertStatus status, String by, String note) {
        return new AlertNotice(42, "camfleet-SITE_OFFLINE-LIS-01-42", AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL,
                "LIS-01", "LIS-01", "Site Lisbon Docks is dark: 8 of 8 cameras offline for 6 min", status,
                Instant.parse("2026-12-06T06:00:00Z"), by, note);
    }

    private AlertRoute webhook() {
        return new AlertRoute("NOC hook", RouteKind.WEBHOOK, receiver.url("/hook"), SecretSource.NONE,
                AlertSeverity.WARNING, true);
    }

    private Delivery awaitTold(Predicate<Delivery> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (Delivery d : told) {
                if (done.test(d)) {
                    return d;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such delivery within 20 s; told: " + told);
    }

    @Test
    void aDeliveryRefusedWith500And429IsRetriedHonouringRetryAfterAndFinallyDelivered() throws Exception {
        receiver.then(Answer.status(500, "boom"), Answer.tooMany(1), Answer.ok());
        delivery(Map.of()).use(List.of(webhook()));

        delivery.send(notice(AlertStatus.RAISED, "", ""));

        Delivery d = awaitTold(x -> x.state() == DeliveryState.DELIVERED);
        assertThat(d.attempts()).isEqualTo(3);
        List<LoopbackReceiver.Received> got = receiver.received();
        assertThat(got).hasSize(3);
        // The 429 asked for 1 s; the back-off alone would have waited 100 ms (200 ms ceiling, jitter at 0.5).
        assertThat(Duration.between(got.get(1).at(), got.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(990));
        assertThat(got).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/hook");
            assertThat(r.header("Content-Type")).startsWith("application/json");
        });
        JsonNode body = new ObjectMapper().readTree(got.get(2).body());
        assertThat(body.get("dedupKey").asText()).isEqualTo("camfleet-SITE_OFFLINE-LIS-01-42");
        assertThat(body.get("status").asText()).isEqualTo("RAISED");
        assertThat(body.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(body.get("siteId").asText()).isEqualTo("LIS-01");
        assertThat(body.get("summary").asText()).startsWith("Site Lisbon Docks is dark");
        assertThat(body.get("at").asText()).isEqualTo("2026-12-06T06:00:00Z");
        assertThat(body.get("test").asBoolean()).isFalse();

        List<DeliveryAttempt> attempts = delivery.attempts(d.id());
        assertThat(attempts).extracting(DeliveryAttempt::outcome).containsExactly(SendResult.Outcome.RETRY,
                SendResult.Outcome.RETRY, SendResult.Outcome.DELIVERED);
        assertThat(attempts).extracting(DeliveryAttempt::status).containsExactly(500, 429, 200);
        assertThat(attempts.get(1).detail()).contains("429", "wait 1 s");
    }

    @Test
    void aDeliveryThatKeepsFailingIsGivenUpAfterTheLastAttemptAndTold() throws Exception {
        receiver.then(Answer.status(500, "down"), Answer.status(502, "down"), Answer.status(503, "down"),
                Answer.status(500, "still down"));
        delivery(Map.of()).use(List.of(webhook()));

        delivery.send(notice(AlertStatus.RAISED, "", ""));

        Delivery failed = awaitTold(x -> x.state() == DeliveryState.FAILED);
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.detail()).isEqualTo("HTTP 500 from the receiver: still down");
        assertThat(receiver.received()).hasSize(4);
        // It stays shown: the route's latest delivery is the failed one, with all four attempts.
        assertThat(delivery.latest("NOC hook")).get().extracting(Delivery::state).isEqualTo(DeliveryState.FAILED);
        assertThat(delivery.attempts(failed.id())).hasSize(4);
        Thread.sleep(600);
        assertThat(receiver.received()).as("nothing is sent after giving up").hasSize(4);
    }

    @Test
    void aRefusalThatRetryingCannotCureIsGivenUpAtOnce() throws Exception {
        receiver.then(Answer.status(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\"}"));
        delivery(Map.of()).use(List.of(webhook()));

        delivery.send(notice(AlertStatus.RAISED, "", ""));

        Delivery failed = awaitTold(x -> x.state() == DeliveryState.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.detail()).contains("HTTP 400", "Event object is invalid");
    }

    @Test
    void aSlowReceiverTimesOutWithoutHoldingTheRouteAndTheNextAttemptGetsThrough() throws Exception {
        receiver.then(Answer.slow(Duration.ofSeconds(30)), Answer.ok());
        delivery(Map.of(), Duration.ofMillis(500)).use(List.of(webhook()));

        long started = System.nanoTime();
        delivery.send(notice(AlertStatus.RAISED, "", ""));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("send only queues")
                .isLessThan(Duration.ofSeconds(2));

        Delivery d = awaitTold(x -> x.state() == DeliveryState.DELIVERED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        List<DeliveryAttempt> attempts = delivery.attempts(d.id());
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).detail()).contains("No answer from 127.0.0.1:", "within 0.5 s");
        assertThat(attempts.get(0).millis()).isBetween(400L, 5_000L);
    }

    @Test
    void pagerDutyGetsTriggerAcknowledgeAndResolveWithOneDedupKeyInOrder() throws Exception {
        Path key = Files.writeString(dir.resolve("pagerduty.key"), ROUTING_KEY + "\n");
        AlertRoute pd = new AlertRoute("On-call", RouteKind.PAGERDUTY, receiver.url("/v2/enqueue"),
                SecretSource.file(key.toString()), AlertSeverity.CRITICAL, true);
        // The first trigger is refused once: the acknowledge and resolve queued behind it must wait their turn.
        receiver.then(Answer.status(503, "busy"));
        delivery(Map.of()).use(List.of(pd));

        delivery.send(notice(AlertStatus.RAISED, "", ""));
        delivery.send(notice(AlertStatus.ACKNOWLEDGED, "alice", "on it"));
        delivery.send(notice(AlertStatus.RESOLVED, "", ""));

        awaitTold(x -> x.state() == DeliveryState.DELIVERED && x.notice().status() == AlertStatus.RESOLVED);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = receiver.received().stream().map(r -> {
            try {
                return json.readTree(r.body());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(events).extracting(e -> e.get("event_action").asText())
                .containsExactly("trigger", "trigger", "acknowledge", "resolve");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("dedup_key").asText()).isEqualTo("camfleet-SITE_OFFLINE-LIS-01-42");
            assertThat(e.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
        });
        JsonNode payload = events.get(1).get("payload");
        assertThat(payload.get("severity").asText()).isEqualTo("critical");
        assertThat(payload.get("source").asText()).isEqualTo("LIS-01");
        assertThat(payload.get("summary").asText()).startsWith("Site Lisbon Docks is dark");
        assertThat(payload.get("timestamp").asText()).isEqualTo("2026-12-06T06:00:00Z");
        assertThat(payload.get("custom_details").get("alertId").asLong()).isEqualTo(42);
        assertThat(events.get(2).get("payload").get("custom_details").get("by").asText()).isEqualTo("alice");
        assertThat(receiver.received()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/v2/enqueue"));
    }

    @Test
    void aRouteTakesOnlyAlertsAtLeastAsSevereAsItsMinimum() throws Exception {
        AlertRoute criticalOnly = new AlertRoute("Pager", RouteKind.WEBHOOK, receiver.url("/pager"),
                SecretSource.NONE, AlertSeverity.CRITICAL, true);
        delivery(Map.of()).use(List.of(criticalOnly, webhook()));
        AlertNotice warning = new AlertNotice(7, "camfleet-CAMERA_DEGRADED-C1-7", AlertKind.CAMERA_DEGRADED,
                AlertSeverity.WARNING, "C1", "LIS-01", "Camera C1 degraded for 31 min", AlertStatus.RAISED,
                Instant.parse("2026-12-06T06:00:00Z"), "", "");

        delivery.send(warning);

        awaitTold(x -> x.state() == DeliveryState.DELIVERED);
        Thread.sleep(300);
        assertThat(receiver.received()).extracting(LoopbackReceiver.Received::path).containsExactly("/hook");
        assertThat(delivery.latest("Pager")).isEmpty();
    }

    @Test
    void slackGetsAShortMrkdwnLineAndItsSecretUrlIsNeitherLoggedNorStored() throws Exception {
        String slackUrl = receiver.url(SLACK_SECRET_PATH);
        AlertRoute slack = new AlertRoute("NOC Slack", RouteKind.SLACK, "", SecretSource.env("CAMFLEET_SLACK_URL"),
                AlertSeverity.WARNING, true);
        receiver.then(Answer.status(500, "echo " + slackUrl)); // a receiver that repeats the URL back
        delivery(Map.of("CAMFLEET_SLACK_URL", slackUrl)).use(List.of(slack));

        delivery.send(notice(AlertStatus.ACKNOWLEDGED, "alice", "on it <now> & then"));

        Delivery d = awaitTold(x -> x.state() == DeliveryState.DELIVERED);
        LoopbackReceiver.Received r = receiver.received().get(1);
        assertThat(r.path()).isEqualTo(SLACK_SECRET_PATH);
        String text = new ObjectMapper().readTree(r.body()).get("text").asText();
        assertThat(text).isEqualTo(":red_circle: *Acknowledged* (critical): Site Lisbon Docks is dark: 8 of 8 cameras"
                + " offline for 6 min\n_6 Dec 06:00 UTC \u00b7 alice \u00b7 on it &lt;now&gt; &amp; then_");

        String logged = String.join("\n", log.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(logged).contains("NOC Slack").doesNotContain("XXXXsecretXXXX");
        assertThat(delivery.attempts(d.id())).allSatisfy(a -> assertThat(a.detail()).doesNotContain("XXXXsecretXXXX"));
        assertThat(delivery.attempts(d.id()).get(0).detail()).contains("[redacted]");
    }

    @Test
    void aMissingSecretIsAClearSentenceAndNothingIsSent() throws Exception {
        AlertRoute pd = new AlertRoute("On-call", RouteKind.PAGERDUTY, receiver.url("/v2/enqueue"),
                SecretSource.env("CAMFLEET_PD_KEY"), AlertSeverity.WARNING, true);
        delivery(Map.of()).use(List.of(pd));

        assertThat(delivery.check(pd)).get().extracting(M::text).isEqualTo("The route On-call cannot send: the"
                + " environment variable CAMFLEET_PD_KEY is not set in the console's environment. Set it and restart"
                + " the console.");
        delivery.send(notice(AlertStatus.RAISED, "", ""));

        Delivery failed = awaitTold(x -> x.state() == DeliveryState.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.detail()).contains("CAMFLEET_PD_KEY is not set");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void sendingATestReachesTheReceiverAndBecomesTheRoutesLatestDelivery() throws Exception {
        delivery(Map.of()).use(List.of(webhook()));

        Delivery d = delivery.test(webhook(), "alice");

        assertThat(d.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(d.test()).isTrue();
        JsonNode body = new ObjectMapper().readTree(receiver.next(5).body());
        assertThat(body.get("test").asBoolean()).isTrue();
        assertThat(body.get("summary").asText()).isEqualTo("Test from CamFleet Console: the route NOC hook works.");
        assertThat(delivery.latest("NOC hook")).contains(d);
    }

    @Test
    void aDeliveryPendingWhenTheConsoleStopsIsSentByTheNextOneNoSoonerThanItWasDue() throws Exception {
        // Refused with a 2 s Retry-After: the console stops while the delivery waits for its next attempt.
        receiver.then(Answer.tooMany(2));
        delivery(Map.of()).use(List.of(webhook()));
        delivery.send(notice(AlertStatus.RAISED, "", ""));
        awaitTold(x -> x.attempts() == 1);
        delivery.close();
        delivery = null;
        db.close();
        assertThat(receiver.received()).hasSize(1);

        db = CacheDatabase.open(dir, Clock.systemUTC());
        told.clear();
        delivery(Map.of()).use(List.of(webhook()));

        Delivery d = awaitTold(x -> x.state() == DeliveryState.DELIVERED);
        assertThat(d.attempts()).isEqualTo(2);
        List<LoopbackReceiver.Received> got = receiver.received();
        assertThat(got).hasSize(2);
        assertThat(Duration.between(got.get(0).at(), got.get(1).at())).as("the wait was kept across the restart")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_990));
    }

    @Test
    void aStepSentWhileTheDeliveriesCloseIsKeptForTheNextConsole() throws Exception {
        delivery(Map.of()).use(List.of(webhook()));
        delivery.close();

        delivery.send(notice(AlertStatus.RESOLVED, "", ""));
        assertThat(receiver.next(1)).as("not sent by a closed console").isNull();
        delivery = null;
        db.close();

        db = CacheDatabase.open(dir, Clock.systemUTC());
        delivery(Map.of()).use(List.of(webhook()));
        Delivery d = awaitTold(x -> x.state() == DeliveryState.DELIVERED);
        assertThat(d.notice().status()).isEqualTo(AlertStatus.RESOLVED);
    }

    @Test
    void switchingARouteOffGivesUpWhatIsPendingForItSayingWhy() throws Exception {
        receiver.then(Answer.tooMany(30));
        delivery(Map.of()).use(List.of(webhook()));
        delivery.send(notice(AlertStatus.RAISED, "", ""));
        awaitTold(x -> x.attempts() == 1);

        delivery.use(List.of(webhook().withEnabled(false)));

        Delivery d = awaitTold(x -> x.state() == DeliveryState.FAILED);
        assertThat(d.detail()).isEqualTo("Not sent: the route was switched off in Settings.");
    }
}
