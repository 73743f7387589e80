package io.camfleet.console.service.images;

import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.service.environments.Environment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Port: EC2 images and the instances that run them, in one environment's account. Each call is in the environment's
 * region unless it names another. Failures are {@link io.camfleet.console.service.common.Problem}s naming the call.
 */
public interface ImageCloud {

    /**
     * The images the account owns in {@code region}, and those any of {@code tagFilters} ({@code key=value},
     * {@code key=*}) matches, each once, all pages read.
     */
    List<MachineImage> images(Environment env, String region, List<String> tagFilters);

    /** The image of that id in the environment's region, if EC2 still knows it. */
    java.util.Optional<MachineImage> image(Environment env, String imageId);

    /** The instance ids (any state but terminated) by the image they were launched from, in the home region. */
    Map<String, List<String>> instancesByImage(Environment env, List<String> imageIds);

    /** CreateImage from an instance, tagged; returns the new image's id (EC2 keeps building it). */
    String createImage(Environment env, String instanceId, String name, Map<String, String> tags);

    /** CopyImage from the environment's region into {@code region}, same name, tagged; returns the copy's id. */
    String copyImage(Environment env, String imageId, String region, Map<String, String> tags);

    /** EnableImageDeprecation at {@code at}. */
    void deprecate(Environment env, String imageId, Instant at);

    void deregister(Environment env, String imageId);

    /**
     * Runs SSM {@code AWS-RunPatchBaseline} (Operation=Install) on one instance and waits for it to end, at most
     * {@code timeout}.
     */
    PatchRun patch(Environment env, String instanceId, Duration timeout);

    /**
     * How a patch run ended on the builder.
     *
     * @param commandId the SSM command, to find it in the AWS console
     * @param status    SSM's status: Success, Failed, TimedOut, Cancelled ...
     * @param exitCode  the document's exit code; -1 when it did not end
     * @param output    its output, as SSM keeps it (SSM cuts it at 24,000 characters)
     */
    record PatchRun(String commandId, String status, int exitCode, String output) {

        public boolean succeeded() {
            return "Success".equalsIgnoreCase(status);
        }
    }
}
