package io.camfleet.console.service.images;

import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.service.environments.Environment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** EC2 images in memory, per region, with a scripted build: each look at a new image returns its next state. */
final class FakeImageCloud implements ImageCloud {

    final Map<String, List<MachineImage>> byRegion = new LinkedHashMap<>();
    final Map<String, List<String>> instancesByImage = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    /** The states a new image goes through, one per look; the last one stays. */
    List<String> buildStates = List.of("pending", "available");
    private final Map<String, AtomicInteger> looks = new HashMap<>();
    private int next = 0xa0;

    static MachineImage image(String id, String name, String region, Instant created, Map<String, String> tags) {
        return new MachineImage(id, name, region, created, "available", null, tags);
    }

    FakeImageCloud add(MachineImage i) {
        byRegion.computeIfAbsent(i.region(), r -> new ArrayList<>()).add(i);
        return this;
    }

    @Override
    public List<MachineImage> images(Environment env, String region, List<String> tagFilters) {
        return List.copyOf(byRegion.getOrDefault(region, List.of()));
    }

    @Override
    public Optional<MachineImage> image(Environment env, String imageId) {
        Optional<MachineImage> known = byRegion.getOrDefault(env.region(), List.of()).stream()
                .filter(i -> i.id().equals(imageId)).findFirst();
        AtomicInteger look = looks.get(imageId);
        if (known.isPresent() && look != null) {
            String state = buildStates.get(Math.min(look.getAndIncrement(), buildStates.size() - 1));
            MachineImage i = known.get();
            return Optional.of(new MachineImage(i.id(), i.name(), i.region(), i.created(), state, i.deprecatesAt(),
                    i.tags()));
        }
        return known;
    }

    @Override
    public Map<String, List<String>> instancesByImage(Environment env, List<String> imageIds) {
        Map<String, List<String>> out = new HashMap<>();
        imageIds.forEach(id -> {
            if (instancesByImage.containsKey(id)) {
                out.put(id, instancesByImage.get(id));
            }
        });
        return out;
    }

    @Override
    public String createImage(Environment env, String instanceId, String name, Map<String, String> tags) {
        String id = String.format("ami-%08x", next++);
        calls.add("create " + instanceId + " " + name);
        add(image(id, name, env.region(), Instant.parse("2026-12-06T10:00:00Z"), tags));
        looks.put(id, new AtomicInteger());
        return id;
    }

    @Override
    public String copyImage(Environment env, String imageId, String region, Map<String, String> tags) {
        String id = String.format("ami-%08x", next++);
        calls.add("copy " + imageId + " " + region + " " + new java.util.TreeMap<>(tags));
        return id;
    }

    @Override
    public void deprecate(Environment env, String imageId, Instant at) {
        calls.add("deprecate " + imageId + " " + at);
    }

    @Override
    public void deregister(Environment env, String imageId) {
        calls.add("deregister " + imageId);
        byRegion.values().forEach(l -> l.removeIf(i -> i.id().equals(imageId)));
    }

    @Override
    public PatchRun patch(Environment env, String instanceId, Duration timeout) {
        calls.add("patch " + instanceId);
        return new PatchRun("cmd-1", "Success", 0, "Installed 3 patches");
    }
}
