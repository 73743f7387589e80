package io.camfleet.console.app;

import io.camfleet.console.ui.common.ScreenShots;
import javafx.scene.Node;
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

import java.nio.file.Files;
import java.nio.file.Path;

import static io.camfleet.console.app.WindowFixture.waitFor;

/**
 * A broken runbook file in the data folder: the window opens all the same, a banner names the file, its line and
 * the reason, and once the file is fixed "Reload runbooks" reads it and the banner goes.
 */
@ExtendWith(ApplicationExtension.class)
class RunbookFilesUiTest {

    @TempDir
    Path dir;
    private final WindowFixture window = new WindowFixture();

    private Path runbooks() {
        return dir.resolve("data").resolve("runbooks");
    }

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(runbooks());
        Files.writeString(runbooks().resolve("chrony.yaml"), RunbookFilesCommandTest.GOOD);
        Files.writeString(runbooks().resolve("disk.yaml"), RunbookFilesCommandTest.BROKEN);
        window.open(stage, dir.resolve("data"), 40, WindowFixture.sized(1400, 860));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static String text(Node n) {
        if (n instanceof Labeled l && l.getText() != null) {
            return l.getText();
        }
        return n instanceof Text t && t.getText() != null ? t.getText() : "";
    }

    private static boolean bannerSays(FxRobot robot, String words) {
        return robot.lookup(".banners *").queryAll().stream().anyMatch(n -> text(n).contains(words));
    }

    @Test
    void aBrokenRunbookFileIsABannerWithItsLineAndReloadingTheFixedFileClearsIt(FxRobot robot) throws Exception {
        waitFor(() -> bannerSays(robot, "Runbook file disk.yaml, line 5"));
        waitFor(() -> bannerSays(robot, "'commnd' is not a field here"));
        waitFor(() -> robot.lookup("#fleet-sites").queryAs(TableView.class).getItems().size() == 40);
        ScreenShots.save(robot.lookup(".banners").query().getScene(), "runbook-files-banner");

        Files.writeString(runbooks().resolve("disk.yaml"),
                RunbookFilesCommandTest.BROKEN.replace("commnd", "command"));
        robot.clickOn("Reload runbooks");

        waitFor(() -> !bannerSays(robot, "Runbook file"));
    }
}
