package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.deploy.BudgetGuard;
import io.camfleet.console.domain.deploy.BlastRadius;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.deploy.PlanTarget;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetEvent;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.TargetTransitions;
import io.camfleet.console.domain.deploy.Wave;
import io.camfleet.console.domain.deploy.WavePlanner;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Deployments as the operator and pipelines drive them: a dry run, a launch, the actions on a running one, and
 * picking one up after the console stopped under it. Every action that changes the world is audited as intent,
 * then outcome; every transition is journalled before its step.
 */
public final class DeploymentService {

    private final DeploymentJournal journal;
    private final ReleaseStore releases;
    private final ReleaseArtifacts artifacts;
    private final AuditService audit;
    private final Clock clock;
    private final Pacer pacer;
    private final ErrorBudgets budgets;
    private final Messages words = new Messages(Locale.ROOT);

    /**
     * @param artifacts checks a release's artifact at launch, for executors that read it on this machine
     */
    public DeploymentService(DeploymentJournal journal, ReleaseStore releases, ReleaseArtifacts artifacts,
                             AuditService audit, Clock clock, Pacer pacer) {
        this(journal, releases, artifacts, audit, clock, pacer, ErrorBudgets.UNKNOWN);
    }

    /** @param budgets the error budget left at each site this month: shown in the dry run, weighed by the guard */
    public DeploymentService(DeploymentJournal journal, ReleaseStore releases, ReleaseArtifacts artifacts,
                             AuditService audit, Clock clock, Pacer pacer, ErrorBudgets budgets) {
        this.budgets = budgets;
        this.journal = journal;
        this.releases = releases;
        this.artifacts = artifacts;
        this.audit = audit;
        this.clock = clock;
        this.pacer = pacer;
    }

    /**
     * The waves a plan makes of its targets, and what each wave touches: the dry run.
     *
     * @param unreachable the cameras the executor cannot reach at all (no address, one that cannot be read), each
     *                    with the sentence it will fail with, in plan order
     * @param closedWindows the sites whose maintenance window is closed now, with when it next opens, soonest
     *                      first; none when the plan ignores the windows
     * @param budgets       the error budget left this month at each wave's sites, and the sites the guard holds back
     */
    public record DryRun(List<Wave> waves, BlastRadius blastRadius, Map<String, String> unreachable,
                         List<WindowOpening> closedWindows, BudgetCheck budgets) {
    }

    /** A site whose cameras wait for its maintenance window, and when it next opens, in the site's own zone. */
    public record WindowOpening(String siteId, String siteName, int cameras, MaintenanceWindow window, ZoneId zone,
                                Instant opens) {
    }

    /** The waves, what each touches, and the cameras {@code executor} cannot reach at all. */
    private DryRun dryRun(List<PlanTarget> targets, Strategy strategy, Map<String, Rollout.Placement> placements,
                          DeploymentExecutor executor) {
        if (targets.isEmpty()) {
            throw Problem.badInput("deploy.noTargets");
        }
        List<Wave> waves;
        try {
            waves = WavePlanner.plan(targets, strategy);
        } catch (IllegalArgumentException e) {
            throw Problem.badInput("plan.invalid", e.getMessage());
        }
        Map<String, PlanTarget> byId = new HashMap<>();
        targets.forEach(t -> byId.put(t.cameraId(), t));
        Map<String, String> unreachable = new LinkedHashMap<>();
        for (PlanTarget t : targets) {
            Rollout.Placement p = placements.get(t.cameraId());
            if (p != null) {
                executor.cannotReach(p.target()).ifPresent(why -> unreachable.put(t.cameraId(), why));
            }
        }
        return new DryRun(waves, BlastRadius.of(waves, byId), unreachable,
                strategy.ignoreMaintenanceWindows() ? List.of() : closedWindows(targets, placements),
                budgets.check(waves, byId, strategy.budgetGuard(), clock.instant()));
    }

