package io.camfleet.console.ui.support;

import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.service.support.TicketDraft;
import io.camfleet.console.service.support.TicketDrafts;
import io.camfleet.console.service.support.TicketFilter;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue of the support desk, headless, over a real H2 cache: driven by the keyboard alone, filtered, breaches in
 * red and "breaching soon" in amber, and a ticket created in one action from a site's prefilled draft.
 *
 * <p>The tickets, by the default SLA targets (P1 response 15 min, P2 1 h, P3 4 h), looked at 60 min after T0:
 * <ul>
 *   <li>A, P1, opened at T0, nobody answered: due T0+15 min, late by 45 min: breached (red).</li>
 *   <li>B, P1, opened at T0+48 min: 12 of 15 min gone, 3 min left; 3 min x 4 = 12 min &lt; 15 min, so less than a
 *       quarter of the target is left: breaching soon (amber).</li>
 *   <li>C, P3, opened at T0+58 min, assigned to omar: 3 h 58 min left, running.</li>
 *   <li>D, P2, opened at T0+59 min, taken on by nina (an assignment is no response): 59 min left, running.</li>
 * </ul>
 */
@ExtendWith(ApplicationExtension.class)
class SupportQueueViewTest {

    private final DeskFixture f = new DeskFixture();
    private Ticket a;
    private Ticket b;
    private Ticket c;
    private Ticket d;

