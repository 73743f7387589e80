package io.camfleet.console.app;

import io.camfleet.console.adapter.webhook.LoopbackReceiver;
import io.camfleet.console.adapter.webhook.LoopbackReceiver.Answer;
import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.DeliveryState;
import io.camfleet.console.service.alerts.AlertRoute;
import io.camfleet.console.service.alerts.AlertRoutes;
import io.camfleet.console.service.alerts.AlertRoutesSettings;
import io.camfleet.console.service.alerts.Delivery;
import io.camfleet.console.service.alerts.RouteKind;
import io.camfleet.console.service.alerts.SecretSource;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A delivery under way when its console is killed (kill -9) is sent by the next console on the folder. */
class AlertDeliveryCrashTest {

    @TempDir
    Path dir;

    @Test
    void aDeliveryPendingAtAKillIsDeliveredAfterTheRestart() throws Exception {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("data"));
        try (LoopbackReceiver receiver = new LoopbackReceiver()) {
            // The first attempt finds a receiver that does not answer: the console is killed in the middle of it.
            receiver.then(Answer.slow(Duration.ofSeconds(60)));
            SettingsFile.in(folder).write(AlertRoutesSettings.SECTION, AlertRoutesSettings.DEFAULT.withRoutes(List.of(
                    new AlertRoute("NOC hook", RouteKind.WEBHOOK, receiver.url("/hook"), SecretSource.NONE,
                            AlertSeverity.WARNING, true))));

            try (ConsoleProcess child = ConsoleProcess.start(PendingAlertChild.class.getName(), dir.resolve("home"),
                    Map.of(), folder.toString())) {
                child.await("queued"::equals, 60);
                assertThat(receiver.next(30)).as("the first attempt reached the receiver").isNotNull();
                child.kill();
            }

            ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), Map.of(), dir.resolve("home").toString(),
                    new Operator("noc", ""), new Messages(Locale.ENGLISH));
            try (var session = runtime.open(folder)) {
                AlertRoutes routes = session.part(AlertRoutes.class);
                // The killed console's claim runs out (its timeouts and a margin: 25 s), then this one sends it.
                LoopbackReceiver.Received again = receiver.next(60);
                assertThat(again).as("the pending delivery was sent again after the restart").isNotNull();
                assertThat(again.body()).contains("\"dedupKey\":\"camfleet-SITE_OFFLINE-LIS-01-77\"",
                        "\"status\":\"RAISED\"");
                Delivery d = awaitDelivered(routes);
                assertThat(d.notice().alertId()).isEqualTo(77);
                assertThat(routes.delivery().attempts(d.id())).extracting(a -> a.status()).containsExactly(200);
            }
        }
    }

    private static Delivery awaitDelivered(AlertRoutes routes) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var d = routes.delivery().latest("NOC hook");
            if (d.isPresent() && d.get().state() == DeliveryState.DELIVERED) {
                return d.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not delivered: " + routes.delivery().latest("NOC hook"));
    }
}
