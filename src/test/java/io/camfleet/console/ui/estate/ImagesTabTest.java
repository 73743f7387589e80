package io.camfleet.console.ui.estate;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.ui.estate.ImagesTabRig.M;
import static io.camfleet.console.ui.estate.ImagesTabRig.shownIds;
import static io.camfleet.console.ui.estate.ImagesTabRig.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images tab on a real moto_server with two environments ("eu" on eu-west-1 and "us" on us-east-1), images in
 * both, one of them run by a camera system of the fleet cache and by an instance.
 */
@ExtendWith(ApplicationExtension.class)
class ImagesTabTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();
    /** One of the public images moto holds in every region, to launch the builders from. */
    private static final String MOTO_AMI = "ami-03cf127a";

    @TempDir
    Path temp;

    private StackPane holder;
    private AwsClients clients;
    private ImagesTabRig rig;
    private Environment eu;
    private Environment us;
    private String october;
    private String november;
    private String edge;
    private String builder;
    private String runner;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        holder = new StackPane();
        stage.setScene(new Scene(holder, 1600, 1000));
        stage.show();
    }

    /** After moto's reset (extensions first): the images, the fleet cache, then the screen. */
    @BeforeEach
    void seed(FxRobot robot) throws Exception {
        clients = moto.clients(op -> { });
        eu = moto.environment("eu", "moto-a", "eu-west-1");
        us = moto.environment("us", "moto-a", "us-east-1");
        Ec2Client ec2eu = clients.ec2(eu);
        builder = launch(ec2eu, MOTO_AMI);
        october = ec2eu.createImage(r -> r.instanceId(builder).name("camos-base-2026.10.01")
                .tagSpecifications(t -> t.resourceType("image").tags(tag -> tag.key("camfleet:patch-level")
                        .value("2026-10"), tag -> tag.key("camfleet:os").value("CamOS 12")))).imageId();
        Thread.sleep(1100); // moto dates images to the second: november must be a later one to be newer
        november = ec2eu.createImage(r -> r.instanceId(builder).name("camos-base-2026.11.01")
                .tagSpecifications(t -> t.resourceType("image").tags(tag -> tag.key("camfleet:patch-level")
                        .value("2026-11")))).imageId();
        runner = launch(ec2eu, november);
        Ec2Client ec2us = clients.ec2(us);
        edge = ec2us.createImage(r -> r.instanceId(launch(ec2us, MOTO_AMI)).name("edge-lts-2026.11.15")).imageId();

        rig = new ImagesTabRig(temp.resolve("data"), clients, List.of(eu, us), Duration.ofMillis(50));
        rig.db.fleet().replaceFleet(new FleetData(List.of(new Site("LIS-1", "Lisbon hub", "Acme", "PT", "EU", 38.7,
                        -9.1, "Europe/Lisbon", SlaTier.GOLD, "")),
                List.of(new CameraSystem("cam-7", "LIS-1", null, null, null, null, null, november, "5.2")), Map.of()),
                List.of(), "AWS", Instant.now());
        robot.interact(() -> holder.getChildren().setAll(rig.view.root()));
    }

    private static String launch(Ec2Client ec2, String image) {
        return ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1)).instances().getFirst().instanceId();
    }

    @AfterEach
    void close() {
        rig.close();
        clients.close();
    }

    private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    @Test
    void eachEnvironmentShowsItsCatalogueAndTheDeregisterConfirmationListsWhoRunsTheImage(FxRobot robot)
            throws Exception {
        waitFor(10, () -> text(robot, "#images-as-of").equals(M.text("estate.asOf.never")));
        assertThat(shownIds(robot)).isEmpty();
        assertThat(text(robot, "#images-empty")).isEqualTo(M.text("estate.images.empty.never", "eu"));

        robot.clickOn("#images-refresh");
        waitFor(20, () -> shownIds(robot).size() == 2);
        // newest first; october is outdated because november is a newer image of its lineage camos-base
        assertThat(shownIds(robot)).containsExactly(november, october);
        assertThat(text(robot, "#images-counts")).isEqualTo("2 images, 1 outdated");
        assertThat(text(robot, "#images-as-of")).startsWith("As of ");
        assertThat(text(robot, "#images-rule")).contains("older than 90 days", "newer image of its lineage");
        ImageRow oct = ImagesTabRig.table(robot).getItems().get(1);
        assertThat(oct.entry().verdict().newerImageId()).isEqualTo(november);
        assertThat(oct.patchLevel()).isEqualTo("2026-10");
        assertThat(oct.os()).isEqualTo("CamOS 12");
        ScreenShots.save(robot.lookup("#estate").query().getScene(), "estate-images-catalogue");

        robot.interact(() -> ImagesTabRig.table(robot).getSelectionModel().select(0));
        waitFor(10, () -> text(robot, "#images-detail-usage-note").equals(M.text("estate.images.usage.now")));
        assertThat(usageList(robot, "#images-detail-usage"))
                .containsExactly("Camera system cam-7", "EC2 instance " + runner);
        assertThat(text(robot, "#images-detail-title")).contains("camos-base-2026.11.01", november);
        ScreenShots.save(robot.lookup("#estate").query().getScene(), "estate-images-usage");

        robot.clickOn("#images-search").write("2026-10");
        waitFor(5, () -> shownIds(robot).equals(List.of(october)));
        assertThat(text(robot, "#images-counts")).isEqualTo("1 of 2 images shown, 1 outdated");
        robot.type(KeyCode.ESCAPE);
        waitFor(5, () -> shownIds(robot).size() == 2);
        robot.clickOn("#images-outdated-only");
        waitFor(5, () -> shownIds(robot).equals(List.of(october)));
        robot.clickOn("#images-outdated-only");
        waitFor(5, () -> shownIds(robot).size() == 2);

        ImagesTabRig.pick(robot, us);
        waitFor(10, () -> text(robot, "#images-as-of").equals(M.text("estate.asOf.never")) && shownIds(robot)
                .isEmpty());
        robot.clickOn("#images-refresh");
        waitFor(20, () -> shownIds(robot).equals(List.of(edge)));
        ImagesTabRig.pick(robot, eu);
        // eu as it was read, at once, from the estate cache
        waitFor(10, () -> shownIds(robot).equals(List.of(november, october)));
        assertThat(text(robot, "#images-as-of")).startsWith("As of ");

        robot.interact(() -> ImagesTabRig.table(robot).getSelectionModel().select(0));
        robot.clickOn("#images-deregister");
        waitFor(10, () -> robot.lookup("#images-deregister-users").tryQuery().isPresent());
        assertThat(usageList(robot, "#images-deregister-users"))
                .containsExactly("Camera system cam-7", "EC2 instance " + runner);
        Button go = robot.lookup("#images-dialog-go").queryAs(Button.class);
        assertThat(go.isDisabled()).as("refused until the operator ticks deregister anyway").isTrue();
        ScreenShots.save(go.getScene(), "estate-images-deregister");
        robot.clickOn("#images-deregister-anyway");
        assertThat(go.isDisabled()).isFalse();
        robot.clickOn(go);
        waitFor(20, () -> text(robot, "#images-report").startsWith("Deregistered " + november));
        waitFor(20, () -> shownIds(robot).equals(List.of(october)));
        assertThat(clients.ec2(eu).describeImages(r -> r.owners("self")).images())
                .extracting(i -> i.imageId()).containsExactly(october);
        assertThat(rig.audited).filteredOn(e -> e.action().equals(AuditActions.IMAGE_DEREGISTER))
                .extracting(AuditEvent::outcome, e -> e.parameters().get("forced"), e -> e.parameters().get("cameras"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditOutcome.STARTED, "true", "cam-7"),
                        org.assertj.core.groups.Tuple.tuple(AuditOutcome.SUCCEEDED, "true", "cam-7"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> usageList(FxRobot robot, String id) {
        return List.copyOf(robot.lookup(id).queryAs(ListView.class).getItems());
    }

    @Test
    void aCopyToATickedRegionIsReportedAndTheCatalogueShowsTheCopy(FxRobot robot) throws Exception {
        robot.clickOn("#images-refresh");
        waitFor(20, () -> shownIds(robot).size() == 2);
        robot.interact(() -> ImagesTabRig.table(robot).getSelectionModel().select(1));
        assertThat(ImagesTabRig.table(robot).getSelectionModel().getSelectedItem().id()).isEqualTo(october);
        robot.clickOn("#images-copy");
        waitFor(10, () -> robot.lookup("#images-copy-us-east-1").tryQuery().isPresent());
        assertThat(robot.lookup("#images-copy-eu-west-1").tryQuery()).as("not its own region").isEmpty();
        Button go = robot.lookup("#images-dialog-go").queryAs(Button.class);
        assertThat(go.isDisabled()).as("no region ticked yet").isTrue();
        robot.clickOn("#images-copy-us-east-1");
        ScreenShots.save(go.getScene(), "estate-images-copy");
        robot.clickOn(go);

        waitFor(20, () -> text(robot, "#images-report").startsWith("Copied " + october + " to us-east-1 (ami-"));
        waitFor(20, () -> ImagesTabRig.table(robot).getItems().stream()
                .anyMatch(r -> r.id().equals(october) && r.copies().equals("us-east-1")));
        assertThat(clients.ec2(us).describeImages(r -> r.owners("self")).images())
                .extracting(i -> i.name()).contains("camos-base-2026.10.01");
        assertThat(rig.audited).filteredOn(e -> e.action().equals(AuditActions.IMAGE_COPY))
                .extracting(AuditEvent::outcome).containsExactly(AuditOutcome.STARTED, AuditOutcome.SUCCEEDED);
    }

    @Test
    void aBuildPatchesTheBuilderFirstThenSaysTheNewImageAndABadBuilderIdIsOneSentence(FxRobot robot)
            throws Exception {
        robot.clickOn("#images-refresh");
        waitFor(20, () -> shownIds(robot).size() == 2);
        robot.interact(() -> ImagesTabRig.table(robot).getSelectionModel().select(0));
        robot.clickOn("#images-build");
        waitFor(10, () -> robot.lookup("#images-build-name").tryQuery().isPresent());
        TextField name = robot.lookup("#images-build-name").queryAs(TextField.class);
        assertThat(name.getText()).startsWith("camos-base-");
        assertThat(robot.lookup("#images-build-tags").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("camfleet:lineage=camos-base", "camfleet:source=" + november);
        assertThat(robot.lookup("#images-build-patch-first").queryAs(CheckBox.class).isSelected()).isTrue();

        robot.clickOn("#images-build-builder").write("nonsense");
        robot.clickOn("#images-build-go");
        waitFor(10, () -> !text(robot, "#images-build-result").isEmpty());
        assertThat(text(robot, "#images-build-result")).isEqualTo(M.text("images.badInstanceId", "nonsense"));
        assertThat(rig.audited).isEmpty();

        robot.interact(() -> {
            robot.lookup("#images-build-builder").queryAs(TextField.class).setText(builder);
            name.setText("camos-base-2026.12.06");
        });
        robot.clickOn("#images-build-go");
        waitFor(30, () -> text(robot, "#images-build-result").startsWith("Built camos-base-2026.12.06: ami-"));
        assertThat(text(robot, "#images-build-patch")).startsWith("Builder patched: Success, exit code 0");
        ScreenShots.save(robot.lookup("#images-build-result").query().getScene(), "estate-images-build-done");
        assertThat(rig.audited).extracting(AuditEvent::action, AuditEvent::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditActions.IMAGE_PATCH, AuditOutcome.STARTED),
                org.assertj.core.groups.Tuple.tuple(AuditActions.IMAGE_PATCH, AuditOutcome.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple(AuditActions.IMAGE_BUILD, AuditOutcome.STARTED),
                org.assertj.core.groups.Tuple.tuple(AuditActions.IMAGE_BUILD, AuditOutcome.SUCCEEDED));
        String built = rig.audited.getLast().parameters().get("imageId");
        Node close = robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b
                && b.getText().equals("Close")).query();
        robot.clickOn(close);
        waitFor(20, () -> shownIds(robot).contains(built) && shownIds(robot).size() == 3);
        assertThat(text(robot, "#images-report")).startsWith("Built camos-base-2026.12.06: " + built);
    }
}
