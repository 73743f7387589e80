package io.camfleet.console.app.features;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.domain.alerts.DeliveryBackoff;
import io.camfleet.console.domain.alerts.DeliveryState;
import io.camfleet.console.service.alerts.AlertNotice;
import io.camfleet.console.service.alerts.Delivery;
import io.camfleet.console.service.alerts.DeliveryAttempt;
import io.camfleet.console.service.alerts.DeliveryLog;
import io.camfleet.console.service.alerts.RoutedDelivery;
import io.camfleet.console.service.alerts.RouteSender;
import io.camfleet.console.service.alerts.SendResult;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.SettingsSection;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.ui.shell.Banner;
import io.camfleet.console.ui.shell.ShellViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery given up on while no window was open (a detached console, an earlier run) is not lost: the window shows
 * it as a banner once it opens, route by route, unless the route has delivered since.
 */
class DeliveryBannersTest {

    private static final Instant T0 = Instant.parse("2026-12-06T06:00:00Z");
    private static final Messages M = new Messages(Locale.ENGLISH);

    @TempDir
    Path dir;

    private static AlertNotice notice(long alert, String summary) {
        return new AlertNotice(alert, "camfleet-SITE_OFFLINE-LIS-01-" + alert, AlertKind.SITE_OFFLINE,
                AlertSeverity.CRITICAL, "LIS-01", "LIS-01", summary, AlertStatus.RAISED, T0, "", "");
    }

    private static Delivery ended(DeliveryLog log, String route, AlertNotice notice, Instant at, DeliveryState state,
                                  String detail) {
        Delivery d = log.queue(route, notice, at);
        SendResult.Outcome outcome = state == DeliveryState.DELIVERED ? SendResult.Outcome.DELIVERED
                : SendResult.Outcome.REFUSED;
        return log.attempted(d.id(), new DeliveryAttempt(1, at, outcome, state == DeliveryState.DELIVERED ? 200 : 400,
                12, detail), state, at);
    }

    /** Settings in memory: the shell needs a store, and this test saves nothing. */
    private static final SettingsStore NO_FILE = new SettingsStore() {
        @Override
        public Settings read() {
            return Settings.DEFAULTS;
        }

        @Override
        public <T> void write(SettingsSection<T> section, T value) {
        }

        @Override
        public <T> void remember(SettingsSection<T> section, T value) {
        }
    };

    @Test
    void aDeliveryGivenUpInAnEarlierRunIsABannerWhenTheWindowOpensUnlessItsRouteDeliveredSince() {
        try (CacheDatabase db = CacheDatabase.open(dir, Clock.systemUTC())) {
            DeliveryLog log = db.deliveries();
            ended(log, "NOC hook", notice(1, "Site Lisbon Docks is dark"), T0, DeliveryState.FAILED,
                    "The receiver refused it: HTTP 400.");
            ended(log, "Slack", notice(1, "Site Lisbon Docks is dark"), T0, DeliveryState.FAILED,
                    "The receiver refused it: HTTP 404.");
            ended(log, "Slack", notice(2, "Site Porto Yard is dark"), T0.plusSeconds(60), DeliveryState.DELIVERED,
                    "Delivered.");
            log.recorded("On-call", notice(RoutedDelivery.TEST_ALERT, "Test"), new DeliveryAttempt(1, T0,
                    SendResult.Outcome.REFUSED, 401, 9, "The key was refused."), DeliveryState.FAILED);
            RouteSender nothingSent = new RouteSender() {
                @Override
                public SendResult send(io.camfleet.console.service.alerts.AlertRoute route, AlertNotice notice) {
                    throw new AssertionError("opening the window sends nothing");
                }

                @Override
                public Optional<io.camfleet.console.service.common.Problem> check(
                        io.camfleet.console.service.alerts.AlertRoute route) {
                    return Optional.empty();
                }
            };
            try (RoutedDelivery delivery = new RoutedDelivery(log, nothingSent, Clock.systemUTC(),
                    DeliveryBackoff.DEFAULT, Duration.ofSeconds(1), Duration.ofSeconds(20), () -> 0.5, M)) {

                List<Delivery> failed = DeliveryBanners.failedSinceLastRun(delivery);

                assertThat(failed).as("Slack delivered since; a failed test shows in Settings, not here")
                        .extracting(Delivery::route).containsExactly("NOC hook");
                ShellViewModel shell = new ShellViewModel(NO_FILE, NO_FILE.read());
                new DeliveryBanners(shell, delivery, M, ZoneOffset.UTC).show(failed);
                assertThat(shell.banners()).singleElement().satisfies(b -> {
                    assertThat(b.kind()).isEqualTo(Banner.Kind.DANGER);
                    assertThat(b.title()).isEqualTo("An alert did not reach NOC hook");
                    assertThat(b.text()).contains("Site Lisbon Docks is dark", "6 Dec 06:00",
                            "The receiver refused it: HTTP 400.");
                });
            }
        }
    }
}
