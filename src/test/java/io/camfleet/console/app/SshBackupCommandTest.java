package io.camfleet.console.app;

import io.camfleet.console.adapter.ssh.SshdFixture;
import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.cli.Commands;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.backup.BackupSettings;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.SourceSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camfleet backup} and {@code camfleet restore} over SSH to a camera that is a loopback address of a real
 * sshd, its configuration folder a folder of the test.
 */
class SshBackupCommandTest {

    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final String IP = "127.0.1.41";
    private static final String CAMERA = "cam-" + IP;

    @TempDir
    Path dir;
    private Path home;
    private Path data;
    private Path config;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void camera() throws Exception {
        home = dir.resolve("home");
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(SSHD.clientKey(), ssh.resolve("id_ed25519"));
        SSHD.knownHosts(ssh.resolve("known_hosts"), List.of(IP));
        data = Files.createDirectories(dir.resolve("data"));
        config = Files.createDirectories(SSHD.hostsDir().resolve(IP).resolve("etc/camos"));
        Files.writeString(config.resolve("camera.conf"), "fps=25\nres=1080p\n");
        Files.writeString(config.resolve("agent.conf"), "endpoint=https://cloud.example\n");
        Path registry = Files.writeString(dir.resolve("sites.csv"), "site_id,site_name,customer,country,latitude,"
                + "longitude,timezone,sla_tier,camera_id,ssh_address,software_version\n"
                + String.join(",", "S1", "Site 1", "Northwind", "NL", "52.37", "4.89", "Europe/Amsterdam", "GOLD",
                CAMERA, SSHD.address(IP), "6.4.2") + "\n");
        SettingsFile.in(data).write(SourceSettings.SECTION, SourceSettings.DEMO.withKind(SourceSettings.Kind.IMPORT)
                .withImportFile(registry.toString()));
        SettingsFile.in(data).write(BackupSettings.SECTION, new BackupSettings(config.toString(), 1 << 20, 100,
                "", "", ""));
    }

    private int camfleet(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), Map.of(), home.toString(),
                new Operator("nina", ""), new Messages(Locale.ENGLISH));
        CommandLine cmd = Commands.commandLine(runtime, new Messages(Locale.ENGLISH));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of("--data-dir", data.toString()));
        return cmd.execute(all.toArray(String[]::new));
    }

    @Test
    void backupListDiffAndRestoreFromTheCommandLine() throws Exception {
        String[] backup = {"backup", "--targets", "all", "--executor", "ssh", "--ssh-user", SSHD.user()};
        assertThat(camfleet(backup)).as(err.toString()).isZero();
        // 7 + 10 bytes of camera.conf, 31 of agent.conf
        assertThat(out.toString()).contains(CAMERA + ": new version v1 (2 files, 48 bytes)",
                "1 cameras: 1 new versions, 0 unchanged, 0 failed.");
        Files.writeString(config.resolve("camera.conf"), "fps=30\nres=1080p\n");
        assertThat(camfleet(backup)).isZero();
        assertThat(out.toString()).contains(CAMERA + ": new version v2");
        assertThat(camfleet(backup)).isZero();
        assertThat(out.toString()).contains(CAMERA + ": unchanged since v2");

        assertThat(camfleet("backup", "--list", CAMERA)).isZero();
        assertThat(out.toString()).contains("Config backups of " + CAMERA + ", newest first")
                .containsPattern("(?s)  v2 .*nina .*2 files.*\\n  v1 ");

        assertThat(camfleet("backup", "--diff", CAMERA, "1", "v2")).isZero();
        assertThat(out.toString()).contains(CAMERA + ": v1 (left) against v2 (right): 1 of 2 files differ.",
                "== camera.conf (changed)")
                .containsPattern("    1 fps=25 +~     1 fps=30");

        assertThat(camfleet("restore", CAMERA, "1", "--executor", "ssh", "--ssh-user", SSHD.user()))
                .as("no terminal to ask on, no --yes").isEqualTo(2);
        assertThat(err.toString()).contains("there is no terminal to ask on: pass --yes to confirm it. "
                + "Nothing was changed.");
        assertThat(config.resolve("camera.conf")).hasContent("fps=30\nres=1080p\n");

        assertThat(camfleet("restore", CAMERA, "1", "--yes", "--executor", "ssh", "--ssh-user", SSHD.user()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains(CAMERA + " restored to v1: 2 files written, 0 removed, read back and "
                + "checked as v3.", "what it held before is kept as v2");
        assertThat(config.resolve("camera.conf")).hasContent("fps=25\nres=1080p\n");
    }

    @Test
    void badVersionsAndUnknownCamerasAreRefusedWithASentence() {
        assertThat(camfleet("restore", CAMERA, "latest", "--yes")).isEqualTo(2);
        assertThat(err.toString()).contains("'latest' is not a version number");
        assertThat(camfleet("restore", CAMERA, "3", "--yes")).isEqualTo(2);
        assertThat(err.toString()).contains("Camera " + CAMERA + " has no config backup version 3");
        assertThat(camfleet("backup", "--diff", CAMERA, "1")).isEqualTo(2);
        assertThat(camfleet("backup")).isEqualTo(2);
        assertThat(camfleet("backup", "--list", "cam-none")).isZero();
        assertThat(out.toString()).contains("cam-none has no config backup yet");
    }
}
