package io.camfleet.console.app.features;

import io.camfleet.console.adapter.google.GoogleDirectory;
import io.camfleet.console.adapter.sim.DemoDirectory;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.cli.DevicesCommand;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.devices.DeviceDirectory;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.service.devices.ReviewerList;
import io.camfleet.console.ui.devices.DevicesView;
import io.camfleet.console.ui.devices.DevicesViewModel;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ScreenRegistry;
import org.kordamp.ikonli.material2.Material2AL;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Review devices: the Google devices reviewers look at camera images on, from the Directory API (or the demo's
 * simulated directory), in the cache with their compliance, the provisioning queue and the actions on them; the
 * Devices screen and {@code camfleet devices}.
 */
public final class DevicesFeature implements Feature {

    public static final Screen DEVICES = new Screen("DEVICES", Material2AL.DEVICES);

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var file = SettingsFile.in(folder.folder().path());
        // read at each sync and judgement: at most every 10 s, so a change in Settings applies within that
        Supplier<DeviceSettings> settings = Recent.of(() -> demoReviewers(file.read().get(DeviceSettings.SECTION)),
                Duration.ofSeconds(10));
        ConfiguredDirectory directory = new ConfiguredDirectory(settings, s -> directory(s, folder.clock()));
        Lazy<DevicesService> devices = new Lazy<>(() -> new DevicesService(directory, folder.database().devices(),
                folder.audit(), settings, folder.clock(), reviewers(settings.get(), directory)));
        parts.add(DevicesService.class, devices).onClose(directory::close);
    }

    /** The Google directory the settings name, else the demo's. */
    static DeviceDirectory directory(DeviceSettings settings, Clock clock) {
        return settings.google() ? GoogleDirectory.open(settings, clock)
                : new DemoDirectory(DemoFleetSource.DEFAULT_SEED, clock);
    }

    /**
     * The reviewers list. A Google group is read at each sync (a call away); the demo's group is in this process, so
     * it is read at once and a command or a window that has not synced yet judges unknown reviewers too.
     */
    private static ReviewerList reviewers(DeviceSettings settings, DeviceDirectory directory) {
        ReviewerList reviewers = new ReviewerList();
        if (!settings.google()) {
            reviewers.refresh(settings, directory, true);
        }
        return reviewers;
    }

    /**
     * On the demo directory with no reviewers list of its own, the demo's reviewers group is the list, so that the
     * demo shows devices whose reviewer is not on it.
     */
    static DeviceSettings demoReviewers(DeviceSettings s) {
        if (s.google() || !s.reviewersFile().isBlank() || !s.reviewersGroup().isBlank()) {
            return s;
        }
        return new DeviceSettings(s.customerId(), s.adminSubject(), s.keyFile(), s.scopes(), s.apiBaseUrl(),
                s.tokenUrl(), s.orgUnit(), "", DemoDirectory.REVIEWERS_GROUP, s.rules());
    }

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        screens.add(DEVICES, () -> new DevicesView(new DevicesViewModel(w.session().part(DevicesService.class),
                w.tasks(), w.messages()), w.messages(), w.zone(), Clock.system(w.zone())));
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new DevicesCommand(m));
    }
}
