package io.camfleet.console.app.features;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.EnvironmentReader;
import io.camfleet.console.ui.settings.SettingsDialog;
import io.camfleet.console.ui.shell.Banner;
import io.camfleet.console.ui.shell.ScreenRegistry;
import io.camfleet.console.ui.shell.ShellViewModel;

/** Settings: the fleet source and the map's online tiles, edited in a dialog and saved at once. */
public final class SettingsFeature implements Feature {

    private final EnvironmentReader environments;

    /** @param environments what Settings asks about AWS environments; only called off the FX thread */
    public SettingsFeature(EnvironmentReader environments) {
        this.environments = environments;
    }

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        ShellViewModel shell = w.shell();
        screens.settings(owner -> new SettingsDialog(w.messages(), environments, w.tasks(), w.settingsTabs())
                .edit(owner, shell.tilesProperty().get(), shell.sourceProperty().get(),
                        shell.availabilityProperty().get())
                .ifPresent(saved -> {
                    // Saved even when unchanged: Save is how settings that could not be read start afresh.
                    try {
                        shell.applyTiles(saved.tiles());
                        shell.applySource(saved.source());
                        shell.applyAvailability(saved.availability());
                    } catch (Problem p) {
                        shell.addBanner(new Banner(Banner.Kind.DANGER, w.messages().text("banner.settingsUnsaved.title"),
                                w.messages().text(p)));
                    }
                }));
    }
}
