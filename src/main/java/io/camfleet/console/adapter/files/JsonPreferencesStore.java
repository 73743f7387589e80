package io.camfleet.console.adapter.files;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camfleet.console.service.Preferences;
import io.camfleet.console.service.PreferencesStore;
import io.camfleet.console.service.map.TileSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** {@link Preferences} as {@code settings.json} in the data folder, written atomically (temp file, then move). */
public final class JsonPreferencesStore implements PreferencesStore {

    private static final Logger LOG = LoggerFactory.getLogger(JsonPreferencesStore.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JsonPreferencesStore(Path file) {
        this.file = file;
    }

    @Override
    public Preferences load() {
        if (!Files.exists(file)) {
            return Preferences.DEFAULT;
        }
        try {
            return json.readValue(file.toFile(), SettingsFile.class).toPreferences();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable settings {}: {}", file, e.getMessage());
            return Preferences.DEFAULT;
        }
    }

    @Override
    public void save(Preferences preferences) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            json.writeValue(tmp.toFile(), SettingsFile.of(preferences));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save settings to {}", file, e);
        }
    }

    /** The file format, kept apart from the record the rest of the code uses. */
    static final class SettingsFile {
        public int version = 1;
        public Double windowX;
        public Double windowY;
        public double windowWidth = Preferences.DEFAULT.windowWidth();
        public double windowHeight = Preferences.DEFAULT.windowHeight();
        public boolean maximized;
        public String theme = "light";
        public String lastScreen = Preferences.DEFAULT.lastScreen();
        public Tiles tiles = new Tiles();

        /** The online tile layer: where tiles come from; nothing secret. */
        static final class Tiles {
            public boolean enabled;
            public String urlTemplate = "";
            public String attribution = "";
            public int cacheMegabytes = TileSettings.OFF.cacheMegabytes();
            public long timeoutMillis = TileSettings.OFF.timeout().toMillis();
        }

        static SettingsFile of(Preferences p) {
            SettingsFile f = new SettingsFile();
            f.windowX = Double.isNaN(p.windowX()) ? null : p.windowX();
            f.windowY = Double.isNaN(p.windowY()) ? null : p.windowY();
            f.windowWidth = p.windowWidth();
            f.windowHeight = p.windowHeight();
            f.maximized = p.maximized();
            f.theme = p.darkTheme() ? "dark" : "light";
            f.lastScreen = p.lastScreen();
            f.tiles.enabled = p.tiles().enabled();
            f.tiles.urlTemplate = p.tiles().urlTemplate();
            f.tiles.attribution = p.tiles().attribution();
            f.tiles.cacheMegabytes = p.tiles().cacheMegabytes();
            f.tiles.timeoutMillis = p.tiles().timeout().toMillis();
            return f;
        }

        Preferences toPreferences() {
            Tiles t = tiles == null ? new Tiles() : tiles;
            return new Preferences(windowX == null ? Double.NaN : windowX, windowY == null ? Double.NaN : windowY,
                    windowWidth, windowHeight, maximized, "dark".equals(theme),
                    lastScreen == null ? Preferences.DEFAULT.lastScreen() : lastScreen,
                    new TileSettings(t.enabled, t.urlTemplate, t.attribution, t.cacheMegabytes,
                            Duration.ofMillis(Math.max(100, t.timeoutMillis))));
        }
    }
}
