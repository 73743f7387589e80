package io.camfleet.console.ui.deploy;

import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.DeploymentExecutor;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.DeploymentTargets;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.RolloutService;
import io.camfleet.console.service.deploy.TargetRecord;
import io.camfleet.console.service.deploy.TargetRunner;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.ui.common.BackgroundTasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Deployments screen's state with no toolkit: the deployments in the journal with who runs each, the selected
 * one with its targets, and which operator actions apply to it now. The rollouts belong to the
 * {@link RolloutService}; this only observes them. Reads run in the background and are handed over whole, on the UI
 * thread of the {@link BackgroundTasks}; a burst of rollout transitions becomes one read.
 */
final class DeploymentsModel {

    /** What runs a release on cameras, for an executor. */
    @FunctionalInterface
    interface Runners {
        DeploymentExecutor runner(ExecutorKind executor, FleetSnapshot fleet, String sshUser);
    }

    /** The operator actions that apply to the selected deployment now, one flag each. */
    record Actions(boolean approve, boolean pause, boolean resume, boolean abort, boolean resumeInterrupted,
                   boolean retry, boolean rollBack) {
        static final Actions NONE = new Actions(false, false, false, false, false, false, false);
    }

    /** Last lines of output per target in the table. */
    static final int LAST_LINES = 2;
    /** How long a burst of rollout transitions is gathered into one read. */
    static final Duration REFRESH_DELAY = Duration.ofMillis(250);

    private final DeploymentService service;
    private final RolloutService rollouts;
    private final Runners runners;
    private final Supplier<FleetSnapshot> fleet;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final List<Runnable> listeners = new ArrayList<>();
    private final Runnable changedSoon;
    private final Consumer<Rollout> onRollout;

    // The state: only read and written on the UI thread.
    private List<DeploymentRecord> deployments = List.of();
    private Map<String, RolloutService.Activity> activities = Map.of();
    private String selectedId;
    private DeploymentsViewModel.Detail detail;
    private Actions actions = Actions.NONE;
    private String notice = "";
    private String sshUser = "camfleet";
    private boolean closed;

    DeploymentsModel(DeploymentService service, RolloutService rollouts, Runners runners,
                     Supplier<FleetSnapshot> fleet, BackgroundTasks tasks, Messages messages) {
        this.service = service;
        this.rollouts = rollouts;
        this.runners = runners;
        this.fleet = fleet;
        this.tasks = tasks;
        this.m = messages;
        this.changedSoon = tasks.debounce(REFRESH_DELAY, this::refresh);
        this.onRollout = r -> changedSoon.run();
        rollouts.addListener(onRollout);
    }

    /** Called on the UI thread after anything shown changed. */
    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    List<DeploymentRecord> deployments() {
        return deployments;
    }

    String selectedId() {
        return selectedId;
    }

    DeploymentsViewModel.Detail detail() {
        return detail;
    }

    Actions actions() {
        return actions;
    }

    String notice() {
        return notice;
    }

    String sshUser() {
        return sshUser;
    }

    void sshUser(String user) {
        sshUser = user;
    }

    Messages messages() {
        return m;
    }

    FleetSnapshot fleet() {
        return fleet.get();
    }

    /** Shows another deployment. */
    void select(String id) {
        if (!Objects.equals(id, selectedId)) {
            selectedId = id;
            refresh();
        }
    }

    /** A deployment that is not final and that nobody runs: its lease expired, or its process is gone. */
    boolean isInterrupted(DeploymentRecord d) {
        return !d.state().isFinal() && activities.get(d.id()) == RolloutService.Activity.INTERRUPTED;
    }

    int running() {
        return rollouts.runningCount();
    }

    /** Stops showing: rollouts go on (the service runs them), the screen just stops asking. */
    void close() {
        closed = true;
        rollouts.removeListener(onRollout);
    }

    // ---- reading ----

    private record Read(List<DeploymentRecord> list, Map<String, RolloutService.Activity> who,
                        DeploymentsViewModel.Detail detail, Actions actions) {
    }

