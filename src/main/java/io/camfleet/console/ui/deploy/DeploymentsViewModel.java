package io.camfleet.console.ui.deploy;

import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.PlanTarget;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.DeploymentExecutor;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.DeploymentTargets;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.PlanJson;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.RolloutService;
import io.camfleet.console.service.deploy.TargetRecord;
import io.camfleet.console.service.deploy.TargetRunner;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Deployments screen's state: the deployments in the journal with who runs each, and the one selected with its
 * targets and their last output lines. The rollouts themselves belong to the {@link RolloutService}, which the CLI
 * uses too; the screen observes it. Everything shown is read off the FX thread and handed over whole; a running
 * rollout asks for a fresh read after each transition, at most a few times a second.
 */
public final class DeploymentsViewModel {

    /** What runs a release on cameras, for an executor ({@code DEMO}, {@code SSH}). */
    @FunctionalInterface
    public interface Runners {
        DeploymentExecutor runner(String executor, FleetSnapshot fleet, String sshUser);
    }

    /** One target as the table shows it. */
    public record TargetRow(TargetRecord record, String siteName, List<String> lastLines) {
        public String cameraId() {
            return record.target().cameraId();
        }

        public TargetState state() {
            return record.state();
        }
    }

    /** Where a site is, for the map overlay: its targets' states drawn at its place. */
    public record SitePoint(String siteId, String name, double latitude, double longitude, List<TargetState> states) {
    }

    /** All that is shown of the selected deployment, read at once. */
    public record Detail(DeploymentRecord deployment, boolean live, List<TargetRow> targets, List<SitePoint> sites,
                         int waves) {
    }

    /** What the wizard hands over to launch. */
    public record Launch(Release release, Strategy strategy, DeploymentTargets targets, String executor,
                         String sshUser) {
    }

    /** Last lines of output per target in the table. */
    static final int LAST_LINES = 2;
    private static final long REFRESH_MILLIS = 250;

    private final DeploymentService service;
    private final RolloutService rollouts;
    private final Runners runners;
    private final Function<Path, Release> releaseFiles;
    private final FleetModel fleet;
    private final BackgroundTasks tasks;
    private final Executor fx;
    private final Executor workers;
    private final Messages m;

    private final ObservableList<DeploymentRecord> deployments = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Detail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> notice = new ReadOnlyObjectWrapper<>("");
    private final StringProperty sshUser = new SimpleStringProperty("camfleet");
    /** Who runs each listed deployment, as last read; only touched on the FX thread. */
    private Map<String, RolloutService.Activity> activities = Map.of();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final Consumer<Rollout> onRollout = this::changed;
    private volatile boolean closed;

    public DeploymentsViewModel(DeploymentService service, RolloutService rollouts, Runners runners,
                                Function<Path, Release> releaseFiles, FleetModel fleet, BackgroundTasks tasks,
                                Executor fx, Executor workers, Messages messages) {
        this.service = service;
        this.rollouts = rollouts;
        this.runners = runners;
        this.releaseFiles = releaseFiles;
        this.fleet = fleet;
        this.tasks = tasks;
        this.fx = fx;
        this.workers = workers;
        this.m = messages;
        selectedId.addListener((o, was, now) -> refresh());
        rollouts.addListener(onRollout);
        // Site names and places come from the fleet: read again once it has loaded (or a source switch).
        fleet.snapshotProperty().addListener((o, was, now) -> {
            if (was == null || now != null && was.sites().size() != now.sites().size()) {
                refresh();
            }
        });
    }

    public ObservableList<DeploymentRecord> deployments() {
        return deployments;
    }

    public ObjectProperty<String> selectedIdProperty() {
        return selectedId;
    }

    public ReadOnlyObjectProperty<Detail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** One sentence about the last action: what it did, or why it could not. */
    public ReadOnlyObjectProperty<String> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public StringProperty sshUserProperty() {
        return sshUser;
    }

    public FleetModel fleet() {
        return fleet;
    }

    public Messages messages() {
        return m;
    }

    public boolean isLive(String id) {
        return rollouts.running(id).isPresent();
    }

    /** A deployment that is not final and that nobody runs: its lease expired, or its process is gone. */
    public boolean isInterrupted(DeploymentRecord d) {
        return !d.state().isFinal() && activities.get(d.id()) == RolloutService.Activity.INTERRUPTED;
    }

    /** Stops showing: rollouts go on (the service runs them), the window just stops asking. */
    public void close() {
        closed = true;
        rollouts.removeListener(onRollout);
    }

