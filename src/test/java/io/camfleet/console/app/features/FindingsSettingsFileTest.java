package io.camfleet.console.app.features;

import io.camfleet.console.service.findings.FindingsSettings;
import io.camfleet.console.service.settings.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void theFindingsSectionSaysWhichEnvironmentsInspectorIsReadFor() throws Exception {
        SettingsStore store = SettingsFile.in(dir);
        assertThat(store.read().get(FindingsSettings.SECTION)).isEqualTo(FindingsSettings.DEFAULTS);
        assertThat(FindingsSettings.DEFAULTS.inspector("prod")).isFalse();

        store.write(FindingsSettings.SECTION, new FindingsSettings(List.of(" prod ", "", "prod", "staging")));

        FindingsSettings read = SettingsFile.in(dir).read().get(FindingsSettings.SECTION);
        assertThat(read.inspectorEnvironments()).containsExactly("prod", "staging");
        assertThat(read.inspector("PROD")).isTrue();
        assertThat(read.inspector("lab")).isFalse();
        assertThat(Files.readString(dir.resolve("settings.json"))).contains("\"findings\"")
                .contains("inspectorEnvironments");
    }
}