    /** Reads the list and the selected deployment again, in the background. */
    void refresh() {
        if (closed) {
            return;
        }
        String id = selectedId;
        FleetSnapshot snapshot = fleet.get();
        tasks.job(m.text("deploy.task.read"), p -> read(id, snapshot))
                .quiet()
                .onSuccess(r -> {
                    if (!closed) {
                        apply(id, r);
                    }
                })
                .start();
    }

    private Read read(String id, FleetSnapshot snapshot) {
        List<RolloutService.Status> statuses = rollouts.list(200);
        List<DeploymentRecord> list = statuses.stream().map(RolloutService.Status::deployment).toList();
        Map<String, RolloutService.Activity> who = new HashMap<>();
        statuses.forEach(st -> who.put(st.deployment().id(), st.activity()));
        DeploymentsViewModel.Detail d = id == null ? null : detailOf(id, snapshot);
        return new Read(list, Map.copyOf(who), d, d == null ? Actions.NONE : actionsOn(d, who.get(id)));
    }

    private void apply(String id, Read r) {
        deployments = r.list();
        activities = r.who();
        if (Objects.equals(id, selectedId)) {
            detail = r.detail();
            actions = r.actions();
        }
        changed();
        if (selectedId == null && !r.list().isEmpty()) {
            select(r.list().get(0).id());
        }
    }

    private DeploymentsViewModel.Detail detailOf(String id, FleetSnapshot snapshot) {
        DeploymentRecord d;
        try {
            d = service.find(id);
        } catch (Problem gone) {
            return null;
        }
        List<TargetRecord> targets = service.targets(id);
        Map<String, List<String>> lines = service.lastLines(id, LAST_LINES);
        Map<String, Site> sites = new HashMap<>();
        if (snapshot != null) {
            for (SiteSummary s : snapshot.sites()) {
                sites.put(s.site().id(), s.site());
            }
        }
        List<DeploymentsViewModel.TargetRow> rows = new ArrayList<>(targets.size());
        Map<String, List<TargetState>> bySite = new LinkedHashMap<>();
        int waves = 0;
        for (TargetRecord t : targets) {
            Site site = sites.get(t.target().siteId());
            rows.add(new DeploymentsViewModel.TargetRow(t, site == null ? t.target().siteId() : site.name(),
                    lines.getOrDefault(t.target().cameraId(), List.of())));
            bySite.computeIfAbsent(t.target().siteId(), k -> new ArrayList<>()).add(t.state());
            waves = Math.max(waves, t.wave() + 1);
        }
        List<DeploymentsViewModel.SitePoint> points = new ArrayList<>();
        bySite.forEach((siteId, states) -> {
            Site s = sites.get(siteId);
            if (s != null && s.isPlaced()) {
                points.add(new DeploymentsViewModel.SitePoint(siteId, s.name(), s.latitude(), s.longitude(),
                        List.copyOf(states)));
            }
        });
        return new DeploymentsViewModel.Detail(d, rollouts.running(id).isPresent(), rows, points, waves);
    }

    /** What the operator may do to a deployment, as it was read. */
    private Actions actionsOn(DeploymentsViewModel.Detail d, RolloutService.Activity activity) {
        DeploymentState s = d.deployment().state();
        Rollout rollout = rollouts.running(d.deployment().id()).orElse(null);
        boolean running = rollout != null;
        boolean awaitingApproval = running && rollout.awaitingApproval();
        boolean interrupted = !s.isFinal() && activity == RolloutService.Activity.INTERRUPTED;
        return new Actions(
                running && s == DeploymentState.PAUSED && awaitingApproval,
                running && s == DeploymentState.RUNNING,
                running && s == DeploymentState.PAUSED && !awaitingApproval,
                running && (s == DeploymentState.RUNNING || s == DeploymentState.PAUSED),
                !running && interrupted,
                s.isFinal() && d.targets().stream().anyMatch(t -> t.state().isFailure()),
                s.isFinal() && d.targets().stream().anyMatch(t -> t.state() == TargetState.FAILED));
    }

