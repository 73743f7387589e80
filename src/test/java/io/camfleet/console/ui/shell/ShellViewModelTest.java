package io.camfleet.console.ui.shell;

import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.settings.Preferences;
import io.camfleet.console.service.settings.PreferencesStore;
import io.camfleet.console.service.environments.SourceSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
    void anUnknownRememberedScreenFallsBackToTheTable() {
        Remembering store = new Remembering();
        store.saved = Preferences.DEFAULT.withLastScreen("NO_SUCH_SCREEN");
        assertThat(new ShellViewModel(store, store.load()).screenProperty().get()).isEqualTo(Screen.FLEET_TABLE);
    }
}
