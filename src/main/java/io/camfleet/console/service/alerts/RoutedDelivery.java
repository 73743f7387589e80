package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.domain.alerts.DeliveryBackoff;
import io.camfleet.console.domain.alerts.DeliveryState;
import io.camfleet.console.domain.text.SecretRedaction;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Alerts out of the console, through the routes set in Settings. {@link #send} writes the notice to the delivery log,
 * once per route that takes it, and returns; a worker thread per route then sends its deliveries in the order they
 * were queued, each attempt recorded, retrying with back-off and jitter (and never sooner than a receiver's
 * Retry-After) until it is delivered or given up on. A delivery given up on is told to {@link #onDelivery} listeners
 * (a banner in the window) and stays in the log, which Settings shows beside its route: never lost silently. What is
 * still pending when the console stops, or crashes, is taken up by the next console that opens the folder.
 */
public final class RoutedDelivery implements AlertDelivery, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoutedDelivery.class);
    /** The alert id of a notice sent by "Send a test". */
    public static final long TEST_ALERT = 0;
    /** How long closing waits for attempts under way. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    private final DeliveryLog log;
    private final RouteSender sender;
    private final Clock clock;
    private final DeliveryBackoff backoff;
    private final Duration poll;
    private final Duration lease;
    private final DoubleSupplier random;
    private final Messages m;
    private final String owner = UUID.randomUUID().toString();
    private final Map<String, RouteWorker> workers = new HashMap<>();
    private final List<Consumer<Delivery>> listeners = new CopyOnWriteArrayList<>();
    private List<AlertRoute> routes = List.of();
    private boolean closed;

    /**
     * @param clock   real time: waits between attempts are measured on it
     * @param poll    how often an idle worker looks for deliveries another console queued
     * @param lease   how long one attempt may hold a delivery against other consoles: more than the sender's
     *                connect and response timeouts together, so that a crashed console's claim runs out soon
     * @param random  numbers in [0, 1) for the jitter
     */
    public RoutedDelivery(DeliveryLog log, RouteSender sender, Clock clock, DeliveryBackoff backoff, Duration poll,
                          Duration lease, DoubleSupplier random, Messages messages) {
        this.log = log;
        this.sender = sender;
        this.clock = clock;
        this.backoff = backoff;
        this.poll = poll;
        this.lease = lease;
        this.random = random;
        this.m = messages;
    }

    /**
     * Takes the routes from Settings: starts a worker for each enabled route (which at once takes up what is pending
     * for it), stops the others, and gives up, saying why, what is pending for a route that is switched off or no
     * longer in Settings (renamed, removed): nothing waits for a route that will not send it.
     */
    public synchronized void use(List<AlertRoute> configured) {
        if (closed) {
            return;
        }
        routes = List.copyOf(configured);
        Map<String, AlertRoute> enabled = new HashMap<>();
        configured.stream().filter(AlertRoute::enabled).forEach(r -> enabled.put(r.name(), r));
        for (var it = workers.entrySet().iterator(); it.hasNext(); ) {
            var w = it.next();
            if (!enabled.containsKey(w.getKey())) {
                w.getValue().stop();
                it.remove();
            }
        }
        Instant now = clock.instant();
        for (String route : log.pendingRoutes()) {
            if (!enabled.containsKey(route)) {
                boolean off = configured.stream().anyMatch(r -> r.name().equals(route));
                given(route, log.giveUp(route, m.text(off ? "alertRoutes.gaveUp.disabled"
                        : "alertRoutes.gaveUp.removed"), now));
            }
        }
        enabled.values().forEach(r -> workers.computeIfAbsent(r.name(), n -> new RouteWorker(r)).use(r));
    }

    private void given(String route, int count) {
        if (count > 0) {
            LOG.warn("Gave up {} pending alert deliveries to route {}: it is switched off or gone", count, route);
            log.latest(route).ifPresent(this::tell);
        }
    }

    /** The routes in use now. */
    public synchronized List<AlertRoute> routes() {
        return routes;
    }

    /**
     * Queues {@code notice} for each route that takes it. After {@link #close} it is still queued (the database is
     * open until after the deliveries close), for the next console to send: a step taken while closing is not lost.
     */
    @Override
    public void send(AlertNotice notice) {
        List<RouteWorker> taking = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (AlertRoute r : routes) {
                if (r.takes(notice)) {
                    log.queue(r.name(), notice, now);
                    RouteWorker w = workers.get(r.name());
                    if (w != null) {
                        taking.add(w);
                    }
                }
            }
        }
        taking.forEach(RouteWorker::wake);
    }

    /** Tells {@code listener} of each attempt's outcome, on the route's worker thread. */
    public void onDelivery(Consumer<Delivery> listener) {
        listeners.add(listener);
    }

    /**
     * "Send a test": one attempt now, outside the queue, recorded in the log as the route's latest delivery. For
     * PagerDuty the test incident is resolved at once, so that nobody is paged for long. Runs on the caller's thread
     * (a background task): it takes at most the sender's timeouts.
     */
    public Delivery test(AlertRoute route, String by) {
        Instant now = clock.instant();
        String key = "camfleet-test-" + now.toEpochMilli();
        AlertNotice raised = new AlertNotice(TEST_ALERT, key, AlertKind.SYNC_STALE, AlertSeverity.WARNING, "camfleet",
                "", m.text("alertRoutes.test.summary", route.name()), AlertStatus.RAISED, now, by, "");
        Delivery d = once(route, raised);
        if (route.kind() == RouteKind.PAGERDUTY && d.state() == DeliveryState.DELIVERED) {
            d = once(route, new AlertNotice(TEST_ALERT, key, raised.kind(), raised.severity(), raised.subject(), "",
                    raised.summary(), AlertStatus.RESOLVED, clock.instant(), by, ""));
        }
        return d;
    }

    private Delivery once(AlertRoute route, AlertNotice notice) {
        long started = System.nanoTime();
        SendResult r = safely(route, notice);
        DeliveryAttempt attempt = new DeliveryAttempt(1, clock.instant(), r.outcome(), r.status(),
                elapsed(started), r.detail());
        Delivery d = log.recorded(route.name(), notice, attempt,
                r.outcome() == SendResult.Outcome.DELIVERED ? DeliveryState.DELIVERED : DeliveryState.FAILED);
        LOG.info("Test of alert route {}: {} {}", route.name(), d.state(), r.detail());
        tell(d);
        return d;
    }

    /** Why {@code route} cannot send now (its secret missing), or empty. */
    public Optional<Problem> check(AlertRoute route) {
        return sender.check(route);
    }

    public Optional<Delivery> latest(String route) {
        return log.latest(route);
    }

    public List<Delivery> recent(int limit) {
        return log.recent(limit);
    }

    public List<DeliveryAttempt> attempts(long delivery) {
        return log.attempts(delivery);
    }

    /** Stops the workers; what they have not delivered stays pending in the log for the next console. */
    @Override
    public void close() {
        List<RouteWorker> stopping;
        synchronized (this) {
            closed = true;
            stopping = new ArrayList<>(workers.values());
            workers.clear();
        }
        stopping.forEach(RouteWorker::stop);
        Instant deadline = Instant.now().plus(CLOSE_WAIT);
        for (RouteWorker w : stopping) {
            w.join(deadline);
        }
    }

    private SendResult safely(AlertRoute route, AlertNotice notice) {
        try {
            return sender.send(route, notice);
        } catch (RuntimeException e) {
            // A sender bug must not end the worker: it counts as a failed attempt, tried again later.
            LOG.warn("Sending to alert route {} failed unexpectedly: {}", route.name(),
                    SecretRedaction.redact(String.valueOf(e.getMessage())));
            return SendResult.retry(0, null, m.text("alertRoutes.result.unexpected",
                    SecretRedaction.redact(String.valueOf(e.getMessage()))));
        }
    }

    private static long elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private void tell(Delivery d) {
        for (Consumer<Delivery> l : listeners) {
            try {
                l.accept(d);
            } catch (RuntimeException e) {
                LOG.warn("A delivery listener failed", e);
            }
        }
    }

    /** The queue of one route: its thread takes the route's deliveries one at a time, oldest first. */
    private final class RouteWorker {
        private final Thread thread;
        private volatile AlertRoute route;
        private volatile boolean running = true;
        private boolean woken;

        RouteWorker(AlertRoute route) {
            this.route = route;
            this.thread = Thread.ofPlatform().daemon().name("alert-route-" + route.name()).unstarted(this::run);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("The worker of alert route {} died", route.name(), e));
            thread.start();
        }

        void use(AlertRoute changed) {
            route = changed;
            wake();
        }

        synchronized void wake() {
            woken = true;
            notifyAll();
        }

        /**
         * Not interrupted: an interrupt in the middle of a write can close the H2 file under the whole console. An
         * attempt under way ends within the sender's timeouts; should the console exit first, its claim runs out
         * and the next console sends the delivery again.
         */
        void stop() {
            running = false;
            wake();
        }

        void join(Instant deadline) {
            try {
                Duration left = Duration.between(Instant.now(), deadline);
                if (!left.isNegative()) {
                    thread.join(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            while (running) {
                try {
                    step();
                } catch (RuntimeException e) {
                    // The database may be briefly unavailable: the deliveries wait in it, and the worker tries again.
                    LOG.warn("The worker of alert route {} could not go on; trying again in {}", route.name(), poll,
                            e);
                    pause(poll);
                }
            }
        }

        private void step() {
            AlertRoute r = route;
            Optional<Delivery> head = log.head(r.name());
            if (head.isEmpty()) {
                pause(poll);
                return;
            }
            Delivery d = head.get();
            Instant now = clock.instant();
            if (d.nextAt().isAfter(now)) {
                Duration until = Duration.between(now, d.nextAt());
                pause(until.compareTo(poll) < 0 ? until : poll);
                return;
            }
            if (!log.claim(d.id(), owner, now.plus(lease), now)) {
                pause(poll); // another console is sending it
                return;
            }
            attempt(r, d);
        }

        private void attempt(AlertRoute r, Delivery d) {
            int number = d.attempts() + 1;
            long started = System.nanoTime();
            SendResult result = safely(r, d.notice());
            Instant now = clock.instant();
            DeliveryState state;
            Instant next = now;
            switch (result.outcome()) {
                case DELIVERED -> state = DeliveryState.DELIVERED;
                case REFUSED -> state = DeliveryState.FAILED;
                default -> {
                    Optional<Duration> wait = backoff.next(number, Duration.between(d.queuedAt(), now),
                            result.retryAfter(), random.getAsDouble());
                    state = wait.isPresent() ? DeliveryState.PENDING : DeliveryState.FAILED;
                    next = wait.map(now::plus).orElse(now);
                }
            }
            Delivery after = log.attempted(d.id(), new DeliveryAttempt(number, now, result.outcome(), result.status(),
                    elapsed(started), result.detail()), state, next);
            if (state == DeliveryState.FAILED) {
                LOG.warn("Alert {} {} to route {}: gave up after attempt {}: {}", d.notice().dedupKey(),
                        d.notice().status(), r.name(), number, result.detail());
            } else {
                LOG.info("Alert {} {} to route {}: attempt {} {}{}", d.notice().dedupKey(), d.notice().status(),
                        r.name(), number, state, state == DeliveryState.PENDING
                                ? ", next in " + Duration.between(now, next).toMillis() + " ms: " + result.detail()
                                : "");
            }
            tell(after);
        }

        private synchronized void pause(Duration d) {
            if (!running || woken) {
                woken = false;
                return;
            }
            try {
                wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                running = false; // nobody but the JVM's end interrupts this thread
            }
            woken = false;
        }
    }
}