    /** The full log of one target of the selected deployment, read in the background. */
    void log(String cameraId, Consumer<DeploymentService.TargetLog> show) {
        String id = selectedId;
        if (id == null) {
            return;
        }
        tasks.job(m.text("deploy.task.read"), p -> service.targetLog(id, cameraId, 100_000))
                .quiet()
                .onSuccess(log -> {
                    if (!closed && id.equals(selectedId)) {
                        show.accept(log);
                    }
                })
                .start();
    }

    // ---- actions ----

    /** Launches in the background; the new deployment is selected and runs on a thread of its own. */
    void launch(DeploymentsViewModel.Launch l) {
        sshUser = l.sshUser();
        FleetSnapshot snapshot = fleet.get();
        tasks.job(m.text("deploy.task.launch", l.release().label()), p -> rollouts.launch(l.release(), l.strategy(),
                        l.targets().plan(), l.targets().placements(), l.executor(),
                        runners.runner(l.executor(), snapshot, l.sshUser())))
                .onSuccess(this::start)
                .onFailure(this::failed)
                .start();
    }

    private void start(Rollout r) {
        rollouts.start(r);
        notice = m.text("deploy.notice.launched", r.id());
        selectedId = r.id();
        changed();
        refresh();
    }

    void approve() {
        onLive(service::approve, "deploy.notice.approved");
    }

    void pause() {
        onLive(service::pause, "deploy.notice.paused");
    }

    void resume() {
        onLive(service::resume, "deploy.notice.resumed");
    }

    /** Asks for an abort: the deployment shows "abort requested" until the targets under way are done. */
    void abort() {
        onLive(service::abort, "deploy.notice.abortRequested");
    }

    private void onLive(Consumer<Rollout> action, String done) {
        Rollout r = selectedId == null ? null : rollouts.running(selectedId).orElse(null);
        if (r == null) {
            return;
        }
        tasks.job(m.text("deploy.task.action", r.id()), p -> {
                    action.accept(r);
                    return r;
                })
                .onSuccess(x -> {
                    notice(m.text(done, r.id()));
                    refresh();
                })
                .onFailure(this::failed)
                .start();
    }

    /** Picks up a deployment the console stopped under: re-probes what was under way, then goes on. */
    void resumeInterrupted() {
        onEnded("deploy.task.resumeInterrupted", (d, snapshot) -> rollouts.resume(d.id(),
                DeploymentTargets.of(snapshot, FleetFilter.ALL).placements(), runner(d, snapshot)));
    }

    void retryFailed() {
        onEnded("deploy.task.retry", (d, snapshot) -> rollouts.retry(d.id(),
                DeploymentTargets.of(snapshot, FleetFilter.ALL), runner(d, snapshot)));
    }

    private void onEnded(String task, java.util.function.BiFunction<DeploymentRecord, FleetSnapshot, Rollout> work) {
        DeploymentRecord d = selected();
        if (d == null) {
            return;
        }
        FleetSnapshot snapshot = fleet.get();
        tasks.job(m.text(task, d.id()), p -> work.apply(d, snapshot))
                .onSuccess(this::start)
                .onFailure(this::failed)
                .start();
    }

    void rollBackFailed() {
        DeploymentRecord d = selected();
        if (d == null) {
            return;
        }
        FleetSnapshot snapshot = fleet.get();
        tasks.job(m.text("deploy.task.rollback", d.id()), p -> service.rollbackFailed(d.id(), runner(d, snapshot)))
                .onSuccess(r -> {
                    notice(m.text("deploy.notice.rolledBack", r.rolledBack(), d.id()));
                    refresh();
                })
                .onFailure(e -> {
                    failed(e);
                    refresh();
                })
                .start();
    }

    private DeploymentExecutor runner(DeploymentRecord d, FleetSnapshot snapshot) {
        return runners.runner(d.executor(), snapshot, sshUser);
    }

