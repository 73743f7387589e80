package io.camfleet.console.app.features;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.ui.devices.DevicesView;
import io.camfleet.console.ui.devices.DevicesViewModel;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ScreenRegistry;
import org.kordamp.ikonli.material2.Material2AL;

import java.time.Clock;
import java.util.List;

/**
 * Review devices: the Google devices reviewers look at camera images on, from the Directory API (or the demo's
 * simulated directory), in the cache with their compliance, the provisioning queue and the actions on them; the
 * Devices screen and {@code camfleet devices}.
 */
public final class DevicesFeature implements Feature {

    public static final Screen DEVICES = new Screen("DEVICES", Material2AL.DEVICES);

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        // devcli: the directory (Google when configured, else the demo's), the store, DevicesService
    }

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        screens.add(DEVICES, () -> new DevicesView(new DevicesViewModel(w.session().part(DevicesService.class),
                w.tasks(), w.messages()), w.messages(), w.zone(), Clock.system(w.zone())));
    }

    @Override
    public List<Object> commands(Messages m) {
        // devcli: camfleet devices
        return List.of();
    }
}