    @Start
    void start(Stage stage) {
        a = f.tickets.create(new TicketDraft("Amsterdam Docks is offline", Severity.P1, "Harbour Co",
                List.of("ams-004"), List.of(), ""));
        f.clock.advance(Duration.ofMinutes(48));
        b = f.tickets.create(new TicketDraft("Rotterdam gate cameras dark", Severity.P1, "Port of Rotterdam",
                List.of("rtm-011"), List.of("cam-r7"), ""));
        f.clock.advance(Duration.ofMinutes(10));
        c = f.tickets.create(new TicketDraft("Camera cam-u2 at Utrecht Centraal", Severity.P3, "Rail NL",
                List.of("utr-002"), List.of("cam-u2"), ""));
        f.tickets.assign(c.id(), "omar");
        f.clock.advance(Duration.ofMinutes(1));
        d = f.tickets.create(new TicketDraft("Den Haag site slow to stream", Severity.P2, "Harbour Co",
                List.of("dhg-001"), List.of(), ""));
        f.tickets.takeOn(d.id());
        f.clock.advance(Duration.ofMinutes(1));
        f.show(stage, TicketTools.NONE);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static TableView<QueueLine> queue(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<QueueLine> t = robot.lookup("#desk-queue").queryAs(TableView.class);
        return t;
    }

    private static List<Long> shown(FxRobot robot) {
        return queue(robot).getItems().stream().map(l -> l.ticket().id()).toList();
    }

    private void waitShown(FxRobot robot, Ticket... expected) throws Exception {
        List<Long> ids = java.util.Arrays.stream(expected).map(Ticket::id).toList();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot).equals(ids));
    }

    private static boolean onTicketPage(FxRobot robot, String title) {
        return robot.lookup("#ticket-title").tryQuery().map(n -> n.getScene() != null && n.isVisible()
                && title.equals(((Label) n).getText()) && n.getParent() != null).orElse(false)
                && robot.lookup("#desk-queue").tryQuery().map(n -> n.getScene() == null).orElse(true);
    }

    @Test
    void theQueueIsDrivenFromTheKeyboardAlone(FxRobot robot) throws Exception {
        // breached first, then breaching soon, then by severity
        waitShown(robot, a, b, d, c);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> queue(robot).isFocused());

        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onTicketPage(robot, "Rotterdam gate cameras dark"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#ticket-response").queryAs(Label.class)
                .getText().equals("Response: 3 min left"));

        robot.type(KeyCode.T); // take on
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.tickets.find(b.id()).assignee().equals("nina"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#desk-queue").tryQuery().isPresent()
                && queue(robot).getScene() != null);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> queue(robot).getSelectionModel().getSelectedItem() != null
                && queue(robot).getSelectionModel().getSelectedItem().ticket().id() == b.id());

        robot.type(KeyCode.U); // unassigned
        waitShown(robot, a);
        assertThat(robot.lookup("#desk-unassigned").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.type(KeyCode.M); // mine: unassigned goes off
        waitShown(robot, b, d);
        assertThat(robot.lookup("#desk-unassigned").queryAs(ToggleButton.class).isSelected()).isFalse();
        robot.type(KeyCode.ESCAPE); // every filter off
        waitShown(robot, a, b, d, c);
        robot.type(KeyCode.B); // breaching
        waitShown(robot, a);
        robot.type(KeyCode.ESCAPE);
        waitShown(robot, a, b, d, c);

        robot.type(KeyCode.SLASH).write("den haag");
        waitShown(robot, d);
        assertThat(robot.lookup("#desk-search").queryAs(TextField.class).getText()).isEqualTo("den haag");
        robot.type(KeyCode.ENTER); // back to the list
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> queue(robot).isFocused());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onTicketPage(robot, "Den Haag site slow to stream"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> queue(robot).getScene() != null);
        robot.type(KeyCode.ESCAPE);
        waitShown(robot, a, b, d, c);

        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#new-ticket-title").tryQuery()
                .isPresent());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#new-ticket-title").tryQuery()
                .isEmpty());
        assertThat(f.tickets.list(TicketFilter.ALL)).as("nothing created by a cancelled dialog").hasSize(4);
    }

    @Test
    void breachesAreRedAndBreachingSoonAmber(FxRobot robot) throws Exception {
        waitShown(robot, a, b, d, c);
        ScreenShots.save(queue(robot).getScene(), "desk-queue");

        assertThat(response(robot, 0).getText()).isEqualTo("late by 45 min");
        assertThat(has(response(robot, 0), "breached")).isTrue();
        assertThat(response(robot, 1).getText()).isEqualTo("3 min left");
        assertThat(has(response(robot, 1), "soon")).isTrue();
        assertThat(has(response(robot, 1), "breached")).isFalse();
        assertThat(response(robot, 2).getText()).isEqualTo("59 min left");
        assertThat(has(response(robot, 2), "soon") || has(response(robot, 2), "breached")).isFalse();
        assertThat(response(robot, 3).getText()).isEqualTo("3 h 58 min left");
        assertThat(robot.lookup("#desk-summary").queryAs(Label.class).getText()).isEqualTo("4 tickets · 1 breaching");

        // four minutes on, B's response is late too (due T0+63 min), and the queue says so when it reads again
        f.clock.advance(Duration.ofMinutes(4));
        robot.interact(() -> f.queue.refresh());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#desk-summary").queryAs(Label.class)
                .getText().equals("4 tickets · 2 breaching"));
    }

    @Test
    void theSiteAndCustomerFiltersNarrowTheQueue(FxRobot robot) throws Exception {
        waitShown(robot, a, b, d, c);
        robot.clickOn("#desk-site").write("rtm-011").type(KeyCode.ENTER);
        waitShown(robot, b);
        assertThat(queue(robot).isFocused()).as("Enter in a filter goes back to the list").isTrue();
        robot.clickOn("#desk-site").eraseText(7).type(KeyCode.ENTER);
        robot.clickOn("#desk-customer").write("Harbour Co").type(KeyCode.ENTER);
        waitShown(robot, a, d);
        robot.clickOn("#desk-search").write("den haag");
        waitShown(robot, d);
    }

    @Test
    void aTicketFromASiteIsCreatedInOneActionAndOpens(FxRobot robot) throws Exception {
        waitShown(robot, a, b, d, c);
        TicketDraft draft = new TicketDrafts(f.m).fromSite("lis-003", "Lisbon Harbour", "Harbour Co", true);
        robot.interact(() -> f.desk.newTicket(draft));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#new-ticket-title").tryQuery()
                .isPresent());
        assertThat(robot.lookup("#new-ticket-title").queryAs(TextField.class).getText())
                .isEqualTo("Lisbon Harbour is offline");
        assertThat(robot.lookup("#new-ticket-P1").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#new-ticket-sites").queryAs(TextField.class).getText()).isEqualTo("lis-003");
        ScreenShots.save(robot.lookup("#new-ticket-title").query().getScene(), "desk-new-ticket");

        // a title wiped out is refused in one sentence, the dialog stays with what was typed, nothing is stored
        robot.interact(() -> robot.lookup("#new-ticket-title").queryAs(TextField.class).setText("  "));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#new-ticket-problem")
                .queryAs(Label.class).getText().startsWith("The ticket needs a title"));
        assertThat(robot.lookup("#new-ticket-sites").queryAs(TextField.class).getText()).isEqualTo("lis-003");
        assertThat(f.tickets.list(TicketFilter.ALL)).hasSize(4);

        robot.interact(() -> robot.lookup("#new-ticket-title").queryAs(TextField.class)
                .setText("Lisbon Harbour is offline"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.tickets.list(TicketFilter.ALL).size() == 5);
        Ticket created = f.tickets.list(TicketFilter.ALL).getLast().ticket();
        assertThat(created.severity()).isEqualTo(Severity.P1);
        assertThat(created.siteIds()).containsExactly("lis-003");
        assertThat(created.customer()).isEqualTo("Harbour Co");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onTicketPage(robot, "Lisbon Harbour is offline"));
    }

    private static TableCell<?, ?> response(FxRobot robot, int row) {
        return robot.lookup("#desk-queue .table-row-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TableRow<?>) n).getIndex() == row).findFirst()
                .map(n -> (TableCell<?, ?>) ((javafx.scene.Parent) n).getChildrenUnmodifiable().stream()
                        .filter(cell -> cell.getStyleClass().contains("sla-cell")).findFirst().orElseThrow())
                .orElseThrow();
    }

    private static boolean has(Node n, String pseudoClass) {
        return n.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }
}
