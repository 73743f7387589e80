package io.camfleet.console.adapter.files;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.MetricNames;
import io.camfleet.console.service.settings.Preferences;
import io.camfleet.console.service.settings.PreferencesStore;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.deploy.DeploySettings;
import io.camfleet.console.service.map.TileSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        try {
            return read();
        } catch (Problem e) {
            LOG.warn("Ignoring unreadable settings {}: {}", file, e.getMessage());
            return Preferences.DEFAULT;
        }
    }

    @Override
    public Preferences read() {
        if (!Files.exists(file)) {
            return Preferences.DEFAULT;
        }
        try {
            return json.readValue(file.toFile(), SettingsFile.class).toPreferences();
        } catch (IOException | RuntimeException e) {
            throw new Problem(e, "settings.unreadable", file.toString(), reason(e));
        }
    }

    @Override
    public void save(Preferences preferences) {
        try {
            write(preferences);
        } catch (Problem e) {
            LOG.warn("Could not save settings to {}", file, e);
        }
    }

    @Override
    public void write(Preferences preferences) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            json.writeValue(tmp.toFile(), SettingsFile.of(preferences));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw new Problem(e, "settings.unwritable", file.toString(), reason(e));
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}", tmp, e);
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
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
        public Source source = new Source();
        public Deploy deploy = new Deploy();

        /** Limits on deployments. */
        static final class Deploy {
            public long maxArtifactMegabytes = DeploySettings.DEFAULT.maxArtifactMegabytes();
        }

        /** Where the fleet comes from: AWS profile names and regions, a file path; never a secret. */
        static final class Source {
            public String kind = SourceSettings.Kind.DEMO.name();
            public List<Env> environments = new ArrayList<>();
            public String importFile = "";
            public Metrics metrics = new Metrics();

            SourceSettings toSettings() {
                List<Environment> envs = new ArrayList<>();
                for (Env e : environments == null ? List.<Env>of() : environments) {
                    Environment env = environment(e);
                    if (env != null) {
                        envs.add(env);
                    }
                }
                Metrics m = metrics == null ? new Metrics() : metrics;
                return new SourceSettings(kind(kind), envs, importFile,
                        new MetricNames(m.namespace, m.dimension, m.heartbeat, m.frames, m.diskUsed, m.temperature));
            }
        }

        static final class Env {
            public String label;
            public String profile = "";
            public String region;
            public String endpoint;
        }

        static final class Metrics {
            public String namespace = MetricNames.DEFAULT.namespace();
            public String dimension = MetricNames.DEFAULT.dimension();
            public String heartbeat = MetricNames.DEFAULT.heartbeat();
            public String frames = MetricNames.DEFAULT.frames();
            public String diskUsed = MetricNames.DEFAULT.diskUsed();
            public String temperature = MetricNames.DEFAULT.temperature();
        }

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
            SourceSettings src = p.source();
            f.source.kind = src.kind().name();
            f.source.importFile = src.importFile();
            for (Environment e : src.environments()) {
                Env env = new Env();
                env.label = e.label();
                env.profile = e.profile();
                env.region = e.region();
                env.endpoint = e.endpoint() == null ? null : e.endpoint().toString();
                f.source.environments.add(env);
            }
            f.deploy.maxArtifactMegabytes = p.deploy().maxArtifactMegabytes();
            MetricNames m = src.metrics();
            f.source.metrics.namespace = m.namespace();
            f.source.metrics.dimension = m.dimension();
            f.source.metrics.heartbeat = m.heartbeat();
            f.source.metrics.frames = m.frames();
            f.source.metrics.diskUsed = m.diskUsed();
            f.source.metrics.temperature = m.temperature();
            return f;
        }

        Preferences toPreferences() {
            Tiles t = tiles == null ? new Tiles() : tiles;
            return new Preferences(windowX == null ? Double.NaN : windowX, windowY == null ? Double.NaN : windowY,
                    windowWidth, windowHeight, maximized, "dark".equals(theme),
                    lastScreen == null ? Preferences.DEFAULT.lastScreen() : lastScreen,
                    new TileSettings(t.enabled, t.urlTemplate, t.attribution, t.cacheMegabytes,
                            Duration.ofMillis(Math.max(100, t.timeoutMillis))),
                    source == null ? SourceSettings.DEMO : source.toSettings(), deploy(deploy));
        }
    }

    /** A limit out of bounds (edited by hand, say) is the default, with a warning. */
    private static DeploySettings deploy(SettingsFile.Deploy d) {
        if (d == null) {
            return DeploySettings.DEFAULT;
        }
        try {
            return new DeploySettings(d.maxArtifactMegabytes);
        } catch (IllegalArgumentException bad) {
            LOG.warn("Ignoring deploy.maxArtifactMegabytes in settings: {}", bad.getMessage());
            return DeploySettings.DEFAULT;
        }
    }

    /** An environment that no longer passes the checks (edited by hand, say) is left out with a warning. */
    private static Environment environment(SettingsFile.Env e) {
        try {
            return Environment.of(e.label, e.profile, e.region, e.endpoint);
        } catch (RuntimeException bad) {
            LOG.warn("Ignoring environment {} in settings: {}", e.label, bad.getMessage());
            return null;
        }
    }

    static SourceSettings.Kind kind(String name) {
        try {
            return SourceSettings.Kind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return SourceSettings.Kind.DEMO;
        }
    }
}
