package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.PlanTarget;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Quiesce;
import io.camfleet.console.service.fleet.VersionReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The rollouts this process runs, for the window and the CLI alike. Each holds its deployment's lease in the journal
 * and renews it every {@link Lease#HEARTBEAT}: running means the lease is alive; interrupted means it expired, or its
 * holder is provably gone. Resuming takes the lease atomically, so two processes never run one deployment; a
 * rollout whose lease was taken from it (it could not renew in time) halts at once.
 */
public final class RolloutService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutService.class);

    /** Where a deployment stands, as seen from here. */
    public enum Activity {
        /** This process runs it. */
        RUNNING_HERE,
        /** Another process holds its lease. */
        RUNNING_ELSEWHERE,
        /** Not ended, and nobody runs it: its lease expired or its holder is gone. It may be resumed. */
        INTERRUPTED,
        ENDED
    }

    /** A deployment and who runs it. */
    public record Status(DeploymentRecord deployment, Activity activity, Optional<Lease> lease) {
    }

    private final DeploymentService deployments;
    private final DeploymentJournal journal;
    private final Processes processes;
    private final Clock clock;
    private final ScheduledExecutorService heartbeat;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final List<Consumer<Rollout>> listeners = new CopyOnWriteArrayList<>();
    private final VersionReports versions;
    /** By deployment id: how many of the cameras its run brought to the release the fleet was told of. */
    private final Map<String, Told> told = new ConcurrentHashMap<>();

    /** How far the fleet was told of a rollout's successes ({@link Rollout#succeededFrom}). */
    private static final class Told {
        private int next;

        synchronized List<String> more(Rollout r) {
            List<String> cameras = r.succeededFrom(next);
            next += cameras.size();
            return cameras;
        }
    }

    /** A rollout run here, and the lease it runs under. */
    private static final class Held {
        final Rollout rollout;
        volatile Lease lease;
        volatile Instant lastRenewed;

        Held(Rollout rollout, Lease lease) {
            this.rollout = rollout;
            this.lease = lease;
            this.lastRenewed = lease.heartbeatAt();
        }
    }

    public RolloutService(DeploymentService deployments, DeploymentJournal journal, Processes processes,
                          Clock clock) {
        this(deployments, journal, processes, clock, VersionReports.NONE);
    }

    /** @param versions told of each camera a rollout run here brought to its release, as soon as it has */
    public RolloutService(DeploymentService deployments, DeploymentJournal journal, Processes processes,
                          Clock clock, VersionReports versions) {
        this(deployments, journal, processes, clock, versions, true);
    }

    /** @param beating whether leases are renewed every {@link Lease#HEARTBEAT} by themselves (tests call beat()) */
    RolloutService(DeploymentService deployments, DeploymentJournal journal, Processes processes, Clock clock,
                   VersionReports versions, boolean beating) {
        this.versions = versions;
        this.deployments = deployments;
        this.journal = journal;
        this.processes = processes;
        this.clock = clock;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "camfleet-lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        if (beating) {
            long every = Lease.HEARTBEAT.toMillis();
            heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Told after every change of a rollout run here, on the rollout's thread; must not block. */
    public void addListener(Consumer<Rollout> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Rollout> listener) {
        listeners.remove(listener);
    }

    private void changed(Rollout r) {
        report(r);
        listeners.forEach(l -> l.accept(r));
    }

    /**
     * Tells the fleet of each camera this run brought to the release (succeeded, or found already at it), once, as
     * soon as it has: the table shows the new version before the next sync. The journal stays the record; a report
     * that cannot be made is logged and the rollout goes on.
     */
    private void report(Rollout r) {
        Told t = told.get(r.id());
        if (t == null) {
            return;
        }
        List<String> cameras = t.more(r); // only the new ones: no copy of every target's state per change
        if (cameras.isEmpty()) {
            return;
        }
        Map<String, String> installed = new LinkedHashMap<>();
        cameras.forEach(c -> installed.put(c, r.release().version()));
        try {
            versions.installed(r.id(), installed);
        } catch (RuntimeException e) {
            LOG.warn("Deployment {}: the fleet could not be told that {} cameras ({}...) run {}: {}", r.id(),
                    cameras.size(), cameras.getFirst(), r.release().version(), e.getMessage());
        }
    }

    /** From now on, reports the cameras {@code r} brings to its release; those it had before were told already. */
    private Rollout reporting(Rollout r) {
        told.put(r.id(), new Told());
        return r;
    }

    /** The rollout of {@code id} when this process runs it. */
    public Optional<Rollout> running(String id) {
        Held h = held.get(id);
        return h == null ? Optional.empty() : Optional.of(h.rollout);
    }

    /** How many rollouts this process runs now. */
    public int runningCount() {
        return (int) held.values().stream().filter(h -> !h.rollout.isFinished()).count();
    }

    /**
     * Launches a deployment held by this process (its lease is journalled with it); {@link #start} or
     * {@link #runHere} runs it.
     */
    public Rollout launch(Release release, Strategy strategy, List<PlanTarget> targets,
                          Map<String, Rollout.Placement> placements, ExecutorKind executor, DeploymentExecutor runner) {
        Lease lease = processes.leaseFromHere(clock.instant());
        Rollout r = reporting(deployments.launch(release, strategy, targets, placements, executor, runner,
                this::changed, lease));
        held.put(r.id(), new Held(r, lease));
        return r;
    }

    /**
     * Picks up an interrupted deployment: takes its lease (refused while another process holds it), then re-probes
     * what was under way and returns the rollout, ready to run.
     *
     * @throws Problem (BAD_INPUT) when it has ended or another process runs it
     */
    public synchronized Rollout resume(String id, Map<String, Rollout.Placement> placements,
                                       DeploymentExecutor runner) {
        // Synchronized: this process holds one lease per deployment, so the journal lets it take that lease again;
        // only the check of what runs here keeps two resumes of one deployment (a double click) apart.
        DeploymentRecord d = deployments.find(id);
        if (d.state().isFinal()) {
            throw Problem.badInput("deploy.alreadyEnded", id, d.state().name());
        }
        if (held.containsKey(id)) {
            throw Problem.badInput("deploy.runningHere", id);
        }
        Instant now = clock.instant();
        Optional<Lease> current = journal.lease(id);
        String replacing = current.filter(l -> !l.expiredAt(now) && processes.isGone(l)).map(Lease::owner)
                .orElse(null);
        Lease mine = processes.leaseFromHere(now);
        if (!journal.takeLease(id, mine, replacing, now)) {
            Lease other = journal.lease(id).orElse(current.orElse(null));
            throw Problem.badInput("deploy.runningElsewhere", id, other == null ? "another process"
                    : other.holder(), other == null ? 0 : Math.max(0,
                    Duration.between(other.heartbeatAt(), now).toSeconds()));
        }
        try {
            Rollout r = reporting(deployments.resumeInterrupted(id, placements, runner, this::changed));
            held.put(id, new Held(r, mine));
            return r;
        } catch (RuntimeException e) {
            releaseQuietly(id, mine.owner());
            throw e;
        }
    }

    /**
     * Tries the failed targets of an ended deployment again, as a new deployment held here.
     *
     * @see DeploymentService#retryFailed
     */
    public Rollout retry(String id, DeploymentTargets fleet, DeploymentExecutor runner) {
        Lease lease = processes.leaseFromHere(clock.instant());
        Rollout r = reporting(deployments.retryFailed(id, fleet, runner, this::changed, lease));
        held.put(r.id(), new Held(r, lease));
        return r;
    }

    /** Runs a rollout held here on a thread of its own; its lease is given up when it ends or halts. */
    public void start(Rollout r) {
        Thread.ofVirtual().name("rollout-" + r.id()).start(() -> runHere(r));
    }

    /** Runs a rollout held here on the calling thread, until it ends or halts; then gives its lease up. */
    public void runHere(Rollout r) {
        try {
            r.run();
        } finally {
            Held h = held.remove(r.id());
            if (h != null) {
                releaseQuietly(r.id(), h.lease.owner());
            }
            changed(r);
            told.remove(r.id());
        }
    }

    /** Gives up a rollout launched here without running it (another process will resume it). */
    public void handOver(Rollout r) {
        Held h = held.remove(r.id());
        told.remove(r.id());
        if (h != null) {
            journal.releaseLease(r.id(), h.lease.owner());
        }
    }

    /** Where one deployment stands, and who runs it. */
    public Status status(String id) {
        return status(deployments.find(id));
    }

    /** The newest deployments first, each with who runs it. */
    public List<Status> list(int limit) {
        List<Status> out = new ArrayList<>();
        for (DeploymentRecord d : deployments.recent(limit)) {
            out.add(status(d));
        }
        return out;
    }

    private Status status(DeploymentRecord d) {
        if (d.state().isFinal()) {
            return new Status(d, Activity.ENDED, Optional.empty());
        }
        if (held.containsKey(d.id())) {
            return new Status(d, Activity.RUNNING_HERE, Optional.of(held.get(d.id()).lease));
        }
        Optional<Lease> lease = journal.lease(d.id());
        Instant now = clock.instant();
        boolean alive = lease.isPresent() && !lease.get().expiredAt(now) && !processes.isGone(lease.get());
        return new Status(d, alive ? Activity.RUNNING_ELSEWHERE : Activity.INTERRUPTED, lease);
    }

    /** Renews every lease held here; a rollout that lost its lease, or could not renew it in time, halts. */
    void beat() {
        Instant now = clock.instant();
        for (Held h : held.values()) {
            if (h.rollout.isFinished()) {
                continue;
            }
            Lease renewed = h.lease.renewedAt(now);
            try {
                if (journal.renewLease(h.rollout.id(), renewed)) {
                    h.lease = renewed;
                    h.lastRenewed = now;
                    continue;
                }
                h.rollout.halt(new Problem("deploy.leaseLost", h.rollout.id()));
            } catch (RuntimeException e) {
                LOG.warn("Deployment {}: the lease could not be renewed: {}", h.rollout.id(), e.getMessage());
                if (Duration.between(h.lastRenewed, now).compareTo(Lease.TERM.minus(Lease.HEARTBEAT)) >= 0) {
                    h.rollout.halt(new Problem(e, "deploy.leaseUnrenewable", h.rollout.id(), e.getMessage()));
                }
            }
        }
    }

    private void releaseQuietly(String id, String owner) {
        try {
            journal.releaseLease(id, owner);
        } catch (RuntimeException e) {
            LOG.warn("Deployment {}: the lease could not be given up; it expires by itself: {}", id, e.getMessage());
        }
    }

    /**
     * Stops the heartbeat and halts what still runs here: each deployment keeps its journalled state and gives its
     * lease up, so it shows as interrupted at once and may be resumed.
     */
    @Override
    public void close() {
        Quiesce.stop(heartbeat, Duration.ofSeconds(10), "The lease heartbeat");
        for (Held h : List.copyOf(held.values())) {
            h.rollout.halt(new Problem("deploy.closedUnder", h.rollout.id()));
            releaseQuietly(h.rollout.id(), h.lease.owner());
        }
    }
}
