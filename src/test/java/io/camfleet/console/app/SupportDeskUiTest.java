package io.camfleet.console.app;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.support.TicketFilter;
import io.camfleet.console.service.support.TicketService;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
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
import java.util.List;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when", in the whole window on the demo fleet (which starts with an outage under way): from an
 * OFFLINE site on the map to a ticket with diagnostics output in its timeline, in a few clicks and keys.
 */
@ExtendWith(ApplicationExtension.class)
class SupportDeskUiTest {

    @TempDir
    Path dir;
    private final WindowFixture window = new WindowFixture();

    @Start
    void start(Stage stage) {
        window.open(stage, dir.resolve("data"), 300, WindowFixture.sized(1600, 1000));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Alert> alerts(FxRobot robot) {
        return (TableView<Alert>) robot.lookup("#alerts-table").queryAs(TableView.class);
    }

    private List<TimelineEntry> outputs(Ticket t) {
        return window.services().part(TicketService.class).show(t.id()).timeline().stream()
                .filter(e -> e.kind() == TimelineEntry.Kind.COMMAND_OUTPUT).toList();
    }

    @Test
    void fromAnOfflineSiteOnTheMapToATicketWithDiagnosticsOutputInAFewClicks(FxRobot robot) throws Exception {
        // the way to a dark site on the map: its alert, "Open on map"
        robot.clickOn("#nav-alerts");
        waitFor(() -> robot.lookup("#alerts-table").tryQuery().isPresent()
                && alerts(robot).getItems().stream().anyMatch(a -> a.kind() == AlertKind.SITE_OFFLINE));
        Alert dark = alerts(robot).getItems().stream().filter(a -> a.kind() == AlertKind.SITE_OFFLINE).findFirst()
                .orElseThrow();
        robot.interact(() -> alerts(robot).getSelectionModel().select(dark));
        robot.clickOn("#alerts-open-on-map");
        waitFor(() -> robot.lookup("#nav-fleet_map").queryAs(ToggleButton.class).isSelected());
        waitFor(() -> robot.lookup("#site-open-ticket").queryAll().stream().anyMatch(Node::isVisible));

        // 1. Open ticket on the map's site detail: the desk, with the draft of a dark site
        robot.clickOn(robot.lookup("#site-open-ticket").queryAll().stream().filter(Node::isVisible).findFirst()
                .orElseThrow());
        waitFor(() -> robot.lookup("#new-ticket-title").tryQuery().isPresent());
        assertThat(robot.lookup("#nav-support").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#new-ticket-title").queryAs(TextField.class).getText()).endsWith(" is offline");
        assertThat(robot.lookup("#new-ticket-sites").queryAs(TextField.class).getText()).isEqualTo(dark.siteId());

        ScreenShots.save(robot.lookup("#new-ticket-title").query().getScene(), "desk-new-ticket-from-the-map");

        // 2. Enter creates it, and it opens
        robot.type(KeyCode.ENTER);
        waitFor(() -> window.services().part(TicketService.class).list(TicketFilter.ALL).size() == 1);
        Ticket ticket = window.services().part(TicketService.class).list(TicketFilter.ALL).getFirst().ticket();
        assertThat(ticket.severity()).isEqualTo(Severity.P1);
        assertThat(ticket.siteIds()).containsExactly(dark.siteId());
        waitFor(() -> robot.lookup("#ticket-title").tryQuery().map(n -> ((Label) n).getText()
                .equals(ticket.title())).orElse(false));

        // 3. Run diagnostics, 4. Run: the demo's camera hosts answer, each camera's output goes into the timeline
        robot.clickOn("#ticket-run");
        waitFor(() -> robot.lookup("#runbook-command").tryQuery().map(n -> ((Label) n).getText()
                .startsWith("systemctl status")).orElse(false));
        robot.clickOn("#runbook-run");
        int cameras = window.services().fleet().current().cameras(dark.siteId()).size();
        waitFor(() -> outputs(ticket).size() == cameras);
        assertThat(outputs(ticket)).allSatisfy(e -> assertThat(e.command().output()).contains("camos-agent"));
        waitFor(() -> robot.lookup(".timeline-command_output").queryAll().size() == cameras);
        ScreenShots.save(robot.window(0).getScene(), "desk-ticket-in-the-window");

        // the desk's queue counts it
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#desk-summary").tryQuery().map(n -> ((Label) n).getText()
                .startsWith("1 tickets")).orElse(false));
        ScreenShots.save(robot.window(0).getScene(), "desk-queue-in-the-window");
    }

    @Test
    void anAlertOpensATicketPrefilledWithItsSiteAndSummary(FxRobot robot) throws Exception {
        robot.clickOn("#nav-alerts");
        waitFor(() -> robot.lookup("#alerts-table").tryQuery().isPresent()
                && alerts(robot).getItems().stream().anyMatch(a -> a.kind() == AlertKind.SITE_OFFLINE));
        Alert dark = alerts(robot).getItems().stream().filter(a -> a.kind() == AlertKind.SITE_OFFLINE).findFirst()
                .orElseThrow();
        robot.interact(() -> alerts(robot).getSelectionModel().select(dark));
        robot.clickOn("#alerts-open-ticket");
        waitFor(() -> robot.lookup("#new-ticket-title").tryQuery().isPresent());
        assertThat(robot.lookup("#nav-support").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#new-ticket-title").queryAs(TextField.class).getText()).endsWith(dark.summary());
        assertThat(robot.lookup("#new-ticket-sites").queryAs(TextField.class).getText()).isEqualTo(dark.siteId());
        assertThat(robot.lookup("#new-ticket-P1").queryAs(ToggleButton.class).isSelected()).as("a critical alert")
                .isTrue();
        assertThat(robot.lookup("#new-ticket-description").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("Opened from alert " + dark.id() + ": " + dark.summary());

        robot.type(KeyCode.ENTER);
        waitFor(() -> window.services().part(TicketService.class).list(TicketFilter.ALL).size() == 1);
        assertThat(window.services().part(TicketService.class).list(TicketFilter.ALL).getFirst().ticket().siteIds())
                .containsExactly(dark.siteId());
    }
}
