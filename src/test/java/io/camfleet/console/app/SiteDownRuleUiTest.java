package io.camfleet.console.app;

import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.environments.FakeEnvironmentReader;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.ui.fleettable.SiteRow;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site-down rule in the real window: a site with 7 of 8 cameras online is Degraded with its offline camera
 * counted in the table, the site detail, the map and the status bar, the rule in force is said beside them, and a
 * rule changed in Settings, Availability applies to the live fleet at once; a bad value is refused with a sentence.
 */
@ExtendWith(ApplicationExtension.class)
class SiteDownRuleUiTest {

    @TempDir
    Path dir;
    private final WindowFixture window = new WindowFixture();

    /** Rotterdam: 7 of 8 cameras online, 1 silent for an hour. Antwerp: dark, 3 of 3 silent. Delft: 2 of 2 online. */
    private static FleetData fleet(Instant now) {
        List<CameraSystem> cameras = new ArrayList<>();
        Map<String, CameraTelemetry> telemetry = new HashMap<>();
        add(cameras, telemetry, "NL-ROT", 7, 1, now);
        add(cameras, telemetry, "BE-ANT", 0, 3, now);
        add(cameras, telemetry, "NL-DLF", 2, 0, now);
        return new FleetData(List.of(Fleets.site("NL-ROT", "Rotterdam Terminal", "Harbor & Rail Ports", "NL", "EU"),
                Fleets.site("BE-ANT", "Antwerp Yard", "Harbor & Rail Ports", "BE", "EU"),
                Fleets.site("NL-DLF", "Delft Depot", "Contoso Retail", "NL", "EU")), cameras, telemetry);
    }

    private static void add(List<CameraSystem> cameras, Map<String, CameraTelemetry> telemetry, String site,
                            int online, int silent, Instant now) {
        for (int i = 0; i < online + silent; i++) {
            String id = site + "-C0" + (i + 1);
            cameras.add(camera(id, site, "6.4.2"));
            telemetry.put(id, beating(i < online ? now : now.minus(Duration.ofHours(1))));
        }
    }

    @Start
    void start(Stage stage) {
        window.open(stage, dir.resolve("data"), runtime -> new TestFleetSource("Harbours", SiteDownRuleUiTest::fleet),
                WindowFixture.sized(1500, 900), new FakeEnvironmentReader(List.of()));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<SiteRow> sites(FxRobot robot) {
        return (TableView<SiteRow>) robot.lookup("#fleet-sites").queryAs(TableView.class);
    }

    /** The Health cell's text of the row of {@code siteName}, as drawn. */
    private static String healthCell(FxRobot robot, String siteName) {
        for (Node n : robot.lookup("#fleet-sites .health-cell").queryAll()) {
            TableCell<?, ?> cell = (TableCell<?, ?>) n;
            if (cell.getTableRow() != null && cell.getTableRow().getItem() instanceof SiteRow row
                    && row.summary().site().name().equals(siteName)) {
                return cell.getText();
            }
        }
        return "";
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private AvailabilitySettings saved() {
        return SettingsFile.in(dir.resolve("data")).read().get(AvailabilitySettings.SECTION);
    }

    @Test
    void sevenOfEightIsDegradedEverywhereAndARuleChangedInSettingsAppliesLive(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#fleet-sites").tryQuery().isPresent() && sites(robot).getItems().size() == 3);
        waitFor(() -> healthCell(robot, "Rotterdam Terminal").equals("Degraded \u00b7 1 offline"));
        waitFor(() -> healthCell(robot, "Antwerp Yard").equals("Offline")
                && healthCell(robot, "Delft Depot").equals("Online"));
        assertThat(label(robot, "#fleet-site-rule")).isEqualTo("A site is down when all its cameras are offline");
        assertThat(label(robot, "#status-count-offline")).isEqualTo("1");
        assertThat(label(robot, "#status-count-degraded")).isEqualTo("1");

        robot.clickOn("Rotterdam Terminal");
        waitFor(() -> label(robot, "#site-detail-state").equals("Degraded \u00b7 1 offline"));
        ScreenShots.save(robot.lookup("#fleet-sites").query().getScene(), "site-rule-table");

        robot.clickOn("#nav-fleet_map");
        waitFor(() -> robot.lookup("#map-legend-rule").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(label(robot, "#map-legend-rule")).isEqualTo("A site is down when all its cameras are offline");
        ScreenShots.save(robot.lookup("#map-legend-rule").query().getScene(), "site-rule-map");

        // Settings, Availability: a bad count is refused beside its field, and nothing is saved.
        robot.clickOn("#nav-settings");
        waitFor(() -> robot.lookup("#settings-tiles-url").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("Availability");
        waitFor(() -> robot.lookup("#settings-availability-rule").tryQuery().map(Node::isVisible).orElse(false));
        ComboBox<?> kind = robot.lookup("#settings-availability-rule").queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> kind.getSelectionModel().select(1)); // at least this many cameras
        WaitForAsyncUtils.waitForFxEvents();
        type(robot, "#settings-availability-threshold", "abc");
        type(robot, "#settings-availability-target-gold", "100");
        robot.clickOn("Save");
        waitFor(() -> label(robot, "#settings-availability-threshold-problem").equals(
                "'abc' is not a number of cameras: write a whole number from 1 up, such as 2."));
        assertThat(label(robot, "#settings-availability-target-gold-problem")).startsWith("'100' cannot be the Gold");
        ScreenShots.save(robot.lookup("#settings-tabs").query().getScene(), "settings-availability-refused");
        assertThat(saved()).isEqualTo(AvailabilitySettings.DEFAULT);

        // Down from one camera offline: Save, and Rotterdam is Offline at once, the rule said beside the table.
        type(robot, "#settings-availability-threshold", "1");
        type(robot, "#settings-availability-target-gold", "99.95");
        waitFor(() -> label(robot, "#settings-availability-says")
                .equals("A site is down when at least 1 of its cameras are offline"));
        ScreenShots.save(robot.lookup("#settings-tabs").query().getScene(), "settings-availability");
        robot.clickOn("Save");
        waitFor(() -> robot.lookup("#settings-tabs").tryQuery().isEmpty());
        assertThat(saved().rule()).isEqualTo(new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 1, false));
        assertThat(saved().targets().target(io.camfleet.console.domain.fleet.SlaTier.GOLD)).isEqualTo(99.95);

        waitFor(() -> label(robot, "#status-count-offline").equals("2"));
        robot.clickOn("#nav-fleet_table");
        waitFor(() -> healthCell(robot, "Rotterdam Terminal").equals("Offline"));
        assertThat(label(robot, "#fleet-site-rule")).isEqualTo("A site is down when at least 1 of its cameras are offline");
        ScreenShots.save(robot.lookup("#fleet-sites").query().getScene(), "site-rule-table-strict");
    }

    private static void type(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        WaitForAsyncUtils.asyncFx(() -> field.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
