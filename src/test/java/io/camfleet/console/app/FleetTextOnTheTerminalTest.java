package io.camfleet.console.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from the fleet that a real {@code camfleet} prints to a terminal: a registry's escape sequences, C1 controls and
 * bidirectional overrides come out as visible escapes, never as the bytes a terminal acts on.
 */
class FleetTextOnTheTerminalTest {

    /** Clears the screen, then sets the terminal's title (OSC 0 ... BEL); then reverses the text after it. */
    private static final String HOSTILE_NAME = "Evil\u001b[2J\u001b]0;pwned\u0007 Site\u202e";

    @TempDir
    Path dir;

    @Test
    void aSiteNameWithEscapeSequencesIsShownEscapedWhenDeployNamesItsBadWindow() throws Exception {
        ChildConsole camfleet = new ChildConsole(dir);
        Path registry = Files.writeString(dir.resolve("sites.csv"), """
                site_id,site_name,region,maintenance_window,camera_id,software_version
                EVL-1,"%s",EVIL,"Sun\u009b 02:00-04:00",EVL-1-C1,6.4.2
                AMS-1,Amsterdam Hub,EU,Sun 02:00-04:00,AMS-1-C1,6.4.2
                """.formatted(HOSTILE_NAME));
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("settings.json"), "{\"source\": {\"kind\": \"IMPORT\", \"importFile\": \""
                + registry.toString().replace("\\", "\\\\") + "\"}}");
        Path release = Files.writeString(dir.resolve("release.json"), """
                {"name": "camos-agent", "version": "7.0.0", "kind": "release", "artifact": "agent.tar.gz",
                 "sha256": "%s", "install": "install.sh", "healthCheck": "selftest", "rollback": "rollback.sh"}
                """.formatted("0".repeat(64)));
        Files.writeString(dir.resolve("agent.tar.gz"), "agent");
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"waves\": \"100%\"}");
        ChildConsole.Result imported = camfleet.run("import", registry.toString(), "--data-dir", data.toString());
        assertThat(imported.exit()).as(imported.errText()).isZero();
        assertShownEscaped(imported);

        ChildConsole.Result deploy = camfleet.run("deploy", "--release", release.toString(), "--targets",
                "region:EVIL", "--plan", plan.toString(), "--executor", "demo", "--wait", "--data-dir",
                data.toString());

        assertThat(deploy.exit()).as(deploy.errText()).isEqualTo(3);
        assertShownEscaped(deploy);
        assertThat(deploy.errText()).contains("Evil\\u001b[2J\\u001b]0;pwned\\u0007 Site\\u202e (EVL-1)",
                "Sun\\u009b");
    }

    @Test
    void aBadRowsHostileValueIsShownEscapedWhenImportRefusesIt() throws Exception {
        ChildConsole camfleet = new ChildConsole(dir);
        Path registry = Files.writeString(dir.resolve("sites.csv"), """
                site_id,site_name,sla_tier,camera_id
                EVL-1,Evil,"g\u001b[2J\u001b]0;x\u0007\u2066",EVL-1-C1
                """);

        ChildConsole.Result imported = camfleet.run("import", registry.toString(), "--data-dir",
                dir.resolve("data").toString());

        assertThat(imported.exit()).isEqualTo(2);
        assertShownEscaped(imported);
        assertThat(imported.errText()).contains("sla_tier 'g\\u001b[2J\\u001b]0;x\\u0007\\u2066'");
    }

    /** No byte of standard output or error is one a terminal acts on, in UTF-8 or as a raw C1 byte. */
    private static void assertShownEscaped(ChildConsole.Result result) {
        for (String text : new String[] {result.outText(), result.errText()}) {
            assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f
                    || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069)).as(text).isEmpty();
        }
        for (byte[] bytes : new byte[][] {result.out(), result.err()}) {
            for (byte b : bytes) {
                assertThat(b).isNotIn((byte) 0x1b, (byte) 0x07, (byte) 0x9b, (byte) 0x9d);
            }
        }
    }
}