    /** The sites of {@code targets} whose window is closed now, with its next opening, soonest first. */
    private List<WindowOpening> closedWindows(List<PlanTarget> targets, Map<String, Rollout.Placement> placements) {
        Instant now = clock.instant();
        Map<String, WindowOpening> bySite = new LinkedHashMap<>();
        for (PlanTarget t : targets) {
            Rollout.Placement p = placements.get(t.cameraId());
            if (p == null || p.window().isOpen(now, p.zone())) {
                continue;
            }
            bySite.merge(t.siteId(), new WindowOpening(t.siteId(), t.siteName(), 1, p.window(), p.zone(),
                            p.window().nextOpening(now, p.zone())),
                    (a, b) -> new WindowOpening(a.siteId(), a.siteName(), a.cameras() + 1, a.window(), a.zone(),
                            a.opens()));
        }
        return bySite.values().stream().sorted(java.util.Comparator.comparing(WindowOpening::opens)
                .thenComparing(WindowOpening::siteName)).toList();
    }

    /**
     * What a launch would do, checked as a launch checks it, with nothing journalled: the waves and their blast
     * radius, and the artifact that would be sent (empty when the executor does not read it here).
     */
    public record Preview(DryRun dryRun, Optional<ReleaseArtifacts.Checked> artifact) {
    }

    /**
     * Checks all a launch checks, and journals nothing: the dry run of {@code camfleet deploy --dry-run} and of the
     * window's wizard.
     *
     * @throws Problem (BAD_INPUT) naming what the launch would refuse
     */
    public Preview preview(Release release, Strategy strategy, List<PlanTarget> targets,
                           Map<String, Rollout.Placement> placements, DeploymentExecutor runner) {
        List<Release.Problem> problems = release.problems();
        if (!problems.isEmpty()) {
            Messages words = new Messages(Locale.ROOT);
            throw Problem.badInput("deploy.badRelease", release.label(), problems.stream()
                    .map(p -> words.text("release.problem." + p.name())).collect(Collectors.joining("; ")));
        }
        DryRun dry = dryRun(targets, strategy, placements, runner);
        if (strategy.budgetGuard().holds() && !dry.budgets().known()) {
            // A guard that cannot see the budgets would let every site through while seeming to protect them.
            throw Problem.badInput("deploy.budgetsUnknown", strategy.budgetGuard().toString());
        }
        if (runner instanceof WaveRunner waves) {
            checkWholeWaves(waves, release, strategy, dry.waves(), placements);
        }
        return new Preview(dry, checkArtifact(release, runner));
    }

    /** The artifact, checked where this executor reads it here; empty where it does not. */
    private Optional<ReleaseArtifacts.Checked> checkArtifact(Release release, DeploymentExecutor runner) {
        if (!runner.readsLocalArtifact()) {
            return Optional.empty();
        }
        if (release.inS3()) {
            throw Problem.badInput("release.artifact.inS3", release.artifact());
        }
        return Optional.of(artifacts.check(release));
    }

    /**
     * Checks ({@link #preview}) and stores the release, journals the new deployment with every target PENDING, and
     * returns its rollout, ready to {@link Rollout#run() run} on a thread of the caller's.
     *
     * @param placements where each planned camera is, and its maintenance window
     */
    public Rollout launch(Release release, Strategy strategy, List<PlanTarget> targets,
                          Map<String, Rollout.Placement> placements, ExecutorKind executor, DeploymentExecutor runner,
                          Consumer<Rollout> onChange) {
        return launch(release, strategy, targets, placements, executor, runner, onChange, null);
    }

