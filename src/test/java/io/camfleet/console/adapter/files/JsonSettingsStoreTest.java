package io.camfleet.console.adapter.files;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SettingsSection;
import io.camfleet.console.service.deploy.DeploySettings;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.MetricNames;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.map.TileSettings;
import io.camfleet.console.service.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSettingsStoreTest {

    /** A section of the shell's kind, without the toolkit: the window's section lives in ui.shell. */
    record Window(double x, double width, String theme) {
        static final Window DEFAULT = new Window(Double.NaN, 1480, "light");
        static final SettingsSection<Window> SECTION = SettingsSection.of("window", DEFAULT, Stored.class,
                s -> new Window(s.windowX == null ? Double.NaN : s.windowX,
                        s.windowWidth == null ? DEFAULT.width : s.windowWidth, s.theme == null ? "light" : s.theme),
                w -> new Stored(Double.isNaN(w.x) ? null : w.x, w.width, w.theme));

        record Stored(Double windowX, Double windowWidth, String theme) {
        }
    }

    private static final List<SettingsSection<?>> SECTIONS = List.of(Window.SECTION, TileSettings.SECTION,
            SourceSettings.SECTION, DeploySettings.SECTION);
    private static final Instant NOW = Instant.parse("2026-12-06T03:15:00Z");

    /** settings.json exactly as the console wrote it before settings had sections (version 1). */
    static final String VERSION_1 = """
            {
              "version" : 1,
              "windowX" : 120.0,
              "windowY" : 80.0,
              "windowWidth" : 1600.0,
              "windowHeight" : 1000.0,
              "maximized" : true,
              "theme" : "dark",
              "lastScreen" : "AUDIT",
              "tiles" : {
                "enabled" : true,
                "urlTemplate" : "https://tiles.example/{z}/{x}/{y}.png",
                "attribution" : "© Example",
                "cacheMegabytes" : 300,
                "timeoutMillis" : 3000
              },
              "source" : {
                "kind" : "AWS",
                "environments" : [ {
                  "label" : "prod-eu",
                  "profile" : "noc-prod",
                  "region" : "eu-west-1",
                  "endpoint" : null
                }, {
                  "label" : "dev",
                  "profile" : "",
                  "region" : "us-east-1",
                  "endpoint" : "https://vpce-1.iot.us-east-1.vpce.amazonaws.com"
                } ],
                "importFile" : "/srv/sites.csv",
                "metrics" : {
                  "namespace" : "Cams",
                  "dimension" : "Thing",
                  "heartbeat" : "Beat",
                  "frames" : "Frames",
                  "diskUsed" : "Disk",
                  "temperature" : "Temp"
                }
              },
              "deploy" : {
                "maxArtifactMegabytes" : 512
              }
            }
            """;

    private static final TileSettings TILES = new TileSettings(true, "https://tiles.example/{z}/{x}/{y}.png",
            "© Example", 300, Duration.ofSeconds(3));
    private static final SourceSettings TWO_ENVIRONMENTS = new SourceSettings(SourceSettings.Kind.AWS, List.of(
            Environment.of("prod-eu", "noc-prod", "eu-west-1", ""),
            Environment.of("dev", "", "us-east-1", "https://vpce-1.iot.us-east-1.vpce.amazonaws.com")),
            "/srv/sites.csv", new MetricNames("Cams", "Thing", "Beat", "Frames", "Disk", "Temp"));

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("settings.json");
    }

    private JsonSettingsStore store() {
        return new JsonSettingsStore(file(), SECTIONS, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aSettingsFileWrittenBeforeSectionsStillLoadsEveryValue() throws Exception {
        Files.writeString(file(), VERSION_1);
        Settings s = store().read();
        assertThat(s.problems()).isEmpty();
        assertThat(s.get(Window.SECTION)).isEqualTo(new Window(120, 1600, "dark"));
        assertThat(s.get(TileSettings.SECTION)).isEqualTo(TILES);
        assertThat(s.get(SourceSettings.SECTION)).isEqualTo(TWO_ENVIRONMENTS);
        assertThat(s.get(DeploySettings.SECTION)).isEqualTo(new DeploySettings(512));
        assertThat(s.get(DeploySettings.SECTION).ssmTagTargets()).as("on unless the file turns it off").isTrue();
    }

    @Test
    void aWriteToASettingsFileOfVersion1MovesTheWindowIntoItsSectionAndKeepsTheRest() throws Exception {
        Files.writeString(file(), VERSION_1);
        store().write(Window.SECTION, new Window(10, 1200, "light"));

        String text = Files.readString(file());
        assertThat(text).contains("\"version\" : 2").contains("\"window\" : {");
        assertThat(text.lines().filter(l -> l.startsWith("  \"window") || l.startsWith("  \"lastScreen"))).hasSize(1);
        Settings s = store().read();
        assertThat(s.get(Window.SECTION)).isEqualTo(new Window(10, 1200, "light"));
        assertThat(s.get(TileSettings.SECTION)).isEqualTo(TILES);
        assertThat(s.get(SourceSettings.SECTION)).isEqualTo(TWO_ENVIRONMENTS);
        assertThat(s.get(DeploySettings.SECTION)).isEqualTo(new DeploySettings(512));
        // The window's other values, which this section does not know (a newer console's, say), went with it.
        assertThat(text).contains("\"lastScreen\" : \"AUDIT\"").contains("\"windowHeight\" : 1000.0");
        assertThat(dir.toFile().list()).containsExactly("settings.json");
    }

    @Test
    void eachSectionComesBackAsWritten() {
        JsonSettingsStore store = store();
        store.write(TileSettings.SECTION, TILES);
        store.write(SourceSettings.SECTION, TWO_ENVIRONMENTS);
        store.write(DeploySettings.SECTION, new DeploySettings(64, false));
        store.remember(Window.SECTION, new Window(5, 900, "dark"));

        Settings s = store().read();
        assertThat(s.problems()).isEmpty();
        assertThat(s.get(TileSettings.SECTION)).isEqualTo(TILES);
        assertThat(s.get(SourceSettings.SECTION)).isEqualTo(TWO_ENVIRONMENTS);
        assertThat(s.get(DeploySettings.SECTION)).isEqualTo(new DeploySettings(64, false));
        assertThat(s.get(Window.SECTION)).isEqualTo(new Window(5, 900, "dark"));
    }

    @Test
    void anEnvironmentsRegistryEventsQueueComesBackAsWritten() {
        SourceSettings withQueue = TWO_ENVIRONMENTS.withEnvironment(TWO_ENVIRONMENTS.environments().get(0),
                TWO_ENVIRONMENTS.environments().get(0)
                        .withEventsQueue("https://sqs.eu-west-1.amazonaws.com/123456789012/camfleet-events"));
        store().write(SourceSettings.SECTION, withQueue);

        SourceSettings back = store().read().get(SourceSettings.SECTION);

        assertThat(back).isEqualTo(withQueue);
        assertThat(back.environments().get(0).eventsQueue()).isNotNull();
        assertThat(back.environments().get(1).eventsQueue()).isNull();
    }

    @Test
    void aWriteChangesItsOwnSectionOnlyAndKeepsSectionsItDoesNotKnow() throws Exception {
        store().write(SourceSettings.SECTION, TWO_ENVIRONMENTS);
        String alerts = "{ \"quietHours\" : [ 22, 6 ], \"channel\" : \"noc\" }";
        Files.writeString(file(), Files.readString(file()).replaceFirst("\\{", "{ \"alerts\" : " + alerts + ","));

        store().write(TileSettings.SECTION, TILES);

        String text = Files.readString(file());
        assertThat(text.replaceAll("\\s", "")).contains("\"alerts\":" + alerts.replaceAll("\\s", ""));
        assertThat(store().read().get(SourceSettings.SECTION)).isEqualTo(TWO_ENVIRONMENTS);
        assertThat(store().read().get(TileSettings.SECTION)).isEqualTo(TILES);
    }

    @Test
    void aStrayCommaGivesTheDefaultsAndTheFileLineAndColumn() throws Exception {
        String broken = VERSION_1.replace("    } ],\n", "    }, ],\n");
        Files.writeString(file(), broken);
        List<String> lines = broken.lines().toList();
        int line = lines.indexOf("    }, ],") + 1;

        Settings s = store().read();

        assertThat(s.get(SourceSettings.SECTION)).isEqualTo(SourceSettings.DEMO);
        assertThat(s.get(TileSettings.SECTION)).isEqualTo(TileSettings.OFF);
        assertThat(s.problems()).hasSize(1);
        Problem p = s.problems().get(0);
        assertThat(p.key()).isEqualTo("settings.unreadable.at");
        assertThat(p.args()).startsWith(file().toString(), line, lines.get(line - 1).indexOf(']') + 1);
        assertThat(p.getMessage()).contains(file() + " cannot be read at line " + line + ", column 8");
        assertThatThrownBy(() -> s.require(SourceSettings.SECTION)).isSameAs(p);
    }

    @Test
    void theUnreadableFileIsNeverWrittenOverAndANewOneKeepsItBeside() throws Exception {
        String broken = VERSION_1.replace("    } ],\n", "    }, ],\n");
        Files.writeString(file(), broken);
        JsonSettingsStore store = store();

        // What the console remembers by itself waits for the operator to fix the file.
        store.remember(Window.SECTION, new Window(1, 1000, "dark"));
        assertThat(Files.readString(file())).isEqualTo(broken);
        assertThat(dir.toFile().list()).containsExactly("settings.json");

        // A change the operator saves starts a new file; the old one stays beside it, byte for byte.
        store.write(TileSettings.SECTION, TILES);
        Path aside = dir.resolve("settings.json.unreadable-20261206-031500");
        assertThat(Files.readString(aside)).isEqualTo(broken);
        Settings now = store.read();
        assertThat(now.problems()).isEmpty();
        assertThat(now.get(TileSettings.SECTION)).isEqualTo(TILES);
        assertThat(now.get(SourceSettings.SECTION)).isEqualTo(SourceSettings.DEMO);

        // Broken again in the same second: a second copy beside, the first kept.
        Files.writeString(file(), "{ \"tiles\" : ");
        store.write(TileSettings.SECTION, TileSettings.OFF);
        assertThat(Files.readString(aside)).isEqualTo(broken);
        assertThat(Files.readString(dir.resolve("settings.json.unreadable-20261206-031500-2")))
                .isEqualTo("{ \"tiles\" : ");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }

    @Test
    void aSectionOfTheWrongKindIsNamedByItsLineAndTheOthersStillLoad() throws Exception {
        Files.writeString(file(), VERSION_1.replace("\"cacheMegabytes\" : 300", "\"cacheMegabytes\" : \"lots\""));
        List<String> lines = VERSION_1.lines().toList();
        int line = lines.indexOf("    \"cacheMegabytes\" : 300,") + 1;
        int column = lines.get(line - 1).indexOf("300") + 1;

        Settings s = store().read();

        assertThat(s.get(TileSettings.SECTION)).isEqualTo(TileSettings.OFF);
        assertThat(s.get(SourceSettings.SECTION)).isEqualTo(TWO_ENVIRONMENTS);
        assertThat(s.problem(SourceSettings.SECTION)).isEmpty();
        assertThat(s.problem(TileSettings.SECTION).orElseThrow().args()).startsWith(file().toString(), line, column);

        // Another section is written with the broken one kept as it is; writing the broken one keeps a copy beside.
        store().write(SourceSettings.SECTION, SourceSettings.DEMO);
        assertThat(Files.readString(file())).contains("\"cacheMegabytes\" : \"lots\"");
        assertThat(dir.toFile().list()).containsExactly("settings.json");
        store().write(TileSettings.SECTION, TILES);
        assertThat(Files.readString(dir.resolve("settings.json.unreadable-20261206-031500")))
                .contains("\"cacheMegabytes\" : \"lots\"");
        assertThat(store().read().problems()).isEmpty();
    }

    @Test
    void noSecretIsWrittenAndAnEnvironmentEditedIntoNonsenseIsNamedNotLeftOutInSilence() throws Exception {
        store().write(SourceSettings.SECTION, TWO_ENVIRONMENTS);
        String text = Files.readString(file());
        assertThat(text).doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("token")
                .doesNotContainIgnoringCase("key");
        Files.writeString(file(), text.replace("eu-west-1", "Mars"));

        Settings s = store().read();

        assertThat(s.get(SourceSettings.SECTION)).isEqualTo(SourceSettings.DEMO);
        Problem p = s.problem(SourceSettings.SECTION).orElseThrow();
        assertThat(p.getMessage()).contains("line 3, column 14").contains("'Mars' is not an AWS region");
    }

    @Test
    void theLargestArtifactIsTwoGigabytesUnlessSetAndANonsenseLimitIsTheDefaultAndSaid() throws Exception {
        store().write(DeploySettings.SECTION, DeploySettings.DEFAULT);
        assertThat(Files.readString(file())).contains("\"maxArtifactMegabytes\" : 2048");
        assertThat(store().read().get(DeploySettings.SECTION).maxArtifactBytes()).isEqualTo(2048L << 20);
        for (String nonsense : new String[]{"0", "-1", "9999999999999"}) {
            Files.writeString(file(), Files.readString(file())
                    .replaceFirst("\"maxArtifactMegabytes\" : -?\\d+", "\"maxArtifactMegabytes\" : " + nonsense));
            Settings s = store().read();
            assertThat(s.get(DeploySettings.SECTION)).as(nonsense).isEqualTo(DeploySettings.DEFAULT);
            assertThat(s.problem(DeploySettings.SECTION).orElseThrow().getMessage()).as(nonsense)
                    .contains("not " + nonsense);
        }
    }

    @Test
    void anUnknownPositionStaysUnknown() {
        store().remember(Window.SECTION, Window.DEFAULT);
        assertThat(store().read().get(Window.SECTION).x()).isNaN();
    }

    @Test
    void missingSettingsAreTheDefaultsWithNothingWrong() {
        Settings s = store().read();
        assertThat(s.problems()).isEmpty();
        assertThat(s.get(SourceSettings.SECTION)).isEqualTo(SourceSettings.DEMO);
        assertThat(s.get(Window.SECTION)).isEqualTo(Window.DEFAULT);
    }

    @Test
    void anEmptyFileOrOneThatIsNoObjectCannotBeRead() throws Exception {
        for (String text : new String[]{"", "[ 1, 2 ]", "{ not json"}) {
            Files.writeString(file(), text);
            assertThat(store().read().problems()).as(text).singleElement()
                    .satisfies(p -> assertThat(p.key()).isEqualTo("settings.unreadable.at"));
        }
    }

    @Test
    void onlyItsOwnSectionsAreWritten() {
        SettingsSection<String> other = SettingsSection.of("other", "", String.class, s -> s, s -> s);
        assertThatThrownBy(() -> store().write(other, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
