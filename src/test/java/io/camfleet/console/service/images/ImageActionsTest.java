package io.camfleet.console.service.images;

import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.ImageUsage;
import io.camfleet.console.domain.images.OutdatedRule;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.camfleet.console.service.images.FakeImageCloud.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue and the image actions over EC2 in memory: what is refused before AWS is called, and the audit. */
class ImageActionsTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final Environment EU = Environment.of("eu", "", "eu-west-1", "");
    static final String OLD = "ami-0000000a";
    static final String NEW = "ami-0000000b";
    static final String LONE = "ami-0000000c";

    private final FakeImageCloud cloud = new FakeImageCloud()
            .add(image(OLD, "camos-2026.04", "eu-west-1", NOW.minus(Duration.ofDays(200)), Map.of()))
            .add(image(NEW, "camos-2026.10", "eu-west-1", NOW.minus(Duration.ofDays(20)), Map.of()))
            .add(image(LONE, "builder-base", "eu-west-1", NOW.minus(Duration.ofDays(5)), Map.of()))
            .add(image("ami-0000000d", "camos-2026.10", "us-east-1", NOW.minus(Duration.ofDays(19)),
                    Map.of("camfleet:source", NEW)));
    private final List<CameraSystem> cameras = new ArrayList<>(List.of(
            new CameraSystem("cam-1", "eu/lisbon", "cam-1", "", "", "", "", OLD, "4.2.0"),
            new CameraSystem("cam-2", "eu/lisbon", "cam-2", "", "", "", "", NEW, "4.2.0")));
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private ImageSettings settings = new ImageSettings(OutdatedRule.DEFAULTS, List.of(), List.of("us-east-1"),
            ImageSettings.DEFAULTS.keys(), 60);
    private final ImageCatalogue catalogue = new ImageCatalogue(cloud, () -> settings, () -> List.of(EU),
            () -> cameras, clock);
    private final ImageActions actions = new ImageActions(cloud, catalogue, new AuditService(trail,
            new InMemoryAuditAnchor(), new Operator("ada", ""), clock), clock);

    private static String key(Throwable t) {
        return ((Problem) t).key();
    }

    @Test
    void theCatalogueIsNewestFirstWithLineageCopiesUsageAndTheOutdatedVerdict() {
        cloud.instancesByImage.put(OLD, List.of("i-0123456789"));
        List<CatalogueEntry> entries = catalogue.catalogue(EU);
        assertThat(entries).extracting(e -> e.image().id()).containsExactly(LONE, NEW, OLD);
        CatalogueEntry old = entries.get(2);
        assertThat(old.lineage()).isEqualTo("camos");
        assertThat(old.usage()).isEqualTo(new ImageUsage(OLD, List.of("cam-1"), List.of("i-0123456789")));
        assertThat(old.verdict().tooOld()).isTrue();
        assertThat(old.verdict().newerImageId()).isEqualTo(NEW);
        assertThat(entries.get(1).copies()).as("the copy in us-east-1 names its source").containsExactly("us-east-1");
        assertThat(entries.get(1).verdict().outdated()).isFalse();
        assertThat(entries.get(0).usage().unused()).isTrue();
    }

    @Test
    void anImageInUseIsNotDeregisteredWithoutForceNorWithAUsageListThatNoLongerHolds() {
        ImageUsage shown = catalogue.usage(EU, OLD);
        assertThat(shown.cameras()).containsExactly("cam-1");

        assertThatThrownBy(() -> actions.deregister(EU, OLD, false, null))
                .satisfies(t -> assertThat(key(t)).isEqualTo("images.inUse"));
        cameras.add(new CameraSystem("cam-3", "eu/porto", "cam-3", "", "", "", "", OLD, "4.2.0"));
        assertThatThrownBy(() -> actions.deregister(EU, OLD, true, shown))
                .satisfies(t -> assertThat(key(t)).isEqualTo("images.usageChanged"));
        assertThat(cloud.calls).as("nothing reached EC2").isEmpty();

        actions.deregister(EU, OLD, true, catalogue.usage(EU, OLD));
        assertThat(cloud.calls).containsExactly("deregister " + OLD);
        AuditEvent done = trail.events.getLast();
        assertThat(done.action()).isEqualTo("image.deregister");
        assertThat(done.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(done.parameters()).containsEntry("forced", "true").containsEntry("cameras", "cam-1,cam-3");
    }

    @Test
    void anUnusedImageIsDeregisteredWithoutForce() {
        actions.deregister(EU, LONE, false, null);
        assertThat(cloud.calls).containsExactly("deregister " + LONE);
        assertThat(trail.events).extracting(AuditEvent::outcome)
                .containsExactly(AuditOutcome.STARTED, AuditOutcome.SUCCEEDED);
    }

    @Test
    void aBuildReportsEachLookUntilAvailableAndIsAuditedWithItsImage() {
        cloud.buildStates = List.of("pending", "pending", "available");
        List<String> states = new ArrayList<>();
        ImageBuild build = actions.build(EU, "i-0123456789", "camos-2026.12", Map.of("camfleet:release", "6.5.0"),
                Duration.ofMinutes(5), Duration.ZERO, p -> states.add(p.state()), () -> false);
        assertThat(build.result()).isEqualTo(ImageBuild.Result.AVAILABLE);
        assertThat(states).containsExactly("pending", "pending", "available");
        AuditEvent done = trail.events.getLast();
        assertThat(done.action()).isEqualTo("image.build");
        assertThat(done.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(done.parameters()).containsEntry("imageId", build.imageId())
                .containsEntry("camfleet:release", "6.5.0").containsEntry("name", "camos-2026.12");
    }

    @Test
    void aCancelledOrTimedOutBuildSaysEc2GoesOnBuildingAndIsAuditedAsCancelled() {
        cloud.buildStates = List.of("pending");
        ImageBuild cancelled = actions.build(EU, "i-0123456789", "camos-a", Map.of(), Duration.ofMinutes(5),
                Duration.ZERO, p -> { }, () -> true);
        assertThat(cancelled.result()).isEqualTo(ImageBuild.Result.STILL_BUILDING_CANCELLED);
        ImageBuild timedOut = actions.build(EU, "i-0123456789", "camos-b", Map.of(), Duration.ZERO,
                Duration.ZERO, p -> { }, () -> false);
        assertThat(timedOut.result()).isEqualTo(ImageBuild.Result.STILL_BUILDING_TIMED_OUT);
        assertThat(trail.events).filteredOn(e -> e.outcome() != AuditOutcome.STARTED).extracting(AuditEvent::outcome)
                .containsExactly(AuditOutcome.CANCELLED, AuditOutcome.CANCELLED);

        cloud.buildStates = List.of("pending", "failed");
        assertThat(actions.build(EU, "i-0123456789", "camos-c", Map.of(), Duration.ofMinutes(5), Duration.ZERO,
                p -> { }, () -> false).result()).isEqualTo(ImageBuild.Result.FAILED);
        assertThat(trail.events.getLast().outcome()).isEqualTo(AuditOutcome.FAILED);
    }

    @Test
    void badInputIsRefusedBeforeEc2IsCalled() {
        assertThatThrownBy(() -> actions.build(EU, "i-0123456789", "x", Map.of(), Duration.ofMinutes(1),
                Duration.ZERO, p -> { }, () -> false)).satisfies(t -> assertThat(key(t)).isEqualTo("images.badName"));
        assertThatThrownBy(() -> actions.build(EU, "i-1; rm -rf /", "camos", Map.of(), Duration.ofMinutes(1),
                Duration.ZERO, p -> { }, () -> false))
                .satisfies(t -> assertThat(key(t)).isEqualTo("images.badInstanceId"));
        assertThatThrownBy(() -> actions.copy(EU, "ami-zz", List.of("us-east-1")))
                .satisfies(t -> assertThat(key(t)).isEqualTo("images.badImageId"));
        assertThatThrownBy(() -> actions.copy(EU, NEW, List.of()))
                .satisfies(t -> assertThat(key(t)).isEqualTo("images.noRegions"));
        assertThatThrownBy(() -> actions.copy(EU, NEW, List.of("eu-west-1")))
                .satisfies(t -> assertThat(key(t)).isEqualTo("images.badCopyRegion"));
        assertThatThrownBy(() -> actions.deprecate(EU, NEW, NOW))
                .satisfies(t -> assertThat(key(t)).isEqualTo("images.deprecateInPast"));
        assertThatThrownBy(() -> actions.deprecate(EU, "ami-0000ffff", NOW.plusSeconds(60)))
                .satisfies(t -> assertThat(key(t)).isEqualTo("images.unknownImage"));
        assertThat(cloud.calls).isEmpty();
        assertThat(trail.events).isEmpty();
    }

    @Test
    void aCopyIsTaggedWithItsSourceAndLineageSoTheCatalogueFindsItAndADeprecationIsAudited() {
        Map<String, String> copies = actions.copy(EU, NEW, List.of("us-east-1", " us-east-1", "ap-south-1"));
        assertThat(copies).containsOnlyKeys("us-east-1", "ap-south-1");
        assertThat(cloud.calls).containsExactly(
                "copy " + NEW + " us-east-1 {camfleet:lineage=camos, camfleet:source=" + NEW + "}",
                "copy " + NEW + " ap-south-1 {camfleet:lineage=camos, camfleet:source=" + NEW + "}");
        actions.deprecate(EU, OLD, NOW.plus(Duration.ofDays(30)));
        assertThat(trail.events.getLast().action()).isEqualTo("image.deprecate");
        assertThat(trail.events.getLast().parameters()).containsEntry("at", "2027-01-05T12:00:00Z");
    }

    @Test
    void thePatchRunOfTheBuilderIsAuditedWithItsCommand() {
        ImageCloud.PatchRun run = actions.patchBuilder(EU, "i-0123456789", Duration.ofMinutes(10));
        assertThat(run.succeeded()).isTrue();
        assertThat(trail.events.getLast().parameters()).containsEntry("commandId", "cmd-1")
                .containsEntry("exitCode", "0");
    }
}
