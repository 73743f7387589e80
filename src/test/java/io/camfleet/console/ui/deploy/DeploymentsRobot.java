package io.camfleet.console.ui.deploy;

import static io.camfleet.console.ui.common.ScreenShots.save;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.ui.deploy.DeploymentsViewModel.TargetRow;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** How a TestFX test drives the Deployments screen and its wizard, for the screen's tests and the window's. */
public final class DeploymentsRobot {

    private DeploymentsRobot() {
    }

    public static void waitFor(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in 30 s", e);
        }
    }

    public static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    @SuppressWarnings("unchecked")
    public static TableView<TargetRow> targets(FxRobot robot) {
        return (TableView<TargetRow>) robot.lookup("#deploy-targets").queryAs(TableView.class);
    }

    /** The target rows as the table holds them now, copied on the FX thread (the table changes as rollouts run). */
    public static List<TargetRow> rows(FxRobot robot) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> List.copyOf(targets(robot).getItems())).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static void set(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(value));
    }

    /** Walks the wizard through to the launch; what its dry run said of the artifact. */
    public static String wizard(FxRobot robot, String filter, ExecutorKind executor, String sshUser, String waves,
                                int concurrency, String threshold, boolean emergency, String shotPrefix)
            throws Exception {
        return wizardDryRun(robot, filter, executor, sshUser, waves, concurrency, threshold, emergency, shotPrefix)
                .get(0);
    }

    /**
     * Walks the wizard to a launch: the first release offered, targets by filter, a canary of 2, the plan, the dry
     * run, confirm. Returns what the dry run said: the artifact line, and the unreachable cameras.
     */
    public static List<String> wizardDryRun(FxRobot robot, String filter, ExecutorKind executor, String sshUser,
                                            String waves, int concurrency, String threshold, boolean emergency,
                                            String shotPrefix) throws Exception {
        robot.clickOn("#deploy-new");
        waitFor(() -> robot.lookup("#deploy-wizard").tryQuery().isPresent()
                && !robot.lookup("#wizard-release").queryAs(ComboBox.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#wizard-release").queryAs(ComboBox.class).getSelectionModel().select(0));
        save(robot.lookup("#deploy-wizard").query().getScene(), shotPrefix + "-wizard-release");
        robot.clickOn("#wizard-next");
        waitFor(() -> robot.lookup("#wizard-page-targets").query().isVisible());
        robot.interact(() -> robot.lookup("#wizard-by-filter").queryAs(RadioButton.class).setSelected(true));
        set(robot, "#wizard-filter", filter);
        waitFor(() -> text(robot, "#wizard-target-count").matches("\\d+ cameras? at .*"));
        save(robot.lookup("#deploy-wizard").query().getScene(), shotPrefix + "-wizard-targets");
        robot.clickOn("#wizard-next");
        waitFor(() -> robot.lookup("#wizard-page-plan").query().isVisible());
        set(robot, "#wizard-canary", "2");
        set(robot, "#wizard-waves", waves);
        set(robot, "#wizard-threshold", threshold);
        robot.interact(() -> {
            robot.lookup("#wizard-concurrency").queryAs(Spinner.class).getValueFactory().setValue(concurrency);
            robot.lookup("#wizard-executor").queryAs(ComboBox.class).getSelectionModel().select(executor);
            robot.lookup("#wizard-ssh-user").queryAs(TextField.class).setText(sshUser);
            robot.lookup("#wizard-emergency").queryAs(CheckBox.class).setSelected(emergency);
        });
        save(robot.lookup("#deploy-wizard").query().getScene(), shotPrefix + "-wizard-plan");
        robot.clickOn("#wizard-next");
        waitFor(() -> robot.lookup("#wizard-dry-run").queryAs(TableView.class).getItems().size() >= 2
                && robot.lookup("#wizard-page-dryRun").query().isVisible());
        // The table is filled first and the lines under it after, in the same FX event: let that event end.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#wizard-error")).isEmpty();
        List<String> said = List.of(text(robot, "#wizard-dry-run-artifact"),
                robot.lookup("#wizard-dry-run-unreachable").query().isVisible()
                        ? text(robot, "#wizard-dry-run-unreachable") : "");
        save(robot.lookup("#deploy-wizard").query().getScene(), shotPrefix + "-wizard-dry-run");
        robot.clickOn("#wizard-next");
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).as("launch needs the review ticked")
                .isTrue();
        robot.clickOn("#wizard-reviewed");
        save(robot.lookup("#deploy-wizard").query().getScene(), shotPrefix + "-wizard-confirm");
        robot.clickOn("#wizard-next");
        waitFor(() -> robot.lookup("#deploy-wizard").tryQuery().isEmpty());
        return said;
    }
}
