package io.camfleet.console.ui.estate;

import io.camfleet.console.domain.terraform.DriftHint;
import io.camfleet.console.domain.terraform.StateResource;
import io.camfleet.console.domain.terraform.TerraformState;
import io.camfleet.console.service.terraform.EnvironmentDrift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An environment's state and drift as the Terraform state tab shows them: grouped by type and sorted once, on a
 * worker thread, so that a state of ten thousand resources costs the FX thread only the handing over of the lists.
 *
 * @param location    where the state was read, {@code s3://bucket/key}
 * @param managed     how many managed resource instances the state holds
 * @param dataSources how many data sources it holds (read by Terraform, not made by it)
 * @param types       the managed types with their counts, by type name
 * @param byType      each type's resources, by address
 * @param checked     how many AWS resources of the known kinds were compared with the state
 */
public record StateSummary(String environment, String location, String terraformVersion, long serial,
                           String lineage, Instant lastModified, int managed, int dataSources, List<TypeCount> types,
                           Map<String, List<Resource>> byType, List<DriftHint> hints, int checked,
                           String managedTag) {

    /** A resource type and how many instances of it the state holds. */
    public record TypeCount(String type, int count) {
    }

    /**
     * One resource instance as listed.
     *
     * @param name its Name tag; "" when it has none
     */
    public record Resource(String type, String address, String id, String name) {
    }

    /** Groups {@code drift}'s state by type. Call it off the FX thread: it walks every resource. */
    public static StateSummary of(EnvironmentDrift drift) {
        TerraformState state = drift.state();
        Map<String, List<Resource>> byType = new java.util.TreeMap<>();
        int data = 0;
        for (StateResource r : state.resources()) {
            if (!r.managed()) {
                data++;
                continue;
            }
            byType.computeIfAbsent(r.type(), t -> new ArrayList<>())
                    .add(new Resource(r.type(), r.address(), r.id(), r.tags().getOrDefault("Name", "")));
        }
        Map<String, List<Resource>> sorted = new LinkedHashMap<>();
        List<TypeCount> types = new ArrayList<>();
        byType.forEach((type, list) -> {
            list.sort(Comparator.comparing(Resource::address));
            sorted.put(type, List.copyOf(list));
            types.add(new TypeCount(type, list.size()));
        });
        return new StateSummary(drift.environment(), "s3://" + state.bucket() + "/" + state.key(),
                state.terraformVersion(), state.serial(), state.lineage(), state.lastModified(),
                state.resources().size() - data, data, List.copyOf(types), java.util.Collections.unmodifiableMap(
                sorted), drift.hints(), drift.checked(), drift.managedTag().toString());
    }

    /** Every managed resource, by type then address. */
    public List<Resource> all() {
        List<Resource> all = new ArrayList<>(managed);
        byType.values().forEach(all::addAll);
        return all;
    }
}
