package io.camfleet.console.ui.support;

import io.camfleet.console.adapter.sim.DemoCameraFiles;
import io.camfleet.console.adapter.sim.DemoCameraHosts;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.adapter.sim.WorldCities;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.runbooks.Runbook;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.diagnostics.CameraRun;
import io.camfleet.console.service.diagnostics.DiagnosticsService;
import io.camfleet.console.service.diagnostics.RunRequest;
import io.camfleet.console.service.diagnostics.RunbookPreview;
import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.service.runbooks.RunbookCatalogue;
import io.camfleet.console.service.support.TicketDrafts;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket of an OFFLINE site of the demo fleet, headless over a real H2 cache: a runbook run from the ticket reaches
 * the demo's camera hosts through the diagnostics service, and each camera's output lands in the timeline with its
 * exit code; a remediation asks once more, naming what it changes and where, and runs only when confirmed.
 */
@ExtendWith(ApplicationExtension.class)
class TicketDiagnosticsViewTest {

    private static final FleetSnapshot FLEET = Fleets.uncached(
            new DemoFleetSource(300, 42, WorldCities.load()), new TestClock(Instant.parse("2026-11-26T08:00:00Z")))
            .reload(Progress.NONE);

    private final DeskFixture f = new DeskFixture();
    private final DiagnosticsService diagnostics = new DiagnosticsService(
            new DemoCameraHosts(FLEET, new DemoCameraFiles(42), 0), RunbookCatalogue::builtIn, f.tickets, f.audit);
    private SiteSummary site;
    private Ticket ticket;

    /** The runbooks as the window hands them to the desk: the cameras of the demo fleet. */
    private final TicketTools.RunbookRunner runner = new TicketTools.RunbookRunner() {
        @Override
        public List<Runbook> runbooks() {
            return RunbookCatalogue.builtIn().runbooks();
        }

        @Override
        public RunbookPreview preview(Ticket t, String runbookId, Map<String, String> values, List<String> cameras) {
            return diagnostics.preview(runbookId, values, targets(cameras));
        }

        @Override
        public List<CameraRun> run(Ticket t, String runbookId, Map<String, String> values, List<String> cameras,
                                   boolean confirmed, Consumer<CameraRun> each) {
            return diagnostics.run(new RunRequest(runbookId, values, targets(cameras), t.id(), confirmed), each);
        }
    };

    private List<Target> targets(List<String> cameras) {
        return FLEET.cameras(site.id()).stream().map(CameraStatus::camera).filter(c -> cameras.contains(c.id()))
                .map(c -> new Target(c.id(), c.siteId(), c.sshAddress(), c.jumpHost(), c.ssmNodeId())).toList();
    }

