package io.camfleet.console.app;

import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.adapter.ssh.SshdFixture;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.adapter.store.JdbcReleaseStore;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.ui.deploy.DeploymentsRobot;
import io.camfleet.console.ui.deploy.DeploymentsViewModel.TargetRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Deployments screen on a fleet of loopback sshd cameras: a rollout from the wizard with a failed health check
 * rolled back, an unknown host key trusted from the screen having seen its fingerprint, and the failed targets
 * retried.
 */
@ExtendWith(ApplicationExtension.class)
class SshDeploymentsUiTest {

    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void anSshRolloutFailsWhereItMustAndTheOperatorRollsBackTrustsAKeyAndRetries(FxRobot robot) throws Exception {
        List<String> ips = IntStream.rangeClosed(11, 18).mapToObj(i -> "127.0.1." + i).toList();
        String unhealthy = "127.0.1.13";
        String unknownKey = "127.0.1.17";
        Path ssh = Files.createDirectories(dir.resolve("home/.ssh"));
        Files.copy(SSHD.clientKey(), ssh.resolve("id_ed25519"));
        SSHD.knownHosts(ssh.resolve("known_hosts"), ips.stream().filter(ip -> !ip.equals(unknownKey)).toList());
        for (String ip : ips) {
            Path host = SSHD.hostsDir().resolve(ip);
            Files.createDirectories(host);
            Files.deleteIfExists(host.resolve("version"));
        }
        Files.writeString(SSHD.hostsDir().resolve(unhealthy).resolve("unhealthy"), "");
        // Its rollback fails too at first: the rollout's own rollback after the failed check leaves it FAILED.
        Files.writeString(SSHD.hostsDir().resolve(unhealthy).resolve("stuck"), "");

        StringBuilder csv = new StringBuilder(
                "site_id,site_name,customer,country,latitude,longitude,timezone,sla_tier,camera_id,ssh_address,"
                        + "software_version\n");
        String[][] sites = {{"AMS", "Amsterdam Hub", "52.37", "4.89", "NL"},
                {"BER", "Berlin Yard", "52.52", "13.40", "DE"}, {"PAR", "Paris Nord", "48.88", "2.35", "FR"},
                {"MAD", "Madrid Sur", "40.39", "-3.70", "ES"}};
        for (int i = 0; i < ips.size(); i++) {
            String[] s = sites[i / 2];
            csv.append(String.join(",", s[0], s[1], "Northwind", s[4], s[2], s[3], "Europe/Paris",
                    i < 2 ? "PLATINUM" : "GOLD", s[0] + "-cam-" + (i % 2 + 1), SSHD.address(ips.get(i)), "6.4.2"))
                    .append('\n');
        }
        // A camera whose address cannot be read: the dry run names it, and it fails alone without being dialled.
        csv.append("MAD,Madrid Sur,Northwind,ES,40.39,-3.70,Europe/Paris,GOLD,MAD-cam-3,h:abc,6.4.2\n");
        Path registry = dir.resolve("sites.csv");
        Files.writeString(registry, csv);

        byte[] bytes = new byte[1 << 20];
        new Random(11).nextBytes(bytes);
        Path artifact = dir.resolve("agent.tar.gz");
        Files.write(artifact, bytes);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String root = "r=$(dirname \"$(dirname \"$(dirname \"$1\")\")\")";
        Release release = new Release("camos-agent", "6.5.0", ReleaseKind.PATCH, artifact.toString(), sha,
                root + "; cp -- \"$1\" \"$r/installed\"",
                root + "; [ ! -f \"$r/unhealthy\" ] && cmp -s -- \"$1\" \"$r/installed\"",
                root + "; [ ! -f \"$r/stuck\" ] && rm -f -- \"$r/installed\"");
        Path data = dir.resolve("data");
        try (CacheDatabase db = CacheDatabase.open(data, Clock.systemUTC())) {
            new JdbcReleaseStore(db.dataSource(), Clock.systemUTC()).save(release, "release-engineer");
        }

        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(),
                Map.of("CAMFLEET_SSH_ROOT", SSHD.hostsDir() + "/{host}"), dir.resolve("home").toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        Settings preferences = WindowFixture.sized(1500, 940).with(SourceSettings.SECTION,
                SourceSettings.DEMO.withKind(SourceSettings.Kind.IMPORT).withImportFile(registry.toString()));
        WindowFixture window = new WindowFixture();
        WaitForAsyncUtils.asyncFx(() -> window.open(stage, data, runtime, runtime.source(preferences.get(SourceSettings.SECTION), 10, 1),
                preferences, runtime.environments(), settings -> runtime.source(settings, 10, 1)));
        try {
            waitFor(() -> DeploymentsRobot.text(robot, "#status-source").contains("9 cameras"));
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
            waitFor(() -> robot.lookup("#deploy-new").tryQuery().map(Node::isVisible).orElse(false));
            // The whole fleet is said, "all"; the dry run names the file to be sent, checked, and the camera that
            // cannot be reached.
            List<String> dryRun = DeploymentsRobot.wizardDryRun(robot, "all", ExecutorKind.SSH, SSHD.user(), "50%", 4, "3",
                    false, "deploy-ssh");
            assertThat(dryRun.get(0)).isEqualTo("Artifact: " + artifact.toRealPath()
                    + " (1048576 bytes, SHA-256 checked)");
            assertThat(dryRun.get(1)).contains("1 camera(s) cannot be reached",
                    "MAD-cam-3: The SSH address 'h:abc' cannot be used");

            waitFor(() -> DeploymentsRobot.text(robot, "#deploy-state").equals("Paused")); // the healthy canary awaits approval
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#deploy-approve");
            // Three of nine fail (an unhealthy camera, an unknown host key, an address that cannot be read): not more
            // than 3, so it succeeds.
            waitFor(() -> DeploymentsRobot.text(robot, "#deploy-state").equals("Succeeded"));
            WaitForAsyncUtils.waitForFxEvents();
            ScreenShots.save(robot.lookup("#deployments").query().getScene(), "deploy-ssh-done");
            assertThat(state(robot, unhealthy)).isEqualTo("FAILED");
            assertThat(state(robot, unknownKey)).isEqualTo("FAILED");
            assertThat(row(robot, unknownKey).record().detail()).contains(SSHD.hostKeyFingerprint());
            assertThat(Files.readString(SSHD.hostsDir().resolve("127.0.1.11/version")).strip()).isEqualTo("6.5.0");

            // Roll back: the unhealthy camera comes back; the unknown host is still refused, and says so.
            Files.delete(SSHD.hostsDir().resolve(unhealthy).resolve("stuck"));
            robot.clickOn("#deploy-rollback");
            clickDialogButton(robot, "Roll back failed");
            waitFor(() -> "ROLLED_BACK".equals(state(robot, unhealthy)));
            waitFor(() -> DeploymentsRobot.text(robot, "#deploy-notice").contains("1 of 3 failed targets"));
            assertThat(state(robot, unknownKey)).isEqualTo("FAILED");

            // Trust the unknown key from the screen, having seen its fingerprint.
            robot.interact(() -> DeploymentsRobot.targets(robot).getSelectionModel().select(row(robot, unknownKey)));
            robot.clickOn("#deploy-check-key");
            waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            String shown = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
            assertThat(shown).contains(SSHD.hostKeyFingerprint(), "not in known_hosts");
            ScreenShots.save(robot.lookup(".dialog-pane").query().getScene(), "deploy-ssh-trust-key");
            clickDialogButton(robot, "Trust this key");
            waitFor(() -> DeploymentsRobot.text(robot, "#deploy-notice").contains("is now trusted"));
            assertThat(Files.readString(dir.resolve("home/.ssh/known_hosts"))).contains("[" + unknownKey + "]:");

            // Retry the failed ones: a new deployment of just them (its canary of 2 awaits approval), which now
            // succeeds but for the camera that still cannot be reached.
            String first = DeploymentsRobot.text(robot, "#deploy-title");
            Files.delete(SSHD.hostsDir().resolve(unhealthy).resolve("unhealthy"));
            robot.clickOn("#deploy-retry");
            try {
                waitFor(() -> DeploymentsRobot.rows(robot).size() == 3
                        && DeploymentsRobot.text(robot, "#deploy-state").equals("Paused"));
                WaitForAsyncUtils.waitForFxEvents();
                robot.clickOn("#deploy-approve");
                waitFor(() -> DeploymentsRobot.text(robot, "#deploy-state").equals("Succeeded"));
            } catch (AssertionError e) {
                ScreenShots.save(robot.lookup("#deployments").query().getScene(), "deploy-ssh-retry-failed");
                throw e;
            }
            assertThat(DeploymentsRobot.text(robot, "#deploy-title")).isEqualTo(first);
            assertThat(Files.readString(SSHD.hostsDir().resolve(unknownKey + "/version")).strip())
                    .isEqualTo("6.5.0");
            ScreenShots.save(robot.lookup("#deployments").query().getScene(), "deploy-ssh-retried");
            assertThat(robot.lookup("#deployments-table").queryAs(TableView.class).getItems()).hasSize(2);
        } finally {
            window.close();
        }
        try (CacheDatabase db = CacheDatabase.open(data, Clock.systemUTC())) {
            List<String> actions = new JdbcAuditTrail(db.dataSource()).search(
                    io.camfleet.console.service.audit.AuditQuery.latest(1000)).stream().map(AuditEvent::action).toList();
            assertThat(actions).contains("deploy.launch", "deploy.rollback", "ssh.hostkey.accept", "deploy.retry");
        }
    }

    private static TargetRow row(FxRobot robot, String ip) {
        return DeploymentsRobot.rows(robot).stream().filter(t -> t.record().target().address().startsWith(ip + ":"))
                .findFirst().orElseThrow();
    }

    private static String state(FxRobot robot, String ip) {
        return row(robot, ip).state().name();
    }

    private static void clickDialogButton(FxRobot robot, String text) throws Exception {
        waitFor(() -> robot.lookup(".dialog-pane .button").queryAll().stream()
                .anyMatch(b -> ((Button) b).getText().equals(text)));
        Button b = (Button) robot.lookup(".dialog-pane .button").queryAll().stream()
                .filter(n -> ((Button) n).getText().equals(text)).findFirst().orElseThrow();
        robot.clickOn(b);
    }
}
