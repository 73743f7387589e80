package io.camfleet.console.ui.shell;

import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SettingsSection;
import io.camfleet.console.service.map.TileSettings;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.environments.SourceSettings;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellViewModelTest {

    private static final Screen MAP = new Screen("FLEET_MAP", Material2MZ.PUBLIC);
    private static final Screen TABLE = new Screen("FLEET_TABLE", Material2MZ.TABLE_CHART);
    private static final Screen AUDIT = new Screen("AUDIT", Material2MZ.POLICY);
    /** The screens as features register them: the map first in the navigation, the table shown first. */
    private static final ScreenRegistry SCREENS = ScreenRegistry.builder()
            .add(MAP, () -> null).add(TABLE, () -> null).add(AUDIT, () -> null).home(TABLE).build();

    private static ShellViewModel shell(SettingsStore store) {
        ShellViewModel vm = new ShellViewModel(store, store.read());
        vm.useScreens(SCREENS);
        return vm;
    }

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
        ShellViewModel first = shell(store);
        assertThat(first.screenProperty().get()).isEqualTo(TABLE);
        first.show(AUDIT);
        first.toggleTheme();
        first.remember(40, 60, 1700, 1000, false);

        ShellViewModel next = shell(store);
        assertThat(next.screenProperty().get()).isEqualTo(AUDIT);
        assertThat(next.darkThemeProperty().get()).isTrue();
        assertThat(next.window().x()).isEqualTo(40);
        assertThat(next.window().width()).isEqualTo(1700);
    }

    @Test
    void aNewFleetSourceIsSavedAtOnceAndAnnouncedKeepingTheRest() {
        Remembering store = new Remembering();
        TileSettings tiles = new TileSettings(true, "https://t.example/{z}/{x}/{y}.png", "T", 10, null);
        store.saved = Settings.DEFAULTS.with(TileSettings.SECTION, tiles);
        ShellViewModel vm = shell(store);
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
        assertThat(shell(store).sourceProperty().get()).isEqualTo(aws);
    }

    @Test
    void anUnknownRememberedScreenFallsBackToTheHomeScreen() {
        Remembering store = new Remembering();
        store.saved = Settings.DEFAULTS.with(WindowSettings.SECTION,
                WindowSettings.DEFAULT.withLook(false, "NO_SUCH_SCREEN"));
        assertThat(shell(store).screenProperty().get()).isEqualTo(TABLE);
    }

    @Test
    void theBannerOfUnreadableSettingsGoesOnceSavedSettingsCanBeRead() {
        Remembering store = new Remembering();
        store.saved = Settings.unreadable(new Problem("settings.unreadable.at", "settings.json", 3, 7, "a comma"));
        ShellViewModel vm = shell(store);
        vm.addBanner(new Banner(Banner.Kind.WARNING, "Settings", "unreadable", ShellViewModel.SETTINGS_TOPIC, "",
                null));
        vm.addBanner(new Banner(Banner.Kind.INFO, "Other", "stays"));

        store.saved = Settings.DEFAULTS; // the store kept the old file beside and wrote a new one
        vm.applySource(SourceSettings.DEMO.withImportFile("/srv/sites.csv"));

        assertThat(vm.banners()).extracting(Banner::title).containsExactly("Other");
    }

    @Test
    void showingAScreenNobodyRegisteredFailsAtOnceNamingIt() {
        ShellViewModel vm = shell(new Remembering());
        Screen images = new Screen("IMAGES", Material2MZ.PUBLIC);
        assertThatThrownBy(() -> vm.show(images)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No feature registered the screen IMAGES");
        assertThat(vm.screenProperty().get()).as("still where it was").isEqualTo(TABLE);
    }
}
