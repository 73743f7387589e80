package io.camfleet.console.service.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one {@link AlertDelivery} the alert service sends to: it hands each notice to the routes out of the console and
 * to whatever else listens in this process (the window's desktop notification, once a window shows). Each of them
 * only queues, so one slow receiver never holds up another.
 */
public final class AlertFanOut implements AlertDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFanOut.class);

    private final List<AlertDelivery> to = new CopyOnWriteArrayList<>();

    public AlertFanOut(AlertDelivery... deliveries) {
        to.addAll(List.of(deliveries));
    }

    /** Adds {@code delivery}; the returned handle removes it again (a window that closes). */
    public AutoCloseable add(AlertDelivery delivery) {
        to.add(delivery);
        return () -> to.remove(delivery);
    }

    @Override
    public void send(AlertNotice notice) {
        for (AlertDelivery d : to) {
            try {
                d.send(notice);
            } catch (RuntimeException e) {
                // One way out failing must not keep the notice from the others.
                LOG.error("Alert {} {} could not be handed to {}", notice.dedupKey(), notice.status(), d, e);
            }
        }
    }
}
