package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.DeploymentState;

import java.time.Instant;

/**
 * A deployment as the journal holds it.
 *
 * @param executor how it reaches the cameras: {@code DEMO}, {@code SSH} or {@code SSM}
 * @param plan     the plan it was launched with, as JSON
 */
public record DeploymentRecord(String id, String releaseName, String releaseVersion, String executor, String plan,
                               DeploymentState state, Instant createdAt, String createdBy, Instant updatedAt) {
}
