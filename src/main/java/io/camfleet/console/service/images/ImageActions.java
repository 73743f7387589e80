package io.camfleet.console.service.images;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.images.ImageUsage;
import io.camfleet.console.domain.images.Lineage;
import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What an operator does to images: patch the builder, build, copy, deprecate, deregister. Each is audited; each checks
 * what it is given before it calls AWS.
 */
public final class ImageActions {

    private static final Pattern IMAGE_ID = Pattern.compile("ami-[0-9a-f]{8,17}");
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");
    /** EC2's rule for image names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9()\\[\\]./\\-'@_ ]{3,128}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private final ImageCloud cloud;
    private final ImageCatalogue catalogue;
    private final AuditService audit;
    private final Clock clock;

    public ImageActions(ImageCloud cloud, ImageCatalogue catalogue, AuditService audit, Clock clock) {
        this.cloud = cloud;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** An AMI id as typed, checked. */
    static String imageId(String typed) {
        String id = typed == null ? "" : typed.strip();
        if (!IMAGE_ID.matcher(id).matches()) {
            throw Problem.badInput("images.badImageId", id);
        }
        return id;
    }

    private static String instanceId(String typed) {
        String id = typed == null ? "" : typed.strip();
        if (!INSTANCE_ID.matcher(id).matches()) {
            throw Problem.badInput("images.badInstanceId", id);
        }
        return id;
    }

    /** How long a build may take to become available: the settings' {@code buildTimeoutMinutes}. */
    public Duration buildTimeout() {
        return Duration.ofMinutes(catalogue.settings().buildTimeoutMinutes());
    }

    /** Patches the builder with SSM {@code AWS-RunPatchBaseline} (Install) before a build; its result is shown. */
    public ImageCloud.PatchRun patchBuilder(Environment env, String builderInstanceId, Duration timeout) {
        String id = instanceId(builderInstanceId);
        Map<String, String> params = Map.of("environment", env.label(), "timeoutSeconds",
                Long.toString(timeout.toSeconds()));
        return audited(AuditActions.IMAGE_PATCH, id, params, () -> {
            ImageCloud.PatchRun run = cloud.patch(env, id, timeout);
            return new Outcome<>(run, run.succeeded() ? AuditOutcome.SUCCEEDED : AuditOutcome.FAILED,
                    Map.of("commandId", run.commandId(), "status", run.status(),
                            "exitCode", Integer.toString(run.exitCode())));
        });
    }

    /**
     * CreateImage from the builder, tagged, then a look at its state every {@code pollEvery} until it is available,
     * failed, {@code cancelled} says stop, or {@code timeout} passes ({@link #buildTimeout()} unless a caller has its
     * own). Stopping leaves EC2 building it.
     */
    public ImageBuild build(Environment env, String builderInstanceId, String name, Map<String, String> tags,
                            Duration timeout, Duration pollEvery, Consumer<ImageBuild.Progress> progress,
                            BooleanSupplier cancelled) {
        String instance = instanceId(builderInstanceId);
        String imageName = name == null ? "" : name.strip();
        if (!NAME.matcher(imageName).matches()) {
            throw Problem.badInput("images.badName", imageName);
        }
        Map<String, String> params = new TreeMap<>(tags);
        params.put("environment", env.label());
        params.put("name", imageName);
        return audited(AuditActions.IMAGE_BUILD, instance, params, () -> {
            long start = System.nanoTime();
            String id = cloud.createImage(env, instance, imageName, tags);
            ImageBuild build = await(env, id, start, timeout, pollEvery, progress, cancelled);
            AuditOutcome outcome = switch (build.result()) {
                case AVAILABLE -> AuditOutcome.SUCCEEDED;
                case FAILED -> AuditOutcome.FAILED;
                case STILL_BUILDING_CANCELLED, STILL_BUILDING_TIMED_OUT -> AuditOutcome.CANCELLED;
            };
            return new Outcome<>(build, outcome, Map.of("imageId", id, "result", build.result().name()));
        });
    }

    private ImageBuild await(Environment env, String id, long start, Duration timeout, Duration pollEvery,
                             Consumer<ImageBuild.Progress> progress, BooleanSupplier cancelled) {
        while (true) {
            Optional<MachineImage> image = cloud.image(env, id);
            String state = image.map(MachineImage::state).orElse("pending");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            progress.accept(new ImageBuild.Progress(id, state, waited, timeout));
            if ("available".equals(state)) {
                return new ImageBuild(id, ImageBuild.Result.AVAILABLE, waited);
            }
            if ("failed".equals(state) || "error".equals(state) || "invalid".equals(state)) {
                return new ImageBuild(id, ImageBuild.Result.FAILED, waited);
            }
            if (cancelled.getAsBoolean()) {
                return new ImageBuild(id, ImageBuild.Result.STILL_BUILDING_CANCELLED, waited);
            }
            if (waited.compareTo(timeout) >= 0) {
                return new ImageBuild(id, ImageBuild.Result.STILL_BUILDING_TIMED_OUT, waited);
            }
            try {
                Thread.sleep(pollEvery);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ImageBuild(id, ImageBuild.Result.STILL_BUILDING_CANCELLED, waited);
            }
        }
    }

