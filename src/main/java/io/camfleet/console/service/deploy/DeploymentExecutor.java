package io.camfleet.console.service.deploy;

/**
 * How a deployment reaches its cameras: one camera at a time, the rollout driving each step ({@link TargetRunner}:
 * SSH, the demo), or a whole wave with one remote command whose progress the rollout watches ({@link WaveRunner}:
 * SSM Run Command).
 */
public sealed interface DeploymentExecutor permits TargetRunner, WaveRunner {

    /**
     * Whether this executor reads the release's artifact on this machine (and sends it), so that it is checked
     * here before the launch ({@link ReleaseArtifacts}). Not so for the demo, which simulates, nor for SSM, whose
     * cameras fetch the artifact from S3 and check its SHA-256 themselves.
     */
    default boolean readsLocalArtifact() {
        return true;
    }
}
