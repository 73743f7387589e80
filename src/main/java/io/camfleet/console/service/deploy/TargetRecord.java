package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.TargetState;

import java.time.Instant;

/** One target of a deployment as the journal holds it: where it is, in which wave, at which attempt. */
public record TargetRecord(Target target, int wave, TargetState state, int attempt, String detail,
                           Instant updatedAt) {
}
