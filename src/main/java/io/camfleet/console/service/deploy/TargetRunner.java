package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.Release;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: runs a release on one camera system at a time (SSH, the demo). The rollout drives the steps and journals
 * each transition before it asks for the step; a runner only does the work and reports what it saw.
 */
public non-sealed interface TargetRunner extends DeploymentExecutor {

    /**
     * The version the camera says it runs (its version marker), or empty when it has none.
     *
     * @throws io.camfleet.console.service.common.Problem when the camera cannot be reached
     */
    Optional<String> installedVersion(Target target);

    /** Copies the artifact to the camera and checks its SHA-256 there. */
    StepResult upload(Target target, Release release, Consumer<String> output);

    /** Runs the install script; on success the camera's version marker names the release's version. */
    StepResult install(Target target, Release release, Consumer<String> output);

    /** Runs the health check. */
    StepResult verify(Target target, Release release, Consumer<String> output);

    /** Runs the rollback script; on success the version marker is back to what it was. */
    StepResult rollback(Target target, Release release, Consumer<String> output);

    /**
     * Connects to the camera to see whether its host key is the known one: the rejection (new or changed key, with
     * its SHA-256 fingerprint) when it is not, empty when it is, or when the runner checks no host keys.
     *
     * @throws io.camfleet.console.service.common.Problem when the camera cannot be reached
     */
    default Optional<HostKeyRejected> hostKey(Target target) {
        return Optional.empty();
    }

    /** Records the key of a rejection as the host's known key: the operator's decision, audited by the caller. */
    default void trust(HostKeyRejected rejected) {
        throw new UnsupportedOperationException("this runner checks no host keys");
    }

    /** The rollout is done with this camera for now: a runner may close what it kept open for it. */
    default void done(Target target) {
    }

    /**
     * What a step came to.
     *
     * @param ok          the step did what it should (exit status 0, checksum equal)
     * @param contactLost the connection dropped before the step could tell: the camera's state is unknown
     * @param detail      one line for the operator when not ok
     */
    record StepResult(boolean ok, boolean contactLost, String detail) {
        public static final StepResult OK = new StepResult(true, false, "");

        public static StepResult failed(String detail) {
            return new StepResult(false, false, detail);
        }

        public static StepResult lost(String detail) {
            return new StepResult(false, true, detail);
        }
    }
}
