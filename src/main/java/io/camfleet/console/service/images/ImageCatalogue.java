package io.camfleet.console.service.images;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.ImageTagKeys;
import io.camfleet.console.domain.images.ImageUsage;
import io.camfleet.console.domain.images.Lineage;
import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * An environment's images, read from EC2 each time (a catalogue of 5,000 images is a few DescribeImages pages and a
 * second's work, so nothing is cached): their lineage, copies in the other regions, who runs them and whether they are
 * outdated.
 *
 * <p>A copy of an image is an image in another region whose source tag names it, or that has its name (CopyImage keeps
 * the name the console gives it, and the console gives the original's).
 */
public final class ImageCatalogue {

    private final ImageCloud cloud;
    private final Supplier<ImageSettings> settings;
    private final Supplier<List<Environment>> environments;
    private final Supplier<List<CameraSystem>> cameras;
    private final Clock clock;

    /**
     * @param cameras the camera systems of the fleet cache, whose {@code image} is an AMI id or an image name
     */
    public ImageCatalogue(ImageCloud cloud, Supplier<ImageSettings> settings,
                          Supplier<List<Environment>> environments, Supplier<List<CameraSystem>> cameras, Clock clock) {
        this.cloud = cloud;
        this.settings = settings;
        this.environments = environments;
        this.cameras = cameras;
        this.clock = clock;
    }

    public ImageSettings settings() {
        return settings.get();
    }

    /**
     * The environment of that label; the first configured when the label is null or blank.
     *
     * @throws Problem (bad input) when there is none
     */
    public Environment environment(String label) {
        List<Environment> all = environments.get();
        if (all.isEmpty()) {
            throw Problem.badInput("images.noEnvironments");
        }
        if (label == null || label.isBlank()) {
            return all.getFirst();
        }
        return all.stream().filter(e -> e.label().equals(label.strip())).findFirst()
                .orElseThrow(() -> Problem.badInput("images.unknownEnvironment", label.strip(),
                        String.join(", ", all.stream().map(Environment::label).toList())));
    }

    /** The images of the environment's own region, newest first. */
    public List<CatalogueEntry> catalogue(Environment env) {
        ImageSettings s = settings.get();
        ImageTagKeys keys = s.keys();
        Instant now = clock.instant();
        List<MachineImage> home = cloud.images(env, env.region(), s.tagFilters());
        Map<String, Set<String>> copyRegions = copies(env, s, keys);
        Map<String, List<String>> instances = cloud.instancesByImage(env,
                home.stream().map(MachineImage::id).toList());
        Map<String, List<String>> camerasByImage = camerasByImage();
        Map<String, String> lineages = new HashMap<>();
        Map<String, List<MachineImage>> byLineage = new HashMap<>();
        for (MachineImage i : home) {
            String lineage = Lineage.of(i, keys);
            lineages.put(i.id(), lineage);
            byLineage.computeIfAbsent(lineage, k -> new ArrayList<>()).add(i);
        }
        List<CatalogueEntry> entries = new ArrayList<>(home.size());
        for (MachineImage i : home) {
            String lineage = lineages.get(i.id());
            Set<String> regions = new TreeSet<>(copyRegions.getOrDefault(i.id(), Set.of()));
            if (!i.name().isEmpty()) {
                regions.addAll(copyRegions.getOrDefault("name:" + i.name(), Set.of()));
            }
            entries.add(new CatalogueEntry(env.label(), i, lineage, List.copyOf(regions),
                    usage(i, camerasByImage, instances), s.outdated().judge(i, byLineage.get(lineage), now)));
        }
        entries.sort(Comparator.comparing((CatalogueEntry e) -> e.image().created()).reversed()
                .thenComparing(e -> e.image().id()));
        return entries;
    }

    /**
     * Who runs the image now: what a deregister's confirmation shows first.
     *
     * @throws Problem (bad input) when EC2 has no such image in the environment's region
     */
    public ImageUsage usage(Environment env, String imageId) {
        MachineImage image = cloud.image(env, ImageActions.imageId(imageId))
                .orElseThrow(() -> Problem.badInput("images.unknownImage", imageId, env.label(), env.region()));
        return usage(image, camerasByImage(), cloud.instancesByImage(env, List.of(image.id())));
    }

    private static ImageUsage usage(MachineImage image, Map<String, List<String>> camerasByImage,
                                    Map<String, List<String>> instances) {
        List<String> cams = new ArrayList<>(camerasByImage.getOrDefault(image.id(), List.of()));
        if (!image.name().isEmpty()) {
            cams.addAll(camerasByImage.getOrDefault(image.name(), List.of()));
        }
        return new ImageUsage(image.id(), cams, instances.getOrDefault(image.id(), List.of()));
    }

    private Map<String, List<String>> camerasByImage() {
        Map<String, List<String>> byImage = new HashMap<>();
        for (CameraSystem c : cameras.get()) {
            if (!c.image().isBlank()) {
                byImage.computeIfAbsent(c.image().strip(), k -> new ArrayList<>()).add(c.id());
            }
        }
        return byImage;
    }

    /** The regions holding copies, by source image id and by {@code name:} the name. */
    private Map<String, Set<String>> copies(Environment env, ImageSettings s, ImageTagKeys keys) {
        Map<String, Set<String>> regions = new HashMap<>();
        for (String region : s.copyRegions()) {
            if (region.equals(env.region())) {
                continue;
            }
            for (MachineImage copy : cloud.images(env, region, s.tagFilters())) {
                String source = copy.tag(keys.source());
                if (!source.isEmpty()) {
                    regions.computeIfAbsent(source, k -> new TreeSet<>()).add(region);
                }
                if (!copy.name().isEmpty()) {
                    regions.computeIfAbsent("name:" + copy.name(), k -> new TreeSet<>()).add(region);
                }
            }
        }
        return regions;
    }
}
