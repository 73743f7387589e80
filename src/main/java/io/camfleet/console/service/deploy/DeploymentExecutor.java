package io.camfleet.console.service.deploy;

/**
 * How a deployment reaches its cameras: one camera at a time, the rollout driving each step ({@link TargetRunner}:
 * SSH, the demo), or a whole wave with one remote command whose progress the rollout watches ({@link WaveRunner}:
 * SSM Run Command).
 */
public sealed interface DeploymentExecutor permits TargetRunner, WaveRunner {
}
