package io.camfleet.console.ui.estate;

import io.camfleet.console.service.findings.FindingRow;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.ui.estate.FindingsTabRig.fillAndPress;
import static io.camfleet.console.ui.estate.FindingsTabRig.inspectorFinding;
import static io.camfleet.console.ui.estate.FindingsTabRig.noticeSaying;
import static io.camfleet.console.ui.estate.FindingsTabRig.patchState;
import static io.camfleet.console.ui.estate.FindingsTabRig.pick;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading and importing patch states and findings in the Patches & findings tab, per environment: each format, a
 * refused file, an unknown host, a denied call, and the chips and search over what came in.
 */
@ExtendWith(ApplicationExtension.class)
class FindingsTabTest {

    @TempDir
    Path dir;
    private FindingsTabRig rig;

    @Start
    void start(Stage stage) throws Exception {
        rig = new FindingsTabRig(dir);
        rig.start(stage);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private TableView<FindingRow> table(FxRobot robot) {
        return robot.lookup("#estate-findings-table").queryAs(TableView.class);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private String chip(FxRobot robot, String severity) {
        return robot.lookup("#estate-findings-chip-" + severity).queryAs(ToggleButton.class).getText();
    }

    @Test
    void patchStatesAndFindingsComeInPerEnvironmentAndFromEachFileFormat(FxRobot robot) throws Exception {
        rig.patchStates("eu-west-1", 200, "{\"InstancePatchStates\": [" + patchState("mi-0aaa", 96, 4, 2) + ","
                + patchState("i-0bbb", 50, 0, 0) + "]}");
        rig.patchStates("us-east-1", 400, "{\"__type\": \"AccessDeniedException\", \"message\": "
                + "\"User is not authorized to perform: ssm:DescribeInstancePatchStates\"}");
        rig.inspector("eu-west-1", inspectorFinding("arn:f/1", "CRITICAL", "CVE-2024-6387", "openssh-server",
                "mi-0aaa") + "," + inspectorFinding("arn:f/2", "HIGH", "CVE-2023-4863", "libwebp7", "i-0zzz"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#estate-findings-asof")
                .equals("No findings imported yet"));
        assertThat(text(robot, "#estate-findings-patch-totals")).startsWith("No patch state for any of the 3");
        ScreenShots.save(robot.window(0).getScene(), "estate-findings-empty");

        robot.clickOn("#estate-findings-read-patches");
        assertThat(noticeSaying(robot, "Read the patch states")).isEqualTo(
                "Read the patch states of 2 SSM nodes in eu.");
        // installed 96 + 50 = 146, missing 4 + 0 = 4: 146 / 150 = 97.3 %, shown rounded down
        assertThat(text(robot, "#estate-findings-patch-totals")).isEqualTo("Fleet: 97 % compliant, 2 security "
                + "patches missing (4 missing, 146 installed) on the 2 of 3 cameras that reported.");

        pick(robot, rig.us);
        robot.clickOn("#estate-findings-read-patches");
        assertThat(noticeSaying(robot, "AWS refused")).contains("ssm:DescribeInstancePatchStates");
        assertThat(text(robot, "#estate-findings-patch-totals")).as("the last patch states stay shown")
                .startsWith("Fleet: 97 % compliant");
        robot.clickOn("#estate-findings-read-inspector");
        assertThat(noticeSaying(robot, "Amazon Inspector is off")).contains("'us'");

        pick(robot, rig.eu);
        robot.clickOn("#estate-findings-read-inspector");
        assertThat(noticeSaying(robot, "Imported 2 findings from eu")).isEqualTo("Imported 2 findings from eu: "
                + "1 critical, 1 high, 0 medium, 0 low, 0 informational. 1 of them on hosts the fleet does not know "
                + "(kept, listed as unknown host).");
        assertThat(chip(robot, "CRITICAL")).isEqualTo("Critical  1");
        assertThat(table(robot).getItems()).extracting(r -> r.finding().cve() + " " + (r.knownHost()
                ? r.cameraId() : "?")).containsExactly("CVE-2024-6387 cam-1", "CVE-2023-4863 ?");
        assertThat(text(robot, "#estate-findings-asof")).isEqualTo("Imported: inspector:eu 7 Dec 2026 10:00");

        // the plain CSV: cam-3 by host name, cam-2 by its SSH address
        Path csv = rig.file("scan.csv", """
                CVE,severity,package,host
                CVE-2024-1,MEDIUM,curl,cam-3.porto.example
                CVE-2024-2,LOW,zlib,10.0.0.12
                """);
        robot.clickOn("#estate-findings-import");
        ScreenShots.save(robot.lookup("#estate-findings-file").query().getScene(), "estate-findings-import-dialog");
        fillAndPress(robot, "#estate-findings-file", csv.toString(), "Import");
        assertThat(noticeSaying(robot, "Imported 2 findings from scan.csv")).doesNotContain("unknown");

        // Inspector's export: the format is picked from the .json name
        Path json = rig.file("export.json", "{\"findings\": [" + inspectorFinding("arn:x/1", "MEDIUM",
                "CVE-2024-9", "busybox", "i-0bbb") + "]}");
        robot.clickOn("#estate-findings-import");
        fillAndPress(robot, "#estate-findings-file", json.toString(), "Import");
        assertThat(noticeSaying(robot, "Imported 1 finding from export.json")).contains("1 medium");
        assertThat(chip(robot, "MEDIUM")).isEqualTo("Medium  2");
        assertThat(table(robot).getItems()).hasSize(5);

        Path bad = rig.file("bad.csv", """
                CVE,severity,package,host
                CVE-2024-1,MEDIUM,curl,cam-3.porto.example
                CVE-2024-3,SEVERE,zlib,cam-1
                """);
        robot.clickOn("#estate-findings-import");
        fillAndPress(robot, "#estate-findings-file", bad.toString(), "Import");
        assertThat(noticeSaying(robot, "nothing was imported")).contains("Finding 2 of bad.csv", "'SEVERE'");
        assertThat(table(robot).getItems()).as("the earlier CSV import stands").hasSize(5)
                .extracting(r -> r.finding().cve()).contains("CVE-2024-2");
        ScreenShots.save(robot.window(0).getScene(), "estate-findings-bad-file");

        Path report = rig.file("patches.csv", """
                host,patch level,installed,missing,missing security
                cam-3.porto.example,2026-11,10,10,5
                """);
        robot.clickOn("#estate-findings-import-patches");
        fillAndPress(robot, "#estate-patches-file", report.toString(), "Import");
        assertThat(noticeSaying(robot, "Imported the patch states")).isEqualTo(
                "Imported the patch states of 1 host from patches.csv.");
        // installed 146 + 10 = 156, missing 4 + 10 = 14: 156 / 170 = 91.8 %, shown 91; security 2 + 5 = 7
        assertThat(text(robot, "#estate-findings-patch-totals")).isEqualTo("Fleet: 91 % compliant, 7 security "
                + "patches missing (14 missing, 156 installed) on the 3 of 3 cameras that reported.");

        robot.clickOn("#estate-findings-chip-CRITICAL");
        assertThat(table(robot).getItems()).extracting(r -> r.finding().cve()).containsExactly("CVE-2024-6387");
        robot.clickOn("#estate-findings-chip-CRITICAL");
        assertThat(table(robot).getItems()).hasSize(5);
        robot.clickOn("#estate-findings-search").write("libwebp");
        assertThat(table(robot).getItems()).extracting(r -> r.finding().host()).containsExactly("i-0zzz");
        ScreenShots.save(robot.window(0).getScene(), "estate-findings-search-unknown-host");
        robot.clickOn("#estate-findings-per-image");
        TableView<?> perImage = robot.lookup("#estate-patch-table").queryAs(TableView.class);
        // ami-1: cam-1 and cam-2, 146 of 150 = 97 %; ami-2: cam-3, 10 of 20 = 50 %
        assertThat(perImage.getItems()).extracting(Object::toString).hasSize(2);
        assertThat(perImage.getItems().stream().map(p -> ((io.camfleet.console.domain.findings.PatchCompliance) p)
                .subject() + " " + ((io.camfleet.console.domain.findings.PatchCompliance) p).compliancePercent()))
                .containsExactly("ami-1 97", "ami-2 50");
        robot.clickOn("#estate-findings-patch-search").write("ami-2");
        assertThat(perImage.getItems()).hasSize(1);
        robot.clickOn("#estate-findings-search");
        robot.interact(() -> robot.lookup("#estate-findings-search").queryAs(javafx.scene.control.TextField.class)
                .clear());
        ScreenShots.save(robot.window(0).getScene(), "estate-findings-overview");
    }
}
