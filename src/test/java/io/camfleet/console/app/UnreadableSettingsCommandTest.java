package io.camfleet.console.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line on a data folder whose settings cannot be read: one line that says where, and the file kept. */
class UnreadableSettingsCommandTest {

    @TempDir
    Path dir;

    private Path settings() throws Exception {
        Path file = dir.resolve("data").resolve("settings.json");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, UnreadableSettingsUiTest.STRAY_COMMA);
    }

    private String where(Path file) {
        List<String> lines = UnreadableSettingsUiTest.STRAY_COMMA.lines().toList();
        int line = lines.indexOf("    }, ]") + 1;
        return file + " cannot be read at line " + line + ", column " + (lines.get(line - 1).indexOf(']') + 1);
    }

    @Test
    void aCommandThatReadsTheSettingsSaysInOneLineWhereTheyCannotBeReadAndGoesOnWithTheDefaults() throws Exception {
        Path file = settings();
        Cli cli = new Cli(dir.resolve("home"));

        assertThat(cli.run("deploy", "--list", "--data-dir", file.getParent().toString())).as(cli.err()).isZero();

        assertThat(cli.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("camfleet: The settings file " + where(file))
                .endsWith("Until then the default settings are used."));
        assertThat(Files.readString(file)).isEqualTo(UnreadableSettingsUiTest.STRAY_COMMA);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("settings.json."));
        }
    }

    @Test
    void aCommandThatChangesTheSettingsIsRefusedNamingWhereAndChangesNothing() throws Exception {
        Path file = settings();
        Cli cli = new Cli(dir.resolve("home"));

        assertThat(cli.run("env", "add", "--label", "dev", "--region", "eu-west-1", "--data-dir",
                file.getParent().toString())).isEqualTo(3);

        assertThat(cli.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("camfleet: The settings file " + where(file)).contains("It is left as it is"));
        assertThat(Files.readString(file)).isEqualTo(UnreadableSettingsUiTest.STRAY_COMMA);
    }
}
