package io.camfleet.console.domain.cost;

import java.util.List;
import java.util.Set;

/**
 * What one account and region holds that costs storage: its EBS volumes, its own snapshots, its own images and its
 * instances (terminated ones left out).
 *
 * @param othersImages the images of other owners (public, shared) that its snapshots name and that still exist: a
 *                     snapshot naming one is not left over
 */
public record Ec2Inventory(List<Volume> volumes, List<Snapshot> snapshots, List<Image> images,
                           List<Instance> instances, Set<String> othersImages) {

    public Ec2Inventory {
        volumes = List.copyOf(volumes);
        snapshots = List.copyOf(snapshots);
        images = List.copyOf(images);
        instances = List.copyOf(instances);
        othersImages = Set.copyOf(othersImages);
    }

    /** @param attached whether the volume is attached to an instance (state {@code in-use}) */
    public record Volume(String id, String type, int sizeGb, boolean attached) {
    }

    /**
     * @param sizeGb  the size of the volume it was taken from: an upper bound of what it stores (snapshots are
     *                incremental)
     * @param imageId the image it was made for, from its description ({@code ... for ami-0abc ...}) or its tag; ""
     *                for none
     */
    public record Snapshot(String id, int sizeGb, String imageId) {
    }

    /** @param snapshotIds the snapshots behind its block devices */
    public record Image(String id, String name, List<String> snapshotIds) {
    }

    /** @param state e.g. {@code running}, {@code stopped} */
    public record Instance(String id, String state, String imageId, List<String> volumeIds) {
    }
}
