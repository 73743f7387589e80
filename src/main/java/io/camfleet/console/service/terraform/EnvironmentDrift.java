package io.camfleet.console.service.terraform;

import io.camfleet.console.domain.terraform.DriftHint;
import io.camfleet.console.domain.terraform.ManagedTag;
import io.camfleet.console.domain.terraform.TerraformState;

import java.util.List;

/**
 * An environment's state with its drift hints.
 *
 * @param checked how many AWS resources of the known kinds were compared with the state
 */
public record EnvironmentDrift(String environment, TerraformState state, ManagedTag managedTag, int checked,
                               List<DriftHint> hints) {

    public EnvironmentDrift {
        hints = List.copyOf(hints);
    }
}
