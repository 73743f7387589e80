package io.camfleet.console.adapter.files;

import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.MetricNames;
import io.camfleet.console.service.settings.Preferences;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.deploy.DeploySettings;
import io.camfleet.console.service.map.TileSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JsonPreferencesStoreTest {

    @TempDir
    Path dir;

    @Test
    void preferencesComeBackAsSaved() {
        JsonPreferencesStore store = new JsonPreferencesStore(dir.resolve("settings.json"));
        Preferences p = Preferences.DEFAULT.withWindow(120, 80, 1600, 1000, true).withDarkTheme(true)
                .withLastScreen("AUDIT").withTiles(new TileSettings(true, "https://tiles.example/{z}/{x}/{y}.png",
                        "© Example", 300, java.time.Duration.ofSeconds(3)))
                .withSource(new SourceSettings(SourceSettings.Kind.AWS, java.util.List.of(
                        Environment.of("prod-eu", "noc-prod", "eu-west-1", ""),
                        Environment.of("dev", "", "us-east-1", "https://vpce-1.iot.us-east-1.vpce.amazonaws.com")),
                        "/srv/sites.csv", new MetricNames("Cams", "Thing", "Beat", "Frames", "Disk", "Temp")))
                .withDeploy(new DeploySettings(512));
        store.save(p);
        assertThat(store.load()).isEqualTo(p);
    }

    @Test
    void noSecretIsWrittenAndAnEnvironmentEditedIntoNonsenseIsLeftOut() throws Exception {
        Path file = dir.resolve("settings.json");
        JsonPreferencesStore store = new JsonPreferencesStore(file);
        store.save(Preferences.DEFAULT.withSource(SourceSettings.DEMO.withKind(SourceSettings.Kind.AWS)
                .withEnvironments(java.util.List.of(Environment.of("prod", "p", "eu-west-1", "")))));
        String text = Files.readString(file);
        assertThat(text).doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("token")
                .doesNotContainIgnoringCase("key");
        Files.writeString(file, text.replace("eu-west-1", "Mars"));
        assertThat(store.load().source().environments()).isEmpty();
        assertThat(store.load().source().kind()).isEqualTo(SourceSettings.Kind.AWS);
    }

    @Test
    void theLargestArtifactIsTwoGigabytesUnlessSetAndANonsenseLimitIsTheDefault() throws Exception {
        Path file = dir.resolve("settings.json");
        JsonPreferencesStore store = new JsonPreferencesStore(file);
        store.save(Preferences.DEFAULT);
        assertThat(Files.readString(file)).contains("\"maxArtifactMegabytes\" : 2048");
        assertThat(store.load().deploy().maxArtifactBytes()).isEqualTo(2048L << 20);
        for (String nonsense : new String[]{"0", "-1", "9999999999999"}) {
            Files.writeString(file, Files.readString(file)
                    .replaceFirst("\"maxArtifactMegabytes\" : -?\\d+", "\"maxArtifactMegabytes\" : " + nonsense));
            assertThat(store.load().deploy()).as(nonsense).isEqualTo(DeploySettings.DEFAULT);
        }
    }

    @Test
    void anUnknownPositionStaysUnknown() {
        JsonPreferencesStore store = new JsonPreferencesStore(dir.resolve("settings.json"));
        store.save(Preferences.DEFAULT);
        assertThat(store.load().windowX()).isNaN();
    }

    @Test
    void missingOrUnreadableSettingsGiveTheDefaults() throws Exception {
        Path file = dir.resolve("settings.json");
        JsonPreferencesStore store = new JsonPreferencesStore(file);
        assertThat(store.load()).isEqualTo(Preferences.DEFAULT);
        Files.writeString(file, "{ not json");
        assertThat(store.load()).isEqualTo(Preferences.DEFAULT);
    }
}
