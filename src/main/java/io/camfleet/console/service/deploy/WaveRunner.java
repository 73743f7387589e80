package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.service.common.Problem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: runs a release on a whole wave with one remote command (SSM Run Command), and tells how each camera's copy
 * of it, its invocation, is going. The rollout journals the wave's targets DISPATCHED before {@link #send}, the
 * command's id right after it, and each transition the invocations report.
 *
 * <p>A command carries the deployment id and its wave, so that one sent just before a crash is found again
 * ({@link #find}) rather than sent twice. A runner never sends again by itself.
 */
public non-sealed interface WaveRunner extends DeploymentExecutor {

    /**
     * Checked at launch, before anything is journalled.
     *
     * @param waves the targets of each wave, in order
     * @throws io.camfleet.console.service.common.Problem (BAD_INPUT) naming what this executor cannot do with them
     */
    void check(Release release, List<List<Target>> waves);

    /** Why the command cannot be sent to this camera at all (one sentence), or empty when it can. */
    Optional<String> cannotReach(Target target);

    /**
     * At most this many targets in one command; a larger wave is sent as parts of at most this many, one command
     * each ({@link Order#part()}), as many at once as the plan's concurrency allows.
     */
    default int mostPerCommand() {
        return Integer.MAX_VALUE;
    }

    /**
     * The parts of a wave, each sent as one command: its cameras in the order of their ids, {@code most} at a time.
     * The same cameras always make the same parts, so that a part is found again after a restart by its number.
     */
    static List<List<String>> parts(List<String> cameraIds, int most) {
        List<String> sorted = cameraIds.stream().sorted().toList();
        List<List<String>> parts = new java.util.ArrayList<>();
        for (int from = 0; from < sorted.size(); from += most) {
            parts.add(sorted.subList(from, Math.min(sorted.size(), from + most)));
        }
        return parts;
    }

    /**
     * At most this many of this wave's targets in one command. It may allow more than {@link #mostPerCommand()}
     * when the runner can reach the whole wave with one command (SSM: by a tag it sets, {@link #prepare}); it must
     * depend on the targets alone, so that a restart finds the same parts.
     */
    default int mostPerCommand(List<Target> wave) {
        return mostPerCommand();
    }

    /**
     * The parts of a wave ({@link #parts(List, int)}). When one command can take the whole wave
     * ({@link #mostPerCommand(List)}) but not every runner's preparation succeeds, part 0 is the whole wave and parts
     * 1 to n are the same cameras {@link #mostPerCommand()} at a time: they are sent only when part 0 could not be
     * ({@link Preparation#send()} false), and a camera is under the first part that has a command.
     */
    static List<List<String>> parts(List<Target> wave, WaveRunner runner) {
        List<String> ids = wave.stream().map(Target::cameraId).toList();
        int each = runner.mostPerCommand();
        if (runner.mostPerCommand(wave) <= each || ids.size() <= each) {
            return parts(ids, each);
        }
        List<List<String>> parts = new java.util.ArrayList<>();
        parts.add(ids.stream().sorted().toList());
        parts.addAll(parts(ids, each));
        return parts;
    }

    /**
     * Before a part's command is sent, while its cameras are not yet DISPATCHED: whatever the runner must change in
     * the world for it (SSM sets the wave's tag on its instances). Never throws: a failure is a preparation that
     * does not send, with the sentence why.
     */
    default Preparation prepare(String deploymentId, int wave, int part, List<Target> targets) {
        return Preparation.READY;
    }

    /**
     * After a wave has ended (every command of it watched to its end, or the wave stopped by an abort or the
     * threshold), or was passed over because the rollout stopped: undoes what {@link #prepare} changed. Not called
     * when the rollout halted; the resume calls it. Never throws.
     *
     * @return a line for the log of each camera it concerned, by camera id
     */
    default Map<String, String> waveEnded(String deploymentId, int wave, List<Target> targets) {
        return Map.of();
    }

    /**
     * What {@link #prepare} did.
     *
     * @param send false when the part cannot be sent as planned: its cameras are left to the wave's later parts
     * @param note a line for the log of each of the part's cameras (what was changed, or why it could not be); may be
     *             blank
     */
    record Preparation(boolean send, String note) {
        public static final Preparation READY = new Preparation(true, "");
    }

    /** Sends the command of a wave's part, once. */
    Dispatch send(Order order);

    /**
     * Cancels the invocations of {@code targets} that have not started; those running may still end on their own.
     *
     * @throws io.camfleet.console.service.common.Problem when the command's service cannot be asked now
     */
    default void cancel(String commandId, List<Target> targets) {
    }

    /**
     * The command sent for a wave, found by the deployment id and wave it carries.
     *
     * @param since   when the deployment was created: no command of it is older
     * @param targets the wave's targets (they say where to look)
     * @return empty only when no such command exists
     * @throws io.camfleet.console.service.common.Problem when that cannot be told now
     */
    Optional<String> find(String deploymentId, int wave, Instant since, List<Target> targets);

    /** The command sent for one part of a wave ({@link #find(String, int, Instant, List)} is part 0). */
    default Optional<String> find(String deploymentId, int wave, int part, Instant since, List<Target> targets) {
        if (part != 0) {
            throw new IllegalArgumentException("this executor sends a wave as one command, not part " + part);
        }
        return find(deploymentId, wave, since, targets);
    }

    /**
     * Where each target's invocation is now, by camera id.
     *
     * @throws Throttled when the command's service asks for fewer calls (the watch then polls less often)
     * @throws io.camfleet.console.service.common.Problem when the command's service cannot be asked now
     */
    Map<String, Invocation> poll(String commandId, List<Target> targets);

    /** The command's service answered, but asks for fewer calls: it is not out of sight. */
    final class Throttled extends Problem {
        private static final long serialVersionUID = 1L;

        /** @param said what the service answered, in the operator's words */
        public Throttled(Problem said) {
            super(said.getCause(), said.key(), said.args());
        }
    }

    /**
     * One wave to send.
     *
     * @param maxConcurrency    at most this many targets of this command run at once: its share of the plan's
     *                          concurrency, which the wave's commands in flight never exceed together
     * @param toleratedFailures the command starts no new target after one failure more than this
     * @param part              which of the wave's commands, from 0 ({@link #mostPerCommand()})
     */
    record Order(String deploymentId, int wave, Release release, List<Target> targets, int maxConcurrency,
                 int toleratedFailures, int part) {
        public Order {
            targets = List.copyOf(targets);
        }

        /** The order of a wave sent as one command. */
        public Order(String deploymentId, int wave, Release release, List<Target> targets, int maxConcurrency,
                     int toleratedFailures) {
            this(deploymentId, wave, release, targets, maxConcurrency, toleratedFailures, 0);
        }
    }

    /** What became of a send. */
    sealed interface Dispatch {
    }

    /** The command exists: sent now, or found after the send seemed to fail. */
    record Sent(String commandId) implements Dispatch {
    }

    /** Nothing was sent. */
    record Refused(String reason) implements Dispatch {
    }

    /** The send failed in a way that leaves open whether the command exists, and looking for it failed too. */
    record Unconfirmed(String reason) implements Dispatch {
    }

    /**
     * One target's invocation.
     *
     * @param detail one sentence for the operator once it ended; may be empty
     * @param output what the camera printed, once it ended
     */
    record Invocation(Outcome outcome, String detail, List<String> output) {
        public Invocation {
            output = List.copyOf(output);
        }
    }

    /** Where an invocation is, in the steps of a rollout. */
    enum Outcome {
        /** Not on the camera yet (SSM: Pending, Delayed). */
        QUEUED,
        /** The script runs on the camera. */
        RUNNING,
        /** The camera was already at the version: nothing was done. */
        AT_VERSION,
        /** Installed, and the health check passed. */
        SUCCEEDED,
        /** Ended before the install began, so the camera was not changed: not delivered, download or checksum failed. */
        NOT_INSTALLED,
        /** The install, or writing the version marker after it, failed. */
        INSTALL_FAILED,
        /** Installed; the health check failed and so did the rollback. */
        CHECK_FAILED,
        /** Installed; the health check failed and the version before was put back. */
        ROLLED_BACK,
        /** Stopped at a step nobody can name (execution timeout, cancelled while running): the camera's state is unknown. */
        INTERRUPTED;

        public boolean ended() {
            return this != QUEUED && this != RUNNING;
        }
    }
}
