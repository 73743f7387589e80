package io.camfleet.console.app;

import io.camfleet.console.adapter.webhook.LoopbackReceiver;
import io.camfleet.console.adapter.webhook.LoopbackReceiver.Answer;
import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertRules;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.service.alerts.AlertDelivery;
import io.camfleet.console.service.alerts.AlertNotice;
import io.camfleet.console.service.alerts.AlertRoutesSettings;
import io.camfleet.console.service.alerts.AlertSettings;
import io.camfleet.console.service.alerts.RouteKind;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.scene.Node;
import javafx.scene.control.Label;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings › Alert routes and the desktop notification, in the real window: a route is added through the form (a bad
 * URL refused with a sentence), a missing secret shows on its row, "Send a test" reaches a loopback receiver, the
 * desktop options are saved at once; a raised alert shows a notification whose click opens its site on the map, and a
 * delivery given up on shows as a banner.
 */
@ExtendWith(ApplicationExtension.class)
class AlertRoutesUiTest {

    @TempDir
    Path dir;
    private final WindowFixture window = new WindowFixture();
    private LoopbackReceiver receiver;

    @Start
    void start(Stage stage) throws Exception {
        receiver = new LoopbackReceiver();
        // The demo's own outage would raise alerts of its own: thresholds of a week keep it quiet, so that the only
        // alert is the one this test sends.
        int week = 7 * 24 * 60;
        SettingsFile.in(Files.createDirectories(dir.resolve("data"))).write(AlertSettings.SECTION,
                new AlertRules(week, week, week, 2, 14.4, 6.0));
        window.open(stage, dir.resolve("data"), 60, WindowFixture.sized(1300, 860));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        receiver.close();
    }

    private AlertRoutesSettings saved() {
        return SettingsFile.in(dir.resolve("data")).read().get(AlertRoutesSettings.SECTION);
    }

