package io.camfleet.console.app.features;

import io.camfleet.console.adapter.webhook.HttpRouteSender;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.domain.alerts.DeliveryBackoff;
import io.camfleet.console.service.alerts.AlertDelivery;
import io.camfleet.console.service.alerts.AlertFanOut;
import io.camfleet.console.service.alerts.AlertNotice;
import io.camfleet.console.service.alerts.AlertRoutes;
import io.camfleet.console.service.alerts.AlertRoutesSettings;
import io.camfleet.console.service.alerts.Delivery;
import io.camfleet.console.service.alerts.RoutedDelivery;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.settings.AlertRoutesTab;
import io.camfleet.console.ui.settings.AlertRoutesViewModel;
import io.camfleet.console.ui.shell.AlertTone;
import io.camfleet.console.ui.shell.DesktopAlerts;
import io.camfleet.console.ui.shell.ScreenRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How alerts reach people: the routes out of the console (webhook, Slack, PagerDuty) with their delivery log, and in
 * the window a desktop notification and sound for each raised alert. It hands the alert service one
 * {@link AlertDelivery} (a fan-out to both) as a part of the data folder.
 */
public final class AlertRoutesFeature implements Feature {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** How often an idle route looks for what another console (a command) queued. */
    static final Duration POLL = Duration.ofSeconds(2);

    private final Map<String, String> env;
    private final Messages messages;

    /** @param env the console's environment: where routes may keep their secrets */
    public AlertRoutesFeature(Map<String, String> env, Messages messages) {
        this.env = env;
        this.messages = messages;
    }

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var settings = SettingsFile.in(folder.folder().path());
        // Real time, whatever clock the folder runs on: the waits between attempts are waits on the wire.
        Lazy<AlertRoutes> routes = new Lazy<>(() -> new AlertRoutes(settings, new RoutedDelivery(
                folder.database().deliveries(), new HttpRouteSender(HttpRouteSender.client(CONNECT_TIMEOUT),
                RESPONSE_TIMEOUT, env, messages), Clock.systemUTC(), DeliveryBackoff.DEFAULT, POLL,
                CONNECT_TIMEOUT.plus(RESPONSE_TIMEOUT).plusSeconds(10), () -> ThreadLocalRandom.current().nextDouble(),
                messages)));
        AlertFanOut fanOut = new AlertFanOut(new AlertDelivery() {
            @Override
            public void send(AlertNotice notice) {
                routes.get().delivery().send(notice);
            }

            @Override
            public String toString() {
                return "the alert routes";
            }
        });
        parts.add(AlertDelivery.class, () -> fanOut)
                .add(AlertFanOut.class, () -> fanOut)
                .add(AlertRoutes.class, routes)
                .onClose(() -> routes.ifBuilt(r -> r.delivery().close()));
    }

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        w.settingsTab(() -> new AlertRoutesTab(new AlertRoutesViewModel(w.session().part(AlertRoutes.class),
                w.tasks(), w.messages(), w.zone(), System.getProperty("user.name", "")), w.messages()).tab());
    }

    @Override
    public void opened(WindowContext w, ConsoleBackend.Session session) {
        // The desktop listens at once; the routes (settings file, delivery log) are opened off the FX thread, which
        // also takes up what was pending at the last exit.
        AtomicReference<AlertRoutes> opened = new AtomicReference<>();
        AlertTone tone = new AlertTone();
        DesktopAlerts desktop = new DesktopAlerts(w.messages(), w.shell(), () -> opened.get() == null
                ? AlertRoutesSettings.DEFAULT : opened.get().inUse(), notice -> open(w, notice),
                () -> w.shell().show(AlertsFeature.ALERTS), tone);
        AutoCloseable added = session.part(AlertFanOut.class).add(desktop);
        w.onClose(() -> {
            try {
                added.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            tone.close();
        });
        w.tasks().job(w.messages().text("settings.tab.alertRoutes"), p -> {
            AlertRoutes routes = session.part(AlertRoutes.class);
            return new Opened(routes, DeliveryBanners.failedSinceLastRun(routes.delivery()));
        }).quiet().onSuccess(o -> {
            opened.set(o.routes());
            new DeliveryBanners(w.shell(), o.routes().delivery(), w.messages(), w.zone()).show(o.failed());
        }).start();
    }

    private record Opened(AlertRoutes routes, List<Delivery> failed) {
    }

    /** A click on a notification: the site on the map when the alert has one, else the alerts. */
    private static void open(WindowContext w, AlertNotice notice) {
        if (!notice.siteId().isEmpty() && w.fleet().snapshot().site(notice.siteId()) != null) {
            w.fleet().showOnMap(notice.siteId());
            w.shell().show(MapFeature.MAP);
        } else {
            w.shell().show(AlertsFeature.ALERTS);
        }
    }
}
