package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.cost.Ec2Inventory;
import io.camfleet.console.service.cost.InventoryReader;
import io.camfleet.console.service.environments.Environment;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VolumeState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the cleanup hints judge from EC2, every page: volumes, the account's own snapshots and images, and the
 * instances not terminated.
 */
public final class Ec2CleanupInventory implements InventoryReader {

    /** An AMI id, as CreateImage writes it into its snapshots' descriptions ("... for ami-0abc... "). */
    private static final Pattern AMI = Pattern.compile("\\bami-[0-9a-f]{8,17}\\b");

    private static final int BATCH = 200;

    private final Supplier<AwsClients> clients;

    public Ec2CleanupInventory(Supplier<AwsClients> clients) {
        this.clients = clients;
    }

    @Override
    public Ec2Inventory inventory(Environment environment) {
        Ec2Client ec2 = clients.get().ec2(environment);
        String operation = "DescribeVolumes";
        try {
            List<Ec2Inventory.Volume> volumes = new ArrayList<>();
            ec2.describeVolumesPaginator(r -> { }).volumes().forEach(v -> volumes.add(new Ec2Inventory.Volume(
                    v.volumeId(), v.volumeTypeAsString(), size(v.size()), v.state() != VolumeState.AVAILABLE)));
            operation = "DescribeSnapshots";
            List<Ec2Inventory.Snapshot> snapshots = new ArrayList<>();
            ec2.describeSnapshotsPaginator(r -> r.ownerIds("self")).snapshots().forEach(s -> snapshots.add(
                    new Ec2Inventory.Snapshot(s.snapshotId(), size(s.volumeSize()), imageOf(s.description(),
                            s.tags()))));
            operation = "DescribeImages";
            List<Ec2Inventory.Image> images = new ArrayList<>();
            ec2.describeImagesPaginator(r -> r.owners("self")).images().forEach(i -> images.add(
                    new Ec2Inventory.Image(i.imageId(), Objects.requireNonNullElse(i.name(), ""),
                            i.blockDeviceMappings().stream().map(BlockDeviceMapping::ebs).filter(Objects::nonNull)
                                    .map(e -> e.snapshotId()).filter(Objects::nonNull).toList())));
            operation = "DescribeInstances";
            List<Ec2Inventory.Instance> instances = new ArrayList<>();
            ec2.describeInstancesPaginator(r -> r.filters(Filter.builder().name("instance-state-name")
                            .values("pending", "running", "stopping", "stopped", "shutting-down").build()))
                    .reservations().forEach(r -> r.instances().forEach(i -> instances.add(new Ec2Inventory.Instance(
                            i.instanceId(), i.state().nameAsString(), Objects.requireNonNullElse(i.imageId(), ""),
                            i.blockDeviceMappings().stream().map(InstanceBlockDeviceMapping::ebs)
                                    .filter(Objects::nonNull).map(e -> e.volumeId()).toList()))));
            operation = "DescribeImages";
            return new Ec2Inventory(volumes, snapshots, images, instances, othersImages(ec2, snapshots, images));
        } catch (SdkException e) {
            throw AwsProblems.of(environment, operation, e);
        }
    }

    /**
     * Of the images the snapshots name that are not the account's own, those that still exist (public or shared
     * ones). Asked by filter, which names no missing image as an error, {@value #BATCH} at a time.
     */
    private static Set<String> othersImages(Ec2Client ec2, List<Ec2Inventory.Snapshot> snapshots,
                                            List<Ec2Inventory.Image> own) {
        Set<String> ownIds = new HashSet<>();
        own.forEach(i -> ownIds.add(i.id()));
        List<String> named = snapshots.stream().map(Ec2Inventory.Snapshot::imageId)
                .filter(id -> !id.isEmpty() && !ownIds.contains(id)).distinct().toList();
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < named.size(); i += BATCH) {
            List<String> batch = named.subList(i, Math.min(named.size(), i + BATCH));
            ec2.describeImagesPaginator(r -> r.filters(Filter.builder().name("image-id").values(batch).build()))
                    .images().forEach(image -> existing.add(image.imageId()));
        }
        return existing;
    }

    private static int size(Integer gb) {
        return gb == null ? 0 : gb;
    }

    /** The image a snapshot was made for: named in its description, else in any tag's value; "" for none. */
    static String imageOf(String description, List<Tag> tags) {
        Matcher m = AMI.matcher(Objects.requireNonNullElse(description, ""));
        if (m.find()) {
            return m.group();
        }
        for (Tag t : tags) {
            Matcher tm = AMI.matcher(Objects.requireNonNullElse(t.value(), ""));
            if (tm.matches()) {
                return tm.group();
            }
        }
        return "";
    }
}
