package io.camfleet.console.ui.estate;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.service.audit.AuditQuery;
import io.camfleet.console.service.findings.FindingRow;
import io.camfleet.console.service.findings.ImportFormat;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
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
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.camfleet.console.ui.estate.FindingsTabRig.noticeSaying;
import static io.camfleet.console.ui.estate.FindingsTabRig.press;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accepting a finding's risk in the tab: it leaves the open counts, shows who, why and until when among the accepted
 * ones, and opens again by itself after its last day (a clock the test moves); a refused acceptance says why.
 */
@ExtendWith(ApplicationExtension.class)
class FindingsAcceptTest {

    @TempDir
    Path dir;
    private FindingsTabRig rig;

    @Start
    void start(Stage stage) throws Exception {
        rig = new FindingsTabRig(dir);
        rig.findings.importFile(rig.file("scan.csv", """
                CVE,severity,package,host
                CVE-2024-6387,CRITICAL,openssh-server,cam-1
                CVE-2024-2,LOW,zlib,10.0.0.12
                """), ImportFormat.CSV);
        rig.start(stage);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private TableView<FindingRow> table(FxRobot robot) {
        return robot.lookup("#estate-findings-table").queryAs(TableView.class);
    }

    private String chip(FxRobot robot, Severity s) {
        return robot.lookup("#estate-findings-chip-" + s.name()).queryAs(ToggleButton.class).getText();
    }

    private void select(FxRobot robot, String cve) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().stream()
                .anyMatch(r -> r.finding().cve().equals(cve)));
        robot.interact(() -> table(robot).getSelectionModel().select(table(robot).getItems().stream()
                .filter(r -> r.finding().cve().equals(cve)).findFirst().orElseThrow()));
    }

    private void openAcceptDialog(FxRobot robot) throws Exception {
        robot.clickOn("#estate-findings-accept");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#estate-findings-reason").tryQuery()
                .isPresent());
    }

    @Test
    void anAcceptedFindingLeavesTheOpenCountsAndComesBackAfterItsLastDay(FxRobot robot) throws Exception {
        select(robot, "CVE-2024-6387");
        assertThat(chip(robot, Severity.CRITICAL)).isEqualTo("Critical  1");
        openAcceptDialog(robot);
        Button accept = (Button) robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b
                && b.getText().equals("Accept risk")).query();
        assertThat(accept.isDisabled()).as("no reason, no acceptance").isTrue();
        // 2026-12-07 + 90 days = 2027-03-07, the date offered
        assertThat(robot.lookup("#estate-findings-until").queryAs(DatePicker.class).getValue())
                .isEqualTo(LocalDate.of(2027, 3, 7));
        robot.interact(() -> robot.lookup("#estate-findings-reason").queryAs(TextArea.class)
                .setText("sshd is not reachable from the camera VLAN; fixed in image 4.3, ticket 4711"));
        ScreenShots.save(robot.lookup("#estate-findings-reason").query().getScene(), "estate-findings-accept-dialog");
        press(robot, "Accept risk");

        assertThat(noticeSaying(robot, "Accepted CVE-2024-6387")).isEqualTo("Accepted CVE-2024-6387 as a risk "
                + "until 2027-03-07; it opens again by itself after that day.");
        assertThat(chip(robot, Severity.CRITICAL)).isEqualTo("Critical  0");
        assertThat(table(robot).getItems()).extracting(r -> r.finding().cve()).containsExactly("CVE-2024-2");
        robot.clickOn("#estate-findings-show-accepted");
        assertThat(robot.lookup("#estate-findings-show-accepted").queryAs(CheckBox.class).getText())
                .isEqualTo("Show accepted (1)");
        assertThat(table(robot).getItems()).extracting(r -> FindingsTable.acceptance(rig.m, r))
                .containsExactly("nina until 2027-03-07: sshd is not reachable from the camera VLAN; fixed in "
                        + "image 4.3, ticket 4711", "");
        WaitForAsyncUtils.waitForFxEvents();
        // the column is narrow; its tooltip holds the whole acceptance
        assertThat(robot.lookup("#estate-findings-table .table-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getText() != null && c.getText().startsWith("nina until"))
                .map(c -> c.getTooltip().getText()).findFirst()).contains("nina until 2027-03-07: sshd is not "
                        + "reachable from the camera VLAN; fixed in image 4.3, ticket 4711");
        ScreenShots.save(robot.window(0).getScene(), "estate-findings-accepted");
        assertThat(rig.audit.search(new AuditQuery("", Set.of(), 100))).extracting(AuditEvent::action)
                .contains(AuditActions.FINDING_ACCEPT);

        // it holds through its last day (UTC) ...
        rig.clock.advance(Duration.between(rig.clock.instant(), Instant.parse("2027-03-07T23:59:59Z")));
        robot.interact(() -> rig.tab.show(rig.eu));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#estate-findings-busy").query()
                .isVisible());
        Thread.sleep(300); // the reload is quiet: give it its moment, then check nothing changed
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chip(robot, Severity.CRITICAL)).isEqualTo("Critical  0");
        // ... and opens again at the next midnight, on the next read
        rig.clock.advance(Duration.ofSeconds(1));
        robot.interact(() -> rig.tab.show(rig.eu));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chip(robot, Severity.CRITICAL).equals("Critical  1"));
        assertThat(robot.lookup("#estate-findings-show-accepted").queryAs(CheckBox.class).getText())
                .isEqualTo("Show accepted (0)");
        assertThat(table(robot).getItems()).extracting(r -> r.finding().cve() + " " + r.open())
                .containsExactly("CVE-2024-6387 true", "CVE-2024-2 true");
        assertThat(rig.audit.search(new AuditQuery("", Set.of(), 100))).extracting(AuditEvent::action)
                .contains(AuditActions.FINDING_ACCEPT_EXPIRED);
    }

    @Test
    void anAcceptanceTooFarAwayIsRefusedWithTheLastDayAllowedAndTheFindingStaysOpen(FxRobot robot)
            throws Exception {
        select(robot, "CVE-2024-2");
        openAcceptDialog(robot);
        robot.interact(() -> {
            robot.lookup("#estate-findings-reason").queryAs(TextArea.class).setText("low risk");
            // typed past the picker's greyed-out days: the service checks again
            robot.lookup("#estate-findings-until").queryAs(DatePicker.class).setValue(LocalDate.of(2028, 1, 15));
        });
        press(robot, "Accept risk");

        // 2026-12-07 + 366 days = 2027-12-08
        assertThat(noticeSaying(robot, "more than a year away")).isEqualTo("The acceptance would end on 2028-01-15, "
                + "more than a year away: give a date no later than 2027-12-08.");
        assertThat(chip(robot, Severity.LOW)).isEqualTo("Low  1");
        assertThat(rig.audit.search(new AuditQuery("", Set.of(), 100))).extracting(AuditEvent::action)
                .doesNotContain(AuditActions.FINDING_ACCEPT);
    }

    @Test
    void aSlowInspectorReadCanBeCancelledAndTheFindingsShownStay(FxRobot robot) throws Exception {
        rig.aws.stubFor(post(urlEqualTo("/findings/list")).willReturn(aResponse().withFixedDelay(20_000)
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"findings\": []}")));
        select(robot, "CVE-2024-2");
        robot.clickOn("#estate-findings-read-inspector");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#estate-findings-busy").query()
                .isVisible());
        Node readButton = robot.lookup("#estate-findings-read-inspector").query();
        assertThat(readButton.isDisabled()).as("one action at a time").isTrue();

        robot.clickOn("#estate-findings-cancel");

        assertThat(noticeSaying(robot, "cancelled")).startsWith("Reading Inspector's findings in eu: cancelled.");
        assertThat(table(robot).getItems()).hasSize(2);
        assertThat(readButton.isDisabled()).isFalse();
    }
}
