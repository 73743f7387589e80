package io.camfleet.console.ui.estate;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The picker tells the tab shown which environment to show, once per change; a hidden tab hears when next shown. */
@ExtendWith(ApplicationExtension.class)
class EstateViewTest {

    static final Environment EU = Environment.of("eu", "", "eu-west-1", "");
    static final Environment US = Environment.of("us", "", "us-east-1", "");

    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final Probe first = new Probe("images");
    private final Probe second = new Probe("cost");
    private volatile List<Environment> configured = List.of(EU, US);

    static final class Probe implements EstateTab {
        final String id;
        final List<String> shown = new CopyOnWriteArrayList<>();
        private Label root; // built on the FX thread, once the toolkit is up

        Probe(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Node root() {
            if (root == null) {
                root = new Label(id);
            }
            return root;
        }

        @Override
        public void show(Environment environment) {
            shown.add(environment == null ? "none" : environment.label());
        }
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        EstateView view = new EstateView(() -> new ArrayList<>(configured), List.of(first, second),
                new BackgroundTasks(workers), new Messages(Locale.ENGLISH));
        stage.setScene(new Scene(new StackPane(view.root()), 1000, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void theFirstEnvironmentIsShownAndAChangeReachesOnlyTheTabShownUntilTheOtherIsOpened(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> first.shown.equals(List.of("eu")));
        assertThat(second.shown).as("not shown yet").isEmpty();
        ComboBox<?> picker = robot.lookup("#estate-environment").queryAs(ComboBox.class);
        assertThat(picker.getItems()).hasSize(2);

        robot.interact(() -> ((ComboBox<Environment>) (ComboBox<?>) picker).setValue(US));
        assertThat(first.shown).containsExactly("eu", "us");
        assertThat(second.shown).isEmpty();

        robot.interact(() -> robot.lookup("#estate-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        assertThat(second.shown).containsExactly("us");
        robot.interact(() -> robot.lookup("#estate-tabs").queryAs(TabPane.class).getSelectionModel().select(0));
        assertThat(first.shown).as("told once per change, not per visit").containsExactly("eu", "us");
        assertThat(robot.lookup("#estate-none").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void withNoEnvironmentConfiguredTheScreenSaysWhereToAddOneAndTheTabHearsNone(FxRobot robot) throws Exception {
        configured = List.of();
        robot.interact(() -> {
            Node root = robot.lookup("#estate").query();
            var scene = root.getScene();
            StackPane holder = (StackPane) scene.getRoot();
            holder.getChildren().clear();
            holder.getChildren().add(new EstateView(() -> new ArrayList<>(configured), List.of(new Probe("x")),
                    new BackgroundTasks(workers), new Messages(Locale.ENGLISH)).root());
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#estate-none").queryAs(Label.class)
                .isVisible());
        assertThat(robot.lookup("#estate-none").queryAs(Label.class).getText()).contains("Settings, Fleet source");
    }
}
