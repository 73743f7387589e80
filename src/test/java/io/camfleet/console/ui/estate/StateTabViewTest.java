package io.camfleet.console.ui.estate;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.domain.terraform.DriftHint;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.terraform.StateLocation;
import io.camfleet.console.service.terraform.TerraformSettings;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.ui.estate.StateTabRig.table;
import static io.camfleet.console.ui.estate.StateTabRig.text;
import static io.camfleet.console.ui.estate.StateTabRig.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

/** The Terraform state tab on moto_server with two environments: state by type, resources, drift, switching. */
@ExtendWith(ApplicationExtension.class)
class StateTabViewTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path folder;
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private StackPane holder;
    private Scene scene;
    private StateTabRig rig;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        holder = new StackPane();
        scene = new Scene(holder, 1400, 860);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
        if (rig != null) {
            rig.close();
        }
    }

    private void mount(FxRobot robot) {
        robot.interact(() -> holder.getChildren().setAll(rig.view(workers).root()));
    }

    @SuppressWarnings("unchecked")
    private void pick(FxRobot robot, Environment env) {
        robot.interact(() -> ((ComboBox<Environment>) robot.lookup("#estate-environment").queryAs(ComboBox.class))
                .setValue(env));
    }

    @Test
    void eachEnvironmentShowsItsStateByTypeItsResourcesAndItsDriftAndComesBackFromTheCache(FxRobot robot)
            throws Exception {
        rig = new StateTabRig(MOTO, folder).seed().configure("eu", "us");
        mount(robot);
        waitForText(robot, "#estate-state-as-of", "Not read yet");
        assertThat(text(robot, "#estate-state-location")).isEqualTo("State s3://tf-eu/eu/terraform.tfstate");

        robot.clickOn("#estate-state-refresh");
        waitForText(robot, "#estate-state-facts", "serial 11");
        assertThat(text(robot, "#estate-state-facts")).startsWith("Terraform 1.9.8, serial 11, lineage moto-test, "
                + "last modified ").endsWith("; 5 resources");
        assertThat(text(robot, "#estate-state-facts")).doesNotContain("data source");
        assertThat(text(robot, "#estate-state-as-of")).startsWith("As of ");
        assertThat(table(robot, "#estate-state-types").getItems()).containsExactly(
                new StateSummary.TypeCount("aws_ami", 1), new StateSummary.TypeCount("aws_instance", 2),
                new StateSummary.TypeCount("aws_iot_thing", 2));
        assertThat(text(robot, "#estate-state-listed")).isEqualTo("All 5 resources");
        WaitForAsyncUtils.waitForFxEvents();
        ScreenShots.save(scene, "estate-state-eu-all");

        robot.clickOn(robot.lookup("#estate-state-types .table-row-cell").nth(1).queryAs(Node.class));
        assertThat(text(robot, "#estate-state-listed")).isEqualTo("2 of type aws_instance");
        assertThat(table(robot, "#estate-state-resources").getItems()).extracting(
                r -> ((StateSummary.Resource) r).address()).containsExactly("aws_instance.this[0]",
                "aws_instance.this[1]");

        // By hand (TerraformSeeder's state): missing in AWS = the terminated instance and thing cam-2; not in the
        // state = the instance tagged by hand. The image and cam-1 match.
        assertThat(table(robot, "#estate-state-drift").getItems()).extracting(h -> ((DriftHint) h).id())
                .containsExactly(rig.euTerminated, "cam-2", rig.euUntracked);
        DriftTable words = new DriftTable(rig.m);
        DriftHint terminated = (DriftHint) table(robot, "#estate-state-drift").getItems().getFirst();
        assertThat(words.which(terminated)).isEqualTo("Missing in AWS");
        assertThat(words.why(terminated)).isEqualTo("The state holds aws_instance.this[1], but AWS has this instance "
                + "terminated: removed outside Terraform? Run terraform plan.");
        // By hand: compared = 3 instances (kept, terminated, by hand) + 1 image + 1 thing (cam-1) in eu-west-1
        assertThat(text(robot, "#estate-state-drift-title")).isEqualTo(
                "Drift hints: 3 (5 AWS resources compared, managed tag ManagedBy=terraform)");
        ScreenShots.save(scene, "estate-state-eu");

        robot.clickOn("#estate-state-search").write("this[1]");
        assertThat(table(robot, "#estate-state-resources").getItems()).hasSize(1);
        assertThat(text(robot, "#estate-state-listed")).isEqualTo("1 of type aws_instance");

        pick(robot, rig.us);
        waitForText(robot, "#estate-state-as-of", "Not read yet");
        assertThat(table(robot, "#estate-state-types").getItems()).isEmpty();
        robot.clickOn("#estate-state-refresh");
        waitForText(robot, "#estate-state-facts", "serial 22");
        assertThat(text(robot, "#estate-state-location")).isEqualTo("State s3://tf-us/us/terraform.tfstate");
        assertThat(text(robot, "#estate-state-facts")).endsWith("; 1 resource");
        assertThat(text(robot, "#estate-state-listed")).as("search and type cleared").isEqualTo("1 resource");
        assertThat(table(robot, "#estate-state-drift").getItems()).extracting(h -> ((DriftHint) h).id())
                .containsExactly(rig.usUntracked);
        ScreenShots.save(scene, "estate-state-us");

        pick(robot, rig.eu);
        waitForText(robot, "#estate-state-facts", "serial 11");
        assertThat(text(robot, "#estate-state-as-of")).startsWith("As of ");
        assertThat(table(robot, "#estate-state-drift").getItems()).hasSize(3);
    }

    @Test
    void anEnvironmentWithNoStateSaysWhichSettingsToAddAndItsFormWritesThemAndReadsTheState(FxRobot robot)
            throws Exception {
        rig = new StateTabRig(MOTO, folder).seed().configure("eu");
        mount(robot);
        waitForText(robot, "#estate-state-as-of", "Not read yet");
        pick(robot, rig.us);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#estate-state-setup").query()
                .isVisible());
        assertThat(text(robot, "#estate-state-setup-intro")).startsWith("Environment us has no Terraform state in "
                + "the settings. Give its S3 backend's bucket and key").contains("terraform, states, us");
        assertThat(robot.lookup("#estate-state-refresh").query().isVisible()).as("nothing to refresh yet").isFalse();
        assertThat(text(robot, "#estate-state-as-of")).isEmpty();
        ScreenShots.save(scene, "estate-state-setup");

        robot.clickOn("#estate-state-bucket").write("TF_US");
        robot.clickOn("#estate-state-key").write("us/terraform.tfstate");
        robot.clickOn("#estate-state-save");
        waitForText(robot, "#estate-state-setup-problem", "is not an S3 bucket name");
        ScreenShots.save(scene, "estate-state-setup-bad-bucket");
        assertThat(rig.settings.read().require(TerraformSettings.SECTION).states()).containsOnlyKeys("eu");

        robot.interact(() -> robot.lookup("#estate-state-bucket").queryAs(TextField.class).setText("tf-us"));
        robot.clickOn("#estate-state-save");
        waitForText(robot, "#estate-state-facts", "serial 22");
        assertThat(rig.settings.read().require(TerraformSettings.SECTION).states()).containsEntry("us",
                new StateLocation("tf-us", "us/terraform.tfstate", ""));
        assertThat(robot.lookup("#estate-state-setup").query().isVisible()).isFalse();
    }
}
