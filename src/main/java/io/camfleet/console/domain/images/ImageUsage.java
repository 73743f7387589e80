package io.camfleet.console.domain.images;

import java.util.List;

/**
 * Who runs an image: what a deregister's confirmation lists first.
 *
 * @param imageId   the image
 * @param cameras   the camera systems of the fleet cache whose image it is, sorted
 * @param instances the EC2 instances launched from it (any state but terminated), sorted
 */
public record ImageUsage(String imageId, List<String> cameras, List<String> instances) {

    public ImageUsage {
        cameras = cameras.stream().sorted().toList();
        instances = instances.stream().sorted().toList();
    }

    public boolean unused() {
        return cameras.isEmpty() && instances.isEmpty();
    }
}
