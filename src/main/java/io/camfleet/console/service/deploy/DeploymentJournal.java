package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.TargetState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Port: the deployment journal. Each write is one transaction and is made before the side effect it announces;
 * a transition is on the disk (synced) when its call returns. Transitions are compare-and-set: a transition from a
 * state the journal does not hold is refused, so that memory and journal can never drift apart unnoticed. Any write
 * that fails throws: the caller must not take the step it announces.
 */
public interface DeploymentJournal {

    /**
     * A new deployment with all its targets, PENDING, and its lease held by {@code lease} (none when null), in one
     * transaction.
     */
    void create(DeploymentRecord deployment, List<TargetRecord> targets, Lease lease);

    /** A new deployment that nobody holds yet. */
    default void create(DeploymentRecord deployment, List<TargetRecord> targets) {
        create(deployment, targets, null);
    }

    /**
     * Moves a target from {@code from} to {@code to}, with an event.
     *
     * @param newAttempt whether this starts a new attempt (a retry, a rollback)
     * @throws IllegalStateException when the journal does not hold {@code from} for it
     */
    void moveTarget(String deploymentId, String cameraId, TargetState from, TargetState to, String detail,
                    boolean newAttempt);

    /**
     * Moves several targets, in order, with an event each, in one transaction: all of them are on the disk when it
     * returns, or none is. A camera may move more than once in a batch (DISPATCHED, then INSTALLING...). This default
     * moves them one at a time, and so is not atomic: a journal on a database overrides it.
     *
     * @throws IllegalStateException when the journal does not hold a move's {@code from} for its target (by then)
     */
    default void moveTargets(String deploymentId, List<Move> moves) {
        for (Move m : moves) {
            moveTarget(deploymentId, m.cameraId(), m.from(), m.to(), m.detail(), false);
        }
    }

    /** One target's transition in a batch ({@link #moveTargets}). */
    record Move(String cameraId, TargetState from, TargetState to, String detail) {
    }

    /** Adds lines several targets printed, in one transaction; by camera id. */
    default void log(String deploymentId, Map<String, List<String>> linesByCamera) {
        linesByCamera.forEach((camera, lines) -> log(deploymentId, camera, lines));
    }

    /**
     * Moves the deployment from {@code from} to {@code to}, with an event.
     *
     * @throws IllegalStateException when the journal does not hold {@code from} for it
     */
    void moveDeployment(String deploymentId, DeploymentState from, DeploymentState to, String detail);

    /** Adds lines a target's commands printed. */
    void log(String deploymentId, String cameraId, List<String> lines);

    Optional<DeploymentRecord> find(String deploymentId);

    List<TargetRecord> targets(String deploymentId);

    /** Newest first. */
    List<DeploymentRecord> recent(int limit);

    /** The deployments created from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    default List<DeploymentRecord> startedBetween(Instant from, Instant to) {
        return recent(Integer.MAX_VALUE).stream()
                .filter(d -> !d.createdAt().isBefore(from) && d.createdAt().isBefore(to))
                .sorted(java.util.Comparator.comparing(DeploymentRecord::createdAt).thenComparing(DeploymentRecord::id))
                .toList();
    }

    /** The last {@code limit} lines a target printed, oldest first. */
    List<String> logOf(String deploymentId, String cameraId, int limit);

    /** The last {@code perTarget} lines each target of a deployment printed, oldest first, by camera id. */
    default Map<String, List<String>> lastLines(String deploymentId, int perTarget) {
        Map<String, List<String>> lines = new HashMap<>();
        for (TargetRecord t : targets(deploymentId)) {
            lines.put(t.target().cameraId(), logOf(deploymentId, t.target().cameraId(), perTarget));
        }
        return lines;
    }

    /** Every transition of a deployment and its targets, oldest first. */
    List<Event> events(String deploymentId);

    /** Every transition of one target, oldest first. */
    default List<Event> eventsOf(String deploymentId, String cameraId) {
        return events(deploymentId).stream().filter(e -> e.cameraId().equals(cameraId)).toList();
    }

    /**
     * Takes the deployment's lease for {@code lease}'s owner, atomically: when nobody holds it, when its lease expired
     * at {@code now}, when the owner already holds it, or when {@code replacing} (an owner seen to be gone) still
     * holds it.
     *
     * @return false when another process holds it: the deployment runs elsewhere
     */
    boolean takeLease(String deploymentId, Lease lease, String replacing, Instant now);

    /**
     * Renews a lease its owner holds.
     *
     * @return false when the owner no longer holds it (it expired and was taken): the owner must stop
     */
    boolean renewLease(String deploymentId, Lease renewed);

    /** Gives the lease up, if {@code owner} holds it. */
    void releaseLease(String deploymentId, String owner);

    Optional<Lease> lease(String deploymentId);

    /** Remembers the SSM command sent for a wave sent as one command. */
    default void ssmCommand(String deploymentId, int wave, String commandId) {
        ssmCommand(deploymentId, wave, 0, commandId);
    }

    /** The SSM command of a wave sent as one command (its part 0). */
    default Optional<String> ssmCommand(String deploymentId, int wave) {
        return Optional.ofNullable(ssmCommands(deploymentId, wave).get(0));
    }

    /** Remembers the SSM command sent for one part of a wave (a wave larger than one command is sent in parts). */
    void ssmCommand(String deploymentId, int wave, int part, String commandId);

    /** The SSM commands sent for a wave, by part. */
    SortedMap<Integer, String> ssmCommands(String deploymentId, int wave);

    /**
     * The transitions from {@code from} (inclusive) to {@code to} (exclusive) of the deployments with a target at
     * site {@code siteId}: the deployment's own and those of its targets at that site, the latest {@code limit},
     * newest first. The site timeline's deployment rows.
     */
    default List<SiteTransition> siteTransitions(String siteId, Instant from, Instant to, int limit) {
        List<SiteTransition> out = new ArrayList<>();
        for (DeploymentRecord d : recent(Integer.MAX_VALUE).reversed()) {
            java.util.Set<String> here = new java.util.HashSet<>();
            targets(d.id()).stream().filter(t -> t.target().siteId().equals(siteId))
                    .forEach(t -> here.add(t.target().cameraId()));
            if (here.isEmpty()) {
                continue;
            }
            List<Event> events = events(d.id());
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                if ((e.cameraId().isEmpty() || here.contains(e.cameraId())) && !e.at().isBefore(from)
                        && e.at().isBefore(to)) {
                    out.add(new SiteTransition(out.size(), d.id(), d.releaseName(), d.releaseVersion(), e));
                }
            }
        }
        out.sort(java.util.Comparator.comparing((SiteTransition t) -> t.event().at())
                .thenComparingLong(SiteTransition::id).reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** A transition with the release its deployment ships and its id in the journal, which orders equal times. */
    record SiteTransition(long id, String deploymentId, String releaseName, String releaseVersion, Event event) {
    }

    /** One transition; {@code cameraId} is empty for the deployment's own. */
    record Event(String cameraId, String from, String to, Instant at, String detail) {
    }
}
