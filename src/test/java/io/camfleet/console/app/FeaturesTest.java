package io.camfleet.console.app;

import io.camfleet.console.app.features.Feature;
import io.camfleet.console.app.features.WindowContext;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.FakeEnvironmentReader;
import io.camfleet.console.service.fleet.FleetWatch;
import io.camfleet.console.service.common.SettingsSection;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ScreenRegistry;
import io.camfleet.console.ui.shell.ShellViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console is the sum of its features: their screens make the navigation, their parts an open data folder. */
class FeaturesTest {

    @TempDir
    Path dir;
    private final Messages m = new Messages(Locale.ENGLISH);

    private ConsoleRuntime runtime() {
        return new ConsoleRuntime(Clock.systemUTC(), Map.of(), dir.toString(), new Operator("tester", ""), m);
    }

    private static final class NoSaving implements SettingsStore {
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
    }

    @Test
    void theNavigationIsTheScreensTheFeaturesRegisterEachNamedInTheBundle() {
        ConsoleRuntime runtime = runtime();
        List<Feature> features = runtime.features(s -> cache -> runtime.demoFleet(10, 1),
                new FakeEnvironmentReader(List.of()));
        ShellViewModel shell = new ShellViewModel(new NoSaving(), Settings.DEFAULTS);
        WindowContext window = new WindowContext(m, ZoneOffset.UTC, dir, new FleetModel(Runnable::run, Runnable::run),
                new FleetWatch(FleetWatch.Loads.on(Runnable::run), null), new BackgroundTasks(Runnable::run),
                Runnable::run, shell);
        ScreenRegistry.Builder builder = ScreenRegistry.builder();
        features.forEach(f -> f.window(window, builder));
        ScreenRegistry screens = builder.build();

        assertThat(screens.screens()).extracting(Screen::id)
                .containsExactly("FLEET_MAP", "FLEET_TABLE", "DEPLOYMENTS", "AUDIT", "ALERTS", "KPI", "DEVICES",
                        "SUPPORT", "ESTATE", "REPORTS");
        assertThat(screens.home().id()).isEqualTo("FLEET_TABLE");
        assertThat(screens.screens()).allSatisfy(s -> assertThat(m.has(s.key())).as(s.key()).isTrue());
        assertThat(screens.settings()).as("the settings feature opens Settings").isPresent();
        assertThatThrownBy(window::session).as("no screen is built before the folder is open")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyCommandComesFromAFeatureOnce() {
        List<String> names = runtime().commands(m).stream()
                .map(c -> c.getClass().getAnnotation(CommandLine.Command.class).name()).sorted().toList();
        assertThat(names).containsExactly("alerts", "audit", "availability", "backup", "cost", "demo", "deploy",
                "devices", "diag", "env", "findings", "fleet", "images", "import", "kpi", "map", "report", "restore",
                "runbooks", "sync", "ticket", "timeline");
    }

    @Test
    void anOpenDataFolderIsMadeOfTheFeaturesParts() {
        try (ConsoleBackend.Session session = runtime().open(dir.resolve("data"))) {
            assertThat(session.fleet().sourceName()).isEqualTo("Demo fleet");
            assertThat(session.maps()).isNotNull();
            assertThat(session.deployments()).isSameAs(session.deployments());
            assertThat(session.rollouts().runningCount()).isZero();
            assertThat(session.environments()).as("the demo is not synced from AWS").isEmpty();
            assertThatThrownBy(() -> session.part(StringBuilder.class)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No feature adds a StringBuilder");
        }
    }
}
