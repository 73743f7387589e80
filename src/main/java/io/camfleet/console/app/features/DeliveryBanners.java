package io.camfleet.console.app.features;

import io.camfleet.console.domain.alerts.DeliveryState;
import io.camfleet.console.service.alerts.Delivery;
import io.camfleet.console.service.alerts.RoutedDelivery;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.shell.Banner;
import io.camfleet.console.ui.shell.ShellViewModel;
import javafx.application.Platform;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An alert that could not be delivered says so across the top of the window, route by route, until the operator
 * dismisses it or the route delivers again: a failed delivery is never lost silently.
 */
final class DeliveryBanners {

    /** Deliveries looked at when the window opens, for the routes whose latest one failed. */
    private static final int LOOK_BACK = 200;

    private final ShellViewModel shell;
    private final Messages m;
    private final DateTimeFormatter time;

    DeliveryBanners(ShellViewModel shell, RoutedDelivery delivery, Messages messages, ZoneId zone) {
        this.shell = shell;
        this.m = messages;
        this.time = DateTimeFormatter.ofPattern("d MMM HH:mm", messages.locale()).withZone(zone);
        delivery.onDelivery(d -> Platform.runLater(() -> show(d)));
    }

    /**
     * The latest delivery of each route that failed, from earlier runs or other consoles: to be shown once the window
     * opens. Reads the delivery log: off the FX thread.
     */
    static List<Delivery> failedSinceLastRun(RoutedDelivery delivery) {
        Set<String> seen = new HashSet<>();
        List<Delivery> failed = new ArrayList<>();
        for (Delivery d : delivery.recent(LOOK_BACK)) {
            if (!d.test() && seen.add(d.route()) && d.state() == DeliveryState.FAILED) {
                failed.add(d);
            }
        }
        return failed;
    }

    /** Shows each of {@code failed}. FX thread. */
    void show(List<Delivery> failed) {
        failed.forEach(this::show);
    }

    private void show(Delivery d) {
        if (d.test()) {
            return; // a test's outcome shows in Settings, where it was sent
        }
        String topic = "alert-route:" + d.route();
        if (d.state() == DeliveryState.DELIVERED) {
            shell.clearBanner(topic);
        } else if (d.state() == DeliveryState.FAILED) {
            shell.addBanner(new Banner(Banner.Kind.DANGER, m.text("banner.alertDelivery.title", d.route()),
                    m.text("banner.alertDelivery", m.text("alertRoutes.slack."
                            + d.notice().status().name().toLowerCase(java.util.Locale.ROOT)) + " \u00b7 "
                            + d.notice().summary(), time.format(d.nextAt()), d.route(), d.attempts(),
                            d.detail().endsWith(".") ? d.detail() : d.detail() + "."),
                    topic, "", null));
        }
    }
}
