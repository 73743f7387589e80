package io.camfleet.console.ui.estate;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.ui.estate.ImagesTabRig.shownIds;
import static io.camfleet.console.ui.estate.ImagesTabRig.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue read once is kept: the tab opened again over the same data folder with moto stopped shows it at once,
 * "as of" when it was read, and a Refresh that cannot reach AWS is one sentence with the catalogue still shown.
 * Its own class: it stops the moto_server of its class.
 */
@ExtendWith(ApplicationExtension.class)
class ImagesTabOfflineTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    @TempDir
    Path temp;

    private StackPane holder;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        holder = new StackPane();
        stage.setScene(new Scene(holder, 1600, 1000));
        stage.show();
    }

    @Test
    void reopenedWithAwsOutOfReachTheTabShowsTheLastCatalogueAsOfItsTime(FxRobot robot) throws Exception {
        Environment eu = moto.environment("eu", "moto-a", "eu-west-1");
        Environment us = moto.environment("us", "moto-a", "us-east-1");
        String image;
        try (AwsClients clients = moto.clients(op -> { })) {
            Ec2Client ec2 = clients.ec2(eu);
            String builder = ec2.runInstances(r -> r.imageId("ami-03cf127a").minCount(1).maxCount(1)).instances()
                    .getFirst().instanceId();
            image = ec2.createImage(r -> r.instanceId(builder).name("camos-base-2026.11.01")).imageId();
            try (ImagesTabRig first = new ImagesTabRig(temp.resolve("data"), clients, List.of(eu, us),
                    Duration.ofMillis(50))) {
                robot.interact(() -> holder.getChildren().setAll(first.view.root()));
                robot.clickOn("#images-refresh");
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shownIds(robot).equals(List.of(image)));
            }
        }
        String asOf = text(robot, "#images-as-of");
        moto.stop();

        try (AwsClients clients = moto.clients(op -> { });
             ImagesTabRig again = new ImagesTabRig(temp.resolve("data"), clients, List.of(eu, us),
                     Duration.ofMillis(50))) {
            robot.interact(() -> holder.getChildren().setAll(again.view.root()));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownIds(robot).equals(List.of(image)));
            var kept = again.cache.last("eu", ImagesTabModel.KIND, ImagesTabModel.TYPE).orElseThrow();
            String time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC)
                    .format(kept.asOf());
            assertThat(text(robot, "#images-as-of")).startsWith("As of " + time).isEqualTo(asOf.replace(
                    "(just now)", text(robot, "#images-as-of").substring(asOf.indexOf('('))));
            assertThat(text(robot, "#images-counts")).isEqualTo("1 image, 0 outdated");

            robot.clickOn("#images-refresh");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !text(robot, "#images-problem").isEmpty());
            assertThat(text(robot, "#images-problem")).isEqualTo(ImagesTabRig.M.text("aws.unreachable",
                    moto.endpoint(), "Connection refused"));
            assertThat(shownIds(robot)).as("the last catalogue stays").containsExactly(image);
            assertThat(again.cache.last("eu", ImagesTabModel.KIND, ImagesTabModel.TYPE).orElseThrow().asOf())
                    .as("a failed read keeps the snapshot").isEqualTo(kept.asOf());
            ScreenShots.save(robot.lookup("#estate").query().getScene(), "estate-images-offline");
        }
    }
}
