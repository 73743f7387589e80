package io.camfleet.console.ui.shell;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.service.alerts.AlertNotice;
import io.camfleet.console.service.alerts.AlertRoutesSettings;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.SettingsSection;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.service.settings.SettingsStore;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What pops up on the desktop: a dark site does; a degraded camera waits in the list, or it would bury the site. */
@ExtendWith(ApplicationExtension.class)
class DesktopAlertsTest {

    private final SettingsStore store = new SettingsStore() {
        @Override
        public Settings read() {
            return Settings.DEFAULTS;
        }

        @Override
        public <T> void write(SettingsSection<T> section, T value) {
        }

        @Override
        public <T> void remember(SettingsSection<T> section, T value) {
        }
    };
    private ShellViewModel shell;

    @Start
    void start(Stage stage) {
        shell = new ShellViewModel(store, store.read());
    }

    private static AlertNotice raised(long id, AlertKind kind, AlertSeverity severity, String summary) {
        return new AlertNotice(id, "camfleet-" + id, kind, severity, "s" + id, "s" + id, summary, AlertStatus.RAISED,
                Instant.parse("2026-12-06T10:00:00Z"), "", "");
    }

    @Test
    void onlyCriticalAlertsPopUpAndWarningsWaitInTheList() {
        List<AlertNotice> opened = new ArrayList<>();
        DesktopAlerts desktop = new DesktopAlerts(new Messages(Locale.ENGLISH), shell,
                () -> AlertRoutesSettings.DEFAULT, opened::add, () -> { }, new AlertTone());
        for (int i = 1; i <= 5; i++) {
            desktop.send(raised(i, AlertKind.CAMERA_DEGRADED, AlertSeverity.WARNING, "Camera " + i + " degraded."));
        }
        desktop.send(raised(9, AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, "Site Lisbon Docks is dark."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.toasts()).hasSize(1);
        assertThat(shell.toasts().get(0).text()).startsWith("Site Lisbon Docks is dark.");
    }
}
