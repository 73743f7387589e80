package io.camfleet.console.app;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.service.alerts.AlertDelivery;
import io.camfleet.console.service.alerts.AlertNotice;
import javafx.geometry.Bounds;
import org.testfx.util.WaitForAsyncUtils;
import java.time.Instant;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
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

/**
 * The whole window on the demo fleet, which starts with an ISP outage under way: the dark sites raise alerts from
 * the fleet's own news, the navigation counts them, and one opens on the map.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsUiTest {

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
    private static TableView<Alert> alerts(FxRobot robot) {
        return (TableView<Alert>) robot.lookup("#alerts-table").queryAs(TableView.class);
    }

    @Test
    void theDemosOutageRaisesAlertsThatTheBadgeCountsAndASiteAlertOpensOnTheMap(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#nav-alerts-badge").tryQuery().map(Node::isVisible).orElse(false));
        int badge = Integer.parseInt(robot.lookup("#nav-alerts-badge").queryAs(Label.class).getText());
        assertThat(badge).isPositive();

        robot.clickOn("#nav-alerts");
        waitFor(() -> robot.lookup("#alerts-table").tryQuery().isPresent()
                && alerts(robot).getItems().stream().anyMatch(a -> a.kind() == AlertKind.SITE_OFFLINE));
        Alert dark = alerts(robot).getItems().stream().filter(a -> a.kind() == AlertKind.SITE_OFFLINE).findFirst()
                .orElseThrow();
        assertThat(dark.summary()).contains("is down:");
        robot.interact(() -> alerts(robot).getSelectionModel().select(dark));

        // a critical alert's notification floats above the selected alert's detail, not over its buttons
        window.services().part(AlertDelivery.class).send(new AlertNotice(9_999, "camfleet-SITE_OFFLINE-x-9999",
                AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, dark.siteId(), dark.siteId(), dark.summary(),
                AlertStatus.RAISED, Instant.now(), "", ""));
        waitFor(() -> robot.lookup(".toast").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        Node detail = robot.lookup(".alert-detail").query();
        Bounds detailBounds = detail.localToScene(detail.getLayoutBounds());
        for (Node toast : robot.lookup(".toast").queryAll()) {
            Bounds b = toast.localToScene(toast.getLayoutBounds());
            assertThat(b.getMaxY()).as("toast above the detail").isLessThan(detailBounds.getMinY());
        }
        ScreenShots.save(robot.window(0).getScene(), "alerts-in-the-window");

        robot.clickOn("#alerts-open-on-map");
        waitFor(() -> robot.lookup("#nav-fleet_map").queryAs(ToggleButton.class).isSelected());
        // the map's site pane shows the alert's site, selected
        String name = dark.summary().substring("Site ".length(), dark.summary().indexOf(" (" + dark.siteId() + ")"));
        waitFor(() -> robot.lookup("#site-detail-name").queryAll().stream()
                .anyMatch(n -> n.isVisible() && n instanceof Label l && l.getText().contains(name)));
        ScreenShots.save(robot.window(0).getScene(), "alert-site-on-the-map");
    }
}
