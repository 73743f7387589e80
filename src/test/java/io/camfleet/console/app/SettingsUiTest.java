package io.camfleet.console.app;

import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.service.map.TileSettings;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.EnvironmentReader.AwsProfile;
import io.camfleet.console.service.environments.EnvironmentReader.CallerIdentity;
import io.camfleet.console.service.environments.FakeEnvironmentReader;
import io.camfleet.console.service.environments.SourceSettings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings, Fleet source, in the real window: an AWS environment is added through the form (its region filled in
 * from the chosen SSO profile), tested in the background, a bad one is refused with a sentence, and Save keeps it in
 * settings.json. The Map tiles tab is still first and still there.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsUiTest {

    @TempDir
    Path dir;
    private final WindowFixture window = new WindowFixture();
    private final CountDownLatch slowAnswers = new CountDownLatch(1);
    private final FakeEnvironmentReader aws = new FakeEnvironmentReader(List.of(
            new AwsProfile("default", "us-east-1", false),
            new AwsProfile("noc-sso", "eu-west-1", true),
            new AwsProfile("lab", "", false)))
            .answer("noc-sso", "123456789012", "arn:aws:sts::123456789012:assumed-role/NocOperator/jane")
            .answer("lab", e -> {
                // An endpoint that takes its time: the dialog must go on answering meanwhile.
                try {
                    slowAnswers.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return new CallerIdentity("210987654321", "arn:aws:iam::210987654321:user/lab-bot");
            });

    @Start
    void start(Stage stage) {
        window.open(stage, dir.resolve("data"), 60, WindowFixture.sized(1300, 860), aws);
    }

    @AfterEach
    void stop() throws Exception {
        slowAnswers.countDown();
        window.close();
    }

    private SourceSettings saved() {
        return SettingsFile.in(dir.resolve("data")).read().get(SourceSettings.SECTION);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Environment> environments(FxRobot robot) {
        return (TableView<Environment>) robot.lookup("#settings-environments").queryAs(TableView.class);
    }

    private static void openForm(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#settings-env-label").tryQuery().map(Node::isVisible).orElse(false));
    }

    /** Puts text in a field as a paste would: the headless robot cannot type every character of a path or URL. */
    private static void type(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        WaitForAsyncUtils.asyncFx(() -> field.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void openFleetSource(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#fleet-sites").tryQuery().isPresent());
        robot.clickOn("#nav-settings");
        waitFor(() -> robot.lookup("#settings-tiles-url").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("Fleet source");
        waitFor(() -> robot.lookup("#settings-source-aws").tryQuery().map(Node::isVisible).orElse(false));
    }

    @Test
    void anAwsEnvironmentIsAddedThroughTheFormTestedAndSaved(FxRobot robot) throws Exception {
        openFleetSource(robot);
        robot.clickOn("#settings-source-aws");
        assertThat(robot.lookup("#settings-source-credentials").queryAs(Label.class).getText())
                .contains("aws configure", "aws sso login", "never stores");

        // Add: the SSO profile is marked as such in the list, and choosing it fills in its region.
        robot.clickOn("#settings-source-add");
        openForm(robot);
        robot.clickOn("#settings-env-label").write("prod-eu");
        robot.clickOn("#settings-env-profile .arrow-button");
        waitFor(() -> robot.lookup("noc-sso (SSO)").tryQuery().isPresent());
        ScreenShots.save(robot.lookup("noc-sso (SSO)").query().getScene(), "settings-profile-list");
        robot.clickOn("noc-sso (SSO)");
        assertThat(robot.lookup("#settings-env-region").queryAs(TextField.class).getText()).isEqualTo("eu-west-1");
        robot.clickOn("#settings-env-ok");
        waitFor(() -> robot.lookup("#settings-env-ok").tryQuery().isEmpty());
        assertThat(environments(robot).getItems()).containsExactly(Environment.of("prod-eu", "noc-sso",
                "eu-west-1", ""));

        // Test asks AWS who the console is there, in the background, and says so next to it.
        robot.clickOn("#settings-source-test");
        waitFor(() -> "account 123456789012 \u00b7 role NocOperator".equals(text(robot, "#settings-source-check")));

        // A bad region: the sentence shows in the form, which stays open; nothing is added or saved.
        robot.clickOn("#settings-source-add");
        openForm(robot);
        robot.clickOn("#settings-env-label").write("staging");
        robot.clickOn("#settings-env-region").write("Europe");
        robot.clickOn("#settings-env-ok");
        waitFor(() -> robot.lookup("#settings-env-problem").tryQuery()
                .map(n -> ((Label) n).getText()
                        .equals("'Europe' is not an AWS region: write it like eu-west-1 or us-east-1."))
                .orElse(false));
        ScreenShots.save(robot.lookup("#settings-env-problem").query().getScene(), "settings-environment-form");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#settings-env-ok").tryQuery().isEmpty());
        assertThat(environments(robot).getItems()).hasSize(1);
        assertThat(saved()).isEqualTo(SourceSettings.DEMO);

        // A profile with no credentials: the test says so, in a sentence with the next step; Remove takes it out.
        robot.clickOn("#settings-source-add");
        openForm(robot);
        robot.clickOn("#settings-env-label").write("dr");
        robot.clickOn("#settings-env-profile").write("nobody");
        robot.clickOn("#settings-env-region").write("us-west-2");
        robot.clickOn("#settings-env-ok");
        waitFor(() -> environments(robot).getItems().size() == 2);
        robot.clickOn("#settings-source-test");
        waitFor(() -> text(robot, "#settings-source-check").startsWith(
                "There are no AWS credentials for profile nobody. Sign in or configure the profile"));
        ScreenShots.save(robot.lookup("#settings-tabs").query().getScene(), "settings-fleet-source-failed");
        robot.clickOn("#settings-source-remove");
        waitFor(() -> environments(robot).getItems().size() == 1);

        // A slow test shows a spinner and holds nothing up: the dialog still answers, and the other result shows.
        robot.clickOn("#settings-source-add");
        openForm(robot);
        robot.clickOn("#settings-env-label").write("lab");
        robot.clickOn("#settings-env-profile").write("lab");
        robot.clickOn("#settings-env-region").write("eu-north-1");
        type(robot, "#settings-env-endpoint", "http://127.0.0.1:4566");
        // An events queue on the emulator's endpoint: incremental syncs of it ask only for what changed.
        type(robot, "#settings-env-queue", "http://127.0.0.1:4566/000000000000/camfleet-events");
        ScreenShots.save(robot.lookup("#settings-env-queue").query().getScene(), "settings-environment-queue");
        robot.clickOn("#settings-env-ok");
        waitFor(() -> environments(robot).getItems().size() == 2);
        robot.clickOn("#settings-source-test");
        waitFor(() -> "Testing\u2026".equals(text(robot, "#settings-source-check")));
        assertThat(robot.lookup(".table-cell .progress-indicator").queryAs(ProgressIndicator.class).isVisible())
                .isTrue();
        ScreenShots.save(robot.lookup("#settings-tabs").query().getScene(), "settings-fleet-source-testing");
        robot.clickOn("prod-eu");
        waitFor(() -> text(robot, "#settings-source-check").startsWith("account 123456789012"));
        slowAnswers.countDown();
        robot.clickOn("lab");
        waitFor(() -> "account 210987654321 \u00b7 user lab-bot".equals(text(robot, "#settings-source-check")));
        ScreenShots.save(robot.lookup("#settings-tabs").query().getScene(), "settings-fleet-source");

        // Save: settings.json now says AWS, with both environments.
        robot.clickOn("Save");
        waitFor(() -> robot.lookup("#settings-tabs").tryQuery().isEmpty());
        assertThat(saved().kind()).isEqualTo(SourceSettings.Kind.AWS);
        assertThat(saved().environments()).containsExactly(
                Environment.of("prod-eu", "noc-sso", "eu-west-1", ""),
                new Environment("lab", "lab", "eu-north-1", URI.create("http://127.0.0.1:4566"),
                        URI.create("http://127.0.0.1:4566/000000000000/camfleet-events")));
    }

    @Test
    void awsWithoutAnEnvironmentIsRefusedAndTheMapTilesTabIsStillThere(FxRobot robot) throws Exception {
        // The demo fleet names no environment: no Environment menu, no Environment column.
        waitFor(() -> robot.lookup("#fleet-sites").tryQuery()
                .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        assertThat(robot.lookup(".environment-filter").queryAs(MenuButton.class).isVisible()).isFalse();
        assertThat(robot.lookup("#fleet-sites").queryAs(TableView.class).getColumns().stream()
                .filter(c -> ((TableColumn<?, ?>) c).getText().equals("Environment"))
                .noneMatch(c -> ((TableColumn<?, ?>) c).isVisible())).isTrue();
        openFleetSource(robot);
        robot.clickOn("#settings-source-aws");
        robot.clickOn("Save");
        waitFor(() -> robot.lookup("#settings-source-problem").queryAs(Label.class).getText().equals(
                "No AWS environment is set up: add one in Settings, or choose the demo fleet or an imported file."));
        assertThat(robot.lookup("#settings-tabs").tryQuery()).isPresent();
        // How much health history the cache keeps, read only: what keeps the cache bounded.
        assertThat(robot.lookup("#settings-history").queryAs(Label.class).getText())
                .startsWith("Health history: the cache keeps the last 7 days, and of each camera its newest 10");

        // An import needs a file that is there.
        robot.clickOn("#settings-source-import");
        type(robot, "#settings-source-file", dir.resolve("nowhere.csv").toString());
        robot.clickOn("Save");
        waitFor(() -> robot.lookup("#settings-source-problem").queryAs(Label.class).getText()
                .contains("does not exist"));
        ScreenShots.save(robot.lookup("#settings-tabs").query().getScene(), "settings-fleet-source-refused");

        // The demo is always possible; the tile layer is set on its own tab, as before.
        robot.clickOn("#settings-source-demo");
        robot.clickOn("Map tiles");
        robot.clickOn("#settings-tiles-enabled");
        type(robot, "#settings-tiles-url", "https://tiles.example/{z}/{x}/{y}.png");
        robot.clickOn("#settings-tiles-attribution").write("\u00a9 Example");
        ScreenShots.save(robot.lookup("#settings-tabs").query().getScene(), "settings-map-tiles");
        robot.clickOn("Save");
        waitFor(() -> robot.lookup("#settings-tabs").tryQuery().isEmpty());
        Settings p = SettingsFile.in(dir.resolve("data")).read();
        assertThat(p.get(TileSettings.SECTION).enabled()).isTrue();
        assertThat(p.get(TileSettings.SECTION).urlTemplate()).isEqualTo("https://tiles.example/{z}/{x}/{y}.png");
        assertThat(p.get(SourceSettings.SECTION)).isEqualTo(SourceSettings.DEMO.withImportFile(dir.resolve("nowhere.csv").toString()));
    }
}
