package io.camfleet.console.app;

import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.service.settings.Settings;
import atlantafx.base.controls.Message;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.environments.SourceSettings;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** An imported registry as the window's fleet source: the fleet it holds, or every bad row on a banner. */
@ExtendWith(ApplicationExtension.class)
class ImportSourceUiTest {

    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private WindowFixture open(Path data, Path registry) {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), Map.of(), dir.resolve("home").toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        Settings preferences = WindowFixture.sized(1400, 900).with(SourceSettings.SECTION,
                SourceSettings.DEMO.withKind(SourceSettings.Kind.IMPORT).withImportFile(registry.toString()));
        WindowFixture window = new WindowFixture();
        WaitForAsyncUtils.asyncFx(() -> window.open(stage, data, runtime, runtime.source(preferences.get(SourceSettings.SECTION), 10, 1),
                preferences, runtime.environments(), settings -> runtime.source(settings, 10, 1)));
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }

    private static int rows(FxRobot robot) {
        return robot.lookup("#fleet-sites").tryQuery().map(n -> ((TableView<?>) n).getItems().size()).orElse(-1);
    }

    @Test
    void aGoodRegistryIsTheFleetAndABadOneListsItsRowsWhileTheCacheStillShows(FxRobot robot) throws Exception {
        Path registry = dir.resolve("sites.csv");
        Files.writeString(registry, """
                site_id,site_name,customer,country,latitude,longitude,timezone,camera_id
                AMS-1,Amsterdam Hub,Northwind,NL,52.37,4.89,Europe/Amsterdam,AMS-1-C1
                AMS-1,Amsterdam Hub,Northwind,NL,52.37,4.89,Europe/Amsterdam,AMS-1-C2
                BER-1,Berlin Yard,Acme,DE,52.52,13.40,Europe/Berlin,BER-1-C1
                """);
        Path data = dir.resolve("data");
        WindowFixture window = open(data, registry);
        try {
            waitFor(() -> rows(robot) == 2);
        } finally {
            window.close();
        }

        Files.writeString(registry, """
                site_id,site_name,customer,country,latitude,longitude,timezone,camera_id
                AMS-1,,Northwind,NL,52.37,4.89,Europe/Amsterdam,AMS-1-C1
                BER-1,Berlin Yard,Acme,DE,0,0,Europe/Berlin,BER-1-C1
                """);
        WindowFixture again = open(data, registry);
        try {
            waitFor(() -> !robot.lookup(n -> n instanceof Message).queryAll().isEmpty());
            Message banner = robot.lookup(n -> n instanceof Message).queryAs(Message.class);
            assertThat(banner.getDescription()).contains("2 rows are wrong", "Row 1: site_name is empty",
                    "Row 2: latitude and longitude are both 0");
            assertThat(rows(robot)).as("the cache's fleet still shows").isEqualTo(2);
            ScreenShots.save(banner.getScene(), "import-rejected");
        } finally {
            again.close();
        }
    }
}
