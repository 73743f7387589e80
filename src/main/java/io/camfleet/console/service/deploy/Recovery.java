package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.TargetEvent;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.TargetTransitions;
import io.camfleet.console.service.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks a deployment up after the console stopped under it (a crash, a kill -9): what was under way may or may not
 * have happened, so it becomes UNKNOWN, and every UNKNOWN camera is asked which version it runs before anything
 * is run on it again. A camera at the release's version is SUCCEEDED; one that is not is PENDING again; one that
 * cannot be reached stays UNKNOWN (a failure). Succeeded cameras are never touched.
 */
public final class Recovery {

    private Recovery() {
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

    private static TargetState reprobe(String deploymentId, String version, Target target, TargetRunner runner,
                                       DeploymentJournal journal) {
        Optional<String> installed;
        try {
            installed = runner.installedVersion(target);
        } catch (Problem unreachable) {
            journal.log(deploymentId, target.cameraId(), List.of("re-probe: " + unreachable.getMessage()));
            return TargetState.UNKNOWN;
        }
        boolean there = installed.isPresent() && installed.get().equals(version);
        return move(journal, deploymentId, target.cameraId(), TargetState.UNKNOWN, there
                        ? TargetEvent.REPROBED_AT_VERSION : TargetEvent.REPROBED_NOT_AT_VERSION,
                "re-probed: the version marker says " + installed.orElse("nothing"));
    }

    private static TargetState move(DeploymentJournal journal, String id, String camera, TargetState from,
                                    TargetEvent event, String detail) {
        TargetState to = TargetTransitions.next(from, event);
        journal.moveTarget(id, camera, from, to, detail, false);
        return to;
    }
}
