package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.TargetState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A journal in memory, compare-and-set like the real one, for rollout tests. */
final class MemoryJournal implements DeploymentJournal {

    final Map<String, DeploymentRecord> deployments = new LinkedHashMap<>();
    final Map<String, TargetRecord> targets = new LinkedHashMap<>();
    final List<Event> events = new ArrayList<>();
    final Map<String, List<String>> logs = new LinkedHashMap<>();
    final Map<String, String> commands = new LinkedHashMap<>();
    final Map<String, Lease> leases = new LinkedHashMap<>();
    /** Target moves that still succeed; after them every write fails, as on a full disk. */
    int movesBeforeTheDiskFills = Integer.MAX_VALUE;

    private void write() {
        if (movesBeforeTheDiskFills-- <= 0) {
            throw new io.camfleet.console.service.common.Problem("problem.diskFull", "/data");
        }
    }

    @Override
    public synchronized void create(DeploymentRecord d, List<TargetRecord> ts, Lease lease) {
        deployments.put(d.id(), d);
        ts.forEach(t -> targets.put(t.target().cameraId(), t));
        if (lease != null) {
            leases.put(d.id(), lease);
        }
    }

    @Override
    public synchronized boolean takeLease(String id, Lease lease, String replacing, Instant now) {
        Lease held = leases.get(id);
        if (held == null || held.expiredAt(now) || held.owner().equals(lease.owner())
                || held.owner().equals(replacing)) {
            leases.put(id, lease);
            return true;
        }
        return false;
    }

    /** When set, renewing a lease fails with it (the cache cannot be written). */
    RuntimeException renewFailure;

    @Override
    public synchronized boolean renewLease(String id, Lease renewed) {
        if (renewFailure != null) {
            throw renewFailure;
        }
        Lease held = leases.get(id);
        if (held == null || !held.owner().equals(renewed.owner())) {
            return false;
        }
        leases.put(id, renewed);
        return true;
    }

    @Override
    public synchronized void releaseLease(String id, String owner) {
        Lease held = leases.get(id);
        if (held != null && held.owner().equals(owner)) {
            leases.remove(id);
        }
    }

    @Override
    public synchronized Optional<Lease> lease(String id) {
        return Optional.ofNullable(leases.get(id));
    }

    @Override
    public synchronized void moveTarget(String id, String camera, TargetState from, TargetState to, String detail,
                                        boolean newAttempt) {
        write();
        TargetRecord t = targets.get(camera);
        if (t == null || t.state() != from) {
            throw new IllegalStateException(camera + " is not " + from);
        }
        targets.put(camera, new TargetRecord(t.target(), t.wave(), to, t.attempt() + (newAttempt ? 1 : 0), detail,
                Instant.now()));
        events.add(new Event(camera, from.name(), to.name(), Instant.now(), detail));
    }

    /** Each batch {@link #moveTargets} journalled, in order. */
    final List<List<Move>> batches = new ArrayList<>();

    /** One write, as one transaction: all the moves, or none when one of them is refused. */
    @Override
    public synchronized void moveTargets(String id, List<Move> moves) {
        write();
        Map<String, TargetState> after = new java.util.HashMap<>();
        for (Move m : moves) {
            TargetRecord t = targets.get(m.cameraId());
            TargetState now = after.getOrDefault(m.cameraId(), t == null ? null : t.state());
            if (now != m.from()) {
                throw new IllegalStateException(m.cameraId() + " is not " + m.from());
            }
            after.put(m.cameraId(), m.to());
        }
        for (Move m : moves) {
            TargetRecord t = targets.get(m.cameraId());
            targets.put(m.cameraId(), new TargetRecord(t.target(), t.wave(), m.to(), t.attempt(), m.detail(),
                    Instant.now()));
            events.add(new Event(m.cameraId(), m.from().name(), m.to().name(), Instant.now(), m.detail()));
        }
        batches.add(List.copyOf(moves));
    }

    @Override
    public synchronized void moveDeployment(String id, DeploymentState from, DeploymentState to, String detail) {
        if (movesBeforeTheDiskFills <= 0) {
            write();
        }
        DeploymentRecord d = deployments.get(id);
        if (d == null || d.state() != from) {
            throw new IllegalStateException(id + " is not " + from);
        }
        deployments.put(id, new DeploymentRecord(d.id(), d.releaseName(), d.releaseVersion(), d.executor(), d.plan(),
                to, d.createdAt(), d.createdBy(), Instant.now()));
        events.add(new Event("", from.name(), to.name(), Instant.now(), detail));
    }

    @Override
    public synchronized void log(String id, String camera, List<String> lines) {
        logs.computeIfAbsent(camera, c -> new ArrayList<>()).addAll(lines);
    }

    @Override
    public synchronized Optional<DeploymentRecord> find(String id) {
        return Optional.ofNullable(deployments.get(id));
    }

    @Override
    public synchronized List<TargetRecord> targets(String id) {
        return List.copyOf(targets.values());
    }

    @Override
    public synchronized List<DeploymentRecord> recent(int limit) {
        return List.copyOf(deployments.values());
    }

    @Override
    public synchronized List<String> logOf(String id, String camera, int limit) {
        return logs.getOrDefault(camera, List.of());
    }

    @Override
    public synchronized List<Event> events(String id) {
        return List.copyOf(events);
    }

    @Override
    public synchronized void ssmCommand(String id, int wave, int part, String commandId) {
        if (commands.putIfAbsent(id + "/" + wave + "/" + part, commandId) != null) {
            throw new IllegalStateException("part " + part + " of wave " + wave + " of " + id + " has a command already");
        }
    }

    @Override
    public synchronized java.util.SortedMap<Integer, String> ssmCommands(String id, int wave) {
        java.util.SortedMap<Integer, String> out = new java.util.TreeMap<>();
        commands.forEach((key, command) -> {
            if (key.startsWith(id + "/" + wave + "/")) {
                out.put(Integer.parseInt(key.substring(key.lastIndexOf('/') + 1)), command);
            }
        });
        return out;
    }

    synchronized TargetState stateOf(String camera) {
        return targets.get(camera).state();
    }

    synchronized DeploymentState state(String id) {
        return deployments.get(id).state();
    }
}
