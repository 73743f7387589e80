package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.DeploymentEvent;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.DeploymentTransitions;
import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetEvent;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.TargetTransitions;
import io.camfleet.console.domain.deploy.Wave;
import io.camfleet.console.service.Messages;
import io.camfleet.console.service.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One deployment running: its waves one after the other, at most {@code maxConcurrency} targets under way at once
 * (each on a virtual thread), every transition journalled before the step it announces. With a {@link WaveRunner}
 * (SSM Run Command) a wave is one command that runs every step on the cameras by itself: its targets are journalled
 * DISPATCHED before it is sent, and each later transition as its invocations report it.
 *
 * <p>Semantics, as in SSM Run Command and Ansible: an abort stops new dispatches while targets under way finish
 * and keep their results (the deployment shows ABORTING until then, never "stopped"); exceeding the failure
 * threshold does the same and ends FAILED; a camera already at the version is SKIPPED and counts as a success; one
 * that cannot be reached counts as a failure; one whose connection drops mid-install is UNKNOWN until re-probed.
 * The threshold counts the failures of the whole deployment against all its targets.
 *
 * <p>Thread-safe: the operator's actions ({@link #pause}, {@link #abort}...) come from any thread while
 * {@link #run} works on its own.
 */
public final class Rollout {

    private static final Logger LOG = LoggerFactory.getLogger(Rollout.class);
    /** How often a waiting rollout looks again at its state (an abort) and its clock (a window opening). */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /** A wave as one command: how long its executor may fail to answer before its cameras are given up as UNKNOWN. */
    private static final Duration LOSE_SIGHT_AFTER = Duration.ofMinutes(15);
    /** Polls of a wave's command start 2 s apart and slow down to 30 s while nothing changes. */
    private static final Duration FIRST_POLL = Duration.ofSeconds(2);
    private static final Duration SLOWEST_POLL = Duration.ofSeconds(30);

    /** Where each camera is and when it may be touched. */
    public record Placement(Target target, MaintenanceWindow window, ZoneId zone) {
    }

    private final String id;
    private final Release release;
    private final Strategy strategy;
    private final List<Wave> waves;
    private final Map<String, Placement> placements;
    private final DeploymentExecutor executor;
    private final DeploymentJournal journal;
    private final Clock clock;
    private final Pacer pacer;
    private final Consumer<Rollout> onChange;
    private final Messages words = new Messages(Locale.ROOT);

    private final Map<String, TargetState> targets = new LinkedHashMap<>();
    private DeploymentState state;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean awaitingApproval;

    /**
     * @param states   each target's state now: all PENDING for a new deployment; as journalled for a resumed one
     * @param onChange told after every transition (the window redraws; it must not block)
     */
    public Rollout(String id, Release release, Strategy strategy, List<Wave> waves, Map<String, Placement> placements,
                   DeploymentState state, Map<String, TargetState> states, DeploymentExecutor executor,
                   DeploymentJournal journal, Clock clock, Pacer pacer, Consumer<Rollout> onChange) {
        this.id = id;
        this.release = release;
        this.strategy = strategy;
        this.waves = List.copyOf(waves);
        this.placements = Map.copyOf(placements);
        this.state = state;
        this.executor = executor;
        this.journal = journal;
        this.clock = clock;
        this.pacer = pacer;
        this.onChange = onChange;
        for (Wave w : waves) {
            for (String camera : w.cameraIds()) {
                targets.put(camera, states.getOrDefault(camera, TargetState.PENDING));
            }
        }
    }

    public String id() {
        return id;
    }

    public synchronized DeploymentState state() {
        return state;
    }

    public synchronized Map<String, TargetState> targets() {
        return Map.copyOf(targets);
    }

    public boolean isFinished() {
        return finished.get();
    }

    // ---- the operator's actions ----

    /** Stops dispatching after the targets under way; {@link #resume} goes on. */
    public void pause(String by) {
        act(DeploymentEvent.PAUSE, "paused by " + by);
    }

    public void resume(String by) {
        act(DeploymentEvent.RESUME, "resumed by " + by);
        awaitingApproval = false;
    }

    /** Lets a rollout waiting after its canary go on. */
    public void approve(String by) {
        act(DeploymentEvent.APPROVE, "canary approved by " + by);
        awaitingApproval = false;
    }

    /** Paused after its canary for an operator's approval (not paused by an operator). */
    public boolean awaitingApproval() {
        return awaitingApproval && state() == DeploymentState.PAUSED;
    }

    /** No new dispatches; targets under way finish and keep their results. Shows ABORTING until then. */
    public void abort(String by) {
        act(DeploymentEvent.ABORT, "abort requested by " + by);
    }

    /** Listeners are told outside the lock: one that asks for the state must never wait on a running step. */
    private void act(DeploymentEvent event, String detail) {
        synchronized (this) {
            deployment(event, detail);
            notifyAll();
        }
        onChange.accept(this);
    }

    // ---- the run ----

    /** Runs the remaining waves; returns when the deployment has ended (or is paused for good by a shutdown). */
    public void run() {
        try {
            for (Wave wave : waves) {
                if (!awaitRunning()) {
                    break;
                }
                runWave(wave);
                if (wave.canary() && dispatching()) {
                    afterCanary(wave);
                }
                if (wave.index() < waves.size() - 1 && dispatching() && !strategy.pauseBetweenWaves().isZero()) {
                    waitFor(strategy.pauseBetweenWaves());
                }
            }
            end();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Deployment {} interrupted in {}; it resumes from its journal", id, state());
        } finally {
            finished.set(true);
            onChange.accept(this);
        }
    }

    private synchronized boolean stopping() {
        return state.isStopping() || state.isFinal();
    }

    private synchronized boolean dispatching() {
        return state.dispatchesNewTargets();
    }

    /** Waits while paused; false when the deployment is stopping. */
    private synchronized boolean awaitRunning() throws InterruptedException {
        while (state == DeploymentState.PAUSED) {
            wait(CHECK_EVERY.toMillis());
        }
        return state.dispatchesNewTargets();
    }

    private void runWave(Wave wave) throws InterruptedException {
        switch (executor) {
            case TargetRunner runner -> runEachTarget(wave, runner);
            case WaveRunner waveRunner -> runWholeWave(wave, waveRunner);
        }
    }

    private void runEachTarget(Wave wave, TargetRunner runner) throws InterruptedException {
        Semaphore slots = new Semaphore(strategy.maxConcurrency());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String camera : wave.cameraIds()) {
                if (!awaitRunning()) {
                    break;
                }
                if (stateOf(camera) != TargetState.PENDING && stateOf(camera) != TargetState.WAITING_WINDOW) {
                    continue; // done before a crash, or by an earlier attempt
                }
                slots.acquire();
                // Paused while waiting for a slot: wait for the resume, then go on with the rest of this wave.
                if (!awaitRunning()) {
                    slots.release();
                    break;
                }
                threads.submit(() -> {
                    try {
                        runTarget(camera, runner);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        LOG.error("Deployment {}: {} failed unexpectedly", id, camera, e);
                    } finally {
                        runner.done(placements.get(camera).target());
                        slots.release();
                    }
                });
            }
        }
    }

    private synchronized TargetState stateOf(String camera) {
        return targets.get(camera);
    }

    private void afterCanary(Wave wave) {
        boolean healthy = wave.cameraIds().stream().allMatch(c -> stateOf(c).isSuccess());
        if (!healthy || strategy.canaryApproval() == CanaryApproval.PAUSE_FOR_APPROVAL) {
            awaitingApproval = true;
            act(DeploymentEvent.CANARY_DONE_NEEDS_APPROVAL, healthy
                    ? "canary healthy; waiting for approval" : "canary not healthy; waiting for a decision");
        }
    }

    private void end() {
        synchronized (this) {
            if (!state.isFinal()) {
                deployment(DeploymentEvent.ALL_DONE, summary());
            }
        }
    }

    private String summary() {
        int ok = 0;
        int failed = 0;
        for (TargetState s : targets.values()) {
            ok += s.isSuccess() ? 1 : 0;
            failed += s.isFailure() ? 1 : 0;
        }
        return ok + " succeeded, " + failed + " failed, " + (targets.size() - ok - failed) + " not run";
    }

    /** Waits {@code total}, looking at the state every second: an abort ends the wait. */
    private void waitFor(Duration total) throws InterruptedException {
        Instant until = clock.instant().plus(total);
        while (clock.instant().isBefore(until) && dispatching()) {
            Duration left = Duration.between(clock.instant(), until);
            pacer.pause(left.compareTo(CHECK_EVERY) < 0 ? left : CHECK_EVERY);
        }
    }

    private void runTarget(String camera, TargetRunner runner) throws InterruptedException {
        Placement p = placements.get(camera);
        Target t = p.target();
        if (!strategy.ignoreMaintenanceWindows() && !p.window().isOpen(clock.instant(), p.zone())) {
            if (stateOf(camera) == TargetState.PENDING) {
                move(camera, TargetEvent.WINDOW_CLOSED, "outside the maintenance window " + p.window() + " ("
                        + p.zone() + "); opens " + p.window().nextOpening(clock.instant(), p.zone()));
            }
            while (!p.window().isOpen(clock.instant(), p.zone())) {
                if (stopping()) {
                    return; // it was never touched
                }
                pacer.pause(CHECK_EVERY);
            }
            if (!awaitRunning()) {
                return; // paused while it waited: dispatched after the resume; stopping: never touched
            }
        }
        move(camera, TargetEvent.DISPATCH, "");
        Optional<String> installed;
        try {
            installed = runner.installedVersion(t);
        } catch (Problem unreachable) {
            move(camera, TargetEvent.FAILED, unreachable.getMessage());
            return;
        }
        if (installed.isPresent() && installed.get().equals(release.version())) {
            move(camera, TargetEvent.ALREADY_AT_VERSION, "already at " + release.version());
            return;
        }
        TargetRunner.StepResult upload = runner.upload(t, release, line -> log(camera, line));
        if (!upload.ok()) {
            move(camera, upload.contactLost() ? TargetEvent.CONTACT_LOST : TargetEvent.FAILED, upload.detail());
            return;
        }
        move(camera, TargetEvent.INSTALL_STARTED, "");
        TargetRunner.StepResult install = runner.install(t, release, line -> log(camera, line));
        if (!install.ok()) {
            move(camera, install.contactLost() ? TargetEvent.CONTACT_LOST : TargetEvent.FAILED, install.detail());
            return;
        }
        move(camera, TargetEvent.INSTALLED, "");
        TargetRunner.StepResult verify = runner.verify(t, release, line -> log(camera, line));
        if (!verify.ok()) {
            move(camera, verify.contactLost() ? TargetEvent.CONTACT_LOST : TargetEvent.CHECK_FAILED,
                    verify.detail());
            return;
        }
        move(camera, TargetEvent.VERIFIED, "");
    }

    // ---- a wave as one command (WaveRunner) ----

    /**
     * A wave as one command: sent once every target of it is inside its maintenance window, then watched until every
     * invocation has ended, abort or not (an abort stops the waves after it; the command itself starts no new target
     * after its tolerated failures). A wave whose command was sent before a restart is watched again, never re-sent.
     */
    private void runWholeWave(Wave wave, WaveRunner waveRunner) throws InterruptedException {
        Optional<String> sent = journal.ssmCommand(id, wave.index());
        if (sent.isPresent()) {
            watch(sent.get(), wave.cameraIds().stream().filter(c -> stateOf(c).isUnderWay()).toList(), waveRunner);
            return;
        }
        List<String> ready = wave.cameraIds().stream()
                .filter(c -> stateOf(c) == TargetState.PENDING || stateOf(c) == TargetState.WAITING_WINDOW).toList();
        if (ready.isEmpty() || !awaitWindows(ready)) {
            return;
        }
        List<String> sending = new ArrayList<>();
        for (String camera : ready) {
            Optional<String> unreachable = waveRunner.cannotReach(placements.get(camera).target());
            if (unreachable.isPresent()) {
                move(camera, TargetEvent.DISPATCH, "");
                move(camera, TargetEvent.FAILED, unreachable.get());
            } else {
                sending.add(camera);
            }
        }
        if (sending.isEmpty() || !awaitRunning()) {
            return;
        }
        for (String camera : sending) {
            move(camera, TargetEvent.DISPATCH, "");
        }
        int tolerated;
        synchronized (this) {
            int failures = (int) targets.values().stream().filter(TargetState::isFailure).count();
            tolerated = strategy.failureThreshold().tolerated(failures, targets.size());
        }
        Instant sendingAt = clock.instant();
        WaveRunner.Dispatch dispatch = waveRunner.send(new WaveRunner.Order(id, wave.index(), release,
                sending.stream().map(c -> placements.get(c).target()).toList(), strategy.maxConcurrency(),
                tolerated));
        switch (dispatch) {
            case WaveRunner.Sent s -> sent(wave, s.commandId(), sending, waveRunner);
            case WaveRunner.Refused r -> sending.forEach(c -> move(c, TargetEvent.FAILED, r.reason()));
            case WaveRunner.Unconfirmed u -> lookFor(wave, sendingAt, sending, waveRunner, u.reason());
        }
    }

    private void sent(Wave wave, String commandId, List<String> sending, WaveRunner waveRunner)
            throws InterruptedException {
        journal.ssmCommand(id, wave.index(), commandId);
        sending.forEach(c -> log(c, words.text("deploy.waveSent", commandId, wave.index())));
        watch(commandId, sending, waveRunner);
    }

    /**
     * A send that may or may not have reached the executor, and could not be looked up: it is looked for again until
     * the executor answers, never sent again. Found, it is watched; not there, nothing was sent; still unanswered
     * after a while, what it did is unknown.
     */
    private void lookFor(Wave wave, Instant sendingAt, List<String> sending, WaveRunner waveRunner, String reason)
            throws InterruptedException {
        List<Target> targets = sending.stream().map(c -> placements.get(c).target()).toList();
        Instant since = clock.instant();
        Duration interval = FIRST_POLL;
        while (Duration.between(since, clock.instant()).compareTo(LOSE_SIGHT_AFTER) < 0) {
            pacer.pause(interval);
            interval = slower(interval);
            Optional<String> found;
            try {
                found = waveRunner.find(id, wave.index(), sendingAt, targets);
            } catch (Problem p) {
                LOG.warn("Deployment {}: cannot look for the command of wave {}: {}", id, wave.index(),
                        p.getMessage());
                continue;
            }
            if (found.isPresent()) {
                sent(wave, found.get(), sending, waveRunner);
            } else {
                sending.forEach(c -> move(c, TargetEvent.FAILED, words.text("deploy.notSentAfterAll", reason)));
            }
            return;
        }
        String detail = words.text("deploy.unconfirmed", reason, LOSE_SIGHT_AFTER.toMinutes());
        sending.forEach(c -> move(c, TargetEvent.CONTACT_LOST, detail));
    }

    /** Waits until every one of {@code cameras} is inside its maintenance window at the same time; false when stopping. */
    private boolean awaitWindows(List<String> cameras) throws InterruptedException {
        while (awaitRunning()) {
            Instant now = clock.instant();
            List<String> closed = strategy.ignoreMaintenanceWindows() ? List.of() : cameras.stream()
                    .filter(c -> !placements.get(c).window().isOpen(now, placements.get(c).zone())).toList();
            if (closed.isEmpty()) {
                return true;
            }
            String opening = WaveWindows.firstCommonOpening(cameras.stream().map(placements::get).toList(), now,
                    WaveWindows.HORIZON).map(Instant::toString).orElse("?");
            for (String camera : closed) {
                if (stateOf(camera) == TargetState.PENDING) {
                    Placement p = placements.get(camera);
                    move(camera, TargetEvent.WINDOW_CLOSED, words.text("deploy.waveWindow", p.window(), p.zone(),
                            opening));
                }
            }
            pacer.pause(CHECK_EVERY);
        }
        return false;
    }

    /**
     * Polls the command until every one of {@code cameras} has ended, journalling what each invocation reports. The
     * interval starts at 2 s and doubles up to 30 s while nothing changes (polling every second gets throttled).
     */
    private void watch(String commandId, List<String> cameras, WaveRunner waveRunner) throws InterruptedException {
        Map<String, Target> open = new LinkedHashMap<>();
        cameras.forEach(c -> open.put(c, placements.get(c).target()));
        Map<String, WaveRunner.Outcome> seen = new LinkedHashMap<>();
        Duration interval = FIRST_POLL;
        Instant lastAnswer = clock.instant();
        while (!open.isEmpty()) {
            Map<String, WaveRunner.Invocation> now;
            try {
                now = waveRunner.poll(commandId, List.copyOf(open.values()));
                lastAnswer = clock.instant();
            } catch (Problem p) {
                if (!Duration.between(lastAnswer, clock.instant()).minus(LOSE_SIGHT_AFTER).isNegative()) {
                    String detail = words.text("deploy.lostSightOfCommand", commandId, LOSE_SIGHT_AFTER.toMinutes(),
                            p.getMessage());
                    List.copyOf(open.keySet()).forEach(c -> move(c, TargetEvent.CONTACT_LOST, detail));
                    return;
                }
                LOG.warn("Deployment {}: cannot poll command {}: {}", id, commandId, p.getMessage());
                pacer.pause(interval);
                interval = slower(interval);
                continue;
            }
            boolean changed = false;
            for (Map.Entry<String, WaveRunner.Invocation> e : now.entrySet()) {
                String camera = e.getKey();
                WaveRunner.Invocation invocation = e.getValue();
                if (!open.containsKey(camera) || seen.get(camera) == invocation.outcome()) {
                    continue;
                }
                seen.put(camera, invocation.outcome());
                changed = true;
                if (invocation.outcome().ended()) {
                    if (!invocation.output().isEmpty()) {
                        journal.log(id, camera, invocation.output());
                    }
                    open.remove(camera);
                }
                List<TargetEvent> events = InvocationSteps.events(stateOf(camera), invocation.outcome());
                for (int i = 0; i < events.size(); i++) {
                    move(camera, events.get(i), i == events.size() - 1 ? invocation.detail() : "");
                }
            }
            if (!open.isEmpty()) {
                interval = changed ? FIRST_POLL : slower(interval);
                pacer.pause(interval);
            }
        }
    }

    private static Duration slower(Duration interval) {
        Duration doubled = interval.multipliedBy(2);
        return doubled.compareTo(SLOWEST_POLL) > 0 ? SLOWEST_POLL : doubled;
    }

    private void log(String camera, String line) {
        journal.log(id, camera, List.of(line));
    }

    /** Journals a target's transition, then takes it; then checks the threshold. */
    private void move(String camera, TargetEvent event, String detail) {
        synchronized (this) {
            TargetState from = targets.get(camera);
            TargetState to = TargetTransitions.next(from, event);
            journal.moveTarget(id, camera, from, to, detail, false);
            targets.put(camera, to);
            if (to.isFailure() && !state.isStopping() && !state.isFinal()) {
                long failures = targets.values().stream().filter(TargetState::isFailure).count();
                if (strategy.failureThreshold().exceeded((int) failures, targets.size())) {
                    deployment(DeploymentEvent.THRESHOLD_EXCEEDED, failures + " of " + targets.size()
                            + " targets failed: more than the threshold " + strategy.failureThreshold());
                }
            }
            notifyAll();
        }
        onChange.accept(this);
    }

    /** Journals the deployment's transition, then takes it. Callers hold the lock, and tell listeners after. */
    private void deployment(DeploymentEvent event, String detail) {
        DeploymentState to = DeploymentTransitions.next(state, event, new ArrayList<>(targets.values()));
        if (to == state) {
            return;
        }
        journal.moveDeployment(id, state, to, detail);
        state = to;
    }
}
