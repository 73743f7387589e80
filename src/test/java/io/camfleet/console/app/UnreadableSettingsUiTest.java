package io.camfleet.console.app;

import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.ui.shell.WindowSettings;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A settings.json with two AWS environments and one stray comma: the window says so where the operator looks,
 * naming the file, the line and the column, runs on the defaults, and leaves the file as it is.
 */
@ExtendWith(ApplicationExtension.class)
class UnreadableSettingsUiTest {

    /** Two environments, and a comma after the last one. */
    static final String STRAY_COMMA = """
            {
              "version" : 1,
              "theme" : "light",
              "source" : {
                "kind" : "AWS",
                "environments" : [ {
                  "label" : "prod-eu",
                  "profile" : "noc-prod",
                  "region" : "eu-west-1"
                }, {
                  "label" : "prod-us",
                  "profile" : "noc-prod",
                  "region" : "us-east-1"
                }, ]
              }
            }
            """;

    @TempDir
    Path dir;
    private final WindowFixture window = new WindowFixture();
    private Stage stage;

    private Path data() {
        return dir.resolve("data");
    }

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(data());
        Files.writeString(data().resolve("settings.json"), STRAY_COMMA);
        // As DesktopConsole opens the window: with the settings as the folder's store reads them.
        this.stage = stage;
        window.open(stage, data(), 40, SettingsFile.in(data()).read().with(WindowSettings.SECTION,
                WindowSettings.DEFAULT.withBounds(0, 0, 1400, 860, false)));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static String text(javafx.scene.Node n) {
        if (n instanceof Labeled l && l.getText() != null) {
            return l.getText();
        }
        return n instanceof Text t && t.getText() != null ? t.getText() : "";
    }

    @Test
    void aBannerNamesTheFileLineAndColumnAndTheFileIsLeftAsItIs(FxRobot robot) throws Exception {
        List<String> lines = STRAY_COMMA.lines().toList();
        int line = lines.indexOf("    }, ]") + 1;
        String where = data().resolve("settings.json") + " cannot be read at line " + line + ", column "
                + (lines.get(line - 1).indexOf(']') + 1);

        waitFor(() -> robot.lookup(".banners *").queryAll().stream().anyMatch(n -> text(n).contains(where)));
        assertThat(robot.lookup(".banners *").queryAll().stream().map(UnreadableSettingsUiTest::text))
                .anyMatch(t -> t.contains("runs on its defaults"));
        // The defaults: the demo fleet.
        waitFor(() -> robot.lookup("#fleet-sites").queryAs(TableView.class).getItems().size() == 40);
        ScreenShots.save(robot.lookup(".banners").query().getScene(), "settings-unreadable-banner");

        // The window remembers where it was as it closes: not in a file it cannot read.
        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
        assertThat(Files.readString(data().resolve("settings.json"))).isEqualTo(STRAY_COMMA);
        try (var files = Files.list(data())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("settings.json."));
        }
    }

    @Test
    void savingSettingsStartsANewFileAndKeepsTheUnreadableOneBesideIt(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup(".banners *").queryAll().stream().anyMatch(n -> text(n).contains("cannot be read at line")));
        robot.clickOn("#nav-settings");
        waitFor(() -> robot.lookup("#settings-tabs").tryQuery().isPresent());
        ScreenShots.save(robot.lookup("#settings-tabs").query().getScene(), "settings-dialog");
        robot.clickOn("Save");
        waitFor(() -> robot.lookup("#settings-tabs").tryQuery().isEmpty());

        try (var files = Files.list(data())) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("settings.json.unreadable-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo(STRAY_COMMA);
        }
        assertThat(SettingsFile.in(data()).read().problems()).isEmpty();
        waitFor(() -> robot.lookup(".banners *").queryAll().stream().noneMatch(n -> text(n).contains("cannot be read at line")));
    }
}
