package io.camfleet.console.app;

import io.camfleet.console.ui.fleettable.SiteRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole window, headless: it starts on the demo fleet, switches screens, and the search box filters. */
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {

    @TempDir
    Path dir;
    private final WindowFixture window = new WindowFixture();

    @Start
    void start(Stage stage) {
        window.open(stage, dir.resolve("data"), 300);
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

    @Test
    void theShellStartsOnTheDemoFleetSwitchesScreensAndTheSearchFilters(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#fleet-sites").tryQuery().isPresent() && sites(robot).getItems().size() == 300);
        assertThat(robot.lookup("#status-source").queryLabeled().getText()).contains("Demo fleet", "300 sites");

        // The navigation lists the screens the features registered, and nothing that is not built.
        assertThat(robot.lookup(".nav-item").queryAll().stream().map(Node::getId).toList())
                .containsExactly("nav-fleet_map", "nav-fleet_table", "nav-deployments", "nav-audit", "nav-alerts",
                        "nav-kpi", "nav-devices", "nav-support", "nav-estate", "nav-reports");
        assertThat(robot.lookup("#nav-settings").tryQuery()).as("the settings feature opens Settings").isPresent();

        // Ctrl+9 is the AWS estate; on the demo, with no AWS environment, it says where to add one.
        ctrl(robot, KeyCode.DIGIT9);
        waitFor(() -> robot.lookup("#estate-none").tryQuery().map(Node::isVisible).orElse(false));

        // Ctrl+0 is the tenth screen, the reports; its regions are the demo fleet's.
        ctrl(robot, KeyCode.DIGIT0);
        waitFor(() -> robot.lookup("#report-regions").tryQuery().map(Node::isVisible).orElse(false)
                && !robot.lookup("#report-regions").queryListView().getItems().isEmpty());

        // Ctrl+4 is the audit screen; the console's own load of the fleet is on the trail.
        ctrl(robot, KeyCode.DIGIT4);
        waitFor(() -> robot.lookup("#audit-verify").tryQuery().map(Node::isVisible).orElse(false));
        waitFor(() -> robot.lookup("#audit-events").queryAs(TableView.class).getItems().size() >= 2);
        ctrl(robot, KeyCode.F);
        waitFor(() -> robot.lookup("#audit-search").queryAs(TextField.class).isFocused());

        // A screen without a search box sends Ctrl+F to the fleet table's.
        ctrl(robot, KeyCode.DIGIT3);
        waitFor(() -> robot.lookup("#deployments").tryQuery().map(Node::isVisible).orElse(false));
        ctrl(robot, KeyCode.F);
        TextField search = robot.lookup("#fleet-search").queryAs(TextField.class);
        waitFor(search::isFocused);

        // Typing filters the table as you type.
        String id = sites(robot).getItems().get(0).id();
        robot.write(id);
        waitFor(() -> sites(robot).getItems().size() == 1);
        assertThat(sites(robot).getItems().get(0).id()).isEqualTo(id);
        assertThat(robot.lookup(".fleet-table .label").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && "1 of 300 sites".equals(l.getText()))).isTrue();

        // Escape clears it.
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitFor(() -> sites(robot).getItems().size() == 300);

        // Back and forth through the navigation keeps the screen as it was.
        robot.clickOn("#nav-audit");
        robot.clickOn("#nav-fleet_table");
        waitFor(() -> sites(robot).isVisible());

        // Selecting a site shows its cameras.
        robot.clickOn(robot.lookup(".sites .table-row-cell").nth(0).queryAs(Node.class));
        waitFor(() -> robot.lookup("#fleet-cameras").queryAs(TableView.class).getItems().size() > 0);
    }
}