    // ---- reading ----

    /** Reads the list and the selected deployment again, in the background. */
    public void refresh() {
        if (closed) {
            return;
        }
        String id = selectedId.get();
        FleetSnapshot snapshot = fleet.snapshot();
        background(() -> {
            List<RolloutService.Status> statuses = rollouts.list(200);
            List<DeploymentRecord> list = statuses.stream().map(RolloutService.Status::deployment).toList();
            Map<String, RolloutService.Activity> who = new HashMap<>();
            statuses.forEach(st -> who.put(st.deployment().id(), st.activity()));
            Detail d = id == null ? null : read(id, snapshot);
            fx.execute(() -> {
                if (closed) {
                    return;
                }
                apply(list, who);
                if (Objects.equals(id, selectedId.get())) {
                    detail.set(d);
                }
            });
        });
    }

    private void apply(List<DeploymentRecord> list, Map<String, RolloutService.Activity> who) {
        String keep = selectedId.get();
        if (!deployments.equals(list) || !activities.equals(who)) {
            activities = Map.copyOf(who);
            deployments.setAll(list);
            // A table showing the list moves its selection as rows come in; the selected deployment stays.
            selectedId.set(keep);
        }
        if (keep == null && !list.isEmpty()) {
            selectedId.set(list.get(0).id());
        }
    }

    private Detail read(String id, FleetSnapshot snapshot) {
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
        List<TargetRow> rows = new ArrayList<>(targets.size());
        Map<String, List<TargetState>> bySite = new LinkedHashMap<>();
        int waves = 0;
        for (TargetRecord t : targets) {
            Site site = sites.get(t.target().siteId());
            rows.add(new TargetRow(t, site == null ? t.target().siteId() : site.name(),
                    lines.getOrDefault(t.target().cameraId(), List.of())));
            bySite.computeIfAbsent(t.target().siteId(), k -> new ArrayList<>()).add(t.state());
            waves = Math.max(waves, t.wave() + 1);
        }
        List<SitePoint> points = new ArrayList<>();
        bySite.forEach((siteId, states) -> {
            Site s = sites.get(siteId);
            if (s != null && s.isPlaced()) {
                points.add(new SitePoint(siteId, s.name(), s.latitude(), s.longitude(), List.copyOf(states)));
            }
        });
        return new Detail(d, rollouts.running(id).isPresent(), rows, points, waves);
    }

