package io.camfleet.console.ui.deploy;

import io.camfleet.console.domain.deploy.BudgetGuard;
import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.PlanTarget;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.Wave;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.DeploymentTargets;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.PlanJson;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The new-deployment wizard without its controls: release, targets, plan, dry run, confirm, each step checked
 * before the next, so that nothing is launched the operator has not seen. Plain Java: the releases, a release file,
 * the target count and the dry run are read in the background and handed over on the UI thread, after which the
 * listeners hear of it. A step that cannot be left says why in {@link #error()}.
 */
final class NewDeployment {

    enum Step { RELEASE, TARGETS, PLAN, DRY_RUN, CONFIRM }

    /** Which cameras: none chosen yet, those of the sites the operator selected, or those a filter passes. */
    enum TargetChoice { NONE, SELECTION, FILTER }

    private final DeploymentsModel model;
    private final Messages m;
    private final Function<Path, Release> releaseFiles;
    private final Set<String> selectedSites;
    private final String selectedSiteName;
    private final List<Runnable> listeners = new ArrayList<>();

    private Step step = Step.RELEASE;
    private String error = "";
    private boolean busy;
    /** Bumped whenever an answer under way would be stale: a later count or check, or a step left. */
    private long ticket;

    private List<Release> releases = List.of();
    private Release release;

    private TargetChoice choice = TargetChoice.NONE;
    private String filter = "";
    private DeploymentTargets targets;
    private DeploymentTargets counted;

    private String canary = "";
    private CanaryApproval approval = CanaryApproval.PAUSE_FOR_APPROVAL;
    private String waves = "25%";
    private int concurrency = 20;
    private String threshold = "5%";
    private String pause = "0s";
    private ExecutorKind executor;
    private String sshUser;
    private boolean emergency;
    private String budgetGuard = "";
    private String overrideReason = "";

    private Strategy strategy;
    private DeploymentService.Preview preview;
    private boolean reviewed;
    private DeploymentsViewModel.Launch launch;

    NewDeployment(DeploymentsModel model, Function<Path, Release> releaseFiles, Set<String> selectedSites) {
        this.model = model;
        this.m = model.messages();
        this.releaseFiles = releaseFiles;
        this.selectedSites = Set.copyOf(selectedSites);
        this.selectedSiteName = siteName(model.fleet(), this.selectedSites);
        this.executor = model.defaultExecutor();
        this.sshUser = model.sshUser();
    }

    private static String siteName(FleetSnapshot fleet, Set<String> sites) {
        if (fleet == null || sites.size() != 1) {
            return "";
        }
        String id = sites.iterator().next();
        return fleet.sites().stream().map(SiteSummary::site).filter(s -> s.id().equals(id)).findFirst()
                .map(s -> s.name()).orElse(id);
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }

    // ---- what is shown ----

    Step step() {
        return step;
    }

    /** Why the last step could not be taken, as one sentence; empty when nothing is wrong. */
    String error() {
        return error;
    }

    /** Something is being read or checked: Next waits for it. */
    boolean busy() {
        return busy;
    }

    List<Release> releases() {
        return releases;
    }

    Release release() {
        return release;
    }

    /** How a release is named in the list: its label says its kind already. */
    static String releaseName(Release r) {
        return r == null ? "" : r.label();
    }

    TargetChoice choice() {
        return choice;
    }

    String filter() {
        return filter;
    }

    /** The sentence offering the selected sites, naming the site when there is one. */
    String selectionText() {
        return selectedSites.size() == 1
                ? m.text("deploy.wizard.targets.selectionOne", selectedSiteName)
                : m.text("deploy.wizard.targets.selection", selectedSites.size());
    }

    boolean canUseSelection() {
        return !selectedSites.isEmpty();
    }

    /** What the current targets come to, once counted; empty while nothing is chosen or counted. */
    String targetCount() {
        if (counted == null) {
            return "";
        }
        long sites = counted.plan().stream().map(PlanTarget::siteId).distinct().count();
        return m.text("deploy.wizard.targets.count", counted.plan().size(), sites);
    }

    String canary() {
        return canary;
    }

    CanaryApproval approval() {
        return approval;
    }

    String waves() {
        return waves;
    }

    int concurrency() {
        return concurrency;
    }

    String budgetGuard() {
        return budgetGuard;
    }

    String overrideReason() {
        return overrideReason;
    }

    /** The dry run's lines on error budgets: each wave's lowest, the sites the guard holds back or lets through. */
    String budgetsText() {
        if (preview == null) {
            return "";
        }
        List<Wave> planned = preview.dryRun().waves();
        return String.join("\n", preview.dryRun().budgets().describe(m,
                i -> TargetStyle.waveName(m, i, planned.get(0).canary()), 5));
    }

    String threshold() {
        return threshold;
    }

    String pause() {
        return pause;
    }

    ExecutorKind executor() {
        return executor;
    }

    String sshUser() {
        return sshUser;
    }

    boolean emergency() {
        return emergency;
    }

    Strategy strategy() {
        return strategy;
    }

    DeploymentService.Preview preview() {
        return preview;
    }

    /**
     * When the maintenance windows open for the cameras that must wait for theirs, each site in its own zone:
     * the soonest few, then how many more. Empty when the plan ignores the windows.
     */
    String windowsText() {
        if (preview == null || strategy == null || strategy.ignoreMaintenanceWindows()) {
            return "";
        }
        List<DeploymentService.WindowOpening> closed = preview.dryRun().closedWindows();
        if (closed.isEmpty()) {
            return m.text("deploy.dryRun.windowsOpen");
        }
        int most = 5;
        int cameras = closed.stream().mapToInt(DeploymentService.WindowOpening::cameras).sum();
        List<String> lines = new ArrayList<>();
        lines.add(m.text("deploy.dryRun.windowsClosed", cameras, closed.size()));
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
                m.locale());
        closed.stream().limit(most).forEach(w -> lines.add(m.text("deploy.dryRun.windowOpens", w.siteName(),
                w.cameras(), when.format(w.opens().atZone(w.zone())), w.zone().getId(), w.window().start(), w.window().end())));
        if (closed.size() > most) {
            lines.add(m.text("deploy.dryRun.more", closed.size() - most));
        }
        return String.join("\n", lines);
    }

    DeploymentTargets targets() {
        return targets;
    }

    boolean reviewed() {
        return reviewed;
    }

    /** What to launch, once the last step was confirmed. */
    Optional<DeploymentsViewModel.Launch> launch() {
        return Optional.ofNullable(launch);
    }

    Messages messages() {
        return m;
    }

    // ---- the operator's input ----

    /** Reads the stored releases, in the background. */
    void loadReleases() {
        model.storedReleases(found -> {
            List<Release> all = new ArrayList<>(found);
            // A release file opened meanwhile stays offered.
            releases.stream().filter(r -> !all.contains(r)).forEach(r -> all.add(0, r));
            releases = List.copyOf(all);
            changed();
        }, this::failed);
    }

    void chooseRelease(Release r) {
        release = r;
        error = "";
        changed();
    }

    /** Reads a release file in the background and picks it; a file that cannot be used is one sentence. */
    void openReleaseFile(Path file) {
        busy = true;
        changed();
        model.read("deploy.task.releaseFile", () -> releaseFiles.apply(file), r -> {
            busy = false;
            if (!releases.contains(r)) {
                List<Release> all = new ArrayList<>(releases);
                all.add(0, r);
                releases = List.copyOf(all);
            }
            chooseRelease(r);
        }, p -> {
            busy = false;
            failed(p);
        });
    }

    void chooseTargets(TargetChoice c) {
        if (c == TargetChoice.SELECTION && selectedSites.isEmpty()) {
            return;
        }
        choice = c;
        count();
    }

    void filter(String text) {
        filter = text == null ? "" : text;
        if (choice == TargetChoice.FILTER) {
            count();
        }
    }

    void canary(String v) {
        canary = v == null ? "" : v;
    }

    void approval(CanaryApproval v) {
        approval = v;
    }

    void waves(String v) {
        waves = v == null ? "" : v;
    }

    void concurrency(int v) {
        concurrency = v;
    }

    void threshold(String v) {
        threshold = v == null ? "" : v;
    }

    void pause(String v) {
        pause = v == null ? "" : v;
    }

    void executor(ExecutorKind v) {
        executor = v;
        changed();
    }

    void sshUser(String v) {
        sshUser = v == null ? "" : v;
    }

    void emergency(boolean v) {
        emergency = v;
    }

    void budgetGuard(String v) {
        budgetGuard = v == null ? "" : v;
    }

    void overrideReason(String v) {
        overrideReason = v == null ? "" : v;
    }

    void reviewed(boolean v) {
        reviewed = v;
        changed();
    }

    /** Works the targets out in the background as the operator types; only the latest answer counts. */
    private void count() {
        long mine = ++ticket;
        counted = null;
        error = "";
        changed();
        if (choice == TargetChoice.NONE) {
            return;
        }
        TargetChoice c = choice;
        String f = filter;
        FleetSnapshot snapshot = model.fleet();
        model.read("deploy.task.count", () -> targetsOf(snapshot, c, f), t -> {
            if (mine == ticket) {
                counted = t;
                changed();
            }
        }, p -> {
            if (mine == ticket) {
                failed(p);
            }
        });
    }

    private DeploymentTargets targetsOf(FleetSnapshot snapshot, TargetChoice c, String f) {
        if (snapshot == null) {
            throw new Problem("deploy.noFleet");
        }
        if (c == TargetChoice.FILTER) {
            return DeploymentTargets.of(snapshot, DeploymentTargets.parseFilter(f));
        }
        DeploymentTargets all = DeploymentTargets.of(snapshot, FleetFilter.ALL);
        List<PlanTarget> plan = all.plan().stream().filter(t -> selectedSites.contains(t.siteId())).toList();
        Map<String, Rollout.Placement> placements = new HashMap<>();
        plan.forEach(t -> placements.put(t.cameraId(), all.placements().get(t.cameraId())));
        return new DeploymentTargets(plan, placements);
    }

    // ---- moving ----

    void back() {
        if (step.ordinal() > 0 && !busy) {
            go(Step.values()[step.ordinal() - 1]);
        }
    }

    /** Checks the step and goes on; a check that takes a while goes on in the background. */
    void next() {
        if (busy) {
            return;
        }
        try {
            switch (step) {
                case RELEASE -> {
                    checkRelease();
                    go(Step.TARGETS);
                }
                case TARGETS -> leaveTargets();
                case PLAN -> dryRun();
                case DRY_RUN -> go(Step.CONFIRM);
                case CONFIRM -> {
                    if (!reviewed) {
                        throw Problem.badInput("deploy.wizard.confirm.notReviewed");
                    }
                    launch = new DeploymentsViewModel.Launch(release, strategy, targets, executor, sshUser.strip());
                    changed();
                }
            }
        } catch (Problem p) {
            failed(p);
        }
    }

    private void go(Step to) {
        ticket++; // an answer still on its way is for a step left behind
        busy = false;
        step = to;
        error = "";
        if (to == Step.CONFIRM) {
            reviewed = false;
        }
        changed();
    }

    private void checkRelease() {
        if (release == null) {
            throw Problem.badInput("deploy.wizard.release.none");
        }
        List<Release.Problem> problems = release.problems();
        if (!problems.isEmpty()) {
            throw Problem.badInput("deploy.badRelease", release.label(), problems.stream()
                    .map(p -> m.text("release.problem." + p.name())).collect(Collectors.joining("; ")));
        }
    }

    private void leaveTargets() {
        if (choice == TargetChoice.NONE) {
            throw Problem.badInput("deploy.wizard.targets.none");
        }
        if (counted != null) {
            useTargets(counted);
            return;
        }
        // Not counted yet (the operator was quick): count, then go on.
        long mine = ++ticket;
        busy = true;
        changed();
        TargetChoice c = choice;
        String f = filter;
        FleetSnapshot snapshot = model.fleet();
        model.read("deploy.task.count", () -> targetsOf(snapshot, c, f), t -> {
            if (mine == ticket) {
                busy = false;
                counted = t;
                try {
                    useTargets(t);
                } catch (Problem p) {
                    failed(p);
                }
            }
        }, p -> {
            if (mine == ticket) {
                busy = false;
                failed(p);
            }
        });
    }

    private void useTargets(DeploymentTargets t) {
        if (t.plan().isEmpty()) {
            throw Problem.badInput("deploy.noTargets");
        }
        targets = t;
        go(Step.PLAN);
    }

    /** The plan as the operator filled it in, as a typed value. */
    Strategy plan() {
        try {
            return new Strategy(
                    canary.isBlank() ? HostCount.NONE : HostCount.parse(canary.strip()),
                    approval,
                    new WaveSizing.EachOf(HostCount.parse(waves.strip())),
                    concurrency,
                    FailureThreshold.parse(threshold.isBlank() ? "0" : threshold.strip()),
                    pause.isBlank() ? Duration.ZERO : PlanJson.duration(pause),
                    emergency,
                    new BudgetGuard(budgetGuard.isBlank() ? 0 : BudgetGuard.parsePercent(budgetGuard),
                            overrideReason.isBlank() ? null : overrideReason));
        } catch (IllegalArgumentException e) {
            throw Problem.badInput("plan.invalid", e.getMessage());
        }
    }

    private void dryRun() {
        if (executor == ExecutorKind.SSH && sshUser.isBlank()) {
            throw Problem.badInput("deploy.wizard.sshUser.none");
        }
        Strategy s = plan();
        long mine = ++ticket;
        busy = true;
        error = "";
        changed();
        Release r = release;
        DeploymentTargets t = targets;
        ExecutorKind e = executor;
        String user = sshUser.strip();
        FleetSnapshot snapshot = model.fleet();
        model.read("deploy.task.dryRun", () -> model.preview(r, t, s, e, user, snapshot), found -> {
            if (mine == ticket) {
                strategy = s;
                preview = found;
                go(Step.DRY_RUN);
            }
        }, p -> {
            if (mine == ticket) {
                busy = false;
                failed(p);
            }
        });
    }

    private void failed(Problem p) {
        error = m.text(p);
        changed();
    }
}