    private static void type(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        WaitForAsyncUtils.asyncFx(() -> field.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> routes(FxRobot robot) {
        return (TableView<Object>) robot.lookup("#alert-routes-table").queryAs(TableView.class);
    }

    private static String rowText(FxRobot robot, int row) {
        TableView<Object> t = routes(robot);
        return t.getItems().size() <= row ? "" : t.getItems().get(row).toString();
    }

    private static void openForm(FxRobot robot, String button) throws Exception {
        robot.clickOn(button);
        waitFor(() -> robot.lookup("#alert-route-name").tryQuery().map(Node::isVisible).orElse(false));
    }

    @Test
    void routesAreAddedTestedAndSavedAndAnAlertShowsOnTheDesktop(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#fleet-sites").tryQuery()
                .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        robot.clickOn("#nav-settings");
        waitFor(() -> robot.lookup("#settings-tiles-url").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("Alert routes");
        waitFor(() -> robot.lookup("#alert-routes-add").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        ScreenShots.save(robot.lookup("#alert-routes-table").query().getScene(), "settings-alert-routes-empty");

        // A webhook with an address that cannot work: the form says why and stays open; nothing is saved.
        openForm(robot, "#alert-routes-add");
        type(robot, "#alert-route-name", "NOC hook");
        type(robot, "#alert-route-url", "hooks.example.com/camfleet");
        robot.clickOn("#alert-route-ok");
        waitFor(() -> robot.lookup("#alert-route-problem").tryQuery().map(n -> ((Label) n).getText()
                .startsWith("The URL hooks.example.com/camfleet of the route NOC hook cannot be used")).orElse(false));
        ScreenShots.save(robot.lookup("#alert-route-problem").query().getScene(), "alert-route-form");
        assertThat(saved().routes()).isEmpty();
        type(robot, "#alert-route-url", receiver.url("/hook"));
        robot.clickOn("#alert-route-ok");
        waitFor(() -> robot.lookup("#alert-route-ok").tryQuery().isEmpty());
        waitFor(() -> saved().routes().size() == 1);
        assertThat(saved().routes().get(0).url()).isEqualTo(receiver.url("/hook"));

        // PagerDuty with its key in an environment variable this console does not have: the row says so.
        Path key = Files.writeString(dir.resolve("pd.key"), "R0UT1NGK3Y\n");
        openForm(robot, "#alert-routes-add");
        type(robot, "#alert-route-name", "On-call");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#alert-route-kind")
                .queryAs(javafx.scene.control.ChoiceBox.class).setValue(RouteKind.PAGERDUTY));
        WaitForAsyncUtils.waitForFxEvents();
        type(robot, "#alert-route-secret", "CAMFLEET_PD_KEY");
        robot.clickOn("#alert-route-ok");
        waitFor(() -> routes(robot).getItems().size() == 2
                && rowText(robot, 1).contains("the environment variable CAMFLEET_PD_KEY is not set"));
        assertThat(saved().routes().get(1).url()).isEqualTo("https://events.pagerduty.com/v2/enqueue");
        assertThat(Files.readString(dir.resolve("data/settings.json"))).contains("env:CAMFLEET_PD_KEY")
                .doesNotContain("R0UT1NGK3Y");
        assertThat(key).exists();

        // Send a test through the webhook: the receiver gets it, and the row shows it delivered.
        robot.interact(() -> routes(robot).getSelectionModel().select(0));
        robot.clickOn("#alert-routes-test");
        assertThat(receiver.next(20)).isNotNull();
        waitFor(() -> rowText(robot, 0).contains("Delivered") && rowText(robot, 0).contains("(test)"));
        robot.interact(() -> routes(robot).getSelectionModel().select(1));
        waitFor(() -> robot.lookup("#alert-routes-last").queryAs(Label.class).getText().equals("On-call: The route"
                + " On-call cannot send: the environment variable CAMFLEET_PD_KEY is not set in the console's"
                + " environment. Set it and restart the console."));

        // The desktop options are saved as they are ticked.
        robot.clickOn("#alert-routes-sound");
        waitFor(() -> saved().sound());
        ScreenShots.save(robot.lookup("#alert-routes-table").query().getScene(), "settings-alert-routes");
        robot.clickOn("Cancel");
        waitFor(() -> robot.lookup("#alert-routes-table").tryQuery().isEmpty());

        // A raised alert: a notification in the corner; its click opens the site on the map.
        String siteId = window.services().fleet().current().sites().get(3).site().id();
        String siteName = window.services().fleet().current().sites().get(3).site().name();
        receiver.then(Answer.status(400, "{\"message\":\"Event object is invalid\"}"));
        window.services().part(AlertDelivery.class).send(new AlertNotice(5, "camfleet-SITE_OFFLINE-" + siteId + "-5",
                AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, siteId, siteId, "Site " + siteName
                + " is dark: 8 of 8 cameras offline for 6 min", AlertStatus.RAISED, Instant.now(), "", ""));
        waitFor(() -> robot.lookup(".toast").tryQuery().map(Node::isVisible).orElse(false));
        Node toast = robot.lookup(".toast").query();
        assertThat(((atlantafx.base.controls.Message) toast).getTitle()).isEqualTo("Critical alert");
        assertThat(((atlantafx.base.controls.Message) toast).getDescription()).isEqualTo("Site " + siteName
                + " is dark: 8 of 8 cameras offline for 6 min\nClick to open the site on the map.");

        // The webhook refused it (400): given up at once, and a banner says so across the window.
        waitFor(() -> robot.lookup((Node n) -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().equals("An alert did not reach NOC hook") && n.isVisible()).tryQuery().isPresent());
        ScreenShots.save(robot.lookup("#fleet-sites").query().getScene(), "alert-notification-and-banner");

        robot.clickOn(toast);
        waitFor(() -> robot.lookup("#fleet-map").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup(".toast").tryQuery()).as("a click takes it away").isEmpty();
    }
}
