package io.camfleet.console.service.alerts;

import io.camfleet.console.service.common.Problem;

import java.util.Optional;

/**
 * Port: one attempt at handing a notice to a route's receiver (webhook, Slack, PagerDuty), bounded in time. What to
 * do after a failure (wait, try again, give up) is {@link RoutedDelivery}'s.
 */
public interface RouteSender {

    /** Sends {@code notice} once; never throws for what the receiver or the network did, and never hangs. */
    SendResult send(AlertRoute route, AlertNotice notice);

    /** Why the route cannot send right now (its secret is missing or unreadable), or empty when it can. */
    Optional<Problem> check(AlertRoute route);
}
