package io.camfleet.console.ui.shell;

import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SettingsSection;
import io.camfleet.console.service.map.TileSettings;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.environments.SourceSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {

    /** Settings kept in memory, a section at a time, as the file keeps them. */
    private static final class Remembering implements SettingsStore {
        Settings saved = Settings.DEFAULTS;

        @Override
        public Settings read() {
            return saved;
        }

        @Override
        public <T> void write(SettingsSection<T> section, T value) {
            saved = saved.with(section, value);
        }

        @Override
        public <T> void remember(SettingsSection<T> section, T value) {
            write(section, value);
        }
    }

    @Test
    void theWindowTheThemeAndTheLastScreenAreRememberedForNextTime() {
        Remembering store = new Remembering();
        ShellViewModel first = new ShellViewModel(store, store.read());
        assertThat(first.screenProperty().get()).isEqualTo(Screen.FLEET_TABLE);
        first.show(Screen.AUDIT);
        first.toggleTheme();
        first.remember(40, 60, 1700, 1000, false);

        ShellViewModel next = new ShellViewModel(store, store.read());
        assertThat(next.screenProperty().get()).isEqualTo(Screen.AUDIT);
        assertThat(next.darkThemeProperty().get()).isTrue();
        assertThat(next.window().x()).isEqualTo(40);
        assertThat(next.window().width()).isEqualTo(1700);
    }

    @Test
    void aNewFleetSourceIsSavedAtOnceAndAnnouncedKeepingTheRest() {
        Remembering store = new Remembering();
        TileSettings tiles = new TileSettings(true, "https://t.example/{z}/{x}/{y}.png", "T", 10, null);
        store.saved = Settings.DEFAULTS.with(TileSettings.SECTION, tiles);
        ShellViewModel vm = new ShellViewModel(store, store.read());
        assertThat(vm.sourceProperty().get()).isEqualTo(SourceSettings.DEMO);
        List<SourceSettings> seen = new ArrayList<>();
        vm.sourceProperty().addListener((o, a, s) -> seen.add(s));

        SourceSettings aws = SourceSettings.DEMO.withKind(SourceSettings.Kind.AWS)
                .withEnvironments(List.of(Environment.of("prod-eu", "noc", "eu-west-1", "")));
        vm.applySource(aws);

        assertThat(seen).containsExactly(aws);
        // Saved again unchanged (Save without a change): written, but nothing switches.
        store.saved = Settings.DEFAULTS;
        vm.applySource(SourceSettings.DEMO.withKind(SourceSettings.Kind.AWS)
                .withEnvironments(List.of(Environment.of("prod-eu", "noc", "eu-west-1", ""))));
        assertThat(seen).containsExactly(aws);
        assertThat(store.saved.get(SourceSettings.SECTION)).isEqualTo(aws);
        store.saved = store.saved.with(TileSettings.SECTION, tiles);
        assertThat(store.saved.get(SourceSettings.SECTION)).isEqualTo(aws);
        assertThat(store.saved.get(TileSettings.SECTION)).isEqualTo(tiles);
        assertThat(new ShellViewModel(store, store.read()).sourceProperty().get()).isEqualTo(aws);
    }

    @Test
    void anUnknownRememberedScreenFallsBackToTheTable() {
        Remembering store = new Remembering();
        store.saved = Settings.DEFAULTS.with(WindowSettings.SECTION,
                WindowSettings.DEFAULT.withLook(false, "NO_SUCH_SCREEN"));
        assertThat(new ShellViewModel(store, store.read()).screenProperty().get()).isEqualTo(Screen.FLEET_TABLE);
    }

    @Test
    void theBannerOfUnreadableSettingsGoesOnceSavedSettingsCanBeRead() {
        Remembering store = new Remembering();
        store.saved = Settings.unreadable(new Problem("settings.unreadable.at", "settings.json", 3, 7, "a comma"));
        ShellViewModel vm = new ShellViewModel(store, store.read());
        vm.addBanner(new Banner(Banner.Kind.WARNING, "Settings", "unreadable", ShellViewModel.SETTINGS_TOPIC, "",
                null));
        vm.addBanner(new Banner(Banner.Kind.INFO, "Other", "stays"));

        store.saved = Settings.DEFAULTS; // the store kept the old file beside and wrote a new one
        vm.applySource(SourceSettings.DEMO.withImportFile("/srv/sites.csv"));

        assertThat(vm.banners()).extracting(Banner::title).containsExactly("Other");
    }
}
