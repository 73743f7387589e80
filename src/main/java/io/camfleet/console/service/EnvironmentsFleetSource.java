package io.camfleet.console.service;

import io.camfleet.console.domain.CameraSystem;
import io.camfleet.console.domain.CameraTelemetry;
import io.camfleet.console.domain.Site;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The fleet from several AWS environments merged into one: each load syncs every environment into the cache, page
 * by page, and then serves what the cache holds. An environment that cannot be reached keeps its last cached rows
 * and is reported in {@link #problems()}; only when none can be reached does the load fail.
 */
public final class EnvironmentsFleetSource implements FleetSource {

    private final List<Environment> environments;
    private final EnvironmentSync sync;
    private final SyncCache syncCache;
    private final List<Problem> problems = new CopyOnWriteArrayList<>();
    private final List<SyncReport> reports = new CopyOnWriteArrayList<>();
    private volatile boolean fullNext;
    private volatile Instant storedAsOf;

    public EnvironmentsFleetSource(List<Environment> environments, EnvironmentSync sync, SyncCache syncCache) {
        if (environments.isEmpty()) {
            throw Problem.badInput("environment.none");
        }
        this.environments = List.copyOf(environments);
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

    /** Makes the next load a full sync of every environment instead of an incremental one. */
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
        if (done.isEmpty()) {
            throw environments.size() == 1 ? (Problem) failed.get(0).getCause() : allFailed(failed);
        }
        fullNext = false;
        // Only now, with at least one environment read, what another source left in the cache goes.
        syncCache.retainEnvironments(labels);
        // The fleet as each environment was just read (or, for one out of reach, as the cache last had it).
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

    /** What the last load's syncs did, one report per environment that synced. */
    public List<SyncReport> reports() {
        return List.copyOf(reports);
    }
}
