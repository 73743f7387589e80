package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.DeliveryState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the deliveries of alert notices to routes, and every attempt, kept in the console's database so that a
 * delivery pending when the console stops or crashes is taken up again at the next start, and a failed one stays
 * shown. Every write is on the disk when it returns. Several consoles may share one database: an attempt is made
 * only by the one that claimed the delivery.
 */
public interface DeliveryLog {

    /** Queues {@code notice} for {@code route}, due at once. */
    Delivery queue(String route, AlertNotice notice, Instant now);

    /** The oldest PENDING delivery of {@code route}: each route takes its notices in the order they were queued. */
    Optional<Delivery> head(String route);

    /**
     * Claims a PENDING delivery for one attempt until {@code until}, unless another console holds it now.
     *
     * @return whether this caller now holds it
     */
    boolean claim(long id, String owner, Instant until, Instant now);

    /**
     * Records an attempt and where the delivery now is, and lets go of the claim.
     *
     * @param nextAt when the next attempt is due (PENDING), else the attempt's time
     */
    Delivery attempted(long id, DeliveryAttempt attempt, DeliveryState state, Instant nextAt);

    /**
     * Records a delivery that was made at once, in one attempt, outside the queue ("Send a test" in Settings):
     * DELIVERED or FAILED, with its attempt.
     */
    Delivery recorded(String route, AlertNotice notice, DeliveryAttempt attempt, DeliveryState state);

    /** Gives up every PENDING delivery of {@code route} (removed or switched off), saying why; how many. */
    int giveUp(String route, String detail, Instant now);

    /** The routes that have PENDING deliveries. */
    List<String> pendingRoutes();

    /** A delivery as it is now. */
    Optional<Delivery> find(long id);

    /** The newest delivery of {@code route}, whatever its state: what Settings shows beside the route. */
    Optional<Delivery> latest(String route);

    /** The newest deliveries of any route, newest first. */
    List<Delivery> recent(int limit);

    /** Every attempt of a delivery, in order. */
    List<DeliveryAttempt> attempts(long deliveryId);
}
