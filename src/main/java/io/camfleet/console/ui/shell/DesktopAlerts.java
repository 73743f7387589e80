package io.camfleet.console.ui.shell;

import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.service.alerts.AlertDelivery;
import io.camfleet.console.service.alerts.AlertNotice;
import io.camfleet.console.service.alerts.AlertRoutesSettings;
import io.camfleet.console.service.common.Messages;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Alerts on this desktop: a notification in the window's corner for each critical alert raised (a click opens its site on the
 * map, or the alerts), and for a wall screen a sound, as Settings › Alert routes say. An {@link AlertDelivery} like
 * the routes: {@link #send} is called from any thread and hands the notification to the FX thread.
 */
public final class DesktopAlerts implements AlertDelivery {

    /** How long a burst is counted over: about as long as a notification shows. */
    private static final Duration BURST = Duration.seconds(12);
    /**
     * Notifications shown one by one within {@link #BURST}; more (an outage darkening many sites at once) are counted
     * on one notification that opens the alerts, instead of a column of them over the window.
     */
    static final int AT_ONCE = 3;

    private final Messages m;
    private final ShellViewModel shell;
    private final Supplier<AlertRoutesSettings> options;
    private final Consumer<AlertNotice> open;
    private final Runnable openAlerts;
    private final AlertTone tone;
    /** FX thread only: when each notification of the last {@link #BURST} appeared, and how many wait to be counted. */
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private int more;
    private final PauseTransition moreLater = new PauseTransition(Duration.seconds(2));

    /**
     * @param options    the desktop options in force (notification, sound)
     * @param open       what a click on an alert's notification does; called on the FX thread
     * @param openAlerts what a click on the notification counting many alerts does
     */
    public DesktopAlerts(Messages messages, ShellViewModel shell, Supplier<AlertRoutesSettings> options,
                         Consumer<AlertNotice> open, Runnable openAlerts, AlertTone tone) {
        this.m = messages;
        this.shell = shell;
        this.options = options;
        this.open = open;
        this.openAlerts = openAlerts;
        this.tone = tone;
        moreLater.setOnFinished(e -> showMore());
    }

    @Override
    public void send(AlertNotice notice) {
        if (notice.status() != AlertStatus.RAISED) {
            return; // acknowledging and resolving are done in the console; nobody needs to be woken for them
        }
        if (notice.severity() != AlertSeverity.CRITICAL) {
            // A warning (a degraded camera, a slow burn) waits in the alerts list and the badge: a fleet of thousands
            // always has some, and popping each up would bury the dark site among them.
            return;
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
        long now = System.nanoTime();
        while (!recent.isEmpty() && now - recent.peekFirst() > BURST.toMillis() * 1_000_000) {
            recent.removeFirst();
        }
        if (recent.size() >= AT_ONCE) {
            more++;
            moreLater.playFromStart();
            return;
        }
        recent.addLast(now);
        shell.toast(new Toast(n.severity() == AlertSeverity.CRITICAL ? Banner.Kind.DANGER : Banner.Kind.WARNING,
                m.text("notification.alert.title", m.text("alertRoutes.severity.name." + n.severity().name())),
                n.summary() + "\n" + m.text(n.siteId().isEmpty() ? "notification.alert.openAlerts"
                        : "notification.alert.open"), () -> open.accept(n)));
    }

    /** One notification for the alerts that came too close together to be shown one by one. */
    private void showMore() {
        int n = more;
        more = 0;
        if (n > 0) {
            shell.toast(new Toast(Banner.Kind.DANGER, m.text("notification.alert.more.title", n),
                    m.text("notification.alert.openAlerts"), openAlerts));
        }
    }

    @Override
    public String toString() {
        return "the desktop notification";
    }
}
