package io.camfleet.console.app.features;

import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.tracker.TrackerLink;
import io.camfleet.console.service.tracker.TrackerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrackerSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void theJiraSectionIsKeptInTheSettingsFileWithoutTheToken() throws Exception {
        SettingsStore store = SettingsFile.in(dir);
        assertThat(store.read().get(TrackerSettings.SECTION)).isEqualTo(TrackerSettings.DEFAULTS);
        TrackerSettings set = new TrackerSettings("https://camfleet.atlassian.net", "SUP", "Incident",
                "bot@camfleet.test", TrackerSettings.DEFAULT_PRIORITIES);
        TrackerLink link = set.link(Map.of(TrackerSettings.TOKEN_VARIABLE, "ATATT3x-secret"));

        store.write(TrackerSettings.SECTION, ((TrackerLink.Configured) link).settings());

        assertThat(SettingsFile.in(dir).read().get(TrackerSettings.SECTION)).isEqualTo(set);
        String file = Files.readString(dir.resolve("settings.json"));
        assertThat(file).contains("\"jira\"").contains("Incident").doesNotContain("ATATT3x-secret");
    }
}
