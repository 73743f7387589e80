package io.camfleet.console.ui.shell;

import io.camfleet.console.service.Preferences;
import io.camfleet.console.service.PreferencesStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {

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
    }

    @Test
    void theWindowTheThemeAndTheLastScreenAreRememberedForNextTime() {
        Remembering store = new Remembering();
        ShellViewModel first = new ShellViewModel(store, store.load());
        assertThat(first.screenProperty().get()).isEqualTo(Screen.FLEET_TABLE);
        first.show(Screen.AUDIT);
        first.toggleTheme();
        first.remember(40, 60, 1700, 1000, false);

        ShellViewModel next = new ShellViewModel(store, store.load());
        assertThat(next.screenProperty().get()).isEqualTo(Screen.AUDIT);
        assertThat(next.darkThemeProperty().get()).isTrue();
        assertThat(next.preferences().windowX()).isEqualTo(40);
        assertThat(next.preferences().windowWidth()).isEqualTo(1700);
    }

    @Test
    void anUnknownRememberedScreenFallsBackToTheTable() {
        Remembering store = new Remembering();
        store.saved = Preferences.DEFAULT.withLastScreen("NO_SUCH_SCREEN");
        assertThat(new ShellViewModel(store, store.load()).screenProperty().get()).isEqualTo(Screen.FLEET_TABLE);
    }
}
