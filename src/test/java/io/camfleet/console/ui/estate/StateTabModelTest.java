package io.camfleet.console.ui.estate;

import io.camfleet.console.adapter.files.JsonSettingsStore;
import io.camfleet.console.domain.terraform.DriftHint;
import io.camfleet.console.domain.terraform.LiveKind;
import io.camfleet.console.domain.terraform.LiveResource;
import io.camfleet.console.domain.terraform.ManagedTag;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.estate.SnapshotStore;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.terraform.EnvironmentDrift;
import io.camfleet.console.service.terraform.GeneratedState;
import io.camfleet.console.service.terraform.StateBucket;
import io.camfleet.console.service.terraform.StateLocation;
import io.camfleet.console.service.terraform.TerraformService;
import io.camfleet.console.service.terraform.TerraformSettings;
import io.camfleet.console.ui.common.BackgroundTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The tab's model with no toolkit: work and callbacks run in the test's thread, on a real settings file. */
class StateTabModelTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    static final Environment EU = Environment.of("eu", "", "eu-west-1", "");
    static final Map<String, String> MANAGED = Map.of("ManagedBy", "terraform");

    /** Two instances (one named), one image, one data source. */
    static final String STATE = """
            {"version": 4, "terraform_version": "1.9.8", "serial": 42, "lineage": "lin-eu", "outputs": {},
             "resources": [
              {"mode": "data", "type": "aws_ami", "name": "base", "instances": [{"attributes": {"id": "ami-base"}}]},
              {"mode": "managed", "type": "aws_instance", "name": "cam", "instances": [
                {"index_key": 0, "attributes": {"id": "i-1", "tags": {"Name": "gateway-1", "ManagedBy": "terraform"}}},
                {"index_key": 1, "attributes": {"id": "i-2", "tags": {"ManagedBy": "terraform"}}}]},
              {"mode": "managed", "type": "aws_ami", "name": "camos", "instances": [{"attributes": {"id": "ami-1"}}]}
             ]}""";

    /** The snapshots in memory: the bytes as EstateCache wrote them. */
    static final class MemorySnapshots implements SnapshotStore {
        final Map<String, Stored> rows = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Optional<Stored> read(String environment, String kind) {
            return Optional.ofNullable(rows.get(environment + "/" + kind));
        }

        @Override
        public void write(String environment, String kind, Instant takenAt, byte[] body) {
            writes.incrementAndGet();
            rows.put(environment + "/" + kind, new Stored(takenAt, body));
        }
    }

    @TempDir
    Path folder;
    private final Messages m = new Messages(Locale.ENGLISH);
    private final MemorySnapshots snapshots = new MemorySnapshots();
    private final EstateCache cache = new EstateCache(snapshots, Clock.fixed(T0, ZoneOffset.UTC));
    private volatile byte[] object = STATE.getBytes(StandardCharsets.UTF_8);
    private volatile List<LiveResource> live = List.of(
            new LiveResource(LiveKind.INSTANCE, "i-1", "running", MANAGED),
            new LiveResource(LiveKind.INSTANCE, "i-2", "terminated", MANAGED),
            new LiveResource(LiveKind.IMAGE, "ami-1", "available", MANAGED),
            new LiveResource(LiveKind.IMAGE, "ami-9", "available", MANAGED));

    private SettingsStore settings() {
        return new JsonSettingsStore(folder.resolve("settings.json"), List.of(SourceSettings.SECTION,
                TerraformSettings.SECTION), Clock.systemUTC());
    }

    private StateTabModel model() {
        StateBucket bucket = (env, where) -> new StateBucket.StateObject(new ByteArrayInputStream(object),
                object.length, T0.minusSeconds(3600));
        SettingsStore store = settings();
        TerraformService terraform = new TerraformService(bucket, env -> live,
                () -> store.read().require(TerraformSettings.SECTION), () -> List.of(EU));
        return new StateTabModel(new StateTabModel.Parts(terraform, cache, store),
                BackgroundTasks.unlisted(Runnable::run, Runnable::run), m);
    }

    private void configure(int maxStateMb) {
        settings().write(TerraformSettings.SECTION, new TerraformSettings(Map.of("eu",
                new StateLocation("tf-eu", "eu/terraform.tfstate", "")), ManagedTag.DEFAULT, maxStateMb));
    }

    @Test
    void aRefreshShowsTheStateByTypeWithItsDriftAndTheNextOpeningShowsItFromTheCacheAsOfThen() {
        configure(256);
        StateTabModel tab = model();
        tab.show(EU);
        assertThat(tab.modeProperty().get()).isEqualTo(StateTabModel.Mode.STATE);
        assertThat(tab.summaryProperty().get()).as("nothing read yet").isNull();

        tab.refresh();

        StateSummary s = tab.summaryProperty().get();
        assertThat(tab.problemProperty().get()).isEmpty();
        assertThat(s.location()).isEqualTo("s3://tf-eu/eu/terraform.tfstate");
        assertThat(s.serial()).isEqualTo(42);
        assertThat(s.lineage()).isEqualTo("lin-eu");
        assertThat(s.terraformVersion()).isEqualTo("1.9.8");
        assertThat(s.lastModified()).isEqualTo(T0.minusSeconds(3600));
        // By hand: managed = 2 instances + 1 image; the data source is counted apart
        assertThat(s.managed()).isEqualTo(3);
        assertThat(s.dataSources()).isEqualTo(1);
        assertThat(s.types()).containsExactly(new StateSummary.TypeCount("aws_ami", 1),
                new StateSummary.TypeCount("aws_instance", 2));
        assertThat(s.byType().get("aws_instance")).containsExactly(
                new StateSummary.Resource("aws_instance", "aws_instance.cam[0]", "i-1", "gateway-1"),
                new StateSummary.Resource("aws_instance", "aws_instance.cam[1]", "i-2", ""));
        // By hand: i-2 is terminated (missing in AWS); ami-9 is tagged but not in the state
        assertThat(s.hints()).extracting(DriftHint::kind, DriftHint::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DriftHint.Kind.MISSING_IN_AWS, "i-2"),
                org.assertj.core.groups.Tuple.tuple(DriftHint.Kind.NOT_IN_STATE, "ami-9"));
        assertThat(s.checked()).isEqualTo(4);
        assertThat(tab.asOfProperty().get()).isEqualTo(T0);

        live = List.of(); // AWS changed since: the cache still shows what was read then
        StateTabModel reopened = model();
        reopened.show(EU);
        assertThat(reopened.summaryProperty().get()).isEqualTo(s);
        assertThat(reopened.asOfProperty().get()).isEqualTo(T0);
    }

    @Test
    void theCachedStateAndDriftReadBackEqualThroughJackson() throws Exception {
        configure(256);
        StateTabModel tab = model();
        tab.show(EU);
        tab.refresh();
        EnvironmentDrift kept = cache.last("eu", StateTabModel.KIND, StateTabModel.CACHED).orElseThrow().value();
        SettingsStore store = settings();
        EnvironmentDrift fresh = new TerraformService((env, where) -> new StateBucket.StateObject(
                new ByteArrayInputStream(object), object.length, T0.minusSeconds(3600)), env -> live,
                () -> store.read().require(TerraformSettings.SECTION), () -> List.of(EU)).drift("eu");
        assertThat(kept).isEqualTo(fresh);
        assertThat(kept.state().resources()).hasSize(4);
    }

    @Test
    void aStateThatIsNotVersionFourIsOneSentenceAndTheLastSnapshotStaysShown() {
        configure(256);
        StateTabModel tab = model();
        tab.show(EU);
        tab.refresh();
        StateSummary before = tab.summaryProperty().get();

        object = "{\"version\": 3, \"serial\": 7, \"modules\": []}".getBytes(StandardCharsets.UTF_8);
        tab.refresh();

        assertThat(tab.problemProperty().get()).isEqualTo("The Terraform state s3://tf-eu/eu/terraform.tfstate has "
                + "format version 3; the console reads version 4 (Terraform 0.12 and later). Upgrade the state with "
                + "a current Terraform, or check the key in the terraform settings.");
        assertThat(tab.summaryProperty().get()).isSameAs(before);
        assertThat(tab.asOfProperty().get()).isEqualTo(T0);
        assertThat(tab.busyProperty().get()).isFalse();
    }

    @Test
    void aStateLargerThanTheSettingAllowsIsRefusedInOneSentence() {
        configure(1);
        object = new byte[1024 * 1024 + 1];
        StateTabModel tab = model();
        tab.show(EU);
        tab.refresh();

        assertThat(tab.problemProperty().get()).isEqualTo("The Terraform state s3://tf-eu/eu/terraform.tfstate is "
                + "larger than 1 MB, the most the console reads: raise maxStateMb in the terraform settings if it "
                + "really is that large.");
        assertThat(tab.summaryProperty().get()).isNull();
        assertThat(snapshots.rows).as("nothing kept").isEmpty();
    }

    @Test
    void anEnvironmentWithNoStateShowsTheFormWhichRefusesABadBucketAndWritesAGoodOneThenReads() throws Exception {
        StateTabModel tab = model();
        tab.show(EU);
        assertThat(tab.modeProperty().get()).isEqualTo(StateTabModel.Mode.SETUP);

        tab.saveLocation("Terraform_State", "eu/terraform.tfstate", "");
        assertThat(tab.setupProblemProperty().get()).startsWith("The Terraform state bucket 'Terraform_State' of "
                + "environment eu is not an S3 bucket name");
        assertThat(tab.modeProperty().get()).isEqualTo(StateTabModel.Mode.SETUP);
        assertThat(folder.resolve("settings.json")).doesNotExist();

        tab.saveLocation(" tf-eu ", "eu/terraform.tfstate", "eu-central-1");

        assertThat(tab.setupProblemProperty().get()).isEmpty();
        assertThat(settings().read().require(TerraformSettings.SECTION).states())
                .containsExactly(Map.entry("eu", new StateLocation("tf-eu", "eu/terraform.tfstate", "eu-central-1")));
        assertThat(Files.readString(folder.resolve("settings.json"))).contains("\"tf-eu\"");
        assertThat(tab.modeProperty().get()).isEqualTo(StateTabModel.Mode.STATE);
        assertThat(tab.summaryProperty().get().serial()).as("read at once").isEqualTo(42);
    }

    @Test
    void noEnvironmentShowsNothingAndRefreshDoesNothing() {
        StateTabModel tab = model();
        tab.show(null);
        tab.refresh();
        assertThat(tab.modeProperty().get()).isEqualTo(StateTabModel.Mode.NO_ENVIRONMENT);
        assertThat(snapshots.rows).isEmpty();
    }

    @Test
    void tenThousandResourcesAreGroupedAndCachedQuickly() throws Exception {
        configure(256);
        object = Files.readAllBytes(GeneratedState.write(folder.resolve("big.tfstate"), 10_000));
        live = List.of();
        StateTabModel tab = model();
        tab.show(EU);
        System.gc();
        long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long start = System.nanoTime();
        tab.refresh();
        long refreshMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        StateTabModel reopened = model();
        reopened.show(EU);
        long reopenMs = (System.nanoTime() - start) / 1_000_000;
        long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        StateSummary s = reopened.summaryProperty().get();
        // By hand: 1,000 blocks of 10, types cycling instance, ami, bucket: blocks 0, 3, ..., 999 (334) are
        // instances, 333 each the others
        assertThat(s.types()).containsExactly(new StateSummary.TypeCount("aws_ami", 3330),
                new StateSummary.TypeCount("aws_instance", 3340), new StateSummary.TypeCount("aws_s3_bucket", 3330));
        assertThat(s.all()).hasSize(10_000);
        // By hand: every instance and image of the state is missing from an empty AWS; buckets are not checked
        assertThat(s.hints()).hasSize(6670);
        System.out.printf("State tab, 10,000 resources (%d MB state): refresh %d ms, reopen from cache %d ms, "
                        + "cached %d kB gzipped, heap grew ~%d MB%n", object.length / (1024 * 1024), refreshMs,
                reopenMs, snapshots.rows.get("eu/terraform").body().length / 1024,
                (heapAfter - heapBefore) / (1024 * 1024));
        assertThat(refreshMs).as("read, drift, group and cache").isLessThan(10_000);
        assertThat(reopenMs).as("cache to summary").isLessThan(5_000);
    }
}
