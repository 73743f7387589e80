package io.camfleet.console.service.support;

import io.camfleet.console.adapter.files.JsonSettingsStore;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.SlaTargets;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupportSettingsTest {

    @TempDir
    Path dir;

    private JsonSettingsStore store() {
        return new JsonSettingsStore(dir.resolve("settings.json"), List.of(SupportSettings.SECTION),
                Clock.systemUTC());
    }

    @Test
    void aBadTargetInTheFileLeavesTheDefaultsInForceWithAWarningNamingIt() throws Exception {
        Files.writeString(dir.resolve("settings.json"),
                "{\"version\": 2, \"support\": {\"p1ResponseMinutes\": -5, \"p1ResolutionMinutes\": 60}}");
        Settings read = store().read();
        assertThat(read.get(SupportSettings.SECTION)).isEqualTo(SlaTargets.DEFAULT);
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(new Messages(Locale.ENGLISH).text(p))
                .contains("settings.json", "The SLA response target of P1 must be from 1 to 129600 minutes, not -5."));
    }

    @Test
    void targetsWrittenToTheFileAreReadBack() {
        SlaTargets mine = SupportSettings.SECTION.read(new SupportSettings.Stored(10, 120, null, null, null, null,
                null, null));
        store().write(SupportSettings.SECTION, mine);
        assertThat(store().read().get(SupportSettings.SECTION)).isEqualTo(mine);
        assertThat(store().read().problems()).isEmpty();
    }

    @Test
    void theTargetsGoToTheFileAndComeBackAndMissingOnesAreTheDefaults() {
        SupportSettings.Stored mine = new SupportSettings.Stored(10, 120, 30, 240, 60, 1440, 480, 7200);
        SlaTargets read = SupportSettings.SECTION.read(mine);
        assertThat(read.response(Severity.P1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(read.resolution(Severity.P4)).isEqualTo(Duration.ofDays(5));
        assertThat(SupportSettings.SECTION.write(read)).isEqualTo(mine);
        SlaTargets some = SupportSettings.SECTION.read(new SupportSettings.Stored(5, null, null, null, null, null,
                null, null));
        assertThat(some.response(Severity.P1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(some.resolution(Severity.P1)).isEqualTo(Duration.ofHours(4));
        assertThat(some.response(Severity.P3)).isEqualTo(Duration.ofHours(4));
        assertThat(SupportSettings.SECTION.name()).isEqualTo("support");
    }

    @Test
    void aTargetOutOfBoundsMakesTheSectionUnreadableWithASentenceNamingIt() {
        assertThatThrownBy(() -> SupportSettings.SECTION.read(new SupportSettings.Stored(null, null, 0, null, null,
                null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The SLA response target of P2 must be from 1 to 129600 minutes, not 0.");
        assertThatThrownBy(() -> SupportSettings.SECTION.read(new SupportSettings.Stored(null, null, null, null,
                null, null, null, 200_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The SLA resolution target of P4 must be from 1 to 129600 minutes, not 200000.");
    }

    @Test
    void aResponseTargetLongerThanItsResolutionTargetIsRefused() {
        assertThatThrownBy(() -> SupportSettings.SECTION.read(new SupportSettings.Stored(300, null, null, null, null,
                null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The SLA response target of P1 (300 min) must not be longer than its resolution target "
                        + "(240 min).");
    }
}
