package io.camfleet.console.ui.estate;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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

/** With AWS out of reach (moto stopped), the tab keeps the state last read, as of its time, and says why in a line. */
@ExtendWith(ApplicationExtension.class)
class StateTabOfflineTest {

    /** Its own server: this test stops it. */
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

    @Test
    void withMotoStoppedARefreshSaysWhyInOneSentenceAndTheCachedStateStaysShownAsOfItsTimeAlsoAfterAReopen(
            FxRobot robot) throws Exception {
        rig = new StateTabRig(MOTO, folder).seed().configure("eu", "us");
        robot.interact(() -> holder.getChildren().setAll(rig.view(workers).root()));
        waitForText(robot, "#estate-state-as-of", "Not read yet");
        robot.clickOn("#estate-state-refresh");
        waitForText(robot, "#estate-state-facts", "serial 11");
        String asOf = text(robot, "#estate-state-as-of");
        assertThat(asOf).startsWith("As of ");

        MOTO.stop();
        robot.clickOn("#estate-state-refresh");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#estate-state-problem")
                .queryAs(Label.class).isVisible());
        String problem = text(robot, "#estate-state-problem");
        assertThat(problem).as("one sentence naming the state").startsWith("The Terraform state s3://tf-eu/eu/"
                + "terraform.tfstate could not be read: ").doesNotContain("Exception").doesNotContain("\n");
        assertThat(text(robot, "#estate-state-facts")).contains("serial 11");
        assertThat(text(robot, "#estate-state-as-of")).isEqualTo(asOf);
        assertThat(table(robot, "#estate-state-drift").getItems()).hasSize(3);
        ScreenShots.save(scene, "estate-state-offline");

        // The console opened again with AWS still out of reach: the state comes from the cache, as of then
        robot.interact(() -> holder.getChildren().setAll(rig.view(workers).root()));
        waitForText(robot, "#estate-state-facts", "serial 11");
        assertThat(text(robot, "#estate-state-as-of")).startsWith(asOf.substring(0, "As of 2026-12-06 14:33".length()));
        assertThat(robot.lookup("#estate-state-problem").queryAs(Label.class).isVisible()).isFalse();
        assertThat(table(robot, "#estate-state-types").getItems()).hasSize(3);
    }
}
