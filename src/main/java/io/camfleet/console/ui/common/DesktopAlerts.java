package io.camfleet.console.ui.common;

import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.service.alerts.AlertDelivery;
import io.camfleet.console.service.alerts.AlertNotice;
import io.camfleet.console.service.alerts.AlertRoutesSettings;
import io.camfleet.console.service.common.Messages;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Alerts on this desktop: a notification in the corner of the window for each raised alert (a click opens its site on
 * the map, or the alerts), and for a wall screen a sound, as Settings › Alert routes say. An {@link AlertDelivery}
 * like the routes: {@link #send} is called from any thread and hands the notification to the FX thread.
 */
public final class DesktopAlerts implements AlertDelivery {

    /** How long a notification stays; the alert itself stays in the alerts list. */
    private static final Duration SHOWN = Duration.seconds(12);

    private final Messages m;
    private final Supplier<AlertRoutesSettings> options;
    private final Consumer<AlertNotice> open;
    private final AlertTone tone;

    /**
     * @param options the desktop options in force (notification, sound)
     * @param open    what a click on a notification does; called on the FX thread
     */
    public DesktopAlerts(Messages messages, Supplier<AlertRoutesSettings> options, Consumer<AlertNotice> open,
                         AlertTone tone) {
        this.m = messages;
        this.options = options;
        this.open = open;
        this.tone = tone;
    }

    @Override
    public void send(AlertNotice notice) {
        if (notice.status() != AlertStatus.RAISED) {
            return; // acknowledging and resolving are done in the console; nobody needs to be woken for them
        }
        AlertRoutesSettings o = options.get();
        if (o.sound()) {
            tone.play();
        }
        if (o.notification()) {
            Platform.runLater(() -> show(notice));
        }
    }

    private void show(AlertNotice n) {
        boolean critical = n.severity() == AlertSeverity.CRITICAL;
        FontIcon icon = new FontIcon(critical ? Material2AL.ERROR : Material2MZ.WARNING);
        icon.setIconSize(28);
        icon.getStyleClass().add(critical ? "danger" : "warning");
        Notifications.create()
                .title(m.text("notification.alert.title", m.text("alertRoutes.severity.name." + n.severity().name())))
                .text(n.summary() + "\n" + m.text(n.siteId().isEmpty() ? "notification.alert.openAlerts"
                        : "notification.alert.open"))
                .graphic(icon)
                .position(Pos.TOP_RIGHT)
                .hideAfter(SHOWN)
                .onAction(e -> open.accept(n))
                .show();
    }

    @Override
    public String toString() {
        return "the desktop notification";
    }
}