    @Start
    void start(Stage stage) {
        site = FLEET.sites().stream().filter(s -> s.health().state() == HealthState.OFFLINE).findFirst()
                .orElseThrow();
        ticket = f.tickets.create(new TicketDrafts(f.m).fromSite(site.id(), site.site().name(),
                site.site().customer(), true));
        f.show(stage, TicketTools.NONE.withRunbooks(runner).withSiteCameras(id -> FLEET.cameras(id).stream()
                .map(c -> c.camera().id()).toList()));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private List<TimelineEntry> outputs() {
        return f.tickets.show(ticket.id()).timeline().stream()
                .filter(e -> e.kind() == TimelineEntry.Kind.COMMAND_OUTPUT).toList();
    }

    private void openTicket(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#desk-queue .table-row-cell")
                .queryAll().stream().anyMatch(n -> ((javafx.scene.control.TableRow<?>) n).getItem() != null));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#ticket-title").tryQuery()
                .map(n -> ((Label) n).getText().equals(ticket.title())).orElse(false));
    }

    @SuppressWarnings("unchecked")
    private static void pick(FxRobot robot, String runbookId) {
        ComboBox<Runbook> picker = robot.lookup("#runbook-picker").queryAs(ComboBox.class);
        robot.interact(() -> picker.setValue(picker.getItems().stream().filter(r -> r.id().equals(runbookId))
                .findFirst().orElseThrow()));
    }

    @Test
    void aRunbookRunFromTheTicketPutsEachCamerasOutputInTheTimeline(FxRobot robot) throws Exception {
        openTicket(robot);
        int cameras = FLEET.cameras(site.id()).size();
        assertThat(cameras).isPositive();

        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#runbook-picker").tryQuery().isPresent());
        pick(robot, "service-status");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#runbook-command").queryAs(Label.class)
                .getText().startsWith("systemctl status"));
        assertThat(robot.lookup("#runbook-command").queryAs(Label.class).getText())
                .isEqualTo("systemctl status --no-pager --full --lines='10' -- 'camos-agent'");
        assertThat(robot.lookup("#runbook-changes").query().isVisible()).as("a diagnostic only looks").isFalse();
        ScreenShots.save(robot.lookup("#runbook-picker").query().getScene(), "desk-run-diagnostics");
        robot.clickOn("#runbook-run");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outputs().size() == cameras);
        // the demo's offline cameras: the agent failed, and systemctl status says so with exit code 3
        assertThat(outputs()).allSatisfy(e -> {
            assertThat(e.command().runbook()).isEqualTo("service-status");
            assertThat(e.command().exitCode()).isEqualTo(3);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".timeline-command_output").queryAll()
                .size() == cameras);
        assertThat(robot.lookup(".exit-code").queryAllAs(Label.class)).extracting(Label::getText)
                .containsOnly("exit 3");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#ticket-notice").queryAs(Label.class)
                .getText().equals("service-status: 0 of " + cameras + " cameras ran it cleanly; the outputs are in"
                        + " the timeline."));
        assertThat(f.trail.events).noneMatch(e -> e.action().equals(AuditActions.DIAG_REMEDIATE));
        ScreenShots.save(robot.lookup("#ticket-title").query().getScene(), "desk-ticket");
    }

    @Test
    void aRemediationAsksOnceMoreNamingWhatItChangesAndRunsOnlyWhenConfirmed(FxRobot robot) throws Exception {
        openTicket(robot);
        List<String> cameras = FLEET.cameras(site.id()).stream().map(c -> c.camera().id()).toList();

        robot.clickOn("#ticket-run");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#runbook-picker").tryQuery().isPresent());
        pick(robot, "restart-service");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#runbook-changes").query().isVisible());
        assertThat(robot.lookup("#runbook-run").queryAs(Button.class).getText()).isEqualTo("Run remediation…");
        robot.clickOn("#runbook-run");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#runbook-confirm-text").tryQuery()
                .isPresent());
        String asked = robot.lookup("#runbook-confirm-text").queryAs(Label.class).getText();
        assertThat(asked).contains("Restarts the camera service and says whether it came back.")
                .contains(String.join(", ", cameras));
        ScreenShots.save(robot.lookup("#runbook-confirm-text").query().getScene(), "desk-remediation-confirm");
        robot.type(KeyCode.ENTER); // the safe answer is the default: Enter cancels
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#runbook-confirm-text").tryQuery()
                .isEmpty());
        assertThat(robot.lookup("#runbook-picker").tryQuery()).as("back in the runbook dialog").isPresent();
        assertThat(outputs()).isEmpty();
        assertThat(f.trail.events).noneMatch(e -> e.action().equals(AuditActions.DIAG_REMEDIATE));

        robot.clickOn("#runbook-run");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#runbook-confirm-yes").tryQuery()
                .isPresent());
        robot.clickOn("#runbook-confirm-yes");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outputs().size() == cameras.size());
        assertThat(outputs()).allSatisfy(e -> assertThat(e.command().runbook()).isEqualTo("restart-service"));
        // audited before it starts, and with its outcome once every camera has ended
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.trail.events.stream()
                .filter(e -> e.action().equals(AuditActions.DIAG_REMEDIATE)).count() == 2);
    }
}
