package io.camfleet.console.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.adapter.aws.CostExplorerSeeder;
import io.camfleet.console.adapter.aws.FleetSeeder;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.adapter.aws.TerraformSeeder;
import io.camfleet.console.domain.cost.CleanupHint;
import io.camfleet.console.domain.terraform.DriftHint;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.ui.shell.WindowSettings;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.camfleet.console.adapter.aws.CostExplorerSeeder.month;
import static io.camfleet.console.adapter.aws.CostExplorerSeeder.page;
import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's "done when", in the whole window: moto_server seeded with two environments (images, cameras running them,
 * Terraform states with drift, Cost Explorer answers) and a scanner's findings imported; the AWS estate screen shows
 * the images with their usage, the findings, the state with its drift, and the cost of each.
 */
@ExtendWith(ApplicationExtension.class)
class AwsEstateUiTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final Map<String, String> MANAGED = Map.of("ManagedBy", "terraform");

    @TempDir
    Path dir;
    private Stage stage;
    private Cli cli;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private ConsoleRuntime runtime() {
        return Cli.onMoto(dir.resolve("home"), MOTO).runtime();
    }

    private int run(String... args) {
        if (cli == null) {
            cli = Cli.onMoto(dir.resolve("home"), MOTO);
        }
        return cli.run(args);
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** One environment: a builder, two images of one lineage, a site whose cameras run them, a state in S3. */
    private record Seeded(String builder, String oldImage, String newImage) {
    }

    private Seeded seed(String label, String profile, String region, String site, String... cameras)
            throws Exception {
        try (TerraformSeeder tf = new TerraformSeeder(MOTO, MOTO.environment(label, profile, region));
             FleetSeeder fleet = new FleetSeeder(MOTO.environment(label, profile, region))) {
            String builder = tf.instance(MANAGED);
            String old = tf.image(builder, "camos-2026.04", Map.of("camfleet:os", "ubuntu-24.04",
                    "camfleet:release", "6.4.2"));
            String fresh = tf.image(builder, "camos-2026.10", Map.of("camfleet:os", "ubuntu-24.04",
                    "camfleet:release", "6.5.0"));
            fleet.site(site, null, FleetSeeder.siteAttributes(site, "Northwind", "NL", "52.37", "4.89",
                    "Europe/Amsterdam", "GOLD"));
            for (int i = 0; i < cameras.length; i++) {
                fleet.thing(cameras[i], site, Map.of("image", i == 0 ? old : fresh, "softwareVersion", "6.5.0"));
            }
            Map<String, List<String>> ids = new LinkedHashMap<>();
            ids.put("aws_instance", List.of(builder, "i-0aaaaaaaaaaaaaaa0")); // the second is gone from AWS
            ids.put("aws_s3_bucket", List.of("footage-" + label));
            tf.bucket("camfleet-tf-" + label).object("camfleet-tf-" + label, label + "/terraform.tfstate",
                    TerraformSeeder.state(label.equals("eu") ? 42 : 7, ids));
            assertThat(run("sync", "--profile", profile, "--region", region, "--endpoint",
                    MOTO.endpoint().toString(), "--label", label, "--data-dir", data().toString()))
                    .as(cli.err()).isZero();
            return new Seeded(builder, old, fresh);
        }
    }

    private void terraformSettings() throws Exception {
        Path file = data().resolve("settings.json");
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(file.toFile());
        root.set("terraform", mapper.readTree("{\"states\": {"
                + "\"eu\": {\"bucket\": \"camfleet-tf-eu\", \"key\": \"eu/terraform.tfstate\"},"
                + "\"us\": {\"bucket\": \"camfleet-tf-us\", \"key\": \"us/terraform.tfstate\"}}}"));
        mapper.writeValue(file.toFile(), root);
    }

    private static Node tab(FxRobot robot, String id) throws Exception {
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#estate-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getId().equals("estate-tab-" + id))
                    .findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#estate-tabs").query();
    }

    private static int rows(FxRobot robot, String table) {
        return robot.lookup(table).tryQueryAs(TableView.class).map(t -> t.getItems().size()).orElse(-1);
    }

    private static TableView<?> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    private static boolean shows(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Labeled l && l.getText() != null && l.getText().contains(text)
                && n.isVisible()).tryQuery().isPresent();
    }

    /** The cells of a table whose text is drawn cut short (with an ellipsis). */
    private static java.util.List<String> cutCells(FxRobot robot, String table) {
        return robot.lookup(table + " .table-cell").queryAll().stream()
                .filter(n -> n.isVisible() && n instanceof javafx.scene.control.TableCell<?, ?> c && c.getText() != null
                        && !c.getText().isEmpty())
                .filter(n -> ((javafx.scene.Parent) n).getChildrenUnmodifiable().stream()
                        .filter(t -> t.getClass().getSimpleName().equals("LabeledText")) // not an icon's glyph
                        .map(t -> ((javafx.scene.text.Text) t).getText())
                        .anyMatch(t -> !t.equals(((javafx.scene.control.TableCell<?, ?>) n).getText())))
                .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getText()).toList();
    }

    private static void click(FxRobot robot, String id) {
        robot.clickOn(robot.lookup(id).queryAs(Node.class));
    }

    @SuppressWarnings("unchecked")
    private static void pick(FxRobot robot, String label) {
        robot.interact(() -> {
            ComboBox<io.camfleet.console.service.environments.Environment> picker =
                    robot.lookup("#estate-environment").queryAs(ComboBox.class);
            picker.setValue(picker.getItems().stream().filter(e -> e.label().equals(label)).findFirst()
                    .orElseThrow());
        });
    }

    @Test
    void onMotoSeededWithTwoEnvironmentsTheEstateShowsImagesAndTheirUsageFindingsStateDriftAndCost(FxRobot robot)
            throws Exception {
        Seeded eu = seed("eu", "moto-a", "eu-west-1", "ams-01", "cam-1", "cam-2", "cam-3");
        Seeded us = seed("us", "moto-b", "us-east-2", "nyc-01", "cam-4", "cam-5");
        terraformSettings();
        String freeVolume;
        try (var clients = MOTO.clients(op -> { })) {
            freeVolume = clients.ec2(MOTO.environment("eu", "moto-a", "eu-west-1")).createVolume(r -> r.size(100)
                    .volumeType(software.amazon.awssdk.services.ec2.model.VolumeType.GP3)
                    .availabilityZone("eu-west-1a")).volumeId();
        }
        Path scan = Files.writeString(dir.resolve("scan.csv"), """
                CVE,severity,package,host
                CVE-2026-0001,CRITICAL,openssl,cam-1
                CVE-2026-0002,HIGH,curl,cam-4
                CVE-2026-0003,LOW,bash,forgotten-host
                """);
        assertThat(run("findings", "import", scan.toString(), "--data-dir", data().toString()))
                .as(cli.err()).isZero();

        Settings preferences = io.camfleet.console.app.features.SettingsFile.in(data()).read()
                .with(WindowSettings.SECTION, WindowSettings.DEFAULT.withBounds(0, 0, 1500, 940, false)
                        .withLook(false, "ESTATE"));
        ConsoleRuntime runtime = runtime();
        WindowFixture window = new WindowFixture();
        WaitForAsyncUtils.asyncFx(() -> window.open(stage, data(), runtime,
                runtime.source(preferences.get(SourceSettings.SECTION), 200, 42), preferences, runtime.environments(),
                settings -> runtime.source(settings, 200, 42)));
        try {
            waitFor(() -> robot.lookup("#estate-environment").tryQuery().isPresent());
            waitFor(() -> robot.lookup("#estate-environment").queryAs(ComboBox.class).getItems().size() == 2);

            // Images of eu, with who runs each
            tab(robot, "images");
            click(robot, "#images-refresh");
            waitFor(() -> rows(robot, "#images-table") == 2);
            robot.interact(() -> robot.lookup("#images-search").queryAs(javafx.scene.control.TextField.class)
                    .setText(eu.oldImage()));
            waitFor(() -> rows(robot, "#images-table") == 1);
            robot.interact(() -> robot.lookup("#images-table").queryAs(TableView.class).getSelectionModel()
                    .select(0));
            waitFor(() -> shows(robot, "Camera system eu/cam-1"));
            assertThat(shows(robot, eu.oldImage())).isTrue();
            ScreenShots.save(robot.lookup("#estate").query().getScene(), "estate-window-images-eu");
            robot.interact(() -> robot.lookup("#images-search").queryAs(javafx.scene.control.TextField.class)
                    .setText(""));
            pick(robot, "us");
            click(robot, "#images-refresh");
            waitFor(() -> rows(robot, "#images-table") == 2 && shows(robot, us.newImage()));
            assertThat(shows(robot, eu.newImage())).as("eu's images are not us'").isFalse();
            ScreenShots.save(robot.lookup("#estate").query().getScene(), "estate-window-images-us");

            // Findings: the scan's three, one on a host no environment knows
            tab(robot, "findings");
            waitFor(() -> rows(robot, "#estate-findings-table") == 3);
            assertThat(shows(robot, "unknown host")).isTrue();
            assertThat(shows(robot, "CVE-2026-0001")).isTrue();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(cutCells(robot, "#estate-findings-table")).as("cells cut short").isEmpty();
            ScreenShots.save(robot.lookup("#estate").query().getScene(), "estate-window-findings");

            // Terraform state of us, then eu, each with its drift
            tab(robot, "state");
            click(robot, "#estate-state-refresh");
            waitFor(() -> rows(robot, "#estate-state-types") == 2 && rows(robot, "#estate-state-drift") >= 1);
            pick(robot, "eu");
            click(robot, "#estate-state-refresh");
            waitFor(() -> rows(robot, "#estate-state-types") == 2 && rows(robot, "#estate-state-drift") >= 1);
            waitFor(() -> shows(robot, "serial 42"));
            assertThat(table(robot, "#estate-state-drift").getItems()).singleElement()
                    .isEqualTo(new DriftHint(DriftHint.Kind.MISSING_IN_AWS, "aws_instance", "i-0aaaaaaaaaaaaaaa0",
                            "aws_instance.this[1]", "")).as("the instance the state holds and AWS has not");
            ScreenShots.save(robot.lookup("#estate").query().getScene(), "estate-window-state-eu");

            // Cost of eu by service
            YearMonth now = YearMonth.now();
            String to = LocalDate.now().plusDays(1).toString();
            CostExplorerSeeder.queue(MOTO.endpoint(), "[" + page(null,
                    month(now.minusMonths(1).atDay(1).toString(), now.atDay(1).toString(), false,
                            "Amazon Elastic Compute Cloud - Compute", "120.40", "Amazon Simple Storage Service",
                            "40.10"),
                    month(now.atDay(1).toString(), to, true, "Amazon Elastic Compute Cloud - Compute", "25.20"))
                    + "]");
            tab(robot, "cost");
            click(robot, "#estate-cost-refresh");
            waitFor(() -> rows(robot, "#estate-cost-table") == 2 && rows(robot, "#estate-cost-hints") >= 1);
            assertThat(shows(robot, "25.20 USD")).isTrue();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(cutCells(robot, "#estate-cost-table")).as("service names cut short").isEmpty();
            assertThat(table(robot, "#estate-cost-hints").getItems()).as("the unattached volume is a cleanup hint")
                    .anySatisfy(h -> assertThat(((CleanupHint) h).resource()).isEqualTo(freeVolume));
            ScreenShots.save(robot.lookup("#estate").query().getScene(), "estate-window-cost-eu");
        } finally {
            window.close();
        }
    }
}
