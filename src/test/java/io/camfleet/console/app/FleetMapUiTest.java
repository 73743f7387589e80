package io.camfleet.console.app;

import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.ui.fleettable.SiteRow;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The map and the table share one selection and one filter, both ways. */
@ExtendWith(ApplicationExtension.class)
class FleetMapUiTest {

    @TempDir
    Path dir;
    private final WindowFixture window = new WindowFixture();

    @Start
    void start(Stage stage) {
        window.open(stage, dir.resolve("data"), 300,
                WindowFixture.sized(1400, 900));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<SiteRow> sites(FxRobot robot) {
        return (TableView<SiteRow>) robot.lookup("#fleet-sites").queryAs(TableView.class);
    }

    private static void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    private static String detailName(FxRobot robot) {
        return robot.lookup("#site-detail-name").tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    /** Sites on the map, from the counts in its corner. */
    private static int mapSites(FxRobot robot) {
        return robot.lookup(".map-count").queryAll().stream()
                .mapToInt(n -> Integer.parseInt(((Label) n).getText().replace(",", ""))).sum();
    }

    private static Point2D mapCentre(FxRobot robot) {
        Bounds b = robot.lookup("#fleet-map").query().localToScreen(robot.lookup("#fleet-map").query()
                .getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    @Test
    void selectionAndFiltersAreSharedBetweenMapAndTable(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#fleet-sites").tryQuery().isPresent() && sites(robot).getItems().size() == 300);
        // The rows are drawn a pulse after the items arrive; on a busy machine that takes a moment.
        waitFor(() -> robot.lookup(".sites .table-row-cell").queryAll().size() > 11);
        SiteRow chosen = sites(robot).getItems().get(4);
        SiteRow other = sites(robot).getItems().get(11);

        // Table to map: the row picked in the table is the map's selection.
        robot.clickOn(robot.lookup(".sites .table-row-cell").nth(4).queryAs(Node.class));
        waitFor(() -> detailName(robot).equals(chosen.summary().site().name()));
        ctrl(robot, KeyCode.DIGIT1);
        waitFor(() -> robot.lookup("#fleet-map").tryQuery().map(Node::isVisible).orElse(false));
        waitFor(() -> detailName(robot).equals(chosen.summary().site().name()));
        robot.clickOn("#map-fitselection");
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(mapCentre(robot));
        waitFor(() -> robot.lookup("#map-tip").queryLabeled().isVisible()
                && robot.lookup("#map-tip").queryLabeled().getText().startsWith(chosen.summary().site().name()));
        ScreenShots.save(robot.lookup("#fleet-map").query().getScene(), "map-selected-site");

        // The filter typed on the map is the table's filter; a site clicked on the map is selected in the table.
        robot.clickOn("#map-search").write(other.id());
        waitFor(() -> mapSites(robot) == 1);
        robot.clickOn("#map-fitall");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(mapCentre(robot), MouseButton.PRIMARY);
        waitFor(() -> detailName(robot).equals(other.summary().site().name()));
        ctrl(robot, KeyCode.DIGIT2);
        waitFor(() -> sites(robot).isVisible());
        assertThat(sites(robot).getSelectionModel().getSelectedItem()).isSameAs(other);
        assertThat(robot.lookup(".fleet-table .label").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && "1 of 300 sites".equals(l.getText()))).isTrue();

        // A box dragged with Shift on the map selects every site inside it, in the table too.
        robot.clickOn("#fleet-search").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitFor(() -> sites(robot).getItems().size() == 300);
        ctrl(robot, KeyCode.DIGIT1);
        robot.clickOn("#map-fitall");
        WaitForAsyncUtils.waitForFxEvents();
        Bounds map = robot.lookup("#fleet-map").query().localToScreen(robot.lookup("#fleet-map").query()
                .getBoundsInLocal());
        robot.press(KeyCode.SHIFT);
        robot.drag(new Point2D(map.getMinX() + 60, map.getMinY() + 60), MouseButton.PRIMARY)
                .dropTo(new Point2D(map.getMaxX() - 8, map.getMaxY() - 8));
        robot.release(KeyCode.SHIFT);
        ScreenShots.save(robot.lookup("#fleet-map").query().getScene(), "map-box-selection");
        ctrl(robot, KeyCode.DIGIT2);
        waitFor(() -> sites(robot).getSelectionModel().getSelectedItems().size() > 50);
    }
}