    /**
     * Copies the image into each region, same name, tagged with its source and lineage so that the catalogue finds
     * the copies; returns each region's copy id.
     */
    public Map<String, String> copy(Environment env, String imageId, List<String> regions) {
        String id = imageId(imageId);
        List<String> to = regions.stream().map(String::strip).distinct().toList();
        if (to.isEmpty()) {
            throw Problem.badInput("images.noRegions");
        }
        for (String r : to) {
            if (!REGION.matcher(r).matches() || r.equals(env.region())) {
                throw Problem.badInput("images.badCopyRegion", r, env.region());
            }
        }
        MachineImage image = known(env, id);
        var keys = catalogue.settings().keys();
        Map<String, String> tags = Map.of(keys.source(), id, keys.lineage(), Lineage.of(image, keys));
        return audited(AuditActions.IMAGE_COPY, id, Map.of("environment", env.label(), "regions",
                String.join(",", to)), () -> {
            Map<String, String> copies = new LinkedHashMap<>();
            for (String r : to) {
                copies.put(r, cloud.copyImage(env, id, r, tags));
            }
            Map<String, String> after = new TreeMap<>();
            copies.forEach((r, c) -> after.put("copy." + r, c));
            return new Outcome<>(copies, AuditOutcome.SUCCEEDED, after);
        });
    }

    /** EnableImageDeprecation at {@code at}, which must be in the future. */
    public void deprecate(Environment env, String imageId, Instant at) {
        String id = imageId(imageId);
        if (at == null || !at.isAfter(clock.instant())) {
            throw Problem.badInput("images.deprecateInPast", String.valueOf(at));
        }
        known(env, id);
        audited(AuditActions.IMAGE_DEPRECATE, id, Map.of("environment", env.label(), "at", at.toString()), () -> {
            cloud.deprecate(env, id, at);
            return new Outcome<>(null, AuditOutcome.SUCCEEDED, Map.of());
        });
    }

    /**
     * Deregisters an image nothing runs. One that cameras or instances run is refused unless {@code force}, and then
     * only when {@code confirmed} is the usage the operator was shown ({@link ImageCatalogue#usage}) and still is.
     */
    public void deregister(Environment env, String imageId, boolean force, ImageUsage confirmed) {
        String id = imageId(imageId);
        ImageUsage now = catalogue.usage(env, id);
        if (!now.unused()) {
            if (!force) {
                throw Problem.badInput("images.inUse", id, now.cameras().size(), now.instances().size());
            }
            if (confirmed == null || !confirmed.equals(now)) {
                throw Problem.badInput("images.usageChanged", id, now.cameras().size(), now.instances().size());
            }
        }
        Map<String, String> params = new TreeMap<>(Map.of("environment", env.label(), "forced",
                Boolean.toString(force), "cameras", String.join(",", now.cameras()), "instances",
                String.join(",", now.instances())));
        audited(AuditActions.IMAGE_DEREGISTER, id, params, () -> {
            cloud.deregister(env, id);
            return new Outcome<>(null, AuditOutcome.SUCCEEDED, Map.of());
        });
    }

    private MachineImage known(Environment env, String id) {
        return cloud.image(env, id)
                .orElseThrow(() -> Problem.badInput("images.unknownImage", id, env.label(), env.region()));
    }

    /** A result, how the audit records it, and what the record adds. */
    private record Outcome<T>(T value, AuditOutcome outcome, Map<String, String> details) {
    }

    /**
     * STARTED, the work, then its outcome with its details; an exception is FAILED with its message. Written here, not
     * with {@link AuditService#perform}, as a build the operator stopped waiting for is CANCELLED yet returns its id.
     */
    private <T> T audited(String action, String target, Map<String, String> params,
                          java.util.function.Supplier<Outcome<T>> work) {
        var started = audit.record(action, target, params, AuditOutcome.STARTED);
        Map<String, String> after = new TreeMap<>(params);
        after.put("startedSeq", Long.toString(started.seq()));
        try {
            Outcome<T> o = work.get();
            after.putAll(o.details());
            audit.record(action, target, after, o.outcome());
            return o.value();
        } catch (RuntimeException | Error e) {
            after.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            audit.record(action, target, after, AuditOutcome.FAILED);
            throw e;
        }
    }
}
