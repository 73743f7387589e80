package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fleet source as the settings file keeps it: what is written, that it reads back as it was, what a file that
 * lacks a part means, and that a part that does not pass makes the section unreadable.
 */
class StoredSourceTest {

    private static final MetricNames METRICS = new MetricNames("Cams", "Thing", "Beat", "Frames", "Disk", "Temp");
    private static final StoredSource.Metrics STORED_METRICS =
            new StoredSource.Metrics("Cams", "Thing", "Beat", "Frames", "Disk", "Temp");

    private static StoredSource stored(String kind, List<StoredSource.Env> envs, StoredSource.Metrics metrics) {
        return new StoredSource(kind, envs, "/data/fleet.csv", metrics);
    }

    @Test
    void settingsAreStoredAsPlainNamesAndAddresses() {
        Environment emulated = Environment.of("test", "", "eu-west-1", "http://127.0.0.1:5000",
                "http://127.0.0.1:5000/123456789012/events");
        Environment aws = Environment.of("prod-eu", "ops", "eu-west-1", "");
        SourceSettings s = new SourceSettings(SourceSettings.Kind.AWS, List.of(emulated, aws), "/data/fleet.csv",
                METRICS);

        assertThat(SourceSettings.SECTION.write(s)).isEqualTo(stored("AWS", List.of(
                new StoredSource.Env("test", "", "eu-west-1", "http://127.0.0.1:5000",
                        "http://127.0.0.1:5000/123456789012/events"),
                new StoredSource.Env("prod-eu", "ops", "eu-west-1", null, null)), STORED_METRICS));
    }

    @Test
    void storedSettingsReadBackAsTheyWere() {
        Environment queued = Environment.of("prod-eu", "ops", "eu-west-1", "https://vpce.example.com")
                .withEventsQueue("https://sqs.eu-west-1.amazonaws.com/123456789012/camfleet-events");
        SourceSettings s = new SourceSettings(SourceSettings.Kind.IMPORT, List.of(queued,
                Environment.of("prod-us", "", "us-east-1", "")), "/data/fleet.csv", METRICS);

        assertThat(SourceSettings.SECTION.read(SourceSettings.SECTION.write(s))).isEqualTo(s);
        assertThat(SourceSettings.SECTION.read(SourceSettings.SECTION.write(SourceSettings.DEMO)))
                .isEqualTo(SourceSettings.DEMO);
    }

    @Test
    void theSectionIsNamedSourceAndIsTheDemoWhenTheFileHasNone() {
        assertThat(SourceSettings.SECTION.name()).isEqualTo("source");
        assertThat(SourceSettings.SECTION.defaults()).isEqualTo(SourceSettings.DEMO);
        assertThat(SourceSettings.SECTION.format()).isEqualTo(StoredSource.class);
    }

    @Test
    void whatTheFileLacksIsAsTheDemoHasIt() {
        SourceSettings s = new StoredSource(null, null, null, null).settings();

        assertThat(s).isEqualTo(SourceSettings.DEMO);
    }

    @Test
    void aMetricNameTheFileLacksIsTheDefaultOneAndTheOthersAreKept() {
        MetricNames d = MetricNames.DEFAULT;

        assertThat(stored("DEMO", List.of(), new StoredSource.Metrics(null, null, null, null, null, null))
                .settings().metrics()).isEqualTo(d);
        assertThat(stored("DEMO", List.of(), STORED_METRICS).settings().metrics()).isEqualTo(METRICS);
        assertThat(stored("DEMO", List.of(), new StoredSource.Metrics("Cams", null, "Beat", null, "Disk", null))
                .settings().metrics())
                .isEqualTo(new MetricNames("Cams", d.dimension(), "Beat", d.frames(), "Disk", d.temperature()));
        assertThat(stored("DEMO", List.of(), new StoredSource.Metrics(null, "Thing", null, "Frames", null, "Temp"))
                .settings().metrics())
                .isEqualTo(new MetricNames(d.namespace(), "Thing", d.heartbeat(), "Frames", d.diskUsed(), "Temp"));
    }

    @Test
    void aKindThatIsNoneOfTheKindsMakesTheSectionUnreadableNamingThem() {
        assertThatThrownBy(() -> stored("S3", List.of(), null).settings())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The fleet source kind 'S3' is none of " + Arrays.toString(SourceSettings.Kind.values())
                        + ".");
        assertThat(stored("IMPORT", List.of(), null).settings().kind()).isEqualTo(SourceSettings.Kind.IMPORT);
    }

    @Test
    void anEmptyEnvironmentInTheListMakesTheSectionUnreadable() {
        List<StoredSource.Env> withNull = Arrays.asList(new StoredSource.Env("prod-eu", "ops", "eu-west-1", null,
                null), null);

        assertThatThrownBy(() -> stored("AWS", withNull, null).settings())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An environment in the list is empty (null).");
    }

    @Test
    void anEnvironmentEditedByHandThatNoLongerPassesMakesTheSectionUnreadable() {
        StoredSource badRegion = stored("AWS", List.of(new StoredSource.Env("prod-eu", "ops", "Europe", null,
                null)), null);
        StoredSource badQueue = stored("AWS", List.of(new StoredSource.Env("prod-eu", "ops", "eu-west-1", null,
                "https://example.com/q")), null);

        assertThatThrownBy(badRegion::settings)
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("environment.badRegion"));
        assertThatThrownBy(badQueue::settings).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("environment.badEventsQueue"));
    }
}
