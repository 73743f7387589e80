package io.camfleet.console.adapter.aws;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.ImageTagKeys;
import io.camfleet.console.domain.images.ImageUsage;
import io.camfleet.console.domain.images.OutdatedRule;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.images.ImageActions;
import io.camfleet.console.service.images.ImageBuild;
import io.camfleet.console.service.images.ImageCatalogue;
import io.camfleet.console.service.images.ImageCloud;
import io.camfleet.console.service.images.ImageSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The image catalogue and the image actions against a real moto_server, seeded through the SDK. */
class Ec2ImagesTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    /** One of the public images moto holds in every region, to launch the builder from. */
    private static final String MOTO_AMI = "ami-03cf127a";

    @TempDir
    Path temp;

    private CacheDatabase db;
    private AwsClients clients;
    private Environment env;
    private Ec2Client ec2;
    private final List<CameraSystem> cameras = new CopyOnWriteArrayList<>();
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private ImageCatalogue catalogue;
    private ImageActions actions;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("data"), Clock.systemUTC());
        clients = moto.clients(op -> { });
        env = moto.environment("prod", "moto-a", "eu-west-1");
        ec2 = clients.ec2(env);
        AuditService audit = new AuditService(new JdbcAuditTrail(db.dataSource()),
                new AuditAnchorFiles(temp.resolve("data")), new Operator("nina", ""), Clock.systemUTC());
        audit.addListener(audited::add);
        ImageSettings settings = new ImageSettings(new OutdatedRule(90, true), List.of("camfleet:shared=yes"),
                List.of("us-east-1"), ImageTagKeys.DEFAULTS, 60);
        ImageCloud cloud = new Ec2Images(() -> clients, Duration.ofMillis(50));
        catalogue = new ImageCatalogue(cloud, () -> settings, () -> List.of(env), () -> List.copyOf(cameras),
                Clock.systemUTC());
        actions = new ImageActions(cloud, catalogue, audit, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        clients.close();
        db.close();
    }

    private String builder() {
        return ec2.runInstances(r -> r.imageId(MOTO_AMI).minCount(1).maxCount(1)).instances().getFirst()
                .instanceId();
    }

    private String image(String builder, String name, Map<String, String> tags) {
        List<TagSpecification> spec = tags.isEmpty() ? List.of() : List.of(TagSpecification.builder()
                .resourceType(ResourceType.IMAGE).tags(tags.entrySet().stream()
                        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList())
                .build());
        return ec2.createImage(r -> r.instanceId(builder).name(name).tagSpecifications(spec)).imageId();
    }

    private static CatalogueEntry entry(List<CatalogueEntry> all, String id) {
        return all.stream().filter(e -> e.image().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theCatalogueShowsLineageTagsCopiesUsageAndWhichImagesAreOutdated() throws InterruptedException {
        String builder = builder();
        String october = image(builder, "camos-base-2026.10.01", Map.of("camfleet:patch-level", "2026-10",
                "camfleet:os", "CamOS 12"));
        // moto dates images to the second: the next of the lineage must be a later second to be newer
        Thread.sleep(1100);
        String november = image(builder, "camos-base-2026.11.01", Map.of("camfleet:patch-level", "2026-11"));
        String edge = image(builder, "edge-special", Map.of("camfleet:lineage", "edge-lts"));
        // an image the account does not own, brought in by the settings' tag filter camfleet:shared=yes
        ec2.createTags(r -> r.resources(MOTO_AMI).tags(Tag.builder().key("camfleet:shared").value("yes").build()));
        String runner = ec2.runInstances(r -> r.imageId(november).minCount(1).maxCount(1)).instances().getFirst()
                .instanceId();
        cameras.add(new CameraSystem("cam-1", "site-a", null, null, null, null, null, november, "5.2"));
        cameras.add(new CameraSystem("cam-2", "site-a", null, null, null, null, null, "camos-base-2026.11.01",
                "5.2"));
        cameras.add(new CameraSystem("cam-3", "site-b", null, null, null, null, null, "ami-0123456789", "5.1"));

        Map<String, String> copies = actions.copy(env, october, List.of("us-east-1"));

        List<CatalogueEntry> all = catalogue.catalogue(env);
        assertThat(all).extracting(e -> e.image().id()).containsExactlyInAnyOrder(october, november, edge, MOTO_AMI);
        CatalogueEntry oct = entry(all, october);
        assertThat(oct.lineage()).isEqualTo("camos-base");
        assertThat(oct.image().tag("camfleet:patch-level")).isEqualTo("2026-10");
        assertThat(oct.image().tag("camfleet:os")).isEqualTo("CamOS 12");
        assertThat(oct.copies()).containsExactly("us-east-1");
        assertThat(oct.verdict()).isEqualTo(new OutdatedRule.Verdict(false, november));
        assertThat(oct.usage().unused()).isTrue();
        CatalogueEntry nov = entry(all, november);
        assertThat(nov.verdict().outdated()).isFalse();
        assertThat(nov.copies()).isEmpty();
        assertThat(nov.usage().cameras()).containsExactly("cam-1", "cam-2");
        assertThat(nov.usage().instances()).containsExactly(runner);
        assertThat(entry(all, edge).lineage()).isEqualTo("edge-lts");
        assertThat(copies).containsOnlyKeys("us-east-1");
        assertThat(clients.ec2(new Environment("prod", "moto-a", "us-east-1", env.endpoint()))
                .describeImages(r -> r.imageIds(copies.get("us-east-1"))).images()).hasSize(1);
        assertThat(audited).filteredOn(e -> e.action().equals(AuditActions.IMAGE_COPY))
                .extracting(AuditEvent::outcome).containsExactly(AuditOutcome.STARTED, AuditOutcome.SUCCEEDED);
    }

    @Test
    void aDeregisterIsRefusedWhileCamerasOrInstancesRunTheImageUnlessForcedWithTheListShown() {
        String builder = builder();
        String used = image(builder, "camos-base-2026.11.01", Map.of());
        String unused = image(builder, "camos-base-2026.09.01", Map.of());
        String runner = ec2.runInstances(r -> r.imageId(used).minCount(1).maxCount(1)).instances().getFirst()
                .instanceId();
        cameras.add(new CameraSystem("cam-1", "site-a", null, null, null, null, null, used, "5.2"));

        ImageUsage shown = catalogue.usage(env, used);
        assertThat(shown).isEqualTo(new ImageUsage(used, List.of("cam-1"), List.of(runner)));
        assertThatThrownBy(() -> actions.deregister(env, used, false, null))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("images.inUse"));
        // the operator confirmed a list from before a second camera moved to the image
        cameras.add(new CameraSystem("cam-2", "site-a", null, null, null, null, null, used, "5.2"));
        assertThatThrownBy(() -> actions.deregister(env, used, true, shown))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("images.usageChanged"));
        assertThat(ec2.describeImages(r -> r.imageIds(used)).images()).hasSize(1);
        assertThat(audited).isEmpty();

        actions.deregister(env, used, true, catalogue.usage(env, used));
        actions.deregister(env, unused, false, null);

        assertThat(ec2.describeImages(r -> r.owners("self")).images()).isEmpty();
        assertThat(audited).filteredOn(e -> e.outcome() == AuditOutcome.SUCCEEDED)
                .extracting(AuditEvent::target, e -> e.parameters().get("cameras"), e -> e.parameters().get("forced"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(used, "cam-1,cam-2", "true"),
                        org.assertj.core.groups.Tuple.tuple(unused, "", "false"));
        assertThatThrownBy(() -> catalogue.usage(env, unused))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("images.unknownImage"));
    }

    @Test
    void aBuildCreatesTheTaggedImageFromTheBuilderAndWaitsUntilItIsAvailable() {
        String builder = builder();
        List<ImageBuild.Progress> progress = new ArrayList<>();

        ImageBuild build = actions.build(env, builder, "camos-base-2026.12.06",
                Map.of("camfleet:patch-level", "2026-12"), actions.buildTimeout(), Duration.ofMillis(50),
                progress::add, () -> false);

        assertThat(build.result()).isEqualTo(ImageBuild.Result.AVAILABLE);
        assertThat(progress).extracting(ImageBuild.Progress::state).containsExactly("available");
        var made = ec2.describeImages(r -> r.imageIds(build.imageId())).images().getFirst();
        assertThat(made.name()).isEqualTo("camos-base-2026.12.06");
        assertThat(made.tags()).contains(Tag.builder().key("camfleet:patch-level").value("2026-12").build());
        assertThat(audited).extracting(AuditEvent::action, AuditEvent::outcome, AuditEvent::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditActions.IMAGE_BUILD, AuditOutcome.STARTED, builder),
                org.assertj.core.groups.Tuple.tuple(AuditActions.IMAGE_BUILD, AuditOutcome.SUCCEEDED, builder));
        assertThat(audited.getLast().parameters()).containsEntry("imageId", build.imageId());
    }

    @Test
    void badInputIsRefusedBeforeAnythingReachesAws() {
        String builder = builder();
        assertThatThrownBy(() -> actions.build(env, "not-an-instance", "camos-1", Map.of(), actions.buildTimeout(),
                Duration.ofMillis(50), p -> { }, () -> false)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("images.badInstanceId"));
        assertThatThrownBy(() -> actions.build(env, builder, "x", Map.of(), actions.buildTimeout(),
                Duration.ofMillis(50), p -> { }, () -> false)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("images.badName"));
        assertThatThrownBy(() -> actions.copy(env, "ami-0123456789abcdef0", List.of("eu-west-1")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("images.badCopyRegion"));
        assertThatThrownBy(() -> actions.copy(env, "ami-0123456789abcdef0", List.of("us-east-1")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("images.unknownImage"));
        assertThatThrownBy(() -> catalogue.environment("staging"))
                .isInstanceOfSatisfying(Problem.class,
                        p -> assertThat(p.key()).isEqualTo("images.unknownEnvironment"));
        assertThat(ec2.describeImages(r -> r.owners("self")).images()).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void theBuilderIsPatchedWithRunPatchBaselineInstallAndTheResultIsShown() {
        String builder = builder();

        ImageCloud.PatchRun run = actions.patchBuilder(env, builder, Duration.ofSeconds(30));

        assertThat(run.succeeded()).isTrue();
        assertThat(run.exitCode()).isZero();
        var sent = clients.ssm(env).listCommands(r -> r.commandId(run.commandId())).commands().getFirst();
        assertThat(sent.documentName()).isEqualTo("AWS-RunPatchBaseline");
        assertThat(sent.parameters()).containsEntry("Operation", List.of("Install"));
        assertThat(sent.instanceIds()).containsExactly(builder);
        assertThat(audited).extracting(AuditEvent::action, AuditEvent::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditActions.IMAGE_PATCH, AuditOutcome.STARTED),
                org.assertj.core.groups.Tuple.tuple(AuditActions.IMAGE_PATCH, AuditOutcome.SUCCEEDED));
        assertThat(audited.getLast().parameters()).containsEntry("commandId", run.commandId())
                .containsEntry("status", "Success");
    }
}
