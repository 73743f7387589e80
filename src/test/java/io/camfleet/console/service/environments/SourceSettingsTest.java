package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fleet source as set in Settings: its defaults, how environments are added and replaced, and their labels. */
class SourceSettingsTest {

    private static final Environment EU = Environment.of("prod-eu", "ops", "eu-west-1", "");
    private static final Environment US = Environment.of("prod-us", "ops", "us-east-1", "");
    private static final MetricNames METRICS = new MetricNames("Cams", "Thing", "Beat", "Frames", "Disk", "Temp");

    @Test
    void whatIsNotSetIsAsTheDemoHasIt() {
        SourceSettings s = new SourceSettings(null, null, null, null);

        assertThat(s.kind()).isEqualTo(SourceSettings.Kind.DEMO);
        assertThat(s.environments()).isEmpty();
        assertThat(s.importFile()).isEmpty();
        assertThat(s.metrics()).isEqualTo(MetricNames.DEFAULT);
        assertThat(s).isEqualTo(SourceSettings.DEMO);
    }

    @Test
    void whatIsSetIsKeptAndItsEnvironmentsCannotChangeAfterwards() {
        List<Environment> list = new ArrayList<>(List.of(EU));
        SourceSettings s = new SourceSettings(SourceSettings.Kind.IMPORT, list, "/data/fleet.csv", METRICS);
        list.add(US);

        assertThat(s.kind()).isEqualTo(SourceSettings.Kind.IMPORT);
        assertThat(s.environments()).containsExactly(EU);
        assertThat(s.importFile()).isEqualTo("/data/fleet.csv");
        assertThat(s.metrics()).isEqualTo(METRICS);
        assertThatThrownBy(() -> s.environments().add(US)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachWitherChangesOnlyItsOwnPart() {
        SourceSettings s = new SourceSettings(SourceSettings.Kind.AWS, List.of(EU), "/a.csv", METRICS);

        assertThat(s.withKind(SourceSettings.Kind.IMPORT))
                .isEqualTo(new SourceSettings(SourceSettings.Kind.IMPORT, List.of(EU), "/a.csv", METRICS));
        assertThat(s.withEnvironments(List.of(US)))
                .isEqualTo(new SourceSettings(SourceSettings.Kind.AWS, List.of(US), "/a.csv", METRICS));
        assertThat(s.withImportFile("/b.csv"))
                .isEqualTo(new SourceSettings(SourceSettings.Kind.AWS, List.of(EU), "/b.csv", METRICS));
    }

    @Test
    void anEnvironmentReplacingNoneOrOneNotThereIsAddedAtTheEnd() {
        SourceSettings s = SourceSettings.DEMO.withEnvironments(List.of(EU));

        assertThat(s.withEnvironment(null, US).environments()).containsExactly(EU, US);
        Environment absent = Environment.of("prod-ap", "ops", "ap-southeast-2", "");
        assertThat(s.withEnvironment(absent, US).environments()).containsExactly(EU, US);
    }

    @Test
    void anEnvironmentReplacingAnotherTakesItsPlace() {
        SourceSettings s = SourceSettings.DEMO.withEnvironments(List.of(EU, US));
        Environment renamed = Environment.of("prod-de", "ops", "eu-central-1", "");

        assertThat(s.withEnvironment(EU, renamed).environments()).containsExactly(renamed, US);
        Environment sameLabel = Environment.of("prod-eu", "other", "eu-west-1", "");
        assertThat(s.withEnvironment(EU, sameLabel).environments()).containsExactly(sameLabel, US);
    }

    @Test
    void aLabelAnotherEnvironmentHasInAnyCaseIsBadInputNamingIt() {
        SourceSettings s = SourceSettings.DEMO.withEnvironments(List.of(EU, US));
        Environment shouting = Environment.of("PROD-US", "ops", "us-west-2", "");

        assertThatThrownBy(() -> s.withEnvironment(null, shouting))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("environment.duplicate");
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                    assertThat(p.args()).containsExactly("PROD-US");
                });
        assertThatThrownBy(() -> s.withEnvironment(EU, shouting)).isInstanceOf(Problem.class);
        assertThat(s.withEnvironment(US, shouting).environments()).containsExactly(EU, shouting);
    }

    @Test
    void anEnvironmentIsFoundByItsExactLabel() {
        SourceSettings s = SourceSettings.DEMO.withEnvironments(List.of(EU, US));

        assertThat(s.environment("prod-us")).contains(US);
        assertThat(s.environment("PROD-US")).isEmpty();
        assertThat(s.environment("prod-ap")).isEmpty();
    }
}
