package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.domain.alerts.DeliveryState;
import io.camfleet.console.service.alerts.AlertNotice;
import io.camfleet.console.service.alerts.Delivery;
import io.camfleet.console.service.alerts.DeliveryAttempt;
import io.camfleet.console.service.alerts.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class JdbcDeliveryLogTest {

    private static final Instant T0 = Instant.parse("2026-12-06T06:00:00Z");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcDeliveryLog log;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        log = new JdbcDeliveryLog(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static AlertNotice notice(long id, AlertStatus status) {
        return new AlertNotice(id, "camfleet-SITE_OFFLINE-LIS-01-" + id, AlertKind.SITE_OFFLINE,
                AlertSeverity.CRITICAL, "LIS-01", "LIS-01", "Site Lisbon Docks is dark", status, T0, "alice",
                "x".repeat(2500));
    }

    @Test
    void aQueuedNoticeComesBackWholeAndEachRouteTakesItsOwnOldestFirst() {
        Delivery first = log.queue("NOC", notice(1, AlertStatus.RAISED), T0);
        log.queue("NOC", notice(1, AlertStatus.RESOLVED), T0.plusSeconds(1));
        log.queue("Pager", notice(2, AlertStatus.RAISED), T0.plusSeconds(2));

        assertThat(log.head("NOC")).contains(first);
        AlertNotice sent = notice(1, AlertStatus.RAISED);
        // A note longer than the column's 2,000 characters is cut, visibly, rather than refused.
        assertThat(first.notice()).isEqualTo(new AlertNotice(sent.alertId(), sent.dedupKey(), sent.kind(),
                sent.severity(), sent.subject(), sent.siteId(), sent.summary(), sent.status(), sent.at(), sent.by(),
                "x".repeat(1999) + "\u2026"));
        assertThat(first.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(first.attempts()).isZero();
        assertThat(first.nextAt()).isEqualTo(T0);
        assertThat(log.head("Pager")).get().extracting(d -> d.notice().alertId()).isEqualTo(2L);
        assertThat(log.recent(10)).extracting(Delivery::route).containsExactly("Pager", "NOC", "NOC");
    }

    @Test
    void oneConsoleHoldsAClaimUntilItRunsOutOrTheAttemptIsRecorded() {
        Delivery d = log.queue("NOC", notice(1, AlertStatus.RAISED), T0);

        assertThat(log.claim(d.id(), "window", T0.plusSeconds(30), T0)).isTrue();
        assertThat(log.claim(d.id(), "cli", T0.plusSeconds(40), T0.plusSeconds(10))).isFalse();
        // The window crashed: its claim runs out, and another console may take the delivery.
        assertThat(log.claim(d.id(), "cli", T0.plusSeconds(70), T0.plusSeconds(31))).isTrue();

        Delivery after = log.attempted(d.id(), new DeliveryAttempt(1, T0.plusSeconds(32), SendResult.Outcome.RETRY,
                500, 120, "HTTP 500 from the receiver"), DeliveryState.PENDING, T0.plusSeconds(40));
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.nextAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(after.status()).isEqualTo(500);
        // Recording the attempt let go of the claim.
        assertThat(log.claim(d.id(), "window", T0.plusSeconds(80), T0.plusSeconds(33))).isTrue();
        log.attempted(d.id(), new DeliveryAttempt(2, T0.plusSeconds(41), SendResult.Outcome.DELIVERED, 202, 30,
                "HTTP 202 from the receiver"), DeliveryState.DELIVERED, T0.plusSeconds(41));
        assertThat(log.head("NOC")).isEmpty();
        assertThat(log.claim(d.id(), "cli", T0.plusSeconds(99), T0.plusSeconds(90))).as("a delivered one stays so")
                .isFalse();
        assertThat(log.attempts(d.id())).extracting(DeliveryAttempt::status).containsExactly(500, 202);
    }

    @Test
    void givingUpARouteFailsOnlyItsPendingDeliveriesAndSaysWhy() {
        Delivery done = log.recorded("NOC", notice(1, AlertStatus.RAISED), new DeliveryAttempt(1, T0,
                SendResult.Outcome.DELIVERED, 200, 10, "HTTP 200"), DeliveryState.DELIVERED);
        log.queue("NOC", notice(2, AlertStatus.RAISED), T0);
        log.queue("Pager", notice(3, AlertStatus.RAISED), T0);

        assertThat(log.giveUp("NOC", "Not sent: the route was switched off in Settings.", T0)).isEqualTo(1);

        assertThat(log.find(done.id())).get().extracting(Delivery::state).isEqualTo(DeliveryState.DELIVERED);
        assertThat(log.latest("NOC")).get().satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.detail()).isEqualTo("Not sent: the route was switched off in Settings.");
        });
        assertThat(log.head("Pager")).isPresent();
    }

    @Test
    void whatWasQueuedSurvivesClosingTheDatabase() {
        Delivery d = log.queue("NOC", notice(1, AlertStatus.RAISED), T0);
        db.close();

        db = engine.open(dir);
        log = new JdbcDeliveryLog(db.dataSource());

        assertThat(log.head("NOC")).contains(d);
    }
}
