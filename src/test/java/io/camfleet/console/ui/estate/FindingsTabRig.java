package io.camfleet.console.ui.estate;

import atlantafx.base.theme.PrimerLight;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.InspectorFindings;
import io.camfleet.console.adapter.aws.SsmPatchStates;
import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.findings.FindingsService;
import io.camfleet.console.service.findings.FindingsSettings;
import io.camfleet.console.service.findings.PatchComplianceService;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tab on a real H2 cache file, a real audit trail and the real AWS adapters, against a WireMock stub on loopback
 * for Inspector v2 and SSM's DescribeInstancePatchStates (moto implements neither), with two environments on it: "eu"
 * (eu-west-1) and "us" (us-east-1), told apart by the region each request is signed for.
 */
final class FindingsTabRig implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    /** cam-1 is SSM node mi-0aaa, cam-2 EC2 instance i-0bbb; both run ami-1; cam-3 (ami-2) has no SSM node. */
    static final List<CameraSystem> FLEET = List.of(
            new CameraSystem("cam-1", "lisbon", "cam-1.lisbon.example", "10.0.0.11", "", "mi-0aaa", "", "ami-1",
                    "4.2.0"),
            new CameraSystem("cam-2", "lisbon", "gate-cam.lisbon.example", "10.0.0.12", "", "i-0bbb", "", "ami-1",
                    "4.2.0"),
            new CameraSystem("cam-3", "porto", "cam-3.porto.example", "10.0.1.13", "", "", "", "ami-2", "4.1.0"));

    final WireMockServer aws = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    final Environment eu;
    final Environment us;
    final TestClock clock = new TestClock(T0);
    final Path dir;
    final CacheDatabase db;
    final AuditService audit;
    final AwsClients clients;
    final FindingsService findings;
    final PatchComplianceService patches;
    final ExecutorService workers = Executors.newFixedThreadPool(2);
    final Messages m = new Messages(Locale.ENGLISH);
    FindingsTab tab;

    FindingsTabRig(Path dir) throws IOException {
        this.dir = dir;
        aws.start();
        eu = Environment.of("eu", "ops", "eu-west-1", aws.baseUrl());
        us = Environment.of("us", "ops", "us-east-1", aws.baseUrl());
        Path config = dir.resolve("aws-config");
        Files.writeString(config, """
                [profile ops]
                aws_access_key_id = AKIAOPS00000000000
                aws_secret_access_key = ops-secret
                """);
        clients = new AwsClients(() -> ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION)
                .build(), op -> { });
        db = CacheDatabase.open(dir.resolve("data"), clock);
        audit = new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(dir.resolve("data")),
                new Operator("nina", ""), clock);
        // Inspector is on for "eu" only, as the findings settings say
        findings = new FindingsService(db.findings(), audit, clock, () -> FLEET, () -> List.of(eu, us),
                new InspectorFindings(clients::inspector, clock), () -> new FindingsSettings(List.of("eu")));
        patches = new PatchComplianceService(db.findings(), () -> FLEET, () -> List.of(eu, us),
                new SsmPatchStates(clients::ssm), clock);
    }

    /** The estate screen with only this tab, picking "eu" first. */
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        tab = new FindingsTab(findings, patches, new BackgroundTasks(workers), m, ZoneOffset.UTC, clock);
        EstateView view = new EstateView(() -> List.of(eu, us), List.of(tab), new BackgroundTasks(workers), m);
        stage.setScene(new Scene(new StackPane(view.root()), 1400, 900));
        stage.show();
    }

    /** Stubs Inspector's ListFindings for requests signed for {@code region}. */
    void inspector(String region, String findingsJson) {
        aws.stubFor(post(urlEqualTo("/findings/list"))
                .withHeader("Authorization", containing("/" + region + "/inspector2/"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"findings\": [" + findingsJson + "]}")));
    }

    static String inspectorFinding(String arn, String severity, String cve, String pkg, String instance) {
        return """
                {"findingArn": "%s", "awsAccountId": "111122223333", "type": "PACKAGE_VULNERABILITY",
                 "severity": "%s", "status": "ACTIVE", "title": "%s - %s", "firstObservedAt": 1764583200,
                 "packageVulnerabilityDetails": {"vulnerabilityId": "%s", "source": "NVD",
                   "vulnerablePackages": [{"name": "%s", "version": "1.0", "packageManager": "OS"}]},
                 "resources": [{"type": "AWS_EC2_INSTANCE", "id": "%s", "region": "eu-west-1",
                   "details": {"awsEc2Instance": {"imageId": "ami-1", "platform": "UBUNTU_22_04"}}}]}
                """.formatted(arn, severity, cve, pkg, cve, pkg, instance);
    }

    /** Stubs DescribeInstancePatchStates for requests signed for {@code region}. */
    void patchStates(String region, int status, String body) {
        aws.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.DescribeInstancePatchStates"))
                .withHeader("Authorization", containing("/" + region + "/ssm/"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(body)));
    }

    static String patchState(String id, int installed, int missing, int security) {
        return """
                {"InstanceId": "%s", "PatchGroup": "cameras", "BaselineId": "pb-0cam",
                 "OperationStartTime": 1764579600, "OperationEndTime": 1764583200, "Operation": "Scan",
                 "InstalledCount": %d, "InstalledOtherCount": 0, "InstalledPendingRebootCount": 0,
                 "InstalledRejectedCount": 0, "MissingCount": %d, "FailedCount": 0, "NotApplicableCount": 40,
                 "SecurityNonCompliantCount": %d}
                """.formatted(id, installed, missing, security);
    }

    Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** Waits until the tab's notice says something containing {@code part}, and returns it. */
    static String noticeSaying(FxRobot robot, String part) throws Exception {
        Label notice = robot.lookup("#estate-findings-notice").queryAs(Label.class);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> notice.isVisible()
                    && notice.getText().contains(part) && !robot.lookup("#estate-findings-busy").query()
                    .isVisible());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the notice never said '" + part + "'; it says: " + notice.getText(), e);
        }
        return notice.getText();
    }

    /** Fills the text field of the dialog now open and presses its button named {@code verb}. */
    static void fillAndPress(FxRobot robot, String fieldId, String text, String verb) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(fieldId).tryQuery().isPresent());
        robot.interact(() -> robot.lookup(fieldId).queryAs(TextField.class).setText(text));
        press(robot, verb);
    }

    static void press(FxRobot robot, String verb) {
        Button b = (Button) robot.lookup(".dialog-pane .button").match(n -> n instanceof Button x
                && x.getText().equals(verb)).query();
        robot.clickOn(b);
    }

    @SuppressWarnings("unchecked")
    static void pick(FxRobot robot, Environment env) {
        ComboBox<Environment> picker = robot.lookup("#estate-environment").queryAs(ComboBox.class);
        robot.interact(() -> picker.setValue(picker.getItems().stream().filter(e -> e.label().equals(env.label()))
                .findFirst().orElseThrow()));
    }

    static Node node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        clients.close();
        db.close();
        aws.stop();
    }
}
