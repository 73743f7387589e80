package io.camfleet.console.service.diagnostics;

import io.camfleet.console.service.deploy.Target;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: runs one shell command on cameras, the way the deployments reach them (SSH, SSM Run Command, the demo), and
 * brings back what each printed. A runbook's command line comes already quoted from its template.
 */
public interface CameraShell {

    /** Why the command cannot reach this camera at all (one sentence), or empty when it can. Nothing is dialled. */
    default Optional<String> cannotReach(Target target) {
        return Optional.empty();
    }

    /**
     * Runs {@code command} on each target, several at once, and gives each camera's run to {@code done} as it ends
     * (on any thread). Returns once every target has ended, been refused or passed {@code timeout}; one camera's
     * failure is its {@link CameraRun}, never an exception.
     */
    void run(List<Target> targets, String command, Duration timeout, Consumer<CameraRun> done);
}
