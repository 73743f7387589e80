package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.DeploymentState;

import java.time.Instant;

/**
 * A deployment as the journal holds it.
 *
 * @param executor how it reaches the cameras
 * @param plan     the plan it was launched with, as JSON
 */
public record DeploymentRecord(String id, String releaseName, String releaseVersion, ExecutorKind executor, String plan,
                               DeploymentState state, Instant createdAt, String createdBy, Instant updatedAt) {
}
