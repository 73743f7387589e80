package io.camfleet.console.ui.estate;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.ImageUsage;
import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.domain.images.OutdatedRule;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.images.ImageCatalogue;
import io.camfleet.console.service.images.ImageCloud;
import io.camfleet.console.ui.common.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.camfleet.console.ui.estate.ImagesTabRig.M;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tab's model with no display: the catalogue kept in the estate cache (a real H2 file) and read back whole, the
 * search and the outdated filter, the counts, and a failed refresh that leaves the last catalogue shown.
 */
class ImagesTabModelTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final Environment EU = Environment.of("eu", "", "eu-west-1", "");
    static final Environment US = Environment.of("us", "", "us-east-1", "");

    @TempDir
    Path temp;

    private CacheDatabase db;
    private EstateCache cache;
    private final FakeCloud cloud = new FakeCloud();
    private ImagesTabModel model;

    /** EC2 as a map: the images of each region; the instances by image; a failure to throw instead. */
    static final class FakeCloud implements ImageCloud {
        final Map<String, List<MachineImage>> byRegion = new java.util.HashMap<>();
        final Map<String, List<String>> instances = new java.util.HashMap<>();
        RuntimeException failure;

        @Override
        public List<MachineImage> images(Environment env, String region, List<String> tagFilters) {
            if (failure != null) {
                throw failure;
            }
            return byRegion.getOrDefault(region, List.of());
        }

        @Override
        public Optional<MachineImage> image(Environment env, String imageId) {
            return byRegion.getOrDefault(env.region(), List.of()).stream().filter(i -> i.id().equals(imageId))
                    .findFirst();
        }

        @Override
        public Map<String, List<String>> instancesByImage(Environment env, List<String> imageIds) {
            return instances;
        }

        @Override
        public String createImage(Environment env, String instanceId, String name, Map<String, String> tags) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String copyImage(Environment env, String imageId, String region, Map<String, String> tags) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deprecate(Environment env, String imageId, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deregister(Environment env, String imageId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PatchRun patch(Environment env, String instanceId, Duration timeout) {
            throw new UnsupportedOperationException();
        }
    }

    static MachineImage image(String id, String name, String region, int daysOld, Map<String, String> tags) {
        return new MachineImage(id, name, region, NOW.minus(Duration.ofDays(daysOld)), "available", null, tags);
    }

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("data"), Clock.systemUTC());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        cache = new EstateCache(db.snapshots(), clock);
        ImageCatalogue catalogue = new ImageCatalogue(cloud, () -> ImagesTabRig.SETTINGS, () -> List.of(EU, US),
                List::of, clock);
        model = new ImagesTabModel(() -> catalogue, () -> cache, BackgroundTasks.unlisted(Runnable::run,
                Runnable::run), M, clock);
        cloud.byRegion.put("eu-west-1", List.of(
                image("ami-00000000000000001", "camos-base-2026.08.01", "eu-west-1", 127,
                        Map.of("camfleet:patch-level", "2026-08")),
                image("ami-00000000000000002", "camos-base-2026.11.01", "eu-west-1", 35,
                        Map.of("camfleet:patch-level", "2026-11", "camfleet:release", "5.2")),
                image("ami-00000000000000003", "edge-special", "eu-west-1", 10,
                        Map.of("camfleet:lineage", "edge-lts", "camfleet:os", "CamOS 12"))));
        cloud.byRegion.put("us-east-1", List.of(image("ami-00000000000000009", "camos-base-2026.11.01",
                "us-east-1", 30, Map.of("camfleet:source", "ami-00000000000000002"))));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> shown() {
        return model.shown().stream().map(ImageRow::id).toList();
    }

    @Test
    void aCatalogueSurvivesTheEstateCacheWhole() throws Exception {
        // every field a snapshot holds: tags, a deprecation and none, copies, users, both reasons of a verdict
        List<CatalogueEntry> read = List.of(
                new CatalogueEntry("eu", new MachineImage("ami-0aaaaaaaaaaaaaaa1", "camos-base-v1", "eu-west-1",
                        Instant.parse("2026-01-02T03:04:05Z"), "available", Instant.parse("2027-01-01T00:00:00Z"),
                        Map.of("camfleet:os", "CamOS 12", "Name", "base")), "camos-base", List.of("us-east-1"),
                        new ImageUsage("ami-0aaaaaaaaaaaaaaa1", List.of("cam-2", "cam-1"), List.of("i-0abc")),
                        new OutdatedRule.Verdict(true, "ami-0aaaaaaaaaaaaaaa2")),
                new CatalogueEntry("eu", new MachineImage("ami-0aaaaaaaaaaaaaaa2", "", "eu-west-1",
                        Instant.parse("2026-11-02T03:04:05.123Z"), "pending", null, Map.of()), "ami-0aaaaaaaaaaaaaaa2",
                        List.of(), new ImageUsage("ami-0aaaaaaaaaaaaaaa2", List.of(), List.of()),
                        OutdatedRule.Verdict.current()));

        cache.refresh("eu", ImagesTabModel.KIND, () -> read);

        assertThat(cache.last("eu", ImagesTabModel.KIND, ImagesTabModel.TYPE)).get()
                .extracting(EstateCache.Cached::value).isEqualTo(read);
    }

    @Test
    void refreshReadsTheCatalogueKeepsItAndCountsTheOutdated() {
        model.show(EU);
        assertThat(model.asOf().get()).as("never read").isNull();
        assertThat(shown()).isEmpty();

        model.refresh();

        // newest first: edge (10 d), 2026.11 (35 d), 2026.08 (127 d: older than 90 days, and 2026.11 is newer)
        assertThat(shown()).containsExactly("ami-00000000000000003", "ami-00000000000000002",
                "ami-00000000000000001");
        assertThat(model.counts().get()).isEqualTo("3 images, 1 outdated");
        assertThat(model.asOf().get()).isEqualTo(NOW);
        ImageRow old = model.shown().get(2);
        assertThat(old.ageDays()).isEqualTo(127);
        assertThat(old.entry().verdict()).isEqualTo(new OutdatedRule.Verdict(true, "ami-00000000000000002"));
        // the November image has a copy in us-east-1, found by the copy's source tag
        assertThat(model.shown().get(1).copies()).isEqualTo("us-east-1");
        assertThat(model.shown().get(0).os()).isEqualTo("CamOS 12");
        assertThat(model.rule().get()).isEqualTo(M.text("estate.images.rule.both", 90));
        assertThat(cache.last("eu", ImagesTabModel.KIND, ImagesTabModel.TYPE)).isPresent();
        assertThat(cache.last("us", ImagesTabModel.KIND, ImagesTabModel.TYPE)).as("one environment read").isEmpty();
    }

    @Test
    void theSearchLooksInNameIdLineageAndTagsAndTheFilterKeepsTheOutdated() {
        model.show(EU);
        model.refresh();

        model.search().set("EDGE-LTS"); // the lineage tag, any case
        assertThat(shown()).containsExactly("ami-00000000000000003");
        model.search().set("000000001");
        assertThat(shown()).containsExactly("ami-00000000000000001");
        model.search().set("5.2");   // a tag's value
        assertThat(shown()).containsExactly("ami-00000000000000002");
        model.search().set("camos 2026-08"); // every word, anywhere
        assertThat(shown()).containsExactly("ami-00000000000000001");
        assertThat(model.counts().get()).isEqualTo("1 of 3 images shown, 1 outdated");
        model.search().set("");
        model.outdatedOnly().set(true);
        assertThat(shown()).containsExactly("ami-00000000000000001");
        model.search().set("edge");
        assertThat(shown()).isEmpty();
        assertThat(model.counts().get()).isEqualTo("0 of 3 images shown, 1 outdated");
    }

    @Test
    void aFailedRefreshIsOneSentenceAndTheLastCatalogueStays() {
        model.show(EU);
        model.refresh();
        cloud.failure = new Problem("aws.unreachable", "http://127.0.0.1:9", "Connection refused");

        model.refresh();

        assertThat(model.problem().get()).isEqualTo(M.text("aws.unreachable", "http://127.0.0.1:9",
                "Connection refused"));
        assertThat(shown()).hasSize(3);
        assertThat(model.asOf().get()).isEqualTo(NOW);
    }

    @Test
    void eachEnvironmentShowsItsOwnLastCatalogueAndNoneWhenNeverRead() {
        model.show(EU);
        model.refresh();
        model.show(US);
        assertThat(shown()).as("us was never read").isEmpty();
        assertThat(model.asOf().get()).isNull();
        model.refresh();
        assertThat(shown()).containsExactly("ami-00000000000000009");
        assertThat(model.counts().get()).isEqualTo("1 image, 0 outdated");

        cloud.failure = new IllegalStateException("not to be asked");
        model.show(EU);

        assertThat(shown()).as("from the estate cache, AWS not asked").hasSize(3);
        assertThat(model.problem().get()).isEmpty();
        model.show(null);
        assertThat(shown()).isEmpty();
    }

    @Test
    void theCountsOfTheBenchShapeAreWorkedOutOffTheDisplay() {
        // 5,000 images: 50 lineages of 100 versions an hour apart; the newest of each lineage is current
        List<MachineImage> many = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            many.add(new MachineImage(String.format("ami-%017x", i), "camos-line" + (i % 50) + "-v" + i / 50,
                    "eu-west-1", NOW.minus(Duration.ofHours(5_000 - i)), "available", null,
                    Map.of("camfleet:os", "CamOS 12", "camfleet:patch-level", "2026-" + (i % 12 + 1))));
        }
        cloud.byRegion.put("eu-west-1", many);
        model.show(EU);
        model.refresh();

        // outdated: 50 x 99 for a newer version, plus the newest of each lineage when older than 90 days: image i
        // is (5,000 - i) hours old, and the newest of lineage L is i = 4,950 + L, at most 50 h old: none
        assertThat(model.counts().get()).isEqualTo("5,000 images, 4,950 outdated");
        model.search().set("camos-line7-");
        assertThat(model.shown()).hasSize(100);
    }
}
