package io.camfleet.console.ui.shell;

import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.settings.Preferences;
import io.camfleet.console.service.settings.PreferencesStore;
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

    private static ShellViewModel shell(PreferencesStore store) {
        ShellViewModel vm = new ShellViewModel(store, store.load());
        vm.useScreens(SCREENS);
        return vm;
    }

    private static final class Remembering implements PreferencesStore {
        Preferences saved;

        @Override
        public Preferences load() {
            return saved == null ? Preferences.DEFAULT : saved;
        }

        @Override
        public void save(Preferences p) {
            saved = p;
        }

        @Override
        public Preferences read() {
            return load();
        }

        @Override
        public void write(Preferences p) {
            save(p);
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
        assertThat(next.preferences().windowX()).isEqualTo(40);
        assertThat(next.preferences().windowWidth()).isEqualTo(1700);
    }

    @Test
    void aNewFleetSourceIsSavedAtOnceAndAnnouncedKeepingTheRest() {
        Remembering store = new Remembering();
        store.saved = Preferences.DEFAULT.withDarkTheme(true);
        ShellViewModel vm = new ShellViewModel(store, store.load());
        assertThat(vm.sourceProperty().get()).isEqualTo(SourceSettings.DEMO);
        List<SourceSettings> seen = new ArrayList<>();
        vm.sourceProperty().addListener((o, a, s) -> seen.add(s));

        SourceSettings aws = SourceSettings.DEMO.withKind(SourceSettings.Kind.AWS)
                .withEnvironments(List.of(Environment.of("prod-eu", "noc", "eu-west-1", "")));
        vm.applySource(aws);

        assertThat(seen).containsExactly(aws);
        assertThat(store.saved.source()).isEqualTo(aws);
        assertThat(store.saved.darkTheme()).isTrue();
        assertThat(new ShellViewModel(store, store.load()).sourceProperty().get()).isEqualTo(aws);
    }

    @Test
    void anUnknownRememberedScreenFallsBackToTheHomeScreen() {
        Remembering store = new Remembering();
        // A screen of an older version, or one no feature registers any more (the placeholders were such).
        store.saved = Preferences.DEFAULT.withLastScreen("IMAGES");
        assertThat(shell(store).screenProperty().get()).isEqualTo(TABLE);
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
