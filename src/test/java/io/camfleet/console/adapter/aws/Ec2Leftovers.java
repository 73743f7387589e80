package io.camfleet.console.adapter.aws;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/** EC2 leftovers seeded in moto for the cleanup hints, and their ids to find in the hints. */
public record Ec2Leftovers(String freeVolume, String stopped, String unusedImage, String cameraImage,
                           String goneImage) {

    /**
     * In eu-west-1: a free gp3 100 GB volume; a running instance; a stopped one with its 8 GB gp2 root (moto's) and
     * an io1 50 GB data volume; three images made from the running instance (moto gives each a 15 GB snapshot):
     * one nothing runs, one a camera runs, one deregistered (its snapshot stays).
     */
    public static Ec2Leftovers seed(Ec2Client ec2) {
        String amazonImage = ec2.describeImages(r -> r.owners("amazon")).images().getFirst().imageId();
        String running = ec2.runInstances(r -> r.imageId(amazonImage).minCount(1).maxCount(1)
                .instanceType("t3.micro")).instances().getFirst().instanceId();
        String stopped = ec2.runInstances(r -> r.imageId(amazonImage).minCount(1).maxCount(1)
                .instanceType("t3.micro").placement(p -> p.availabilityZone("eu-west-1a")))
                .instances().getFirst().instanceId();
        String data = ec2.createVolume(r -> r.size(50).volumeType(VolumeType.IO1).iops(100)
                .availabilityZone("eu-west-1a")).volumeId();
        ec2.attachVolume(r -> r.volumeId(data).instanceId(stopped).device("/dev/sdf"));
        ec2.stopInstances(r -> r.instanceIds(stopped));
        String free = ec2.createVolume(r -> r.size(100).volumeType(VolumeType.GP3).availabilityZone("eu-west-1a"))
                .volumeId();
        String unused = ec2.createImage(r -> r.instanceId(running).name("camos-2026.04")).imageId();
        String camera = ec2.createImage(r -> r.instanceId(running).name("camos-2026.10")).imageId();
        String gone = ec2.createImage(r -> r.instanceId(running).name("camos-2025.12")).imageId();
        ec2.deregisterImage(r -> r.imageId(gone));
        return new Ec2Leftovers(free, stopped, unused, camera, gone);
    }
}
