package io.camfleet.console.ui.deploy;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.files.ReleaseFile;
import io.camfleet.console.adapter.geo.NaturalEarthBasemap;
import io.camfleet.console.adapter.sim.DemoTargetRunner;
import io.camfleet.console.adapter.store.JdbcDeploymentJournal;
import io.camfleet.console.adapter.store.JdbcReleaseStore;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.common.HealthStyle;
import io.camfleet.console.ui.deploy.DeploymentsViewModel.TargetRow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.ui.deploy.DeploymentsRobot.rows;
import static io.camfleet.console.ui.common.ScreenShots.save;
import static io.camfleet.console.ui.deploy.DeploymentsRobot.set;
import static io.camfleet.console.ui.deploy.DeploymentsRobot.text;
import static io.camfleet.console.ui.deploy.DeploymentsRobot.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Deployments screen on its own, over the real journal and the demo executor: the wizard's words, a rollout
 * watched live on the Targets tab, the map and the full log, and a deployment the console stopped under.
 */
@ExtendWith(ApplicationExtension.class)
class DeploymentsViewTest {

    @TempDir
    Path dir;
    private Stage stage;
    private DeploymentsFixture f;
    private DeploymentsViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (vm != null) {
            WaitForAsyncUtils.asyncFx(vm::close).get(10, TimeUnit.SECONDS);
        }
        if (f != null) {
            f.close();
        }
        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
    }

    /** The screen as the window shows it, with {@code selected} selected in the fleet by the operator. */
    private void show(String selected) throws Exception {
        f = new DeploymentsFixture(dir.resolve("data"));
        Map<String, String> versions = new HashMap<>();
        f.fleet.inventory().profiles().forEach(p -> p.cameras().forEach(c -> versions.put(c.id(),
                c.softwareVersion())));
        WaitForAsyncUtils.asyncFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            FleetModel fleet = new FleetModel(Platform::runLater, f.workers);
            fleet.accept(f.fleet);
            Platform.runLater(() -> {
                if (selected != null) {
                    fleet.select(selected);
                }
                vm = new DeploymentsViewModel(f.service, f.rollouts,
                        (kind, snapshot, user) -> new DemoTargetRunner(versions, 7, 0.05), ReleaseFile::read, fleet,
                        new BackgroundTasks(f.workers), f.m);
                DeploymentsView view = new DeploymentsView(vm, new NaturalEarthBasemap(), f.workers,
                        new SimpleBooleanProperty(false), ZoneOffset.UTC);
                ((javafx.scene.layout.Region) view.root()).getStylesheets().add(HealthStyle.stylesheet());
                stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1500, 900));
                stage.show();
            });
        }).get(10, TimeUnit.SECONDS);
        waitFor(() -> vm != null && stage.isShowing());
    }

    /** The text a label shows, which is cut with an ellipsis when it does not fit. */
    private static String shown(Labeled l) {
        Node text = l.lookup(".text");
        return text instanceof Text t ? t.getText() : "";
    }

    @Test
    void theWizardSaysWhatItOffersPlainlyAndTheDetailFollowsTheRollout(FxRobot robot) throws Exception {
        show("S-AMS");
        // the stage shows before its first layout pass: the button is looked up once it is there (seen missing on CI)
        waitFor(() -> robot.lookup("#deploy-new").tryQuery().isPresent());
        robot.clickOn("#deploy-new");
        waitFor(() -> robot.lookup("#deploy-wizard").tryQuery().isPresent()
                && !robot.lookup("#wizard-release").queryAs(ComboBox.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#wizard-release").queryAs(ComboBox.class).getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#wizard-release").queryAs(ComboBox.class).getButtonCell().getText())
                .isEqualTo("camos-agent 6.6.0 (release)");
        save(robot.lookup("#deploy-wizard").query().getScene(), "deploy-wizard-1-release");
        robot.clickOn("#wizard-next");

        // The table's first row selected itself in the window; here the operator picked Amsterdam, and is still
        // asked: nothing is chosen for them.
        waitFor(() -> robot.lookup("#wizard-page-targets").query().isVisible());
        RadioButton bySelection = robot.lookup("#wizard-by-selection").queryAs(RadioButton.class);
        assertThat(bySelection.getText())
                .isEqualTo("Cameras of the site you selected on the map or in the table: Amsterdam Zuid");
        assertThat(bySelection.isSelected()).isFalse();
        assertThat(robot.lookup("#wizard-by-filter").queryAs(RadioButton.class).isSelected()).isFalse();
        robot.clickOn("#wizard-next");
        waitFor(() -> text(robot, "#wizard-error").startsWith("Choose the targets"));
        robot.interact(() -> robot.lookup("#wizard-by-filter").queryAs(RadioButton.class).setSelected(true));
        set(robot, "#wizard-filter", "all");
        waitFor(() -> text(robot, "#wizard-target-count").equals("7 cameras at 3 sites"));
        save(robot.lookup("#deploy-wizard").query().getScene(), "deploy-wizard-2-targets");
        robot.clickOn("#wizard-next");

        waitFor(() -> robot.lookup("#wizard-page-plan").query().isVisible());
        set(robot, "#wizard-canary", "2");
        set(robot, "#wizard-waves", "50%");
        WaitForAsyncUtils.waitForFxEvents();
        for (Node n : robot.lookup("#wizard-page-plan .label").queryAll()) {
            Labeled l = (Labeled) n;
            if (l.isVisible()) {
                assertThat(shown(l)).as("a label of the plan, cut").isEqualTo(l.getText());
            }
        }
        for (Node n : robot.lookup("#wizard-page-plan .combo-box").queryAll()) {
            Labeled showing = (Labeled) ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) ((ComboBox<?>) n)
                    .getSkin()).getDisplayNode();
            assertThat(showing.getText()).isNotBlank();
            assertThat(shown(showing)).as("a choice of the plan, cut").isEqualTo(showing.getText());
        }
        save(robot.lookup("#deploy-wizard").query().getScene(), "deploy-wizard-3-plan");
        robot.clickOn("#wizard-next");

        waitFor(() -> robot.lookup("#wizard-page-dryRun").query().isVisible());
        @SuppressWarnings("unchecked")
        TableView<Object> dryRun = robot.lookup("#wizard-dry-run").queryAs(TableView.class);
        assertThat(List.of(dryRun.getColumns().get(0).getCellData(0), dryRun.getColumns().get(0).getCellData(1)))
                .containsExactly("Canary", "Wave 1");
        assertThat(text(robot, "#wizard-dry-run-windows"))
                .contains("1 camera waits for a window that is closed now", "New York Pier (1 camera): opens ");
        save(robot.lookup("#deploy-wizard").query().getScene(), "deploy-wizard-4-dry-run");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-reviewed");
        save(robot.lookup("#deploy-wizard").query().getScene(), "deploy-wizard-5-confirm");
        robot.clickOn("#wizard-next");
        waitFor(() -> robot.lookup("#deploy-wizard").tryQuery().isEmpty());

        // The canary goes first, then waits for an approval: only the actions that apply show.
        waitFor(() -> text(robot, "#deploy-state").equals("Paused"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#deploy-approve").query().isVisible()).isTrue();
        assertThat(robot.lookup("#deploy-pause").query().isVisible()).isFalse();
        assertThat(robot.lookup("#deploy-retry").query().isVisible()).isFalse();
        assertThat(robot.lookup("#wave-bars .wave-label").queryAll().stream().map(n -> ((Label) n).getText()))
                .containsExactly("Canary", "Wave 1", "Wave 2");
        save(robot.lookup("#deployments").query().getScene(), "deploy-detail-canary");
        robot.interact(() -> robot.lookup("#deploy-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        save(robot.lookup("#deployments").query().getScene(), "deploy-detail-canary-map");
        robot.interact(() -> robot.lookup("#deploy-tabs").queryAs(TabPane.class).getSelectionModel().select(0));

        robot.clickOn("#deploy-approve");
        waitFor(() -> rows(robot).stream().anyMatch(t -> t.cameraId().equals("NYC-1")
                && t.state() == TargetState.WAITING_WINDOW)
                && rows(robot).stream().filter(t -> !t.cameraId().equals("NYC-1")).allMatch(t -> t.state()
                .isSettled()));
        TargetRow waiting = rows(robot).stream().filter(t -> t.cameraId().equals("NYC-1")).findFirst().orElseThrow();
        robot.interact(() -> DeploymentsRobot.targets(robot).getSelectionModel().select(waiting));
        waitFor(() -> robot.lookup("#deploy-log").queryAs(TextArea.class).getText()
                .contains(waiting.record().detail()));
        save(robot.lookup("#deployments").query().getScene(), "deploy-detail-waiting-log");
        robot.interact(() -> robot.lookup("#deploy-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        save(robot.lookup("#deployments").query().getScene(), "deploy-detail-map");
    }

    @Test
    void aDeploymentTheConsoleStoppedUnderShowsAsInterruptedAndResumesFromTheScreen(FxRobot robot)
            throws Exception {
        Instant t0 = Instant.now();
        f = new DeploymentsFixture(dir.resolve("data"));
        new JdbcReleaseStore(f.db.dataSource(), f.clock).save(new Release("camos-agent", "6.6.1", ReleaseKind.HOTFIX,
                "demo/agent.tar.gz", "c".repeat(64), "install.sh", "selftest", "rollback.sh"), "release-engineer");
        JdbcDeploymentJournal journal = f.journal;
        List<TargetRecord> targets = List.of(
                new TargetRecord(new Target("AMS-1", "S-AMS", "", "", ""), 0, TargetState.PENDING, 0, "", t0),
                new TargetRecord(new Target("AMS-2", "S-AMS", "", "", ""), 0, TargetState.PENDING, 0, "", t0),
                new TargetRecord(new Target("RTM-1", "S-RTM", "", "", ""), 1, TargetState.PENDING, 0, "", t0));
        journal.create(new DeploymentRecord("d-crashed", "camos-agent", "6.6.1", ExecutorKind.DEMO,
                "{\"waves\": \"2\", \"maxConcurrency\": 2, \"failureThreshold\": \"3\"}",
                DeploymentState.RUNNING, t0, "nightly-pipeline", t0), targets);
        // The console died with AMS-1 installed and AMS-2 installing: as a kill -9 leaves the journal.
        for (String step : List.of("DISPATCHED", "INSTALLING", "VERIFYING", "SUCCEEDED")) {
            TargetState from = journal.targets("d-crashed").get(0).state();
            journal.moveTarget("d-crashed", "AMS-1", from, TargetState.valueOf(step), "", false);
        }
        journal.moveTarget("d-crashed", "AMS-2", TargetState.PENDING, TargetState.DISPATCHED, "", false);
        journal.moveTarget("d-crashed", "AMS-2", TargetState.DISPATCHED, TargetState.INSTALLING, "", false);
        f.close();
        f = null;

        show(null);
        waitFor(() -> text(robot, "#deploy-state").equals("Interrupted"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#deploy-resume-interrupted").query().isVisible()).isTrue();
        assertThat(robot.lookup("#deploy-abort").query().isVisible()).isFalse();
        save(robot.lookup("#deployments").query().getScene(), "deploy-interrupted");
        robot.clickOn("#deploy-resume-interrupted");
        waitFor(() -> text(robot, "#deploy-state").equals("Succeeded"));
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, TargetRow> rows = new HashMap<>();
        rows(robot).forEach(t -> rows.put(t.cameraId(), t));
        assertThat(rows.get("AMS-1").state()).isEqualTo(TargetState.SUCCEEDED);
        assertThat(rows.get("AMS-1").record().attempt()).as("a camera that succeeded is never run again").isZero();
        assertThat(rows.values()).allMatch(t -> t.state().isSettled());
        assertThat(f.journal.events("d-crashed")).filteredOn(e -> e.cameraId().equals("AMS-2")).extracting(e -> e.to())
                .containsSubsequence("INSTALLING", "UNKNOWN");
    }
}