    /** Work off the FX thread; none once the window has gone and its workers with it. */
    private void background(Runnable work) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException e) {
            closed = true;
        }
    }

    /** How many deployments this console is running now. */
    public int running() {
        return rollouts.runningCount();
    }

    /** The full log of one target of the selected deployment, in the background. */
    public void log(String cameraId, Consumer<List<String>> show) {
        String id = selectedId.get();
        if (id == null) {
            return;
        }
        background(() -> {
            List<String> lines = service.logOf(id, cameraId, 100_000);
            fx.execute(() -> show.accept(lines));
        });
    }

    /** A rollout changed: read again soon, coalescing a burst of transitions into one read. */
    private void changed(Rollout r) {
        if (closed || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        background(() -> {
            try {
                Thread.sleep(REFRESH_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            refreshQueued.set(false);
            fx.execute(this::refresh);
        });
    }

    // ---- the wizard's reading ----

    /** The targets a filter (as pipelines write it) or the sites selected on the map or in the table pass. */
    public DeploymentTargets targets(String filter, boolean selection) {
        return targets(fleet.snapshot(), Set.copyOf(fleet.selection()), filter, selection);
    }

    private static DeploymentTargets targets(FleetSnapshot snapshot, Set<String> sites, String filter,
                                             boolean selection) {
        if (snapshot == null) {
            throw new Problem("deploy.noFleet");
        }
        if (selection) {
            DeploymentTargets all = DeploymentTargets.of(snapshot, FleetFilter.ALL);
            List<PlanTarget> plan = all.plan().stream().filter(t -> sites.contains(t.siteId())).toList();
            Map<String, Rollout.Placement> placements = new HashMap<>();
            plan.forEach(t -> placements.put(t.cameraId(), all.placements().get(t.cameraId())));
            return new DeploymentTargets(plan, placements);
        }
        return DeploymentTargets.of(snapshot, DeploymentTargets.parseFilter(filter));
    }

    private long countTicket;

    /**
     * Works the targets out in the background as the operator types (a large fleet takes a moment); only the
     * answer to the latest question is handed to {@code done}, on the FX thread, with the targets or the problem.
     */
    public void countTargets(String filter, boolean selection,
                             BiConsumer<DeploymentTargets, Problem> done) {
        long ticket = ++countTicket;
        FleetSnapshot snapshot = fleet.snapshot();
        Set<String> sites = Set.copyOf(fleet.selection());
        background(() -> {
            DeploymentTargets t = null;
            Problem problem = null;
            try {
                t = targets(snapshot, sites, filter, selection);
            } catch (Problem p) {
                problem = p;
            }
            DeploymentTargets found = t;
            Problem failed = problem;
            fx.execute(() -> {
                if (ticket == countTicket) {
                    done.accept(found, failed);
                }
            });
        });
    }

    public Release releaseFile(Path file) {
        return releaseFiles.apply(file);
    }

    /**
     * The releases stored by earlier deployments; on the demo fleet also a demo release, so that a new user can try
     * a whole rollout before writing a release file.
     */
    public List<Release> storedReleases() {
        List<Release> stored = new ArrayList<>(service.releases());
        if ("DEMO".equals(defaultExecutor()) && !stored.contains(DEMO_RELEASE)) {
            stored.add(DEMO_RELEASE);
        }
        return stored;
    }

    /** What the demo fleet's simulated cameras install: its artifact is never read. */
    static final Release DEMO_RELEASE = new Release("camos-agent", "6.6.0", ReleaseKind.RELEASE,
            "demo/camos-agent-6.6.0.tar.gz", "6d0c5a3f9e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c",
            "tar -xzf \"$1\" -C /opt/camos && /opt/camos/install.sh", "/opt/camos/bin/selftest --quick",
            "/opt/camos/rollback.sh");

    /**
     * Checks all a launch would check, the release's artifact too (reading a large one takes a while), in the
     * background; {@code done} gets the preview or the problem, on the FX thread.
     */
    public void preview(Release release, DeploymentTargets targets, Strategy strategy, String executor,
                        String user, BiConsumer<DeploymentService.Preview, Problem> done) {
        FleetSnapshot snapshot = fleet.snapshot();
        background(() -> {
            DeploymentService.Preview preview = null;
            Problem problem = null;
            try {
                preview = service.preview(release, strategy, targets.plan(), targets.placements(),
                        runners.runner(executor, snapshot, user));
            } catch (Problem p) {
                problem = p;
            } catch (RuntimeException e) {
                problem = new Problem(e, "deploy.notice.failed", String.valueOf(e.getMessage()));
            }
            DeploymentService.Preview found = preview;
            Problem failed = problem;
            fx.execute(() -> done.accept(found, failed));
        });
    }

    /** The executor a new deployment gets by default: the demo on the demo fleet, SSH otherwise. */
    public String defaultExecutor() {
        FleetSnapshot s = fleet.snapshot();
        return s != null && s.source().startsWith("Demo") ? "DEMO" : "SSH";
    }

    // ---- actions ----

    /** Launches in the background; the new deployment is selected and runs on a thread of its own. */
    public void launch(Launch l) {
        sshUser.set(l.sshUser());
        FleetSnapshot snapshot = fleet.snapshot();
        tasks.job(m.text("deploy.task.launch", l.release().label()), p -> rollouts.launch(l.release(), l.strategy(),
                        l.targets().plan(), l.targets().placements(), l.executor(),
                        runners.runner(l.executor(), snapshot, l.sshUser())))
                .onSuccess(this::start)
                .onFailure(this::failed)
                .start();
    }

    private void start(Rollout r) {
        rollouts.start(r);
        selectedId.set(r.id());
        notice.set(m.text("deploy.notice.launched", r.id()));
        refresh();
    }

    public void approve() {
        onLive(service::approve, "deploy.notice.approved");
    }

    public void pause() {
        onLive(service::pause, "deploy.notice.paused");
    }

    public void resume() {
        onLive(service::resume, "deploy.notice.resumed");
    }

    /** Asks for an abort: the deployment shows "abort requested" until the targets under way are done. */
    public void abort() {
        onLive(service::abort, "deploy.notice.abortRequested");
    }

    private void onLive(Consumer<Rollout> action, String done) {
        Rollout r = selectedId.get() == null ? null : rollouts.running(selectedId.get()).orElse(null);
        if (r == null) {
            return;
        }
        tasks.job(m.text("deploy.task.action", r.id()), p -> {
                    action.accept(r);
                    return r;
                })
                .onSuccess(x -> {
                    notice.set(m.text(done, r.id()));
                    refresh();
                })
                .onFailure(this::failed)
                .start();
    }

    /** Picks up a deployment the console stopped under: re-probes what was under way, then goes on. */
    public void resumeInterrupted() {
        DeploymentRecord d = selected();
        if (d == null) {
            return;
        }
        FleetSnapshot snapshot = fleet.snapshot();
        String user = sshUser.get();
        tasks.job(m.text("deploy.task.resumeInterrupted", d.id()), p -> rollouts.resume(d.id(),
                        DeploymentTargets.of(snapshot, FleetFilter.ALL).placements(),
                        runners.runner(d.executor(), snapshot, user)))
                .onSuccess(this::start)
                .onFailure(this::failed)
                .start();
    }

    public void retryFailed() {
        DeploymentRecord d = selected();
        if (d == null) {
            return;
        }
        FleetSnapshot snapshot = fleet.snapshot();
        String user = sshUser.get();
        tasks.job(m.text("deploy.task.retry", d.id()), p -> rollouts.retry(d.id(),
                        DeploymentTargets.of(snapshot, FleetFilter.ALL), runners.runner(d.executor(), snapshot, user)))
                .onSuccess(this::start)
                .onFailure(this::failed)
                .start();
    }

    public void rollbackFailed() {
        DeploymentRecord d = selected();
        if (d == null) {
            return;
        }
        FleetSnapshot snapshot = fleet.snapshot();
        String user = sshUser.get();
        tasks.job(m.text("deploy.task.rollback", d.id()), p -> service.rollbackFailed(d.id(),
                        runners.runner(d.executor(), snapshot, user)))
                .onSuccess(r -> {
                    notice.set(m.text("deploy.notice.rolledBack", r.rolledBack(), d.id()));
                    refresh();
                })
                .onFailure(e -> {
                    failed(e);
                    refresh();
                })
                .start();
    }

    /**
     * Connects to a target's camera to read its host key; when it is not the known one, {@code decide} is asked
     * (on the FX thread) whether to trust it, and a yes is audited and recorded.
     */
    public void checkHostKey(TargetRow target, Function<HostKeyRejected, Boolean> decide) {
        DeploymentRecord d = selected();
        if (d == null) {
            return;
        }
        if (!(runners.runner(d.executor(), fleet.snapshot(), sshUser.get()) instanceof TargetRunner runner)) {
            return;
        }
        tasks.job(m.text("deploy.task.hostKey", target.cameraId()), p -> runner.hostKey(target.record().target()))
                .onSuccess(rejected -> {
                    if (rejected.isEmpty()) {
                        notice.set(m.text("deploy.notice.hostKeyKnown", target.record().target().address()));
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
                .onSuccess(r -> notice.set(m.text("deploy.notice.trusted", r.host(), r.sha256Fingerprint())))
                .onFailure(this::failed)
                .start();
    }

    private DeploymentRecord selected() {
        Detail d = detail.get();
        return d == null ? null : d.deployment();
    }

    private void failed(Throwable e) {
        notice.set(e instanceof Problem p ? m.text(p) : m.text("deploy.notice.failed", String.valueOf(e.getMessage())));
    }

    /** Whether an action applies to the selected deployment now. */
    public boolean can(String action) {
        Detail d = detail.get();
        if (d == null) {
            return false;
        }
        DeploymentState s = d.deployment().state();
        Rollout rollout = rollouts.running(d.deployment().id()).orElse(null);
        boolean running = rollout != null;
        boolean awaitingApproval = running && rollout.awaitingApproval();
        boolean failures = d.targets().stream().anyMatch(t -> t.state().isFailure());
        return switch (action) {
            case "approve" -> running && s == DeploymentState.PAUSED && awaitingApproval;
            case "resume" -> running && s == DeploymentState.PAUSED && !awaitingApproval;
            case "pause" -> running && s == DeploymentState.RUNNING;
            case "abort" -> running && (s == DeploymentState.RUNNING || s == DeploymentState.PAUSED);
            case "resumeInterrupted" -> !running && isInterrupted(d.deployment());
            case "retry" -> s.isFinal() && failures;
            case "rollback" -> s.isFinal() && d.targets().stream().anyMatch(t -> t.state() == TargetState.FAILED);
            default -> false;
        };
    }

    /** The plan of the selected deployment, as JSON, for its header. */
    public Optional<Strategy> plan() {
        Detail d = detail.get();
        return d == null ? Optional.empty() : Optional.of(PlanJson.parse(d.deployment().plan()));
    }
}