    /**
     * As {@link #launch(Release, Strategy, List, Map, ExecutorKind, DeploymentExecutor, Consumer)}, the deployment journalled
     * with its lease held by {@code lease} (see {@link RolloutService}).
     */
    public Rollout launch(Release release, Strategy strategy, List<PlanTarget> targets,
                          Map<String, Rollout.Placement> placements, ExecutorKind executor, DeploymentExecutor runner,
                          Consumer<Rollout> onChange, Lease lease) {
        Preview preview = preview(release, strategy, targets, placements, runner);
        DryRun dry = preview.dryRun();
        String id = newId();
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("release", release.label());
        parameters.put("targets", Integer.toString(targets.size()));
        parameters.put("waves", Integer.toString(dry.waves().size()));
        parameters.put("executor", executor.name());
        parameters.put("sha256", release.sha256());
        preview.artifact().ifPresent(a -> parameters.put("artifact", a.path() + " (" + a.bytes() + " bytes)"));
        parameters.put("plan", PlanJson.write(strategy));
        if (strategy.ignoreMaintenanceWindows()) {
            parameters.put("maintenanceWindows", "IGNORED (emergency)");
        }
        BudgetGuard guard = strategy.budgetGuard();
        if (guard.isSet()) {
            parameters.put("errorBudgetGuard", guard + (guard.isEmergency() ? " OVERRIDDEN (emergency)" : ""));
            parameters.put("heldBackAtLaunch", Integer.toString(dry.budgets().skipped().size()));
        }
        if (guard.isEmergency()) {
            parameters.put("emergency", guard.emergencyReason());
        }
        return audit.perform(AuditActions.DEPLOY_LAUNCH, id, parameters, () -> {
            if (guard.isSet() && guard.isEmergency()) {
                auditOverride(id, guard, dry.budgets());
            }
            releases.save(release, audit.operator().osUser());
            Instant now = clock.instant();
            List<TargetRecord> records = new ArrayList<>();
            for (Wave w : dry.waves()) {
                for (String camera : w.cameraIds()) {
                    records.add(new TargetRecord(placements.get(camera).target(), w.index(), TargetState.PENDING, 0,
                            "", now));
                }
            }
            journal.create(new DeploymentRecord(id, release.name(), release.version(), executor,
                    PlanJson.write(strategy), DeploymentState.RUNNING, now, audit.operator().osUser(), now), records,
                    lease);
            return new Rollout(id, release, strategy, dry.waves(), placements, DeploymentState.RUNNING, Map.of(),
                    runner, journal, clock, pacer, onChange, guard(strategy));
        });
    }

    /**
     * The emergency override of the error-budget guard, audited on its own: who launched it, why, and which sites
     * below the guard it lets through (unknown when no figures are kept).
     */
    private void auditOverride(String id, BudgetGuard guard, BudgetCheck budgets) {
        Map<String, String> p = new TreeMap<>();
        p.put("errorBudgetGuard", guard.toString());
        p.put("reason", guard.emergencyReason());
        p.put("sitesBelowGuard", !budgets.known() ? "unknown (no availability figures)"
                : budgets.heldBack().isEmpty() ? "none"
                : budgets.heldBack().stream().map(h -> h.siteId() + String.format(Locale.ROOT, " (%.1f %%)",
                        h.leftPercent())).distinct().collect(Collectors.joining(", ")));
        audit.record(AuditActions.DEPLOY_BUDGET_OVERRIDE, id, p, AuditOutcome.SUCCEEDED);
    }

    /** The guard a rollout weighs as each wave starts: the sites below it now, each with its reason. */
    private Rollout.Guard guard(Strategy strategy) {
        BudgetGuard guard = strategy.budgetGuard();
        if (!guard.holds()) {
            return Rollout.Guard.NONE;
        }
        return sites -> {
            Optional<Map<String, Double>> left = budgets.leftThisMonth(sites, clock.instant());
            Map<String, String> held = new LinkedHashMap<>();
            for (String site : sites) {
                if (left.isEmpty()) { // the figures broke since the launch: a guard holds when it cannot see
                    held.put(site, words.text("deploy.heldBack.unknown", guard.toString()));
                } else {
                    Double l = left.get().get(site);
                    if (l != null && guard.below(l)) {
                        held.put(site, words.text("deploy.heldBack", String.format(Locale.ROOT, "%.1f %%",
                                l * 100.0), guard.toString()));
                    }
                }
            }
            return held;
        };
    }

