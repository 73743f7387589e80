package io.camfleet.console.domain.images;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One EC2 image (AMI) as DescribeImages gives it, in one region.
 *
 * @param id           the AMI id, e.g. {@code ami-0abc}
 * @param name         the image's name; unique per account and region
 * @param region       the region it was read in
 * @param created      its creation date
 * @param state        EC2's state: {@code pending}, {@code available}, {@code failed} ...
 * @param deprecatesAt when EC2 deprecates (or deprecated) it; null when no deprecation is set
 * @param tags         its tags
 */
public record MachineImage(String id, String name, String region, Instant created, String state,
                           Instant deprecatesAt, Map<String, String> tags) {

    public MachineImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        name = name == null ? "" : name;
        region = region == null ? "" : region;
        state = state == null ? "" : state;
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    /** Whole days since it was created; 0 for an image from the future (a skewed clock). */
    public long ageDays(Instant now) {
        return Math.max(0, Duration.between(created, now).toDays());
    }

    public boolean deprecated(Instant now) {
        return deprecatesAt != null && !deprecatesAt.isAfter(now);
    }

    public String tag(String key) {
        return tags.getOrDefault(key, "");
    }
}
