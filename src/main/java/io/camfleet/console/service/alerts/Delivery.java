package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.DeliveryState;

import java.time.Instant;

/**
 * One notice on its way to one route, as the delivery log keeps it.
 *
 * @param attempts how many attempts were made so far
 * @param nextAt   when the next attempt is due (PENDING), else when it ended
 * @param status   the receiver's HTTP status at the last attempt, or 0
 * @param detail   what the last attempt came to, in one sentence; empty before the first
 */
public record Delivery(long id, String route, AlertNotice notice, DeliveryState state, int attempts,
                       Instant queuedAt, Instant nextAt, int status, String detail) {

    public boolean test() {
        return notice.alertId() == RoutedDelivery.TEST_ALERT;
    }
}