    /**
     * A wave sent as one command must suit the executor, and its cameras' maintenance windows must all be open at
     * some time: else the wave would wait forever.
     */
    private void checkWholeWaves(WaveRunner waves, Release release, Strategy strategy, List<Wave> planned,
                                 Map<String, Rollout.Placement> placements) {
        waves.check(release, planned.stream()
                .map(w -> w.cameraIds().stream().map(c -> placements.get(c).target()).toList()).toList());
        if (strategy.ignoreMaintenanceWindows()) {
            return;
        }
        for (Wave w : planned) {
            List<Rollout.Placement> wave = w.cameraIds().stream().map(placements::get).toList();
            if (WaveWindows.firstCommonOpening(wave, clock.instant(), WaveWindows.HORIZON).isEmpty()) {
                throw Problem.badInput("deploy.waveWindowsApart", w.index());
            }
        }
    }

    /**
     * Picks up a deployment the console stopped under: targets under way become UNKNOWN and are re-probed (a wave
     * sent as one command is reconciled with its command instead, see {@link Recovery}); the rollout then goes on
     * from where it stopped and never runs a camera again that succeeded.
     */
    public Rollout resumeInterrupted(String id, Map<String, Rollout.Placement> placements, DeploymentExecutor runner,
                                     Consumer<Rollout> onChange) {
        DeploymentRecord d = journal.find(id).orElseThrow(() -> Problem.badInput("deploy.unknown", id));
        if (d.state().isFinal()) {
            throw Problem.badInput("deploy.alreadyEnded", id, d.state().name());
        }
        Release release = releases.find(d.releaseName(), d.releaseVersion())
                .orElseThrow(() -> new Problem("deploy.releaseMissing", d.releaseName(), d.releaseVersion()));
        Strategy strategy = PlanJson.parse(d.plan());
        checkArtifact(release, runner); // it is sent again: it may have changed since the launch
        return audit.perform(AuditActions.DEPLOY_RESUME_INTERRUPTED, id, Map.of("state", d.state().name()), () -> {
            List<TargetRecord> targets = journal.targets(id);
            Map<String, TargetState> states = Recovery.recover(d, targets, runner, journal);
            Map<Integer, List<String>> byWave = new TreeMap<>();
            Map<String, Rollout.Placement> known = new LinkedHashMap<>(placements);
            for (TargetRecord t : targets) {
                byWave.computeIfAbsent(t.wave(), w -> new ArrayList<>()).add(t.target().cameraId());
                known.putIfAbsent(t.target().cameraId(), new Rollout.Placement(t.target(),
                        MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
            }
            List<Wave> waves = new ArrayList<>();
            byWave.forEach((index, cameras) -> waves.add(new Wave(index,
                    index == 0 && !strategy.canary().isNone(), cameras)));
            return new Rollout(id, release, strategy, waves, known, d.state(), states, runner, journal, clock, pacer,
                    onChange, guard(strategy));
        });
    }

    /**
     * @throws Problem (BAD_INPUT) when there is no such deployment
     */
    public DeploymentRecord find(String id) {
        return journal.find(id).orElseThrow(() -> Problem.badInput("deploy.unknown", id));
    }

    public List<TargetRecord> targets(String id) {
        return journal.targets(id);
    }

    /** The newest deployments first. */
    public List<DeploymentRecord> recent(int limit) {
        return journal.recent(limit);
    }

    /** The last {@code perTarget} lines each target printed, by camera id. */
    public Map<String, List<String>> lastLines(String id, int perTarget) {
        return journal.lastLines(id, perTarget);
    }

    /** The last {@code limit} lines one target printed: its log. */
    public List<String> logOf(String id, String cameraId, int limit) {
        return journal.logOf(id, cameraId, limit);
    }

    /**
     * All there is to read of one target: its transitions with their times and details (why it waits, why it
     * failed), then the last {@code limit} lines its commands printed. A target that printed nothing yet, such as
     * one waiting for its window, still says what it is doing.
     */
    public TargetLog targetLog(String id, String cameraId, int limit) {
        return new TargetLog(journal.eventsOf(id, cameraId), journal.logOf(id, cameraId, limit));
    }

    /** A target's transitions, oldest first, and the lines its commands printed, oldest first. */
    public record TargetLog(List<DeploymentJournal.Event> transitions, List<String> output) {
    }

    /** Every transition of a deployment and its targets, oldest first. */
    public List<DeploymentJournal.Event> events(String id) {
        return journal.events(id);
    }

    /** The releases stored, newest first. */
    public List<Release> releases() {
        return releases.all();
    }

    /**
     * Tries the failed targets of an ended deployment again (failed, unreachable, rolled back): a new deployment of
     * the same release and plan on just them, as Ansible's retry files do, so that the first keeps its record as it
     * ended. Explicit wave lists give way to one wave: they named cameras of the first deployment.
     *
     * @param fleet where the cameras are now, and their windows (the caller reads the fleet)
     * @throws Problem (BAD_INPUT) while the deployment still runs, or when none of its targets failed
     */
    public Rollout retryFailed(String id, DeploymentTargets fleet, DeploymentExecutor runner,
                               Consumer<Rollout> onChange) {
        return retryFailed(id, fleet, runner, onChange, null);
    }

    /** As {@link #retryFailed(String, DeploymentTargets, DeploymentExecutor, Consumer)}, held by {@code lease}. */
    public Rollout retryFailed(String id, DeploymentTargets fleet, DeploymentExecutor runner,
                               Consumer<Rollout> onChange, Lease lease) {
        DeploymentRecord d = find(id);
        if (!d.state().isFinal()) {
            throw Problem.badInput("deploy.retryRunning", id, d.state().name());
        }
        List<String> failed = journal.targets(id).stream().filter(t -> t.state().isFailure())
                .map(t -> t.target().cameraId()).toList();
        List<PlanTarget> plan = fleet.plan().stream().filter(t -> failed.contains(t.cameraId())).toList();
        if (plan.isEmpty()) {
            throw Problem.badInput("deploy.nothingToRetry", id);
        }
        Release release = releases.find(d.releaseName(), d.releaseVersion())
                .orElseThrow(() -> new Problem("deploy.releaseMissing", d.releaseName(), d.releaseVersion()));
        Strategy s = PlanJson.parse(d.plan());
        Strategy strategy = s.waves() instanceof WaveSizing.Explicit
                ? new Strategy(s.canary(), s.canaryApproval(), new WaveSizing.EachOf(HostCount.percent(100)),
                s.maxConcurrency(), s.failureThreshold(), s.pauseBetweenWaves(), s.ignoreMaintenanceWindows(),
                s.budgetGuard())
                : s;
        return audit.perform(AuditActions.DEPLOY_RETRY, id, Map.of("targets", Integer.toString(plan.size())),
                () -> launch(release, strategy, plan, fleet.placements(), d.executor(), runner, onChange, lease));
    }

    /** What a rollback of failed targets came to. */
    public record RollbackReport(int rolledBack, int failed) {
    }

    /**
     * Runs the release's rollback script on each FAILED target of an ended deployment, at most the plan's
     * concurrency at once; each one that comes back is ROLLED_BACK (journalled, a new attempt), one whose rollback
     * fails stays FAILED with the reason in its log. Unreachable (UNKNOWN) cameras are left alone: nothing is known
     * of them to undo.
     *
     * @throws Problem (BAD_INPUT) while the deployment still runs, or when no target is FAILED;
     *                 {@code deploy.rollbackPartly} when some could not be rolled back (each says why in its log)
     */
    public RollbackReport rollbackFailed(String id, DeploymentExecutor executor) {
        if (!(executor instanceof TargetRunner runner)) {
            throw Problem.badInput("deploy.rollbackWholeWave", id);
        }
        DeploymentRecord d = find(id);
        if (!d.state().isFinal()) {
            throw Problem.badInput("deploy.rollbackRunning", id, d.state().name());
        }
        List<TargetRecord> failed = journal.targets(id).stream().filter(t -> t.state() == TargetState.FAILED)
                .toList();
        if (failed.isEmpty()) {
            throw Problem.badInput("deploy.nothingToRollBack", id);
        }
        Release release = releases.find(d.releaseName(), d.releaseVersion())
                .orElseThrow(() -> new Problem("deploy.releaseMissing", d.releaseName(), d.releaseVersion()));
        int concurrency = PlanJson.parse(d.plan()).maxConcurrency();
        return audit.perform(AuditActions.DEPLOY_ROLLBACK, id,
                Map.of("targets", Integer.toString(failed.size())), () -> {
                    AtomicInteger back = new AtomicInteger();
                    Semaphore slots = new Semaphore(concurrency);
                    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                        for (TargetRecord t : failed) {
                            threads.submit(() -> {
                                slots.acquireUninterruptibly();
                                try {
                                    if (rollBack(id, t.target(), release, runner)) {
                                        back.incrementAndGet();
                                    }
                                } finally {
                                    runner.done(t.target());
                                    slots.release();
                                }
                            });
                        }
                    }
                    RollbackReport r = new RollbackReport(back.get(), failed.size() - back.get());
                    if (r.failed() > 0) {
                        throw new Problem("deploy.rollbackPartly", r.rolledBack(), failed.size(), id);
                    }
                    return r;
                });
    }

    private boolean rollBack(String id, Target t, Release release, TargetRunner runner) {
        String camera = t.cameraId();
        TargetRunner.StepResult r;
        try {
            r = runner.rollback(t, release, line -> journal.log(id, camera, List.of(line)));
        } catch (Problem unreachable) {
            r = TargetRunner.StepResult.failed(unreachable.getMessage());
        }
        if (!r.ok()) {
            journal.log(id, camera, List.of("rollback failed: " + r.detail()));
            return false;
        }
        journal.moveTarget(id, camera, TargetState.FAILED,
                TargetTransitions.next(TargetState.FAILED, TargetEvent.ROLLED_BACK), "rolled back", true);
        return true;
    }

    /**
     * Trusts a host key the operator has seen and accepted (its fingerprint shown to them): audited, then recorded
     * in known_hosts, replacing a changed key.
     */
    public void trustHostKey(TargetRunner runner, HostKeyRejected rejected) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("fingerprint", rejected.sha256Fingerprint());
        parameters.put("keyType", rejected.keyType());
        parameters.put("reason", rejected.reason().name());
        audit.perform(AuditActions.SSH_HOSTKEY_ACCEPT, rejected.host() + ":" + rejected.port(), parameters, () -> {
            runner.trust(rejected);
            return null;
        });
    }

    public void approve(Rollout r) {
        act(AuditActions.DEPLOY_APPROVE, r, () -> r.approve(audit.operator().osUser()));
    }

    public void pause(Rollout r) {
        act(AuditActions.DEPLOY_PAUSE, r, () -> r.pause(audit.operator().osUser()));
    }

    public void resume(Rollout r) {
        act(AuditActions.DEPLOY_RESUME, r, () -> r.resume(audit.operator().osUser()));
    }

    /** Asks for an abort: shows as "abort requested" (ABORTING) until the targets under way have finished. */
    public void abort(Rollout r) {
        act(AuditActions.DEPLOY_ABORT, r, () -> r.abort(audit.operator().osUser()));
    }

    private void act(String action, Rollout r, Runnable work) {
        audit.perform(action, r.id(), Map.of("state", r.state().name()), () -> {
            try {
                work.run();
            } catch (IllegalStateException e) {
                throw Problem.badInput("deploy.cannot", r.id(), r.state().name());
            }
            return null;
        });
    }

    /** Ids that sort by time and tell a person when: {@code d-20261126-1432-7f3a}. */
    private String newId() {
        return "d-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC).format(clock.instant())
                + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
