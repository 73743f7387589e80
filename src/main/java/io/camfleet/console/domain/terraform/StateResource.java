package io.camfleet.console.domain.terraform;

import java.util.Map;
import java.util.Objects;

/**
 * One object a Terraform state holds: an instance of a resource block (a block with {@code count} or
 * {@code for_each} has one per index), with only what the console reads of its attributes.
 *
 * @param address its address as Terraform prints it, e.g. {@code module.site["eu"].aws_instance.camera[0]}
 * @param managed a managed resource; false for a data source, which Terraform only reads
 * @param type    the resource type, e.g. {@code aws_instance}
 * @param id      its {@code id} attribute (an instance id, an AMI id, a thing's name); "" when it has none
 * @param tags    its {@code tags} attribute; empty when it has none
 */
public record StateResource(String address, boolean managed, String type, String id, Map<String, String> tags) {

    public StateResource {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        id = Objects.requireNonNullElse(id, "");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
