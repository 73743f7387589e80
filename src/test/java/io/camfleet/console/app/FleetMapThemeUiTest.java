package io.camfleet.console.app;

import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.map.MapPainter;
import io.camfleet.console.service.map.MapStyle;
import io.camfleet.console.ui.common.FxMapCanvas;
import io.camfleet.console.ui.common.HealthStyle;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Locale;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The map's legend follows the theme: nothing of one theme's drawing stays behind in the other. */
@ExtendWith(ApplicationExtension.class)
class FleetMapThemeUiTest {

    @TempDir
    Path dir;
    private final WindowFixture window = new WindowFixture();
    private final Messages m = new Messages(Locale.ENGLISH);

    @Start
    void start(Stage stage) {
        window.open(stage, dir.resolve("data"), 100, WindowFixture.sized(1400, 900));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static int[] pixels(Canvas c) {
        SnapshotParameters transparent = new SnapshotParameters();
        transparent.setFill(Color.TRANSPARENT);
        WritableImage img = c.snapshot(transparent, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = img.getPixelReader().getArgb(x, y);
            }
        }
        return out;
    }

    /** Each legend glyph is, pixel for pixel, the marker a map of this theme draws. */
    private void legendIsDrawnIn(FxRobot robot, boolean dark) throws Exception {
        for (HealthState s : HealthState.all()) {
            Canvas glyph = robot.lookup(".legend-row").queryAll().stream()
                    .filter(n -> ((Label) n).getText().equals(m.text(HealthStyle.key(s))))
                    .map(n -> (Canvas) ((Label) n).getGraphic()).findFirst().orElseThrow();
            int[][] seen = new int[2][];
            WaitForAsyncUtils.asyncFx(() -> {
                Canvas expected = new Canvas(glyph.getWidth(), glyph.getHeight());
                new MapPainter(MapStyle.of(dark)).marker(new FxMapCanvas(expected.getGraphicsContext2D()), 9, 9, s,
                        5.5);
                seen[0] = pixels(glyph);
                seen[1] = pixels(expected);
            }).get();
            assertThat(seen[0]).as("%s in the %s legend", s, dark ? "dark" : "light").isEqualTo(seen[1]);
        }
    }

    @Test
    void theLegendIsRedrawnInTheThemeSwitchedTo(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#nav-fleet_map").tryQuery().isPresent());
        robot.clickOn("#nav-fleet_map");
        waitFor(() -> robot.lookup("#fleet-map").tryQuery().map(Node::isVisible).orElse(false));
        legendIsDrawnIn(robot, false);
        robot.clickOn("#nav-theme");
        WaitForAsyncUtils.waitForFxEvents();
        legendIsDrawnIn(robot, true);
        robot.clickOn("#nav-theme");
        WaitForAsyncUtils.waitForFxEvents();
        legendIsDrawnIn(robot, false);
        ScreenShots.save(robot.lookup("#fleet-map").query().getScene(), "map-light-after-dark");
    }
}
