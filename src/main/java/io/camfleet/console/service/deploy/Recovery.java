package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.TargetEvent;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.TargetTransitions;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Picks a deployment up after the console stopped under it (a crash, a kill -9): what was under way may or may not
 * have happened, so it becomes UNKNOWN, and every UNKNOWN camera is asked which version it runs before anything
 * is run on it again. A camera at the release's version is VERIFYING: its marker proves the install, not its health,
 * so the rollout runs its health check again (and its rollback when that fails); one that is not is PENDING again;
 * one that cannot be reached stays UNKNOWN (a failure). Succeeded cameras are never touched.
 *
 * <p>A deployment whose waves each ran as one command ({@link WaveRunner}) is reconciled with its commands instead:
 * see {@link #recover(DeploymentRecord, List, DeploymentExecutor, DeploymentJournal)}.
 */
public final class Recovery {

    private Recovery() {
    }

    /** @return each target's state after the re-probe or the reconciliation, as journalled */
    public static Map<String, TargetState> recover(DeploymentRecord deployment, List<TargetRecord> targets,
                                                   DeploymentExecutor executor, DeploymentJournal journal) {
        return switch (executor) {
            case TargetRunner runner -> recover(deployment.id(), deployment.releaseVersion(), targets, runner,
                    journal);
            case WaveRunner waves -> recoverWaves(deployment, targets, waves, journal);
        };
    }

    /** @return each target's state after the re-probe, as journalled */
    public static Map<String, TargetState> recover(String deploymentId, String version, List<TargetRecord> targets,
                                                   TargetRunner runner, DeploymentJournal journal) {
        Map<String, TargetState> states = new LinkedHashMap<>();
        for (TargetRecord t : targets) {
            String camera = t.target().cameraId();
            TargetState state = t.state();
            if (state.isUnderWay()) {
                state = move(journal, deploymentId, camera, state, TargetEvent.CONTACT_LOST,
                        "interrupted: the console stopped during this step");
            }
            if (state == TargetState.UNKNOWN) {
                state = reprobe(deploymentId, version, t.target(), runner, journal);
            }
            states.put(camera, state);
        }
        return states;
    }

    /**
     * Reconciles each wave's part (its command: {@link WaveRunner#parts}) that had something under way with its
     * command. The command's id is in the journal, or, when the console stopped between sending it and saving its id,
     * is found by the deployment id, wave and part it carries, and then saved. A part with a command keeps its targets
     * under way: the rollout watches the command again. A part with none provably never ran: its targets are PENDING
     * again and the rollout sends it, once. An UNKNOWN target is re-probed through its invocation: SUCCEEDED when it
     * got to the version, else still UNKNOWN.
     *
     * <p>Every lookup is made before anything is journalled: when one fails, the journal is as it was.
     *
     * @throws io.camfleet.console.service.common.Problem when a command cannot be looked up now
     */
    static Map<String, TargetState> recoverWaves(DeploymentRecord d, List<TargetRecord> targets, WaveRunner waves,
                                                 DeploymentJournal journal) {
        Messages words = new Messages(Locale.ROOT);
        Map<Integer, List<TargetRecord>> byWave = new TreeMap<>();
        targets.forEach(t -> byWave.computeIfAbsent(t.wave(), w -> new ArrayList<>()).add(t));
        Map<String, Part> partOf = new HashMap<>();
        Map<Part, String> commands = new HashMap<>();
        Map<Part, String> found = new LinkedHashMap<>();
        Map<String, WaveRunner.Invocation> unknown = new HashMap<>();
        for (Map.Entry<Integer, List<TargetRecord>> wave : byWave.entrySet()) {
            int index = wave.getKey();
            Map<String, TargetRecord> byCamera = new HashMap<>();
            wave.getValue().forEach(t -> byCamera.put(t.target().cameraId(), t));
            List<List<String>> parts = WaveRunner.parts(wave.getValue().stream().map(TargetRecord::target).toList(),
                    waves);
            Map<Integer, String> saved = journal.ssmCommands(d.id(), index);
            Set<String> covered = new HashSet<>(); // a camera is under the first of its parts that has a command
            for (int n = 0; n < parts.size(); n++) {
                Part part = new Part(index, n);
                List<String> mine = parts.get(n).stream().filter(c -> !covered.contains(c)).toList();
                mine.forEach(c -> partOf.put(c, part));
                List<TargetRecord> open = mine.stream().map(byCamera::get)
                        .filter(t -> t.state().isUnderWay() || t.state() == TargetState.UNKNOWN).toList();
                if (open.isEmpty()) {
                    continue;
                }
                Optional<String> command = Optional.ofNullable(saved.get(n));
                if (command.isEmpty()) {
                    command = waves.find(d.id(), index, n, d.createdAt(),
                            open.stream().map(TargetRecord::target).toList());
                    command.ifPresent(c -> found.put(part, c));
                }
                if (command.isPresent()) {
                    covered.addAll(mine);
                    commands.put(part, command.get());
                    List<Target> lost = open.stream().filter(t -> t.state() == TargetState.UNKNOWN)
                            .map(TargetRecord::target).toList();
                    if (!lost.isEmpty()) {
                        unknown.putAll(waves.poll(command.get(), lost));
                    }
                }
            }
        }
        found.forEach((part, command) -> journal.ssmCommand(d.id(), part.wave(), part.part(), command));
        Map<String, TargetState> states = new LinkedHashMap<>();
        for (TargetRecord t : targets) {
            String camera = t.target().cameraId();
            TargetState state = t.state();
            Part part = partOf.get(camera);
            String command = commands.get(part);
            if (command == null && state.isUnderWay()) {
                state = move(journal, d.id(), camera, state, TargetEvent.CONTACT_LOST,
                        words.text("deploy.recover.notSent"));
            }
            if (command == null && state == TargetState.UNKNOWN) {
                state = move(journal, d.id(), camera, state, TargetEvent.REPROBED_NOT_AT_VERSION,
                        words.text("deploy.recover.nothingRan", d.id(), t.wave()));
            } else if (command != null && found.containsKey(part) && state.isUnderWay()) {
                journal.log(d.id(), camera, List.of(words.text("deploy.recover.foundAgain", command)));
            } else if (command != null && state == TargetState.UNKNOWN) {
                state = reprobeByCommand(d.id(), camera, command, unknown.get(camera), journal, words);
            }
            states.put(camera, state);
        }
        return states;
    }

    /** One command of a wave. */
    private record Part(int wave, int part) {
    }

    private static TargetState reprobeByCommand(String deploymentId, String camera, String command,
                                                WaveRunner.Invocation invocation, DeploymentJournal journal,
                                                Messages words) {
        WaveRunner.Outcome outcome = invocation == null ? WaveRunner.Outcome.QUEUED : invocation.outcome();
        if (outcome == WaveRunner.Outcome.SUCCEEDED || outcome == WaveRunner.Outcome.AT_VERSION) {
            // The command ran the health check (and the rollback) itself: its success is the camera's health.
            return move(journal, deploymentId, camera, TargetState.UNKNOWN, TargetEvent.REPROBED_HEALTHY,
                    words.text("deploy.recover.reprobedByCommand", command, outcome));
        }
        journal.log(deploymentId, camera, List.of(words.text("deploy.recover.stillUnknown", command, outcome)));
        return TargetState.UNKNOWN;
    }

    private static TargetState reprobe(String deploymentId, String version, Target target, TargetRunner runner,
                                       DeploymentJournal journal) {
        Optional<String> installed;
        try {
            installed = runner.installedVersion(target);
        } catch (RuntimeException unreachable) { // a Problem, or a runner's own failure: the camera stays unknown
            journal.log(deploymentId, target.cameraId(), List.of("re-probe: " + Rollout.describe(unreachable)));
            return TargetState.UNKNOWN;
        }
        boolean there = installed.isPresent() && installed.get().equals(version);
        return move(journal, deploymentId, target.cameraId(), TargetState.UNKNOWN, there
                        ? TargetEvent.REPROBED_AT_VERSION : TargetEvent.REPROBED_NOT_AT_VERSION,
                "re-probed: the version marker says " + installed.orElse("nothing")
                        + (there ? "; the marker proves the install, not the health: the health check runs again"
                        : ""));
    }

    private static TargetState move(DeploymentJournal journal, String id, String camera, TargetState from,
                                    TargetEvent event, String detail) {
        TargetState to = TargetTransitions.next(from, event);
        journal.moveTarget(id, camera, from, to, detail, false);
        return to;
    }
}
