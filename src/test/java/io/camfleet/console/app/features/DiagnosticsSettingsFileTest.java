package io.camfleet.console.app.features;

import io.camfleet.console.service.diagnostics.DiagnosticsSettings;
import io.camfleet.console.service.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagnostics section of settings.json: kept as written, and a value out of bounds falls back named. */
class DiagnosticsSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void theDiagnosticsSectionIsKeptInTheSettingsFile() {
        DiagnosticsSettings set = new DiagnosticsSettings(List.of("/var/log/camos", "/var/log/nginx"), "/etc/camos",
                20 * DiagnosticsSettings.MB, DiagnosticsSettings.MB, "support");

        SettingsFile.in(dir).write(DiagnosticsSettings.SECTION, set);

        assertThat(SettingsFile.in(dir).read().get(DiagnosticsSettings.SECTION)).isEqualTo(set);
    }

    @Test
    void aBoundOutOfRangeKeepsTheDefaultsAndSaysWhatIsWrong() throws Exception {
        Files.writeString(dir.resolve("settings.json"), """
                {"diagnostics": {"maxFileBytes": 100000000, "maxBundleBytes": 1000000}}
                """);

        Settings settings = SettingsFile.in(dir).read();

        assertThat(settings.get(DiagnosticsSettings.SECTION)).isEqualTo(DiagnosticsSettings.DEFAULTS);
        assertThat(settings.problem(DiagnosticsSettings.SECTION)).hasValueSatisfying(p ->
                assertThat(p.getMessage()).contains("maxFileBytes"));
    }
}
