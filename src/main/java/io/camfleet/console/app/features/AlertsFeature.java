package io.camfleet.console.app.features;

import io.camfleet.console.cli.AlertsCommand;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.service.alerts.AlertDelivery;
import io.camfleet.console.service.alerts.AlertService;
import io.camfleet.console.service.alerts.AlertSettings;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.RolloutService;
import io.camfleet.console.service.settings.Settings;

import io.camfleet.console.ui.alerts.AlertsView;
import io.camfleet.console.ui.alerts.AlertsViewModel;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ScreenRegistry;
import javafx.beans.property.IntegerProperty;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Alerts: raised from the fleet's news, the rollouts run here and the health history, kept in the cache, delivered
 * through whatever {@link AlertDelivery} another feature adds (the routes of Settings), shown in their screen with a
 * badge in the navigation, and worked from {@code camfleet alerts}.
 */
public final class AlertsFeature implements Feature {

    public static final Screen ALERTS = new Screen("ALERTS", Material2MZ.NOTIFICATIONS_ACTIVE);

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var settings = SettingsFile.in(folder.folder().path());
        var delivery = parts.reference(AlertDelivery.class);
        // Judged every few seconds: the settings file is read again at most every 10 s, so a change in Settings
        // applies within that, and the file is not parsed at each snapshot.
        Supplier<Settings> current = Recent.of(settings::read, Duration.ofSeconds(10));
        Lazy<AlertService> alerts = new Lazy<>(() -> new AlertService(folder.database().alerts(),
                notice -> delivery.get().orElse(AlertDelivery.NONE).send(notice), folder.audit(), folder.clock(),
                () -> current.get().get(AlertSettings.SECTION),
                () -> current.get().get(AvailabilitySettings.SECTION).rule(), new Messages(Locale.ROOT)));
        parts.add(AlertService.class, alerts).onClose(() -> alerts.ifBuilt(AlertService::close));
    }

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        screens.add(ALERTS, () -> new AlertsView(new AlertsViewModel(w.session().part(AlertService.class), w.tasks(),
                w.messages(), siteId -> {
                    w.fleet().showOnMap(siteId);
                    w.shell().show(MapFeature.MAP);
                }, w.ticketFromAlert()), w.messages(), w.zone()));
    }

    /**
     * The window judges what happens while it is open: the fleet it watches, its rollouts, the burn rates; and counts
     * the alerts nobody took on yet on the navigation's badge.
     */
    @Override
    public void opened(WindowContext w, ConsoleBackend.Session session) {
        AlertService alerts = session.part(AlertService.class);
        alerts.watch(w.watch());
        session.find(RolloutService.class).ifPresent(alerts::watch);
        session.find(AvailabilityFigures.class).ifPresent(alerts::burnRatesFrom);
        IntegerProperty badge = w.shell().badgeProperty(ALERTS);
        Runnable count = () -> w.tasks().job(w.messages().text("alerts.task.badge"), p -> alerts.needingSomeone())
                .quiet().onSuccess(badge::set).start();
        alerts.onChange(w.tasks().debounce(Duration.ofMillis(300), count));
        count.run();
        alerts.startTicking();
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new AlertsCommand(m));
    }
}
