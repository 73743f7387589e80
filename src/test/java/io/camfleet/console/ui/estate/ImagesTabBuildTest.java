package io.camfleet.console.ui.estate;

import atlantafx.base.theme.PrimerLight;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.profiles.ProfileFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.camfleet.console.ui.estate.ImagesTabRig.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build whose image stays pending (moto makes each image available at once, so a WireMock stub answers with the EC2
 * Query API's XML, as in Ec2ImagesStubTest): the dialog shows each look and the time waited, and "Stop waiting" ends
 * the wait with the image id, EC2 left building it.
 */
@ExtendWith(ApplicationExtension.class)
class ImagesTabBuildTest {

    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final String IMAGE = "ami-0123456789abcdef0";
    private static final String BUILDER = "i-0123456789abcdef0";

    @TempDir
    Path temp;

    private StackPane holder;
    private WireMockServer ec2;
    private AwsClients clients;
    private ImagesTabRig rig;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        holder = new StackPane();
        stage.setScene(new Scene(holder, 1600, 1000));
        stage.show();
    }

    @BeforeEach
    void open(FxRobot robot) throws Exception {
        ec2 = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        ec2.start();
        Path config = Files.writeString(temp.resolve("aws-config"), """
                [profile stub]
                aws_access_key_id = AKIASTUB0000000000
                aws_secret_access_key = stub-secret
                """);
        clients = new AwsClients(() -> ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION)
                .build(), op -> { });
        Environment lab = Environment.of("lab", "stub", "eu-west-1", ec2.baseUrl());
        ec2.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=CreateImage"))
                .willReturn(xml("<CreateImageResponse xmlns=\"" + NS + "\"><requestId>r-1</requestId><imageId>"
                        + IMAGE + "</imageId></CreateImageResponse>")));
        ec2.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeImages"))
                .willReturn(xml(described("pending"))));
        ec2.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeInstances"))
                .willReturn(xml("<DescribeInstancesResponse xmlns=\"" + NS + "\"><requestId>r-3</requestId>"
                        + "<reservationSet/></DescribeInstancesResponse>")));
        rig = new ImagesTabRig(temp.resolve("data"), clients, List.of(lab), Duration.ofMillis(100));
        robot.interact(() -> holder.getChildren().setAll(rig.view.root()));
    }

    @AfterEach
    void close() {
        rig.close();
        clients.close();
        ec2.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body);
    }

    private static String described(String state) {
        return "<DescribeImagesResponse xmlns=\"" + NS + "\"><requestId>r-2</requestId><imagesSet><item>"
                + "<imageId>" + IMAGE + "</imageId><imageState>" + state + "</imageState>"
                + "<name>camos-base-2026.12.06</name><creationDate>2026-12-06T11:00:00.000Z</creationDate>"
                + "</item></imagesSet></DescribeImagesResponse>";
    }

    @Test
    void aPendingBuildShowsEachLookAndStoppingTheWaitSaysWhichImageGoesOnBuilding(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#images-empty").contains("lab"));
        robot.clickOn("#images-build");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#images-build-name").tryQuery()
                .isPresent());
        robot.clickOn("#images-build-patch-first"); // SSM is not stubbed: build without patching
        assertThat(robot.lookup("#images-build-patch-first").queryAs(CheckBox.class).isSelected()).isFalse();
        robot.clickOn("#images-build-builder").write(BUILDER);
        robot.clickOn("#images-build-name").write("camos-base-2026.12.06");
        robot.clickOn("#images-build-go");

        // "ami-... is pending after N s (waiting at most 60 min)": the settings' build timeout
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#images-build-step")
                .startsWith(IMAGE + " is pending after ") && text(robot, "#images-build-step")
                .endsWith("(waiting at most 60 min)"));
        ProgressBar progress = robot.lookup("#images-build-progress").queryAs(ProgressBar.class);
        assertThat(progress.isVisible()).isTrue();
        // a few seconds of a 60-minute timeout: a sliver of the bar, not none and not indeterminate
        assertThat(progress.getProgress()).isBetween(0.0, 0.01);
        Button stop = robot.lookup("#images-build-stop").queryAs(Button.class);
        assertThat(stop.isDisabled()).isFalse();
        assertThat(robot.lookup("#images-build-go").queryAs(Button.class).isDisabled()).isTrue();
        ScreenShots.save(stop.getScene(), "estate-images-build-pending");

        robot.clickOn(stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#images-build-result").isEmpty());
        assertThat(text(robot, "#images-build-result")).isEqualTo(ImagesTabRig.M.text("estate.images.build.stopped",
                "camos-base-2026.12.06", IMAGE));
        assertThat(robot.lookup("#images-build-go").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#images-build-builder").queryAs(TextField.class).isDisabled()).isFalse();
        assertThat(rig.audited).extracting(AuditEvent::outcome)
                .containsExactly(AuditOutcome.STARTED, AuditOutcome.CANCELLED);
        assertThat(rig.audited.getLast().parameters()).containsEntry("imageId", IMAGE)
                .containsEntry("result", "STILL_BUILDING_CANCELLED");
        ec2.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=CreateImage"))
                .withRequestBody(containing("InstanceId=" + BUILDER)));
        ScreenShots.save(stop.getScene(), "estate-images-build-stopped");
    }

    @Test
    void aDeprecationAtTheDateAndTimePickedIsSentAndReported(FxRobot robot) throws Exception {
        ec2.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeImages"))
                .willReturn(xml(described("available"))));
        ec2.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=EnableImageDeprecation"))
                .willReturn(xml("<EnableImageDeprecationResponse xmlns=\"" + NS + "\"><requestId>r-4</requestId>"
                        + "<return>true</return></EnableImageDeprecationResponse>")));
        robot.clickOn("#images-refresh");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ImagesTabRig.shownIds(robot).equals(List.of(IMAGE)));
        robot.interact(() -> ImagesTabRig.table(robot).getSelectionModel().select(0));
        robot.clickOn("#images-deprecate");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#images-deprecate-date").tryQuery()
                .isPresent());
        robot.interact(() -> robot.lookup("#images-deprecate-date").queryAs(javafx.scene.control.DatePicker.class)
                .setValue(java.time.LocalDate.of(2099, 1, 5)));
        TextField time = robot.lookup("#images-deprecate-time").queryAs(TextField.class);
        robot.interact(() -> time.setText("6 o'clock"));
        robot.clickOn("#images-dialog-go");
        assertThat(robot.lookup("#images-deprecate-time").tryQuery()).as("a bad time keeps the dialog").isPresent();
        robot.interact(() -> time.setText("06:30"));
        ScreenShots.save(time.getScene(), "estate-images-deprecate");
        robot.clickOn("#images-dialog-go");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text(robot, "#images-report").isEmpty()
                || !text(robot, "#images-problem").isEmpty());
        assertThat(text(robot, "#images-problem")).isEmpty();
        assertThat(text(robot, "#images-report")).isEqualTo("EC2 deprecates " + IMAGE + " at 5 Jan 2099 06:30 UTC.");
        ec2.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=EnableImageDeprecation"))
                .withRequestBody(containing("DeprecateAt=2099-01-05T06%3A30%3A00")));
        assertThat(rig.audited).extracting(AuditEvent::outcome)
                .containsExactly(AuditOutcome.STARTED, AuditOutcome.SUCCEEDED);
    }
}
