package io.camfleet.console.service.terraform;

import io.camfleet.console.service.common.Problem;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an environment's Terraform state is: its S3 backend's bucket and key, as in the backend block.
 *
 * @param bucket the bucket
 * @param key    the state object's key, e.g. {@code camfleet/prod/terraform.tfstate}
 * @param region the bucket's region when it is not the environment's; "" for the environment's
 */
public record StateLocation(String bucket, String key, String region) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    public StateLocation {
        bucket = Objects.requireNonNullElse(bucket, "").strip();
        key = Objects.requireNonNullElse(key, "").strip();
        region = Objects.requireNonNullElse(region, "").strip();
    }

    /**
     * Checks a location as the settings hold it.
     *
     * @throws Problem (BAD_INPUT) naming the environment and the field that is wrong
     */
    public StateLocation checked(String environment) {
        if (!BUCKET.matcher(bucket).matches()) {
            throw Problem.badInput("terraform.settings.badBucket", environment, bucket);
        }
        if (key.isEmpty() || key.startsWith("/") || key.length() > 1024) {
            throw Problem.badInput("terraform.settings.badKey", environment, key);
        }
        if (!region.isEmpty() && !REGION.matcher(region).matches()) {
            throw Problem.badInput("environment.badRegion", region);
        }
        return this;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
