package io.camfleet.console.app;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.service.alerts.AlertDelivery;
import io.camfleet.console.service.alerts.AlertNotice;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * A console that opens the data folder {@code args[0]} as the window does, hands one alert notice to the folder's
 * {@link AlertDelivery} (the routes of its settings), says "queued", and runs on until it is killed.
 */
public final class PendingAlertChild {

    private PendingAlertChild() {
    }

    public static void main(String[] args) throws Exception {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), System.getenv(),
                System.getProperty("user.home"), new Operator("noc", ""), new Messages(Locale.ENGLISH));
        var session = runtime.open(Path.of(args[0]));
        session.part(AlertDelivery.class).send(new AlertNotice(77, "camfleet-SITE_OFFLINE-LIS-01-77",
                AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, "LIS-01", "LIS-01", "Site Lisbon Docks is dark",
                AlertStatus.RAISED, Instant.parse("2026-12-06T06:00:00Z"), "", ""));
        System.out.println("queued");
        Thread.sleep(Long.MAX_VALUE);
    }
}
