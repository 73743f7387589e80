package io.camfleet.console.app;

import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.scene.control.TableView;
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
import static org.assertj.core.api.Assertions.assertThat;

/** A corrupt cache is moved aside, the operator is told in a banner, and the console still starts. */
@ExtendWith(ApplicationExtension.class)
class CorruptCacheUiTest {

    @TempDir
    Path dir;
    private final WindowFixture window = new WindowFixture();
    private final byte[] garbage = "this is not an H2 database, it is garbage written by a test".getBytes();

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve("cache.mv.db"), garbage);
        window.open(stage, data, 50);
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
    void theOperatorIsToldAndTheConsoleStillStarts(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup(".banners *").queryAll().stream().anyMatch(n -> text(n).contains("moved aside")));
        waitFor(() -> robot.lookup("#fleet-sites").queryAs(TableView.class).getItems().size() == 50);
        try (var files = Files.list(dir.resolve("data"))) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("cache.corrupt-")).findFirst()
                    .orElseThrow();
            assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
        }
    }
}
