package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The fleet from several AWS environments merged into one: each load syncs the environments it was told to (every
 * configured one, unless told fewer) into the cache, page by page, and then serves what the cache holds of every
 * configured environment. An environment that cannot be reached keeps its last cached rows and is reported in
 * {@link #problems()}; only when none can be reached does the load fail. Syncing one environment never removes
 * another's rows: only rows of environments no longer configured go, and {@link #removed()} says which.
 */
public final class EnvironmentsFleetSource implements FleetSource {

    private final List<Environment> environments;
    private final Set<String> toSync;
    private final EnvironmentSync sync;
    private final SyncCache syncCache;
    private final List<Problem> problems = new CopyOnWriteArrayList<>();
    private final List<SyncReport> reports = new CopyOnWriteArrayList<>();
    private final List<SyncCache.Removed> removed = new CopyOnWriteArrayList<>();
    private volatile boolean fullNext;
    private volatile Instant storedAsOf;

    /** Every configured environment, each synced by every load. */
    public EnvironmentsFleetSource(List<Environment> environments, EnvironmentSync sync, SyncCache syncCache) {
        this(environments, environments.stream().map(Environment::label).toList(), sync, syncCache);
    }

    /**
     * @param environments every configured environment: the fleet served is theirs
     * @param toSync       the labels of those each load syncs; the others are served as cached
     * @throws Problem of kind BAD_INPUT when there is no environment, or a label to sync is not configured
     */
    public EnvironmentsFleetSource(List<Environment> environments, Collection<String> toSync, EnvironmentSync sync,
                                   SyncCache syncCache) {
        if (environments.isEmpty() || toSync.isEmpty()) {
            throw Problem.badInput("environment.none");
        }
        this.environments = List.copyOf(environments);
        Set<String> labels = environments.stream().map(Environment::label).collect(Collectors.toSet());
        for (String label : toSync) {
            if (!labels.contains(label)) {
                throw Problem.badInput("env.unknown", label, String.join(", ", labels.stream().sorted().toList()));
            }
        }
        this.toSync = Set.copyOf(toSync);
        this.sync = sync;
        this.syncCache = syncCache;
    }

    @Override
    public String name() {
        return "AWS: " + environments.stream().map(Environment::label).collect(Collectors.joining(", "));
    }

    public List<Environment> environments() {
        return environments;
    }

    /** Makes the next load a full sync of every environment it syncs instead of an incremental one. */
    public void fullSyncNext() {
        fullNext = true;
    }

    @Override
    public FleetData load(Instant now, Progress progress) {
        Set<String> labels = environments.stream().map(Environment::label)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        boolean full = fullNext;
        List<Problem> failed = new ArrayList<>();
        List<SyncReport> done = new ArrayList<>();
        for (Environment e : environments) {
            if (!toSync.contains(e.label())) {
                continue;
            }
            progress.checkCancelled();
            boolean neverSynced = !syncCache.environmentsAsOf().containsKey(e.label());
            try {
                SyncReport report = sync.sync(e, full || neverSynced, name(), progress);
                done.add(report);
                report.warnings().forEach(w -> failed.add(new Problem(w, "sync.failed.environment", e.label(),
                        w.getMessage())));
            } catch (Problem p) {
                failed.add(new Problem(p, "sync.failed.environment", e.label(), p.getMessage()));
            }
        }
        problems.clear();
        problems.addAll(failed);
        reports.clear();
        reports.addAll(done);
        removed.clear();
        if (done.isEmpty()) {
            throw failed.size() == 1 ? (Problem) failed.get(0).getCause() : allFailed(failed);
        }
        fullNext = false;
        // Only now, with at least one environment read, what another source left in the cache goes, and what an
        // environment no longer configured left: never the rows of a configured environment not synced this time.
        removed.addAll(syncCache.retainEnvironments(labels));
        // The fleet as each environment was just read (or, for one not synced or out of reach, as the cache has it).
        List<Site> sites = new ArrayList<>();
        List<CameraSystem> cameras = new ArrayList<>();
        Map<String, CameraTelemetry> telemetry = new HashMap<>();
        for (Environment e : environments) {
            FleetData part = sync.current(e.label());
            sites.addAll(part.sites());
            cameras.addAll(part.cameras());
            telemetry.putAll(part.telemetry());
        }
        storedAsOf = syncCache.environmentsAsOf().values().stream().min(Instant::compareTo).orElse(null);
        return new FleetData(sites, cameras, telemetry);
    }

    /** No feed between syncs; ticks this often still re-judge health as heartbeats age. */
    @Override
    public Duration pollInterval() {
        return Duration.ofSeconds(15);
    }

    /** Every environment failed: one line per distinct reason, naming the environments it stopped. */
    private static Problem allFailed(List<Problem> failed) {
        Map<String, List<String>> labelsByReason = new java.util.LinkedHashMap<>();
        for (Problem p : failed) {
            labelsByReason.computeIfAbsent(p.getCause().getMessage(), r -> new ArrayList<>())
                    .add(String.valueOf(p.args()[0]));
        }
        StringBuilder lines = new StringBuilder();
        labelsByReason.forEach((reason, labels) -> lines.append(lines.isEmpty() ? "" : "\n")
                .append(String.join(", ", labels)).append(": ").append(reason));
        return new Problem(failed.get(0).getCause(), "sync.failed.all", lines.toString());
    }

    @Override
    public Optional<Instant> storedAsOf() {
        return Optional.ofNullable(storedAsOf);
    }

    @Override
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public List<io.camfleet.console.service.fleet.SourceCalls> calls() {
        return reports.stream().map(r -> new io.camfleet.console.service.fleet.SourceCalls(r.environment(),
                r.totalCalls(), r.callsByOperation(), r.path().name(), r.readAllBecause())).toList();
    }

    /** What the last load's syncs did, one report per environment that synced. */
    public List<SyncReport> reports() {
        return List.copyOf(reports);
    }

    /** What the last load removed of environments no longer configured ("" for the demo's or an import's rows). */
    public List<SyncCache.Removed> removed() {
        return List.copyOf(removed);
    }
}
