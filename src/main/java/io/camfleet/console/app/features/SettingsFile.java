package io.camfleet.console.app.features;

import io.camfleet.console.adapter.files.JsonSettingsStore;
import io.camfleet.console.service.alerts.AlertRoutesSettings;
import io.camfleet.console.service.alerts.AlertSettings;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.diagnostics.DiagnosticsSettings;
import io.camfleet.console.service.support.SupportSettings;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.backup.BackupSettings;
import io.camfleet.console.service.terraform.TerraformSettings;
import io.camfleet.console.service.cost.CostSettings;
import io.camfleet.console.service.common.SettingsSection;
import io.camfleet.console.service.deploy.DeploySettings;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.images.ImageSettings;
import io.camfleet.console.service.findings.FindingsSettings;
import io.camfleet.console.service.map.TileSettings;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.tracker.TrackerSettings;
import io.camfleet.console.ui.shell.WindowSettings;

import io.camfleet.console.service.reports.ReportSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The data folder's {@code settings.json}, with the section of each capability. */
public final class SettingsFile {

    /** Each capability's part of the settings; a new capability adds its own here and touches no other. */
    static final List<SettingsSection<?>> SECTIONS = List.of(WindowSettings.SECTION, TileSettings.SECTION,
            SourceSettings.SECTION, DeploySettings.SECTION, AvailabilitySettings.SECTION,
            AlertSettings.SECTION, AlertRoutesSettings.SECTION, DeviceSettings.SECTION, SupportSettings.SECTION,
            TrackerSettings.SECTION, DiagnosticsSettings.SECTION, BackupSettings.SECTION,
            ImageSettings.SECTION, FindingsSettings.SECTION, TerraformSettings.SECTION,
            CostSettings.SECTION, ReportSettings.SECTION);

    private SettingsFile() {
    }

    public static SettingsStore in(Path folder) {
        return new JsonSettingsStore(folder.resolve("settings.json"), SECTIONS, Clock.systemUTC());
    }
}
