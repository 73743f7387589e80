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
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
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
 * (SSM Run Command) a wave is one command, or parts of it sent at once within the plan's concurrency, that runs
 * every step on the cameras by itself: its targets are journalled DISPATCHED before it is sent, and each later
 * transition as its invocations report it.
 *
 * <p>Semantics, as in SSM Run Command and Ansible: an abort stops new dispatches while targets under way finish
 * and keep their results (the deployment shows ABORTING until then, never "stopped"); exceeding the failure
 * threshold does the same and ends FAILED; a camera already at the version is SKIPPED and counts as a success; one
 * that cannot be reached counts as a failure; one whose connection drops mid-install is UNKNOWN until re-probed.
 * The threshold counts the failures of the whole deployment against all its targets. A failed health check runs the
 * release's rollback at once (over SSM the camera's script does the same).
 *
 * <p>Nothing a runner throws leaves a target under way: it ends FAILED (nothing can have changed on the camera yet)
 * or UNKNOWN (something may have), with a sentence. A journal that cannot be written halts the rollout: no step is
 * taken that the journal did not record first, the deployment keeps its journalled state, and it shows as
 * interrupted once its lease lapses, to be resumed ({@link #halted()} says why).
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

    /**
     * The plan's error-budget guard, weighed as each wave starts: the sites to hold back, each with the sentence the
     * journal keeps for its cameras.
     */
    @FunctionalInterface
    public interface Guard {
        Guard NONE = sites -> Map.of();

        Map<String, String> holdBack(Collection<String> siteIds);
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
    private final Guard guard;
    private final Messages words = new Messages(Locale.ROOT);

    private final Map<String, TargetState> targets = new LinkedHashMap<>();
    /** The cameras this run brought to a success, in the order they got there. Guarded by this. */
    private final List<String> succeeded = new ArrayList<>();
    private DeploymentState state;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean awaitingApproval;
    /** Why the rollout stopped short of an end: the journal could not be written, its lease was lost, a shutdown. */
    private volatile RuntimeException halted;

    /**
     * @param states   each target's state now: all PENDING for a new deployment; as journalled for a resumed one
     * @param onChange told after every transition (the window redraws; it must not block)
     */
    public Rollout(String id, Release release, Strategy strategy, List<Wave> waves, Map<String, Placement> placements,
                   DeploymentState state, Map<String, TargetState> states, DeploymentExecutor executor,
                   DeploymentJournal journal, Clock clock, Pacer pacer, Consumer<Rollout> onChange) {
        this(id, release, strategy, waves, placements, state, states, executor, journal, clock, pacer, onChange,
                Guard.NONE);
    }

    /** @param guard holds back, as each wave starts, the sites with too little error budget left */
    public Rollout(String id, Release release, Strategy strategy, List<Wave> waves, Map<String, Placement> placements,
                   DeploymentState state, Map<String, TargetState> states, DeploymentExecutor executor,
                   DeploymentJournal journal, Clock clock, Pacer pacer, Consumer<Rollout> onChange, Guard guard) {
        this.guard = guard;
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

    public Release release() {
        return release;
    }

    public synchronized DeploymentState state() {
        return state;
    }

    public synchronized Map<String, TargetState> targets() {
        return Map.copyOf(targets);
    }

    /**
     * The cameras this run brought to the release (succeeded, or found already at it), in the order they got there,
     * from the {@code from}th on: what a listener has not seen yet, without copying every target's state. Those a
     * resumed deployment had reached before are not in it.
     */
    public synchronized List<String> succeededFrom(int from) {
        return from >= succeeded.size() ? List.of() : List.copyOf(succeeded.subList(from, succeeded.size()));
    }

    public boolean isFinished() {
        return finished.get();
    }

    /** Why the rollout stopped without reaching an end (the journal keeps where it was), or null. */
    public RuntimeException halted() {
        return halted;
    }

    /**
     * Stops dispatching at once, without journalling anything: for when this process may no longer run the
     * deployment (its lease was lost, it is closing). Steps under way finish on their camera; the journal says what
     * was announced, and a resume re-probes it.
     */
    public void halt(RuntimeException why) {
        synchronized (this) {
            if (halted == null) {
                halted = why;
            }
            notifyAll();
        }
        onChange.accept(this);
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

    /**
     * Runs the remaining waves; returns when the deployment has ended, or when it halted ({@link #halted()}: the
     * journal could not be written, its lease was lost, the console closed) with the journal where it stopped.
     */
    public void run() {
        try {
            finishChecks();
            for (Wave wave : waves) {
                if (!awaitRunning()) {
                    waves.subList(waves.indexOf(wave), waves.size()).forEach(this::waveEnded);
                    break;
                }
                holdBack(wave);
                runWave(wave);
                waveEnded(wave);
                if (wave.canary() && dispatching()) {
                    afterCanary(wave);
                }
                if (wave.index() < waves.size() - 1 && dispatching() && !strategy.pauseBetweenWaves().isZero()) {
                    waitFor(strategy.pauseBetweenWaves());
                }
            }
            if (halted == null) {
                end();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Deployment {} interrupted in {}; it resumes from its journal", id, state());
        } catch (JournalFailed e) {
            LOG.warn("Deployment {} halted in {}: {}", id, state(), e.getCause().getMessage());
        } finally {
            finished.set(true);
            onChange.accept(this);
        }
    }

    private synchronized boolean stopping() {
        return state.isStopping() || state.isFinal() || halted != null;
    }

    private synchronized boolean dispatching() {
        return state.dispatchesNewTargets() && halted == null;
    }

    /** Waits while paused; false when the deployment is stopping. */
    private synchronized boolean awaitRunning() throws InterruptedException {
        while (state == DeploymentState.PAUSED && halted == null) {
            wait(CHECK_EVERY.toMillis());
        }
        return dispatching();
    }

    /**
     * Targets a resume found at the release's version whose health was not decided before the stop (VERIFYING): their
     * health check runs first, whatever the deployment's state, since they are under way and must end.
     */
    private void finishChecks() throws InterruptedException {
        if (!(executor instanceof TargetRunner runner)) {
            return;
        }
        List<String> checking = waves.stream().flatMap(w -> w.cameraIds().stream())
                .filter(c -> stateOf(c) == TargetState.VERIFYING).toList();
        if (checking.isEmpty()) {
            return;
        }
        Semaphore slots = new Semaphore(strategy.maxConcurrency());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String camera : checking) {
                slots.acquire();
                threads.submit(() -> {
                    try {
                        verify(camera, placements.get(camera).target(), runner);
                    } catch (RuntimeException e) {
                        lastResort(camera, e);
                    } finally {
                        done(runner, camera);
                        slots.release();
                    }
                });
            }
        }
    }

    /**
     * The cameras of this wave not yet touched, at sites the guard holds back now, are HELD_BACK with its reason:
     * weighed at the wave's start, since budgets are spent while the earlier waves run.
     */
    private void holdBack(Wave wave) {
        Map<String, List<String>> waiting = new LinkedHashMap<>();
        for (String camera : wave.cameraIds()) {
            TargetState s = stateOf(camera);
            if (s == TargetState.PENDING || s == TargetState.WAITING_WINDOW) {
                waiting.computeIfAbsent(placements.get(camera).target().siteId(), k -> new ArrayList<>()).add(camera);
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, String> held = guard.holdBack(waiting.keySet());
        held.forEach((site, why) -> {
            List<String> cameras = waiting.get(site);
            if (cameras != null) {
                LOG.info("Deployment {}: {} cameras at site {} held back: {}", id, cameras.size(), site, why);
                cameras.forEach(c -> move(c, TargetEvent.HELD_BACK, why));
            }
        });
    }

    private void runWave(Wave wave) throws InterruptedException {
        switch (executor) {
            case TargetRunner runner -> runEachTarget(wave, runner);
            case WaveRunner waveRunner -> runWholeWave(wave, waveRunner);
        }
    }

    /** The wave's command runner undoes what it changed for the wave (SSM: its tag), unless the rollout halted. */
    private void waveEnded(Wave wave) {
        if (executor instanceof WaveRunner waveRunner && halted == null) {
            waveRunner.waveEnded(id, wave.index(), wave.cameraIds().stream().map(c -> placements.get(c).target())
                    .toList()).forEach(this::log);
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
                        lastResort(camera, e);
                    } finally {
                        done(runner, camera);
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
        int held = 0;
        for (TargetState s : targets.values()) {
            ok += s.isSuccess() ? 1 : 0;
            failed += s.isFailure() ? 1 : 0;
            held += s == TargetState.HELD_BACK ? 1 : 0;
        }
        return ok + " succeeded, " + failed + " failed, " + (held > 0 ? held + " held back (error budget), " : "")
                + (targets.size() - ok - failed - held) + " not run";
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
        Optional<String> unreachable = reachable(runner, t);
        if (unreachable.isPresent()) { // no address, or one that cannot be read: nothing is dialled
            move(camera, TargetEvent.DISPATCH, "");
            move(camera, TargetEvent.FAILED, unreachable.get());
            return;
        }
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
        } catch (RuntimeException e) { // unreachable, or the runner's own failure before anything was sent
            move(camera, TargetEvent.FAILED, describe(e));
            return;
        }
        if (installed.isPresent() && installed.get().equals(release.version())) {
            move(camera, TargetEvent.ALREADY_AT_VERSION, "already at " + release.version());
            return;
        }
        // An upload that breaks leaves a partial file in the release folder, never a new version: a failure.
        TargetRunner.StepResult upload = step(() -> runner.upload(t, release, line -> log(camera, line)), false);
        if (!upload.ok()) {
            move(camera, upload.contactLost() ? TargetEvent.CONTACT_LOST : TargetEvent.FAILED, upload.detail());
            return;
        }
        move(camera, TargetEvent.INSTALL_STARTED, "");
        TargetRunner.StepResult install = step(() -> runner.install(t, release, line -> log(camera, line)), true);
        if (!install.ok()) {
            move(camera, install.contactLost() ? TargetEvent.CONTACT_LOST : TargetEvent.FAILED, install.detail());
            return;
        }
        move(camera, TargetEvent.INSTALLED, "");
        verify(camera, t, runner);
    }

    /** The health check of a VERIFYING target; when it fails, the release's rollback. */
    private void verify(String camera, Target t, TargetRunner runner) {
        TargetRunner.StepResult verify = step(() -> runner.verify(t, release, line -> log(camera, line)), true);
        if (verify.ok()) {
            move(camera, TargetEvent.VERIFIED, "");
            return;
        }
        if (verify.contactLost()) {
            move(camera, TargetEvent.CONTACT_LOST, verify.detail());
            return;
        }
        move(camera, TargetEvent.CHECK_FAILED, verify.detail());
        TargetRunner.StepResult back = step(() -> runner.rollback(t, release, line -> log(camera, line)), true);
        if (back.ok()) {
            move(camera, TargetEvent.ROLLED_BACK, words.text("deploy.rolledBackAfterCheck", verify.detail()));
        } else {
            log(camera, words.text("deploy.rollbackAfterCheckFailed", back.detail()));
        }
    }

    private static Optional<String> reachable(DeploymentExecutor executor, Target t) {
        try {
            return executor.cannotReach(t);
        } catch (RuntimeException e) {
            return Optional.of(describe(e));
        }
    }

    /**
     * A runner's step, whatever it throws: a problem it names, or its own failure (a broken SSH library, say), becomes
     * a failed step with a sentence. {@code mayHaveActed}: the step may have changed the camera before it broke, so
     * what it did is unknown rather than failed.
     */
    private static TargetRunner.StepResult step(java.util.function.Supplier<TargetRunner.StepResult> work,
                                                boolean mayHaveActed) {
        try {
            TargetRunner.StepResult r = work.get();
            return r != null ? r : TargetRunner.StepResult.failed("the executor gave no result");
        } catch (JournalFailed e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("A deployment step failed", e);
            return mayHaveActed ? TargetRunner.StepResult.lost(describe(e))
                    : TargetRunner.StepResult.failed(describe(e));
        }
    }

    /** One sentence for a failure: a {@link Problem}'s own, or what broke where nothing was expected to. */
    static String describe(Throwable e) {
        if (e instanceof Problem) {
            return e.getMessage();
        }
        String m = e.getMessage();
        return new Messages(Locale.ROOT).text("deploy.executorBroke", e.getClass().getSimpleName()
                + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(m)));
    }

    /**
     * A target's thread ended by something the steps did not contain: when the journal still works, the target is
     * not left under way.
     */
    private void lastResort(String camera, RuntimeException e) {
        if (e instanceof JournalFailed) {
            return; // the rollout halted: the journal keeps what it announced
        }
        LOG.error("Deployment {}: {} failed unexpectedly", id, camera, e);
        try {
            TargetState now = stateOf(camera);
            if (now.isUnderWay()) {
                move(camera, TargetEvent.CONTACT_LOST, describe(e));
            } else if (now == TargetState.PENDING || now == TargetState.WAITING_WINDOW) {
                move(camera, TargetEvent.DISPATCH, "");
                move(camera, TargetEvent.FAILED, describe(e));
            }
        } catch (RuntimeException again) {
            LOG.error("Deployment {}: {} could not be journalled as failed", id, camera, again);
        }
    }

    private void done(TargetRunner runner, String camera) {
        try {
            runner.done(placements.get(camera).target());
        } catch (RuntimeException e) {
            LOG.warn("Deployment {}: closing {} failed", id, camera, e);
        }
    }

    // ---- a wave as commands (WaveRunner) ----

    /**
     * A wave as commands: one, or parts of at most {@link WaveRunner#mostPerCommand()} targets sent at the same time
     * as far as the plan's concurrency allows. Each command runs at most the plan's concurrency or its own size at
     * once, whichever is less, and the commands in flight never add up to more than the plan's concurrency: at 200,
     * four parts of 50 run at once and the next is sent when one ends; below 50, one part runs at a time. The failure
     * threshold counts every part's failures together: once it is exceeded, or on an abort, no further part is sent
     * and every running part cancels its pending invocations. Each part is sent once every target of it is inside its
     * maintenance window, then watched until every invocation has ended. A part whose command was sent before a
     * restart is watched again, never re-sent (it holds its share of the concurrency from the start); the missing
     * parts are sent then. A wave one command can take whole ({@link WaveRunner#parts(List, WaveRunner)}) is part 0
     * alone, unless the runner could not prepare it: then its later parts, which hold the same cameras, are sent once
     * part 0 has ended, never beside it.
     */
    private void runWholeWave(Wave wave, WaveRunner waveRunner) throws InterruptedException {
        Map<Integer, String> sent = journal.ssmCommands(id, wave.index());
        List<List<String>> parts = WaveRunner.parts(wave.cameraIds().stream().map(c -> placements.get(c).target())
                .toList(), waveRunner);
        // Part 0 holds the whole wave when parts 1.. are its fallback: those are sent only once it has ended, and it is
        // never sent once the wave went out in its later parts (it could not be prepared).
        boolean wholeFirst = parts.size() > 1 && parts.getFirst().size() == wave.cameraIds().size();
        boolean inLaterParts = wholeFirst && sent.keySet().stream().anyMatch(p -> p > 0);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (int part = 0; part < parts.size(); part++) {
                    String commandId = sent.get(part);
                    List<String> underWay = parts.get(part).stream().filter(c -> stateOf(c).isUnderWay()).toList();
                    if (commandId != null && !underWay.isEmpty()) {
                        int share = share(parts.get(part).size());
                        synchronized (this) {
                            inFlight += share;
                        }
                        inFlight(threads, share, () -> watch(commandId, underWay, waveRunner));
                    }
                }
                for (int part = 0; part < parts.size(); part++) {
                    if (sent.containsKey(part) || part == 0 && inLaterParts) {
                        continue;
                    }
                    int share = share(parts.get(part).size());
                    if (!awaitRunning() || !awaitShare(share)) {
                        break;
                    }
                    int p = part;
                    inFlight(threads, share, () -> runPart(wave, p, parts.get(p), share, waveRunner));
                    if (part == 0 && wholeFirst) {
                        awaitPartsEnded();
                    }
                }
                awaitPartsEnded();
            } catch (InterruptedException | RuntimeException | Error e) {
                threads.shutdownNow(); // the rollout unwinds: the journal keeps what the parts announced
                throw e;
            }
            if (partBroke() != null) {
                threads.shutdownNow(); // as if the process ended there: the resume watches what was sent
            }
        }
        Throwable broke;
        synchronized (this) {
            broke = partBroke;
            partBroke = null;
        }
        if (broke instanceof Error e) {
            throw e;
        }
        if (broke != null) {
            throw (RuntimeException) broke;
        }
    }

    /** How much of the plan's concurrency the commands of the wave in flight hold. Guarded by this. */
    private int inFlight;
    /** Parts of the wave whose thread has not ended. Guarded by this. */
    private int partsRunning;
    /**
     * What ended a part's thread that the part could not contain (the journal failed, a bug): a RuntimeException or
     * an Error, thrown again by the rollout's own thread. Guarded by this.
     */
    private Throwable partBroke;

    /** A command's MaxConcurrency: its share of the plan's concurrency. */
    private int share(int cameras) {
        return Math.min(strategy.maxConcurrency(), cameras);
    }

    /**
     * Waits until {@code share} fits in the plan's concurrency, and takes it; false when the rollout stops. A pause
     * meanwhile is waited out by the part itself, before its send.
     */
    private synchronized boolean awaitShare(int share) throws InterruptedException {
        while (inFlight + share > strategy.maxConcurrency() && !stopping() && partBroke == null) {
            wait(CHECK_EVERY.toMillis());
        }
        if (stopping() || partBroke != null) {
            return false;
        }
        inFlight += share;
        return true;
    }

    private synchronized void awaitPartsEnded() throws InterruptedException {
        while (partsRunning > 0 && partBroke == null) {
            wait(CHECK_EVERY.toMillis());
        }
    }

    private synchronized Throwable partBroke() {
        return partBroke;
    }

    /** A part's work on its own thread; its share of the concurrency is given back when it ends. */
    private void inFlight(ExecutorService threads, int share, PartWork work) {
        synchronized (this) {
            partsRunning++;
        }
        threads.submit(() -> {
            try {
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the rollout is unwinding
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    if (partBroke == null) {
                        partBroke = e;
                    }
                }
            } finally {
                synchronized (this) {
                    inFlight -= share;
                    partsRunning--;
                    notifyAll();
                }
            }
        });
    }

    @FunctionalInterface
    private interface PartWork {
        void run() throws InterruptedException;
    }

    /** Sends one part of a wave with its share of the concurrency, and watches it. */
    private void runPart(Wave wave, int part, List<String> cameras, int share, WaveRunner waveRunner)
            throws InterruptedException {
        List<String> ready = cameras.stream()
                .filter(c -> stateOf(c) == TargetState.PENDING || stateOf(c) == TargetState.WAITING_WINDOW).toList();
        if (ready.isEmpty() || !awaitWindows(ready)) {
            return;
        }
        List<String> sending = new ArrayList<>();
        List<Step> unreachables = new ArrayList<>();
        for (String camera : ready) {
            Optional<String> unreachable = reachable(waveRunner, placements.get(camera).target());
            if (unreachable.isPresent()) {
                unreachables.add(new Step(camera, TargetEvent.DISPATCH, ""));
                unreachables.add(new Step(camera, TargetEvent.FAILED, unreachable.get()));
            } else {
                sending.add(camera);
            }
        }
        moveAll(unreachables);
        if (sending.isEmpty() || !awaitRunning()) {
            return;
        }
        WaveRunner.Preparation prepared = waveRunner.prepare(id, wave.index(), part,
                sending.stream().map(c -> placements.get(c).target()).toList());
        if (!prepared.note().isBlank()) {
            sending.forEach(c -> log(c, prepared.note()));
        }
        if (!prepared.send()) {
            return; // the wave's later parts send these cameras
        }
        // One synced commit for the part, on the disk before the send it announces.
        moveAll(sending.stream().map(c -> new Step(c, TargetEvent.DISPATCH, "")).toList());
        int tolerated;
        synchronized (this) {
            int failures = (int) targets.values().stream().filter(TargetState::isFailure).count();
            tolerated = strategy.failureThreshold().tolerated(failures, targets.size());
        }
        Instant sendingAt = clock.instant();
        WaveRunner.Dispatch dispatch;
        try {
            dispatch = waveRunner.send(new WaveRunner.Order(id, wave.index(), release,
                    sending.stream().map(c -> placements.get(c).target()).toList(), share, tolerated, part));
        } catch (RuntimeException e) { // it may or may not have gone out: looked for, never sent again
            LOG.warn("Deployment {}: sending wave {} part {} failed", id, wave.index(), part, e);
            dispatch = new WaveRunner.Unconfirmed(describe(e));
        }
        switch (dispatch) {
            case WaveRunner.Sent s -> sent(wave, part, s.commandId(), sending, waveRunner);
            case WaveRunner.Refused r -> moveAll(sending.stream()
                    .map(c -> new Step(c, TargetEvent.FAILED, r.reason())).toList());
            case WaveRunner.Unconfirmed u -> lookFor(wave, part, sendingAt, sending, waveRunner, u.reason());
        }
    }

    private void sent(Wave wave, int part, String commandId, List<String> sending, WaveRunner waveRunner)
            throws InterruptedException {
        journalled(() -> journal.ssmCommand(id, wave.index(), part, commandId));
        String line = words.text("deploy.waveSent", commandId, wave.index());
        Map<String, List<String>> lines = new LinkedHashMap<>();
        sending.forEach(c -> lines.put(c, List.of(line)));
        journalled(() -> journal.log(id, lines));
        watch(commandId, sending, waveRunner);
    }

    /**
     * A send that may or may not have reached the executor, and could not be looked up: it is looked for again until
     * the executor answers, never sent again. Found, it is watched; not there, nothing was sent; still unanswered
     * after a while, what it did is unknown.
     */
    private void lookFor(Wave wave, int part, Instant sendingAt, List<String> sending, WaveRunner waveRunner,
                         String reason)
            throws InterruptedException {
        List<Target> targets = sending.stream().map(c -> placements.get(c).target()).toList();
        Instant since = clock.instant();
        Duration interval = FIRST_POLL;
        while (Duration.between(since, clock.instant()).compareTo(LOSE_SIGHT_AFTER) < 0) {
            if (halted != null) {
                return; // this process may no longer run it: the resume looks for the command again
            }
            pacer.pause(interval);
            interval = slower(interval);
            Optional<String> found;
            try {
                found = waveRunner.find(id, wave.index(), part, sendingAt, targets);
            } catch (RuntimeException p) {
                LOG.warn("Deployment {}: cannot look for the command of wave {}: {}", id, wave.index(),
                        describe(p));
                continue;
            }
            if (found.isPresent()) {
                sent(wave, part, found.get(), sending, waveRunner);
            } else {
                String detail = words.text("deploy.notSentAfterAll", reason);
                moveAll(sending.stream().map(c -> new Step(c, TargetEvent.FAILED, detail)).toList());
            }
            return;
        }
        String detail = words.text("deploy.unconfirmed", reason, LOSE_SIGHT_AFTER.toMinutes());
        moveAll(sending.stream().map(c -> new Step(c, TargetEvent.CONTACT_LOST, detail)).toList());
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
            List<Step> waiting = new ArrayList<>();
            for (String camera : closed) {
                if (stateOf(camera) == TargetState.PENDING) {
                    Placement p = placements.get(camera);
                    waiting.add(new Step(camera, TargetEvent.WINDOW_CLOSED, words.text("deploy.waveWindow",
                            p.window(), p.zone(), opening)));
                }
            }
            moveAll(waiting);
            pacer.pause(CHECK_EVERY);
        }
        return false;
    }

    /**
     * Polls the command until every one of {@code cameras} has ended, journalling what each invocation reports. The
     * interval starts at 2 s and doubles up to 30 s while nothing changes (polling every second gets throttled); a
     * throttled poll doubles it at once, and is an answer, not a step towards losing sight of the command.
     */
    private void watch(String commandId, List<String> cameras, WaveRunner waveRunner) throws InterruptedException {
        Map<String, Target> open = new LinkedHashMap<>();
        cameras.forEach(c -> open.put(c, placements.get(c).target()));
        Map<String, WaveRunner.Outcome> seen = new LinkedHashMap<>();
        Duration interval = FIRST_POLL;
        Instant lastAnswer = clock.instant();
        boolean cancelled = false;
        while (!open.isEmpty()) {
            if (halted != null) {
                return; // the command runs on; the resume watches it again
            }
            if (!cancelled && stopping()) {
                cancelled = cancelPending(commandId, open, seen, waveRunner);
            }
            Map<String, WaveRunner.Invocation> now;
            try {
                now = waveRunner.poll(commandId, List.copyOf(open.values()));
                lastAnswer = clock.instant();
            } catch (WaveRunner.Throttled p) { // it answered, asking for fewer calls: not out of sight
                lastAnswer = clock.instant();
                LOG.info("Deployment {}: polling command {} was throttled; polling less often", id, commandId);
                interval = slower(interval);
                pacer.pause(interval);
                continue;
            } catch (RuntimeException p) {
                if (!Duration.between(lastAnswer, clock.instant()).minus(LOSE_SIGHT_AFTER).isNegative()) {
                    String detail = words.text("deploy.lostSightOfCommand", commandId, LOSE_SIGHT_AFTER.toMinutes(),
                            describe(p));
                    moveAll(open.keySet().stream().map(c -> new Step(c, TargetEvent.CONTACT_LOST, detail)).toList());
                    return;
                }
                LOG.warn("Deployment {}: cannot poll command {}: {}", id, commandId, describe(p));
                pacer.pause(interval);
                interval = slower(interval);
                continue;
            }
            // What one poll reports is journalled in one synced commit, before anything acts on it: the threshold,
            // a cancel, the next part's send, the fleet told of a new version. A crash before that commit leaves
            // none of it journalled, and the resume polls the same command again and reads the same outcomes.
            boolean changed = false;
            List<Step> steps = new ArrayList<>();
            Map<String, List<String>> output = new LinkedHashMap<>();
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
                        output.put(camera, invocation.output());
                    }
                    open.remove(camera);
                }
                List<TargetEvent> events = InvocationSteps.events(stateOf(camera), invocation.outcome());
                for (int i = 0; i < events.size(); i++) {
                    steps.add(new Step(camera, events.get(i), i == events.size() - 1 ? invocation.detail() : ""));
                }
            }
            if (!output.isEmpty()) {
                journalled(() -> journal.log(id, output));
            }
            moveAll(steps);
            if (!open.isEmpty()) {
                interval = changed ? FIRST_POLL : slower(interval);
                pacer.pause(interval);
            }
        }
    }

    /**
     * On an abort or once the threshold is exceeded, the invocations of the command not started yet are cancelled:
     * they are new dispatches. Those running end on their own. False when the command's service could not be asked
     * (tried again at the next poll).
     */
    private boolean cancelPending(String commandId, Map<String, Target> open, Map<String, WaveRunner.Outcome> seen,
                                  WaveRunner waveRunner) {
        List<Target> pending = open.entrySet().stream()
                .filter(e -> seen.getOrDefault(e.getKey(), WaveRunner.Outcome.QUEUED) == WaveRunner.Outcome.QUEUED)
                .map(Map.Entry::getValue).toList();
        if (pending.isEmpty()) {
            return true;
        }
        try {
            waveRunner.cancel(commandId, pending);
            LOG.info("Deployment {}: cancelled the {} pending invocations of command {}", id, pending.size(),
                    commandId);
            return true;
        } catch (RuntimeException p) {
            LOG.warn("Deployment {}: cannot cancel command {}: {}", id, commandId, describe(p));
            return false;
        }
    }

    private static Duration slower(Duration interval) {
        Duration doubled = interval.multipliedBy(2);
        return doubled.compareTo(SLOWEST_POLL) > 0 ? SLOWEST_POLL : doubled;
    }

    private void log(String camera, String line) {
        journalled(() -> journal.log(id, camera, List.of(line)));
    }

    /**
     * A journal write; when it fails, the rollout halts (the step it announces must not be taken) and
     * {@link JournalFailed} unwinds the caller.
     */
    private void journalled(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            synchronized (this) {
                if (halted == null) {
                    halted = e instanceof Problem p ? p : new Problem(e, "deploy.journalFailed",
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
                notifyAll();
            }
            throw new JournalFailed(e);
        }
    }

    /** The journal could not be written: the rollout halts where the journal says it is. */
    static final class JournalFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JournalFailed(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** Journals a target's transition, then takes it; then checks the threshold. */
    private void move(String camera, TargetEvent event, String detail) {
        moveAll(List.of(new Step(camera, event, detail)));
    }

    /** A target's transition, one of a batch. */
    private record Step(String camera, TargetEvent event, String detail) {
    }

    /**
     * Journals target transitions, in order, in one synced commit (a camera may take several steps), then takes
     * them all; then checks the threshold once and tells the listeners once. None is taken when the commit fails.
     */
    private void moveAll(List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (halted != null) {
                throw new JournalFailed(halted); // nothing more is journalled or done once halted
            }
            Map<String, TargetState> after = new LinkedHashMap<>();
            List<DeploymentJournal.Move> moves = new ArrayList<>(steps.size());
            boolean failed = false;
            for (Step s : steps) {
                TargetState from = after.getOrDefault(s.camera(), targets.get(s.camera()));
                TargetState to = TargetTransitions.next(from, s.event());
                moves.add(new DeploymentJournal.Move(s.camera(), from, to, s.detail()));
                after.put(s.camera(), to);
                failed |= to.isFailure();
            }
            if (moves.size() == 1) {
                DeploymentJournal.Move m = moves.getFirst();
                journalled(() -> journal.moveTarget(id, m.cameraId(), m.from(), m.to(), m.detail(), false));
            } else {
                journalled(() -> journal.moveTargets(id, moves));
            }
            after.forEach((camera, to) -> {
                if (to.isSuccess() && !targets.get(camera).isSuccess()) {
                    succeeded.add(camera);
                }
            });
            targets.putAll(after);
            if (failed && !state.isStopping() && !state.isFinal()) {
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
        DeploymentState from = state;
        journalled(() -> journal.moveDeployment(id, from, to, detail));
        state = to;
    }
}
