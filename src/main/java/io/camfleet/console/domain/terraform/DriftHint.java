package io.camfleet.console.domain.terraform;

import java.util.Objects;

/**
 * One difference between an environment's Terraform state and AWS, for a resource type the console knows.
 *
 * @param kind    which side lacks it
 * @param type    the Terraform resource type ({@code aws_instance}, {@code aws_ami}, {@code aws_iot_thing})
 * @param id      the resource's id: an instance id, an AMI id, a thing's name
 * @param address its address in the state; "" when the state lacks it
 * @param detail  what AWS says of it: its state there ({@code terminated}) or the managed tag it carries; "" for
 *                nothing (AWS does not know it)
 */
public record DriftHint(Kind kind, String type, String id, String address, String detail) {

    public enum Kind {
        /** In the state, but AWS no longer has it (deleted, terminated, deregistered outside Terraform). */
        MISSING_IN_AWS,
        /** Tagged as managed in AWS, but not in the state (made by hand, or by another state). */
        NOT_IN_STATE
    }

    public DriftHint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        address = Objects.requireNonNullElse(address, "");
        detail = Objects.requireNonNullElse(detail, "");
    }
}
