package io.camfleet.console.ui.estate;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.files.JsonSettingsStore;
import io.camfleet.console.domain.terraform.ManagedTag;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.terraform.StateBucket;
import io.camfleet.console.service.terraform.StateLocation;
import io.camfleet.console.service.terraform.TerraformService;
import io.camfleet.console.service.terraform.TerraformSettings;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.ui.estate.StateTabRig.text;
import static io.camfleet.console.ui.estate.StateTabRig.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

/** A slow read shows its progress and can be cancelled; the tab is usable again at once and shows nothing half. */
@ExtendWith(ApplicationExtension.class)
class StateTabCancelTest {

    @TempDir
    Path folder;
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final CountDownLatch s3Answers = new CountDownLatch(1);
    private StackPane holder;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        holder = new StackPane();
        stage.setScene(new Scene(holder, 1200, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        s3Answers.countDown();
        workers.shutdownNow();
    }

    @Test
    void aSlowReadCanBeCancelledAndLeavesTheTabAsItWas(FxRobot robot) throws Exception {
        SettingsStore settings = new JsonSettingsStore(folder.resolve("settings.json"), List.of(
                SourceSettings.SECTION, TerraformSettings.SECTION), Clock.systemUTC());
        settings.write(TerraformSettings.SECTION, new TerraformSettings(Map.of("eu", new StateLocation("tf-eu",
                "eu.tfstate", "")), ManagedTag.DEFAULT, 256));
        byte[] state = StateTabModelTest.STATE.getBytes(StandardCharsets.UTF_8);
        StateBucket slow = (env, where) -> {
            try {
                s3Answers.await(); // S3 that does not answer until the test lets it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new StateBucket.StateObject(new ByteArrayInputStream(state), state.length,
                    StateTabModelTest.T0);
        };
        TerraformService terraform = new TerraformService(slow, env -> List.of(),
                () -> settings.read().require(TerraformSettings.SECTION), () -> List.of(StateTabModelTest.EU));
        StateTabModelTest.MemorySnapshots snapshots = new StateTabModelTest.MemorySnapshots();
        Messages m = new Messages(Locale.ENGLISH);
        StateTab tab = new StateTab(new StateTabModel(new StateTabModel.Parts(terraform,
                new EstateCache(snapshots, Clock.systemUTC()), settings), new BackgroundTasks(workers), m), m,
                ZoneOffset.UTC, Clock.systemUTC());
        robot.interact(() -> {
            holder.getChildren().setAll(tab.root());
            tab.show(StateTabModelTest.EU);
        });
        waitForText(robot, "#estate-state-as-of", "Not read yet");

        robot.clickOn("#estate-state-refresh");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#estate-state-cancel").query()
                .isVisible());
        assertThat(robot.lookup("#estate-state-refresh").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#estate-state-cancel");
        assertThat(robot.lookup("#estate-state-cancel").query().isVisible()).isFalse();
        assertThat(robot.lookup("#estate-state-refresh").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(text(robot, "#estate-state-as-of")).startsWith("Not read yet");
        assertThat(text(robot, "#estate-state-problem")).isEmpty();

        s3Answers.countDown(); // the read cancelled, not the one after it: a new Refresh reads and shows
        robot.clickOn("#estate-state-refresh");
        waitForText(robot, "#estate-state-facts", "serial 42");
        assertThat(snapshots.writes).as("the cancelled read was not kept, the second was").hasValue(1);
    }
}