    /**
     * Connects to a target's camera to read its host key; when it is not the known one, {@code decide} is asked
     * (on the UI thread) whether to trust it, and a yes is audited and recorded.
     */
    void checkHostKey(DeploymentsViewModel.TargetRow target, Function<HostKeyRejected, Boolean> decide) {
        DeploymentRecord d = selected();
        if (d == null || !(runner(d, fleet.get()) instanceof TargetRunner runner)) {
            return;
        }
        tasks.job(m.text("deploy.task.hostKey", target.cameraId()), p -> runner.hostKey(target.record().target()))
                .onSuccess(rejected -> {
                    if (rejected.isEmpty()) {
                        notice(m.text("deploy.notice.hostKeyKnown", target.record().target().address()));
                    } else if (decide.apply(rejected.get())) {
                        trust(runner, rejected.get());
                    }
                })
                .onFailure(this::failed)
                .start();
    }

    private void trust(TargetRunner runner, HostKeyRejected rejected) {
        tasks.job(m.text("deploy.task.trust", rejected.host()), p -> {
                    service.trustHostKey(runner, rejected);
                    return rejected;
                })
                .onSuccess(r -> notice(m.text("deploy.notice.trusted", r.host(), r.sha256Fingerprint())))
                .onFailure(this::failed)
                .start();
    }

    private DeploymentRecord selected() {
        return detail == null ? null : detail.deployment();
    }

    private void failed(Throwable e) {
        notice(e instanceof Problem p ? m.text(p) : m.text("deploy.notice.failed", String.valueOf(e.getMessage())));
    }

    private void notice(String text) {
        notice = text;
        changed();
    }

    private void changed() {
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }

    // ---- what the wizard reads ----

    /** The releases stored by earlier deployments, read in the background: {@code done} gets them, or why not. */
    void storedReleases(Consumer<List<Release>> done, Consumer<Problem> failed) {
        boolean demo = defaultExecutor() == ExecutorKind.DEMO;
        tasks.job(m.text("deploy.task.releases"), p -> {
                    List<Release> stored = new ArrayList<>(service.releases());
                    // On the demo fleet a demo release too, so that a new user can try a whole rollout first.
                    if (demo && !stored.contains(DEMO_RELEASE)) {
                        stored.add(DEMO_RELEASE);
                    }
                    return List.copyOf(stored);
                })
                .quiet()
                .onSuccess(done)
                .onFailure(e -> failed.accept(problem(e)))
                .start();
    }

    /** What the demo fleet's simulated cameras install: its artifact is never read. */
    static final Release DEMO_RELEASE = new Release("camos-agent", "6.6.0",
            io.camfleet.console.domain.deploy.ReleaseKind.RELEASE, "demo/camos-agent-6.6.0.tar.gz",
            "6d0c5a3f9e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c",
            "tar -xzf \"$1\" -C /opt/camos && /opt/camos/install.sh", "/opt/camos/bin/selftest --quick",
            "/opt/camos/rollback.sh");

    /** Runs {@code work} in the background for the wizard; {@code done} or {@code failed} on the UI thread. */
    <T> void read(String task, Supplier<T> work, Consumer<T> done, Consumer<Problem> failed) {
        tasks.job(m.text(task), p -> work.get())
                .quiet()
                .onSuccess(done)
                .onFailure(e -> failed.accept(problem(e)))
                .start();
    }

    /** The preview of a launch, worked out on the calling (background) thread. */
    DeploymentService.Preview preview(Release release, DeploymentTargets targets, Strategy strategy,
                                      ExecutorKind executor, String user, FleetSnapshot snapshot) {
        return service.preview(release, strategy, targets.plan(), targets.placements(),
                runners.runner(executor, snapshot, user));
    }

    private Problem problem(Throwable e) {
        return e instanceof Problem p ? p : new Problem(e, "deploy.notice.failed", String.valueOf(e.getMessage()));
    }

    /** The executor a new deployment gets by default: the demo on the demo fleet, SSH otherwise. */
    ExecutorKind defaultExecutor() {
        FleetSnapshot s = fleet.get();
        return s != null && s.source().startsWith("Demo") ? ExecutorKind.DEMO : ExecutorKind.SSH;
    }
}
