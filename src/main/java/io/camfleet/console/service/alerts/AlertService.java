package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertRules;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.domain.alerts.AlertStep;
import io.camfleet.console.domain.alerts.AlertTransitions;
import io.camfleet.console.domain.alerts.Silence;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Quiesce;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.RolloutService;
import io.camfleet.console.service.fleet.FleetEvent;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.FleetWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Alerts from what the fleet, the rollouts and the health history report, never from the screens: each condition
 * that holds past its threshold raises an alert; one that stays clear for the hysteresis resolves it; one that comes
 * back sooner re-opens the same alert and counts a flap. Each step is stored, then sent to {@link AlertDelivery}
 * (unless the alert is silenced) and told to the subscribers (the window).
 *
 * <p>News arrives on the threads of the fleet and the rollouts and is handed to the service's own thread; a tick
 * once a minute judges the "for more than N minutes" rules and the burn rates. The store is the truth: an
 * acknowledgement made by {@code camfleet alerts ack} in another process is what the next step builds on.
 */
public final class AlertService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    /** How often time alone is judged: thresholds passed, conditions clear long enough, burn rates, silences over. */
    public static final Duration TICK = Duration.ofMinutes(1);
    /** Longest note an operator may give. */
    public static final int NOTE_LIMIT = 2000;

    private final AlertStore store;
    private final AlertDelivery delivery;
    private final AuditService audit;
    private final Clock clock;
    private final Supplier<AlertRules> rules;
    private final Supplier<SiteDownRule> siteRule;
    private final Messages messages;
    private final Executor work;
    private final ScheduledExecutorService own;
    private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicReference<FleetSnapshot> pending = new AtomicReference<>();

    /** What is wrong now; guarded by this. */
    private final Conditions conditions = new Conditions();
    private FleetSnapshot lastSnapshot;
    /** Whether the fleet watched comes from a source synced over the network (AWS), as opposed to the demo or a file. */
    private volatile java.util.function.BooleanSupplier syncsRemotely = () -> false;
    private AvailabilityFigures figures;
    private volatile boolean closed;
    /** How long closing waits for a judgement under way. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /** With the default thresholds and site-down rule: what a test of delivery needs. */
    public AlertService(AlertStore store, AlertDelivery delivery, AuditService audit, Clock clock) {
        this(store, delivery, audit, clock, () -> AlertRules.DEFAULT, () -> SiteDownRule.DEFAULT,
                new Messages(Locale.ROOT));
    }

    /**
     * @param rules    the thresholds in force (read at each judgement: Settings may change them)
     * @param siteRule when a site counts as down, as the availability settings say
     */
    public AlertService(AlertStore store, AlertDelivery delivery, AuditService audit, Clock clock,
                        Supplier<AlertRules> rules, Supplier<SiteDownRule> siteRule, Messages messages) {
        this(store, delivery, audit, clock, rules, siteRule, messages, null);
    }

    /** @param work where news is judged, one at a time; null for a thread of the service's own */
    AlertService(AlertStore store, AlertDelivery delivery, AuditService audit, Clock clock,
                 Supplier<AlertRules> rules, Supplier<SiteDownRule> siteRule, Messages messages, Executor work) {
        this.store = store;
        this.delivery = delivery;
        this.audit = audit;
        this.clock = clock;
        this.rules = rules;
        this.siteRule = siteRule;
        this.messages = messages;
        if (work == null) {
            own = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "camfleet-alerts");
                t.setDaemon(true);
                t.setUncaughtExceptionHandler((th, e) -> LOG.error("Alert judgement failed", e));
                return t;
            });
            this.work = own;
        } else {
            own = null;
            this.work = work;
        }
    }

    // ---- feeds ---------------------------------------------------------------------------------------------------

    /** Judges the fleet's snapshots (site states by the rule in force, degraded cameras) and its sync news. */
    public void watch(FleetWatch watch) {
        syncsRemotely = () -> {
            FleetService f = watch.fleet();
            return f != null && !f.isLocal();
        };
        watch.subscribe(this::snapshot);
        watch.onEvent(this::event);
    }

    /** Judges the rollouts run here: one that failed or exceeded its failure threshold raises an alert. */
    public void watch(RolloutService rollouts) {
        rollouts.addListener(r -> {
            DeploymentState state = r.state();
            hop(() -> deployment(r.id(), r.release().name(), r.release().version(), state));
        });
    }

    /** Judges the error budget's burn rates from the health history at each tick. */
    public synchronized void burnRatesFrom(AvailabilityFigures availability) {
        figures = availability;
    }

    /**
     * Ticks once a {@link #TICK} on the service's own thread, until closed. Once closed it does nothing: a window
     * may finish opening on a data folder that is already closing.
     */
    public synchronized void startTicking() {
        if (own == null) {
            throw new IllegalStateException("A service on a given executor is ticked by its owner");
        }
        if (closed) {
            return;
        }
        long every = TICK.toMillis();
        // a tick that throws would end the schedule silently: log it, and the next one tries again
        own.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.error("Alert tick failed; the next one tries again", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Told after every change to an alert, on the service's thread or the caller's; must hand work on. */
    public void onChange(Runnable subscriber) {
        subscribers.add(subscriber);
    }

    void snapshot(FleetSnapshot s) {
        // Snapshots come every few seconds: only the newest waiting one is judged.
        if (pending.getAndSet(s) == null) {
            hop(() -> {
                FleetSnapshot latest = pending.getAndSet(null);
                if (latest != null) {
                    judge(latest);
                }
            });
        }
    }

    void event(FleetEvent e) {
        hop(() -> judge(e));
    }

    private void hop(Runnable r) {
        if (closed) {
            return;
        }
        work.execute(() -> {
            if (closed) {
                return; // news queued before the close: the store may be closing under it
            }
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.error("Alert judgement failed; the next news tries again", e);
            }
        });
    }

    private synchronized void judge(FleetSnapshot s) {
        lastSnapshot = s;
        if (!s.live()) {
            return; // the cache's picture "as of" its time says nothing about now
        }
        conditions.fleet(s, siteRule.get());
        Condition stale = conditions.held(Alert.key(AlertKind.SYNC_STALE, s.source()));
        Instant now = clock.instant();
        if (stale != null && s.asOf() != null
                && s.asOf().isAfter(now.minus(rules.get().threshold(AlertKind.SYNC_STALE)))) {
            conditions.clear(stale.key());
        }
        evaluate(now);
    }

    private synchronized void judge(FleetEvent e) {
        Instant now = clock.instant();
        switch (e) {
            case FleetEvent.SyncFailed f -> {
                Condition c = new Condition(AlertKind.SYNC_STALE, f.source(), "", f.asOf() == null ? now : f.asOf(),
                        List.of(f.source()));
                conditions.hold(c);
            }
            case FleetEvent.SyncRecovered r -> conditions.clear(Alert.key(AlertKind.SYNC_STALE, r.source()));
            case FleetEvent.SourceSwitched s -> {
                conditions.clear(Alert.key(AlertKind.SYNC_STALE, s.from()));
                conditions.forgetFleet();
            }
            default -> {
                return; // health and versions come with the snapshots
            }
        }
        evaluate(now);
    }

    /** A deployment's state as its rollout reports it: FAILING (over its threshold) and FAILED raise. */
    synchronized void deployment(String id, String release, String version, DeploymentState state) {
        String key = Alert.key(AlertKind.DEPLOYMENT_FAILED, id);
        if (state == DeploymentState.FAILING || state == DeploymentState.FAILED) {
            conditions.hold(new Condition(AlertKind.DEPLOYMENT_FAILED, id, "", clock.instant(),
                    List.of(id, release, version)));
        } else if (state == DeploymentState.RUNNING || state == DeploymentState.SUCCEEDED) {
            conditions.clear(key);
        } else {
            return;
        }
        evaluate(clock.instant());
    }

    /** Once a minute: thresholds passed, conditions clear long enough, burn rates, silences over. */
    public synchronized void tick() {
        Instant now = clock.instant();
        if (figures != null) {
            try {
                conditions.burn(BurnConditions.of(figures, rules.get().burnRate(), now));
            } catch (RuntimeException e) {
                LOG.warn("Burn rates could not be read; they are judged again at the next tick", e);
            }
        }
        staleIfSyncHangs(now);
        evaluate(now);
        changed(); // a step another console took shows here within a tick
    }

    /**
     * A sync that hangs never fails, so no SyncFailed says so: a remote source (AWS, synced every few minutes) whose
     * newest data is older than the threshold is stale all the same. A fresh snapshot clears it.
     */
    private void staleIfSyncHangs(Instant now) {
        FleetSnapshot s = lastSnapshot;
        if (s != null && s.live() && s.asOf() != null && syncsRemotely.getAsBoolean()
                && !s.asOf().isAfter(now.minus(rules.get().threshold(AlertKind.SYNC_STALE)))
                && conditions.held(Alert.key(AlertKind.SYNC_STALE, s.source())) == null) {
            conditions.hold(new Condition(AlertKind.SYNC_STALE, s.source(), "", s.asOf(), List.of(s.source())));
        }
    }

    // ---- judgement -----------------------------------------------------------------------------------------------

    private void evaluate(Instant now) {
        AlertRules r = rules.get();
        Map<String, Alert> open = new LinkedHashMap<>();
        for (Alert a : store.open()) {
            open.put(a.key(), a);
        }
        List<Silence> silences = store.silences(now);
        Map<String, Condition> active = conditions.active();
        boolean changed = false;
        for (Condition c : active.values()) {
            Alert a = open.get(c.key());
            if (a != null) {
                if (a.clearSince() != null) {
                    changed |= store.update(a, a.reopen(), AlertStep.REOPEN, now, "", "");
                }
            } else if (!now.isBefore(c.since().plus(r.threshold(c.kind())))) {
                raise(c, now, silences);
                changed = true;
            }
        }
        for (Alert a : open.values()) {
            if (active.containsKey(a.key())) {
                changed |= unsilenceIfOver(a, now, silences);
                continue;
            }
            if (!conditions.over(a)) {
                changed |= unsilenceIfOver(a, now, silences);
                continue;
            }
            Alert current = a;
            if (current.clearSince() == null) {
                Alert clearing = current.clearing(now);
                if (!store.update(current, clearing, null, now, "", "")) {
                    continue;
                }
                current = clearing;
                changed = true;
            }
            if (current.clearFor(r.clearAfter(), now)) {
                Alert resolved = current.resolveAutomatically(now);
                if (store.update(current, resolved, AlertStep.RESOLVE, now, "", "")) {
                    conditions.resolved(a);
                    deliver(resolved, AlertStatus.RESOLVED, now, "", "");
                    changed = true;
                }
            }
        }
        if (changed) {
            changed();
        }
    }

    private void raise(Condition c, Instant now, List<Silence> silences) {
        long minutes = Duration.between(c.since(), now).toMinutes();
        Object[] args = new Object[c.args().size() + 1];
        c.args().toArray(args);
        args[args.length - 1] = minutes;
        String summary = messages.text("alerts.summary." + c.kind().name(), args);
        Alert stored = store.raise(Alert.raise(c.kind(), AlertRules.severity(c.kind()), c.subject(), c.siteId(),
                summary, now, silenced(c.kind(), c.siteId(), now, silences)));
        LOG.info("Alert {} raised{}: {}", stored.id(), stored.silenced() ? " (silenced)" : "", summary);
        deliver(stored, AlertStatus.RAISED, now, "", "");
    }

    /** A silence over while the alert is open: it is delivered from now on, starting with its raise. */
    private boolean unsilenceIfOver(Alert a, Instant now, List<Silence> silences) {
        if (!a.silenced() || silenced(a.kind(), a.siteId(), now, silences)) {
            return false;
        }
        Alert loud = a.unsilenced();
        if (!store.update(a, loud, null, now, "", "")) {
            return false;
        }
        deliver(loud, AlertStatus.RAISED, now, "", "");
        if (loud.status() == AlertStatus.ACKNOWLEDGED) {
            deliver(loud, AlertStatus.ACKNOWLEDGED, loud.acknowledgedAt(), loud.acknowledgedBy(),
                    loud.acknowledgedNote());
        }
        return true;
    }

    /** By an operator's silence, or because the site is inside its maintenance window. */
    private boolean silenced(AlertKind kind, String siteId, Instant now, List<Silence> silences) {
        if (silences.stream().anyMatch(s -> s.covers(kind, siteId, now))) {
            return true;
        }
        return !siteId.isEmpty() && lastSnapshot != null && MaintenanceSilence.inWindow(lastSnapshot.site(siteId), now);
    }

    private void deliver(Alert a, AlertStatus step, Instant at, String by, String note) {
        if (a.silenced()) {
            return;
        }
        try {
            delivery.send(new AlertNotice(a.id(), a.dedupKey(), a.kind(), a.severity(), a.subject(), a.siteId(),
                    a.summary(), step, at, by, note));
        } catch (RuntimeException e) {
            // the delivery queues and records its failures itself; this one did not even take the notice
            LOG.error("Alert {} could not be handed to delivery", a.id(), e);
        }
    }

    private void changed() {
        for (Runnable s : subscribers) {
            try {
                s.run();
            } catch (RuntimeException e) {
                LOG.error("A subscriber of the alerts failed; the others still hear", e);
            }
        }
    }

    // ---- operators' steps ----------------------------------------------------------------------------------------

    /**
     * Someone takes the alert on. Audited.
     *
     * @throws Problem (BAD_INPUT) for an unknown id, a missing note, or an alert already acknowledged or resolved
     */
    public Alert acknowledge(long id, String note) {
        String n = OperatorInput.note(note);
        String by = audit.operator().osUser();
        return audit.perform(AuditActions.ALERT_ACKNOWLEDGE, "alert " + id, Map.of("note", n),
                () -> step(id, AlertStep.ACKNOWLEDGE, a -> a.acknowledge(by, n, clock.instant()), by, n));
    }

    /**
     * Resolved by hand. Audited.
     *
     * @throws Problem (BAD_INPUT) for an unknown id, a missing note, or an alert already resolved
     */
    public Alert resolve(long id, String note) {
        String n = OperatorInput.note(note);
        String by = audit.operator().osUser();
        return audit.perform(AuditActions.ALERT_RESOLVE, "alert " + id, Map.of("note", n),
                () -> step(id, AlertStep.RESOLVE, a -> a.resolve(by, n, clock.instant()), by, n));
    }

    /**
     * Silences the alerts of a site, of a kind, or of a kind at a site, until {@code until}: they are recorded and
     * shown, not delivered. Audited.
     *
     * @param siteId empty for every site
     * @param kind   null for every kind
     * @throws Problem (BAD_INPUT) for an end not in the future, a missing note, or neither a site nor a kind
     */
    public Silence silence(String siteId, AlertKind kind, Instant until, String note) {
        String n = OperatorInput.note(note);
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            throw Problem.badInput("alerts.silence.past", until.toString());
        }
        String site = siteId == null ? "" : siteId.strip();
        if (site.isEmpty() && kind == null) {
            throw Problem.badInput("alerts.silence.everything");
        }
        String by = audit.operator().osUser();
        Map<String, String> params = Map.of("site", site, "kind", kind == null ? "" : kind.name(),
                "until", until.toString(), "note", n);
        Silence stored = audit.perform(AuditActions.ALERT_SILENCE, site.isEmpty() ? "alerts " + kind : "site " + site,
                params, () -> store.silence(new Silence(0, site, kind, now, until, by, n)));
        changed();
        return stored;
    }

    /** As {@link #silence(String, AlertKind, Instant, String)}, for {@code length} from now. */
    public Silence silence(String siteId, AlertKind kind, Duration length, String note) {
        return silence(siteId, kind, clock.instant().plus(length), note);
    }

    private synchronized Alert step(long id, AlertStep step, UnaryOperator<Alert> change, String by, String note) {
        for (int attempt = 0; attempt < 2; attempt++) {
            Alert before = store.find(id).orElseThrow(() -> Problem.badInput("alerts.unknown", id));
            Alert after;
            try {
                after = change.apply(before);
            } catch (AlertTransitions.Refused r) {
                throw OperatorInput.refused(before, r);
            }
            Instant at = step == AlertStep.ACKNOWLEDGE ? after.acknowledgedAt() : after.resolvedAt();
            if (store.update(before, after, step, at, by, note)) {
                deliver(after, after.status(), at, by, note);
                changed();
                return after;
            }
        }
        throw new Problem("alerts.changedMeanwhile", id);
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** Open alerts, oldest first; or the latest 1,000, newest first. */
    public List<Alert> list(boolean openOnly) {
        return openOnly ? store.open() : store.recent(1000);
    }

    /** @throws Problem (BAD_INPUT) for an unknown id */
    public Alert find(long id) {
        return store.find(id).orElseThrow(() -> Problem.badInput("alerts.unknown", id));
    }

    /** Open and not yet acknowledged: the navigation badge. */
    public int needingSomeone() {
        return (int) store.open().stream().filter(Alert::needsSomeone).count();
    }

    /** What the KPI dashboard counts: alert volume and time to acknowledge over {@code [from, to)}. */
    public List<AlertTimes> raisedBetween(Instant from, Instant to) {
        return store.raisedBetween(from, to);
    }

    public List<Silence> silences() {
        return store.silences(clock.instant());
    }

    @Override
    public void close() {
        // Not under the service's lock: a judgement stuck in the store (seen once in CI: H2 spinning inside a
        // commit) holds it, and closing must still end. The flag is volatile; every judgement checks it first.
        closed = true;
        if (own != null) {
            // a judgement under way finishes before the store closes; an interrupt in its write would break the cache
            Quiesce.stop(own, CLOSE_WAIT, "Alert judgement");
        }
    }
}
