package io.camfleet.console.ui.support;

import io.camfleet.console.domain.support.Level;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.support.TicketDraft;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps on a ticket, headless over a real H2 cache: only the moves its status allows are offered, an escalation
 * takes a note, a comment goes into the timeline, and a closed ticket takes no more steps.
 */
@ExtendWith(ApplicationExtension.class)
class TicketStepsViewTest {

    private final DeskFixture f = new DeskFixture();
    private Ticket ticket;

    @Start
    void start(Stage stage) {
        ticket = f.tickets.create(new TicketDraft("Camera PE-00040-C02 at Lima Warehouse", Severity.P3,
                "Andes Haulage", List.of("PE-00040"), List.of("PE-00040-C02"), ""));
        f.show(stage, TicketTools.NONE);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private List<String> moves(FxRobot robot) {
        return robot.lookup("#ticket-move").queryAs(MenuButton.class).getItems().stream().map(MenuItem::getText)
                .toList();
    }

    @Test
    void onlyTheAllowedMovesAreOfferedAnEscalationTakesANoteAndAClosedTicketTakesNoMoreSteps(FxRobot robot)
            throws Exception {
        robot.interact(() -> f.desk.open(ticket.id()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> moves(robot).size() == 3);
        assertThat(moves(robot)).containsExactly("Triage", "In progress", "Closed");

        robot.type(KeyCode.E);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#desk-note").tryQuery().isPresent());
        Button ok = (Button) ((javafx.scene.control.DialogPane) robot.lookup("#desk-note").query().getScene()
                .getRoot()).lookupButton(javafx.scene.control.ButtonType.OK);
        assertThat(ok.isDisabled()).as("no note, no escalation").isTrue();
        robot.clickOn("#desk-note").write("Agent crash loop after 6.4.2, needs engineering");
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn(ok);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.tickets.find(ticket.id()).level() == Level.L3);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#ticket-level").queryAs(Label.class)
                .getText().equals("L3") && robot.lookup("#ticket-escalate").queryAs(Button.class).isDisabled());

        robot.type(KeyCode.C).write("Restarted by hand, back for 10 min");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.tickets.show(ticket.id()).timeline().stream()
                .anyMatch(e -> e.kind() == TimelineEntry.Kind.COMMENT
                        && e.text().equals("Restarted by hand, back for 10 min")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#ticket-comment").queryAs(TextArea.class)
                .getText().isEmpty());

        robot.interact(() -> f.ticket.move(TicketStatus.CLOSED, ""));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#ticket-status").queryAs(Label.class)
                .getText().equals("Closed"));
        assertThat(moves(robot)).isEmpty();
        assertThat(robot.lookup("#ticket-move").queryAs(MenuButton.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#ticket-take-on").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#ticket-comment-send").queryAs(Button.class).isDisabled()).isTrue();
    }
}
