package io.camfleet.console.ui.estate;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.files.JsonSettingsStore;
import io.camfleet.console.domain.terraform.ManagedTag;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.terraform.GeneratedState;
import io.camfleet.console.service.terraform.StateBucket;
import io.camfleet.console.service.terraform.StateLocation;
import io.camfleet.console.service.terraform.TerraformService;
import io.camfleet.console.service.terraform.TerraformSettings;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.camfleet.console.ui.estate.StateTabRig.table;
import static io.camfleet.console.ui.estate.StateTabRig.text;
import static io.camfleet.console.ui.estate.StateTabRig.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

/** A state of 10,000 resources is read, grouped and shown without the window freezing, and stays quick to browse. */
@ExtendWith(ApplicationExtension.class)
class StateTabLargeStateTest {

    @TempDir
    Path folder;
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
    private StackPane holder;
    private Scene scene;

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
        pinger.shutdownNow();
        workers.shutdownNow();
    }

    @Test
    void tenThousandResourcesAreShownWithoutFreezingTheWindowAndBrowsedQuickly(FxRobot robot) throws Exception {
        SettingsStore settings = new JsonSettingsStore(folder.resolve("settings.json"), List.of(
                SourceSettings.SECTION, TerraformSettings.SECTION), Clock.systemUTC());
        settings.write(TerraformSettings.SECTION, new TerraformSettings(Map.of("eu", new StateLocation("tf-eu",
                "eu.tfstate", "")), ManagedTag.DEFAULT, 256));
        byte[] state = Files.readAllBytes(GeneratedState.write(folder.resolve("big.tfstate"), 10_000));
        StateBucket bucket = (env, where) -> new StateBucket.StateObject(new ByteArrayInputStream(state),
                state.length, StateTabModelTest.T0);
        TerraformService terraform = new TerraformService(bucket, env -> List.of(),
                () -> settings.read().require(TerraformSettings.SECTION), () -> List.of(StateTabModelTest.EU));
        Messages m = new Messages(Locale.ENGLISH);
        StateTab tab = new StateTab(new StateTabModel(new StateTabModel.Parts(terraform,
                new EstateCache(new StateTabModelTest.MemorySnapshots(), Clock.systemUTC()), settings),
                new BackgroundTasks(workers), m), m, ZoneOffset.UTC, Clock.systemUTC());
        robot.interact(() -> {
            holder.getChildren().setAll(tab.root());
            tab.show(StateTabModelTest.EU);
        });
        waitForText(robot, "#estate-state-as-of", "Not read yet");

        // The longest the FX thread took to run a ping posted every 20 ms while the state is read and shown
        AtomicLong worstMs = new AtomicLong();
        pinger.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> worstMs.accumulateAndGet((System.nanoTime() - posted) / 1_000_000, Math::max));
        }, 0, 20, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        robot.clickOn("#estate-state-refresh");
        waitForText(robot, "#estate-state-facts", "serial 90210");
        long shownMs = (System.nanoTime() - start) / 1_000_000;
        pinger.shutdownNow();

        System.out.printf("State tab, 10,000 resources: shown %d ms after Refresh, FX thread's longest stall %d ms%n",
                shownMs, worstMs.get());
        assertThat(text(robot, "#estate-state-listed")).isEqualTo("All 10,000 resources");
        // By hand: 1,000 blocks of 10 cycling instance, ami, bucket: 334 instance blocks, 333 of each other type;
        // an empty AWS misses every instance and image (6,670), buckets are not checked
        assertThat(table(robot, "#estate-state-drift").getItems()).hasSize(6670);
        long selectStart = System.nanoTime();
        robot.interact(() -> table(robot, "#estate-state-types").getSelectionModel().select(1));
        long selectMs = (System.nanoTime() - selectStart) / 1_000_000;
        assertThat(text(robot, "#estate-state-listed")).isEqualTo("3,340 of type aws_instance");
        long searchStart = System.nanoTime();
        robot.interact(() -> robot.lookup("#estate-state-search").queryAs(TextField.class).setText("-99-"));
        long searchMs = (System.nanoTime() - searchStart) / 1_000_000;
        // By hand: instance blocks holding "-99-" in an id: only block 99 (99 % 3 == 0), its 10 instances
        assertThat(text(robot, "#estate-state-listed")).isEqualTo("10 of type aws_instance");
        ScreenShots.save(scene, "estate-state-10000");

        System.out.printf("State tab, 10,000 resources: type picked in %d ms, search in %d ms%n", selectMs, searchMs);
        assertThat(worstMs.get()).as("the window never freezes").isLessThan(1_000);
        assertThat(selectMs).isLessThan(1_000);
        assertThat(searchMs).isLessThan(1_000);
    }
}
