package io.camfleet.console.domain.terraform;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An environment's Terraform state as read from its S3 backend, read only.
 *
 * @param bucket           the backend's bucket
 * @param key              the state object's key
 * @param terraformVersion the Terraform version that last wrote it, e.g. {@code 1.9.8}
 * @param serial           the state's serial, which each write of it increments
 * @param lineage          the state's lineage: the same for every serial of one state
 * @param lastModified     when the object was last written (S3's LastModified)
 * @param resources        every resource instance, managed and data, in file order
 */
public record TerraformState(String bucket, String key, String terraformVersion, long serial, String lineage,
                             Instant lastModified, List<StateResource> resources) {

    public TerraformState {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        terraformVersion = Objects.requireNonNullElse(terraformVersion, "");
        lineage = Objects.requireNonNullElse(lineage, "");
        resources = List.copyOf(resources);
    }

    /** The managed resource instances of each type, by type name; data sources are not counted. */
    public Map<String, Integer> countsByType() {
        Map<String, Integer> counts = new TreeMap<>();
        for (StateResource r : resources) {
            if (r.managed()) {
                counts.merge(r.type(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** How many managed resource instances it holds. */
    public int managedCount() {
        return (int) resources.stream().filter(StateResource::managed).count();
    }
}
