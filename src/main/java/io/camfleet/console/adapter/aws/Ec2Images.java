package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.images.ImageCloud;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * EC2 images of an environment's account through the EC2 API: the catalogue (DescribeImages, every page), the
 * instances launched from them (DescribeInstances by image-id), and the image actions; the builder's patching goes
 * through {@link Ec2ImagePatch} (SSM).
 */
public final class Ec2Images implements ImageCloud {

    /** DescribeInstances takes at most 200 values in one filter. */
    private static final int MOST_FILTER_VALUES = 200;
    private static final List<String> NOT_TERMINATED = List.of("pending", "running", "stopping", "stopped",
            "shutting-down");

    private final Supplier<AwsClients> clients;
    private final Ec2ImagePatch patch;

    /**
     * @param pollEvery how long between two looks at a patch run
     */
    public Ec2Images(Supplier<AwsClients> clients, Duration pollEvery) {
        this.clients = clients;
        this.patch = new Ec2ImagePatch(clients, pollEvery);
    }

    private Ec2Client ec2(Environment env, String region) {
        return clients.get().ec2(region.equals(env.region()) ? env
                : new Environment(env.label(), env.profile(), region, env.endpoint()));
    }

    @Override
    public List<MachineImage> images(Environment env, String region, List<String> tagFilters) {
        Ec2Client ec2 = ec2(env, region);
        Map<String, MachineImage> found = new LinkedHashMap<>();
        try {
            read(ec2, DescribeImagesRequest.builder().owners("self").build(), region, found);
            for (String f : tagFilters) {
                int eq = f.indexOf('=');
                String key = f.substring(0, eq).strip();
                String value = f.substring(eq + 1).strip();
                Filter filter = value.equals("*") ? Filter.builder().name("tag-key").values(key).build()
                        : Filter.builder().name("tag:" + key).values(value).build();
                read(ec2, DescribeImagesRequest.builder().filters(filter).build(), region, found);
            }
        } catch (SdkException e) {
            throw AwsProblems.of(new Environment(env.label(), env.profile(), region, env.endpoint()),
                    "ec2:DescribeImages", e);
        }
        return List.copyOf(found.values());
    }

    private static void read(Ec2Client ec2, DescribeImagesRequest request, String region,
                             Map<String, MachineImage> found) {
        for (Image i : ec2.describeImagesPaginator(request).images()) {
            found.putIfAbsent(i.imageId(), image(i, region));
        }
    }

    static MachineImage image(Image i, String region) {
        Map<String, String> tags = new HashMap<>();
        for (Tag t : i.tags()) {
            tags.put(t.key(), t.value() == null ? "" : t.value());
        }
        Instant created = instant(i.creationDate());
        return new MachineImage(i.imageId(), i.name(), region, created == null ? Instant.EPOCH : created,
                i.stateAsString(), instant(i.deprecationTime()), tags);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public Optional<MachineImage> image(Environment env, String imageId) {
        try {
            return ec2(env, env.region()).describeImages(r -> r.imageIds(imageId)).images().stream()
                    .findFirst().map(i -> image(i, env.region()));
        } catch (SdkException e) {
            if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException a
                    && a.awsErrorDetails() != null && a.awsErrorDetails().errorCode() != null
                    && a.awsErrorDetails().errorCode().startsWith("InvalidAMIID")) {
                return Optional.empty();
            }
            throw AwsProblems.of(env, "ec2:DescribeImages", e);
        }
    }

    @Override
    public Map<String, List<String>> instancesByImage(Environment env, List<String> imageIds) {
        Map<String, List<String>> byImage = new HashMap<>();
        Ec2Client ec2 = ec2(env, env.region());
        try {
            for (int at = 0; at < imageIds.size(); at += MOST_FILTER_VALUES) {
                List<String> ids = imageIds.subList(at, Math.min(imageIds.size(), at + MOST_FILTER_VALUES));
                for (Reservation r : ec2.describeInstancesPaginator(q -> q.filters(
                        Filter.builder().name("image-id").values(ids).build(),
                        Filter.builder().name("instance-state-name").values(NOT_TERMINATED).build()))
                        .reservations()) {
                    for (Instance i : r.instances()) {
                        byImage.computeIfAbsent(i.imageId(), k -> new ArrayList<>()).add(i.instanceId());
                    }
                }
            }
        } catch (SdkException e) {
            throw AwsProblems.of(env, "ec2:DescribeInstances", e);
        }
        return byImage;
    }

    @Override
    public String createImage(Environment env, String instanceId, String name, Map<String, String> tags) {
        try {
            return ec2(env, env.region()).createImage(r -> r.instanceId(instanceId).name(name)
                    .tagSpecifications(tagged(ResourceType.IMAGE, tags))).imageId();
        } catch (SdkException e) {
            throw AwsProblems.of(env, "ec2:CreateImage", e);
        }
    }

    @Override
    public String copyImage(Environment env, String imageId, String region, Map<String, String> tags) {
        Optional<MachineImage> source = image(env, imageId);
        String name = source.map(MachineImage::name).orElse(imageId);
        Environment there = new Environment(env.label(), env.profile(), region, env.endpoint());
        try {
            return ec2(env, region).copyImage(r -> r.sourceImageId(imageId).sourceRegion(env.region()).name(name)
                    .tagSpecifications(tagged(ResourceType.IMAGE, tags))).imageId();
        } catch (SdkException e) {
            throw AwsProblems.of(there, "ec2:CopyImage", e);
        }
    }

    /** No specification at all for no tags: EC2 refuses one that holds none. */
    private static List<TagSpecification> tagged(ResourceType type, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return List.of();
        }
        return List.of(TagSpecification.builder().resourceType(type)
                .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                        .toList())
                .build());
    }

    @Override
    public void deprecate(Environment env, String imageId, Instant at) {
        try {
            ec2(env, env.region()).enableImageDeprecation(r -> r.imageId(imageId).deprecateAt(at));
        } catch (SdkException e) {
            throw AwsProblems.of(env, "ec2:EnableImageDeprecation", e);
        }
    }

    @Override
    public void deregister(Environment env, String imageId) {
        try {
            ec2(env, env.region()).deregisterImage(r -> r.imageId(imageId));
        } catch (SdkException e) {
            throw AwsProblems.of(env, "ec2:DeregisterImage", e);
        }
    }

    @Override
    public PatchRun patch(Environment env, String instanceId, Duration timeout) {
        return patch.run(env, instanceId, timeout);
    }
}
