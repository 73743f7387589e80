package io.camfleet.console.adapter.files;

import io.camfleet.console.service.Preferences;
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
                        "© Example", 300, java.time.Duration.ofSeconds(3)));
        store.save(p);
        assertThat(store.load()).isEqualTo(p);
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
