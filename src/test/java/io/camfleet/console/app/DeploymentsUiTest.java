package io.camfleet.console.app;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.adapter.store.JdbcReleaseStore;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.settings.Preferences;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;
import io.camfleet.console.ui.deploy.DeploymentsViewModel.TargetRow;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Deployments screen end to end on the demo fleet: a rollout planned in the wizard and watched live, and one the
 * console stopped under shown as interrupted and resumed.
 */
@ExtendWith(ApplicationExtension.class)
class DeploymentsUiTest {

    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    @SuppressWarnings("unchecked")
    static TableView<TargetRow> targets(FxRobot robot) {
        return (TableView<TargetRow>) robot.lookup("#deploy-targets").queryAs(TableView.class);
    }

    /** The target rows as the table holds them now, copied on the FX thread (the table changes as rollouts run). */
    static List<TargetRow> rows(FxRobot robot) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> List.copyOf(targets(robot).getItems())).get(10,
                    java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void set(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(value));
    }

    /** Walks the wizard: release (the first offered), targets by filter, the plan, dry run, confirm, launch. */
    /** Walks the wizard through to the launch; what its dry run said of the artifact. */
    static String wizard(FxRobot robot, String filter, String executor, String sshUser, String waves,
                         int concurrency, String threshold, boolean emergency, String shotPrefix)
            throws Exception {
        return wizardDryRun(robot, filter, executor, sshUser, waves, concurrency, threshold, emergency, shotPrefix)
                .get(0);
    }

    /** Walks the wizard to a launch; returns what its dry run said: the artifact line, and the unreachable cameras. */
    static List<String> wizardDryRun(FxRobot robot, String filter, String executor, String sshUser, String waves,
                                     int concurrency, String threshold, boolean emergency, String shotPrefix)
            throws Exception {
        robot.clickOn("#deploy-new");
        waitFor(() -> robot.lookup("#deploy-wizard").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#wizard-release").queryAs(ComboBox.class).getSelectionModel().select(0));
        robot.clickOn("#wizard-next");
        robot.interact(() -> robot.lookup("#wizard-by-filter").queryAs(javafx.scene.control.RadioButton.class)
                .setSelected(true));
        set(robot, "#wizard-filter", filter);
        waitFor(() -> text(robot, "#wizard-target-count").contains("cameras at"));
        robot.clickOn("#wizard-next");
        set(robot, "#wizard-canary", "2");
        set(robot, "#wizard-waves", waves);
        set(robot, "#wizard-threshold", threshold);
        robot.interact(() -> {
            robot.lookup("#wizard-concurrency").queryAs(Spinner.class).getValueFactory().setValue(concurrency);
            robot.lookup("#wizard-executor").queryAs(ComboBox.class).getSelectionModel().select(executor);
            robot.lookup("#wizard-ssh-user").queryAs(TextField.class).setText(sshUser);
            robot.lookup("#wizard-emergency").queryAs(CheckBox.class).setSelected(emergency);
        });
        Screenshots.save(robot.lookup("#deploy-wizard").query().getScene(), shotPrefix + "-wizard-plan");
        robot.clickOn("#wizard-next");
        waitFor(() -> robot.lookup("#wizard-dry-run").queryAs(TableView.class).getItems().size() >= 2);
        assertThat(text(robot, "#wizard-error")).isEmpty();
        List<String> said = List.of(text(robot, "#wizard-dry-run-artifact"),
                robot.lookup("#wizard-dry-run-unreachable").query().isVisible()
                        ? text(robot, "#wizard-dry-run-unreachable") : "");
        Screenshots.save(robot.lookup("#deploy-wizard").query().getScene(), shotPrefix + "-wizard-dry-run");
        robot.clickOn("#wizard-next");
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).as("launch needs the review ticked")
                .isTrue();
        robot.clickOn("#wizard-reviewed");
        Screenshots.save(robot.lookup("#deploy-wizard").query().getScene(), shotPrefix + "-wizard-confirm");
        robot.clickOn("#wizard-next");
        waitFor(() -> robot.lookup("#deploy-wizard").tryQuery().isEmpty());
        return said;
    }

    static void toDeployments(FxRobot robot, int cameras) throws Exception {
        try {
            waitFor(() -> cameras == 0 ? text(robot, "#status-source").contains(" cameras")
                    : text(robot, "#status-source").contains(cameras + " cameras"));
        } catch (AssertionError e) {
            Screenshots.save(robot.lookup("#status-source").query().getScene(), "deploy-fleet-not-loaded");
            throw e;
        }
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#deploy-new").tryQuery().map(Node::isVisible).orElse(false));
    }

    @Test
    void aDemoRolloutPlannedInTheWizardRunsWithLiveProgress(FxRobot robot) throws Exception {
        WindowFixture window = new WindowFixture();
        Path data = dir.resolve("data");
        WaitForAsyncUtils.asyncFx(() -> window.open(stage, data, 300,
                Preferences.DEFAULT.withWindow(0, 0, 1500, 940, false)));
        try {
            toDeployments(robot, 725);
            assertThat(wizard(robot, "region:EU", "DEMO", "camfleet", "25%", 20, "10%", true, "deploy-demo"))
                    .isEqualTo("Artifact: demo/camos-agent-6.6.0.tar.gz (not read on this machine by this executor)");

            // The canary of 2 goes first, then the rollout waits for an approval (or a decision, if one failed).
            waitFor(() -> text(robot, "#deploy-state").equals("Paused"));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(rows(robot).stream().filter(t -> t.record().wave() == 0)
                    .allMatch(t -> t.state().isSettled())).isTrue();
            assertThat(rows(robot).stream().filter(t -> t.record().wave() > 0)
                    .allMatch(t -> t.state().name().equals("PENDING"))).isTrue();
            robot.clickOn("#deploy-approve");
            waitFor(() -> text(robot, "#deploy-state").equals("Running")
                    && rows(robot).stream().filter(t -> t.state().isSuccess()).count() > 20);
            Screenshots.save(robot.lookup("#deployments").query().getScene(), "deploy-demo-live");
            waitFor(() -> List.of("Succeeded", "Failed").contains(text(robot, "#deploy-state")));
            List<TargetRow> rows = rows(robot);
            assertThat(rows).isNotEmpty().allMatch(t -> t.state().isSettled() || t.state().name().equals("PENDING"));
            assertThat(rows.stream().filter(t -> t.state().isSuccess()).count()).isGreaterThan(rows.size() / 2);
            // The canary of 2 went first, in its own wave.
            assertThat(rows.stream().filter(t -> t.record().wave() == 0)).hasSize(2);
            robot.interact(() -> robot.lookup("#deploy-targets").queryAs(TableView.class).getSelectionModel()
                    .select(0));
            waitFor(() -> !robot.lookup("#deploy-log").queryAs(javafx.scene.control.TextArea.class).getText()
                    .isEmpty());
            Screenshots.save(robot.lookup("#deployments").query().getScene(), "deploy-demo-done");
            robot.interact(() -> robot.lookup("#deploy-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
            WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
            Screenshots.save(robot.lookup("#deployments").query().getScene(), "deploy-demo-map");
        } finally {
            window.close();
        }
    }

    @Test
    void aDeploymentTheConsoleStoppedUnderShowsAsInterruptedAndResumesFromTheScreen(FxRobot robot) throws Exception {
        Path data = dir.resolve("data");
        Release release = new Release("camos-agent", "6.6.1", ReleaseKind.HOTFIX, "demo/agent.tar.gz",
                "c".repeat(64), "install.sh", "selftest", "rollback.sh");
        Instant t0 = Instant.now();
        try (CacheDatabase db = CacheDatabase.open(data, Clock.systemUTC())) {
            new JdbcReleaseStore(db.dataSource(), Clock.systemUTC()).save(release, "release-engineer");
            var journal = new io.camfleet.console.adapter.store.JdbcDeploymentJournal(db.dataSource(),
                    Clock.systemUTC());
            List<TargetRecord> targets = List.of(
                    new TargetRecord(new Target("X-1", "S-1", "", "", ""), 0, TargetState.PENDING, 0, "", t0),
                    new TargetRecord(new Target("X-2", "S-1", "", "", ""), 0, TargetState.PENDING, 0, "", t0),
                    new TargetRecord(new Target("X-3", "S-2", "", "", ""), 1, TargetState.PENDING, 0, "", t0));
            journal.create(new DeploymentRecord("d-crashed", release.name(), release.version(), ExecutorKind.DEMO,
                    "{\"waves\": \"2\", \"maxConcurrency\": 2, \"failureThreshold\": \"3\"}",
                    DeploymentState.RUNNING, t0, "nightly-pipeline", t0), targets);
            // The console died with X-1 installed and X-2 installing: as a kill -9 leaves the journal.
            for (String step : List.of("DISPATCHED", "INSTALLING", "VERIFYING", "SUCCEEDED")) {
                TargetState from = journal.targets("d-crashed").get(0).state();
                journal.moveTarget("d-crashed", "X-1", from, TargetState.valueOf(step), "", false);
            }
            journal.moveTarget("d-crashed", "X-2", TargetState.PENDING, TargetState.DISPATCHED, "", false);
            journal.moveTarget("d-crashed", "X-2", TargetState.DISPATCHED, TargetState.INSTALLING, "", false);
        }
        WindowFixture window = new WindowFixture();
        WaitForAsyncUtils.asyncFx(() -> window.open(stage, data, 50,
                Preferences.DEFAULT.withWindow(0, 0, 1500, 940, false)));
        try {
            toDeployments(robot, 0);
            waitFor(() -> text(robot, "#deploy-state").equals("Interrupted"));
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(robot.lookup("#deployments").query().getScene(), "deploy-interrupted");
            robot.clickOn("#deploy-resume-interrupted");
            waitFor(() -> text(robot, "#deploy-state").equals("Succeeded"));
            WaitForAsyncUtils.waitForFxEvents();
            Map<String, TargetRow> rows = new java.util.HashMap<>();
            rows(robot).forEach(t -> rows.put(t.cameraId(), t));
            assertThat(rows.get("X-1").state()).isEqualTo(TargetState.SUCCEEDED);
            assertThat(rows.get("X-1").record().attempt()).as("a camera that succeeded is never run again")
                    .isZero();
            assertThat(rows.values()).allMatch(t -> t.state().isSettled());
        } finally {
            window.close();
        }
        try (CacheDatabase db = CacheDatabase.open(data, Clock.systemUTC())) {
            var events = new io.camfleet.console.adapter.store.JdbcDeploymentJournal(db.dataSource(),
                    Clock.systemUTC()).events("d-crashed");
            assertThat(events).filteredOn(e -> e.cameraId().equals("X-2")).extracting(e -> e.to())
                    .containsSubsequence("INSTALLING", "UNKNOWN");
            assertThat(events).filteredOn(e -> e.cameraId().equals("X-1") && e.to().equals("SUCCEEDED")).hasSize(1);
        }
    }

}
