package io.camfleet.console.domain.terraform;

import java.util.Map;
import java.util.Objects;

/**
 * A resource as AWS has it now, of a kind the console checks against the state.
 *
 * @param kind  what it is
 * @param id    the id Terraform knows it by: an instance id, an AMI id, a thing's name
 * @param state its state in AWS where it has one ({@code running}, {@code terminated}, {@code available}); "" else
 * @param tags  its tags; for an IoT thing, its attributes (a thing has no tags in Terraform)
 */
public record LiveResource(LiveKind kind, String id, String state, Map<String, String> tags) {

    public LiveResource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        state = Objects.requireNonNullElse(state, "");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** Whether AWS still holds it: a terminated instance, a deregistered image, is gone, though AWS still lists it. */
    public boolean exists() {
        return !kind.goneStates().contains(state);
    }
}
