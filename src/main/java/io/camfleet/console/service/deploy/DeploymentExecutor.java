package io.camfleet.console.service.deploy;

import java.util.Optional;

/**
 * How a deployment reaches its cameras: one camera at a time, the rollout driving each step ({@link TargetRunner}:
 * SSH, the demo), or a whole wave with one remote command whose progress the rollout watches ({@link WaveRunner}:
 * SSM Run Command).
 */
public sealed interface DeploymentExecutor permits TargetRunner, WaveRunner {

    /**
     * Why this executor cannot reach the camera at all (one sentence: no address, an address that cannot be read), or
     * empty when it can. Shown in the dry run; such a camera fails alone, with that sentence, and nothing is dialled.
     */
    default Optional<String> cannotReach(Target target) {
        return Optional.empty();
    }

    /**
     * Whether this executor reads the release's artifact on this machine (and sends it), so that it is checked
     * here before the launch ({@link ReleaseArtifacts}). Not so for the demo, which simulates, nor for SSM, whose
     * cameras fetch the artifact from S3 and check its SHA-256 themselves.
     */
    default boolean readsLocalArtifact() {
        return true;
    }
}
