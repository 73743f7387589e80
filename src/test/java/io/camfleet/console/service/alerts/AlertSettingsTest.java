package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.AlertRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertSettingsTest {

    @Test
    void theThresholdsGoToTheFileAndComeBackAndMissingOnesAreTheDefaults() {
        AlertRules mine = new AlertRules(3, 30, 20, 5, 10.0, 2.0);
        assertThat(AlertSettings.SECTION.read(AlertSettings.SECTION.write(mine))).isEqualTo(mine);
        assertThat(AlertSettings.SECTION.read(new AlertSettings.Stored(5, null, null, null, null, null)))
                .isEqualTo(new AlertRules(5, 15, 15, 2, 14.4, 6.0));
    }

    @Test
    void aThresholdOutOfBoundsMakesTheSectionUnreadableWithASentenceNamingIt() {
        assertThatThrownBy(() -> AlertSettings.SECTION.read(new AlertSettings.Stored(1, 15, 15, -2, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The alert setting clearMinutes must be from 0 to 10080 minutes, not -2.");
    }
}
