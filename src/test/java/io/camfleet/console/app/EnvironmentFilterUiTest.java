package io.camfleet.console.app;

import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.environments.FakeEnvironmentReader;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import io.camfleet.console.ui.fleettable.SiteRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet synced from named environments: the table shows an Environment column, the filter bar an Environment menu,
 * and an environment chosen on the table filters the map too.
 */
@ExtendWith(ApplicationExtension.class)
class EnvironmentFilterUiTest {

    private static final String[] ENVIRONMENTS = {"prod-eu", "prod-us", "staging"};

    @TempDir
    Path dir;
    private final WindowFixture window = new WindowFixture();

    @Start
    void start(Stage stage) {
        TestFleetSource source = new TestFleetSource("AWS", now -> {
            List<Site> sites = new ArrayList<>();
            List<CameraSystem> cameras = new ArrayList<>();
            Map<String, CameraTelemetry> telemetry = new HashMap<>();
            for (int i = 0; i < 30; i++) {
                String id = "S-" + i;
                sites.add(new Site(id, "Site " + i, "Customer " + (i % 4), "NL", "EU", 50.0 + i * 0.2, 4.0 + i * 0.3,
                        "Europe/Amsterdam", SlaTier.GOLD, "", ENVIRONMENTS[i % 3]));
                cameras.add(Fleets.camera(id + "-C01", id, "6.4.2"));
                telemetry.put(id + "-C01", Fleets.beating(now));
            }
            return new FleetData(sites, cameras, telemetry);
        });
        window.open(stage, dir.resolve("data"), runtime -> source,
                WindowFixture.sized(1400, 860), new FakeEnvironmentReader(List.of()));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<SiteRow> sites(FxRobot robot) {
        return (TableView<SiteRow>) robot.lookup("#fleet-sites").queryAs(TableView.class);
    }

    private static MenuButton environmentMenu(FxRobot robot) {
        return robot.lookup(".environment-filter").match(Node::isVisible).queryAs(MenuButton.class);
    }

    @Test
    void theEnvironmentChipFiltersTheTableAndTheMap(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#fleet-sites").tryQuery().isPresent() && sites(robot).getItems().size() == 30);
        TableColumn<SiteRow, ?> column = sites(robot).getColumns().stream()
                .filter(c -> c.getText().equals("Environment")).findFirst().orElseThrow();
        assertThat(column.isVisible()).isTrue();
        assertThat(environmentMenu(robot).getItems()).extracting(i -> i.getText())
                .containsExactly("prod-eu", "prod-us", "staging");

        robot.clickOn(environmentMenu(robot));
        // The menu's item, not one of the table's cells that say the same.
        robot.clickOn(robot.lookup(".context-menu .label").match(LabeledMatchers.hasText("prod-us"))
                .queryAs(Node.class));
        waitFor(() -> sites(robot).getItems().size() == 10);
        assertThat(sites(robot).getItems()).allMatch(r -> r.summary().site().environment().equals("prod-us"));
        waitFor(() -> robot.lookup(".active-chip").tryQuery().map(n -> ((Button) n).getText())
                .orElse("").equals("Environment: prod-us"));
        ScreenShots.save(robot.lookup("#fleet-sites").query().getScene(), "environment-filter-table");

        // The map shares the filter: the same chip, the same ten sites.
        robot.clickOn("#nav-fleet_map");
        waitFor(() -> robot.lookup(".map-count").tryQuery().isPresent());
        waitFor(() -> robot.lookup(".active-chip").match(Node::isVisible).tryQuery().isPresent());
        ScreenShots.save(robot.lookup("#fleet-map").query().getScene(), "environment-filter-map");
        robot.clickOn(robot.lookup(".active-chip").match(Node::isVisible).queryAs(Button.class));
        robot.clickOn("#nav-fleet_table");
        waitFor(() -> sites(robot).getItems().size() == 30);
    }
}
