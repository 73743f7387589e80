package io.camfleet.console.domain.terraform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The kinds of AWS resources the console checks for drift, and the Terraform resource types that make each. */
public enum LiveKind {
    INSTANCE(List.of("aws_instance"), Set.of("terminated", "shutting-down")),
    IMAGE(List.of("aws_ami", "aws_ami_copy", "aws_ami_from_instance"), Set.of("deregistered")),
    THING(List.of("aws_iot_thing"), Set.of());

    private final List<String> terraformTypes;
    private final Set<String> goneStates;

    LiveKind(List<String> terraformTypes, Set<String> goneStates) {
        this.terraformTypes = terraformTypes;
        this.goneStates = goneStates;
    }

    /** The Terraform resource types that make it; the first is the one it is named by in hints. */
    public List<String> terraformTypes() {
        return terraformTypes;
    }

    Set<String> goneStates() {
        return goneStates;
    }

    /** The kind a Terraform resource type makes, if the console knows it. */
    public static Optional<LiveKind> ofType(String terraformType) {
        return Arrays.stream(values()).filter(k -> k.terraformTypes.contains(terraformType)).findFirst();
    }
}
