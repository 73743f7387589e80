package io.camfleet.console.app;

import io.camfleet.console.adapter.ssh.SshdFixture;
import io.camfleet.console.adapter.store.CacheDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code camfleet deploy} over SSH to loopback cameras of a real sshd, whose release scripts print a password,
 * AWS keys, a private key and a bearer token: none of them is written to the journal or to the log.
 */
class RolloutSecretsTest {

    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    /** What the scripts print; each is put together on the camera, so that the release itself does not hold it. */
    private static final List<String> SECRETS = List.of("hunter2", "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAA",
            "QyNTUxOQAAACDk3bq5bGQm1n2rWlLm", "tok-3f9a8b7c6d5e");

    private static final String INSTALL = """
            s=hunt; echo "connecting to the vault with password=${s}er2"
            echo "aws_access_key_id=AKIA""IOSFODNN7EXAMPLE"
            echo "using wJalrXUtnFEMI""/K7MDENG/bPxRfiCYEXAMPLEKEY" >&2
            k='-----BEGIN OPENSSH PRIVATE'; e='-----END OPENSSH PRIVATE'
            echo "$k KEY-----"
            echo "b3BlbnNzaC1rZXktdjEAAAAA""BG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
            echo "QyNTUxOQAAACDk3bq5""bGQm1n2rWlLm"
            echo "$e KEY-----"
            echo "install of camos-agent done"
            """;
    private static final String HEALTH_CHECK = """
            echo "GET /health with Authorization: Bearer tok-""3f9a8b7c6d5e"; exit 1
            """;

    @TempDir
    Path dir;

    @Test
    void scriptOutputCarryingSecretsLeavesNoneInTheJournalNorInTheLog() throws Exception {
        List<String> ips = List.of("127.0.1.41", "127.0.1.42");
        ChildConsole camfleet = new ChildConsole(dir);
        Path ssh = Files.createDirectories(camfleet.home().resolve(".ssh"));
        Files.copy(SSHD.clientKey(), ssh.resolve("id_ed25519"));
        SSHD.knownHosts(ssh.resolve("known_hosts"), ips);
        StringBuilder csv = new StringBuilder("site_id,site_name,region,camera_id,ssh_address,software_version\n");
        for (int i = 0; i < ips.size(); i++) {
            Files.createDirectories(SSHD.hostsDir().resolve(ips.get(i)));
            Files.deleteIfExists(SSHD.hostsDir().resolve(ips.get(i)).resolve("version"));
            csv.append("LAB,Lab bench,LAB,LAB-cam-").append(i + 1).append(',').append(SSHD.address(ips.get(i)))
                    .append(",6.4.2\n");
        }
        Path registry = Files.writeString(dir.resolve("sites.csv"), csv);
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("settings.json"), "{\"source\": {\"kind\": \"IMPORT\", \"importFile\": "
                + json(registry.toString()) + "}}");
        byte[] bytes = "agent".getBytes(StandardCharsets.UTF_8);
        Path artifact = Files.write(dir.resolve("agent.tar.gz"), bytes);
        Path release = Files.writeString(dir.resolve("release.json"), "{\"name\": \"camos-agent\", \"version\": "
                + "\"7.0.0\", \"kind\": \"release\", \"artifact\": " + json(artifact.toString()) + ", \"sha256\": \""
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + "\", \"install\": "
                + json(INSTALL) + ", \"healthCheck\": " + json(HEALTH_CHECK) + ", \"rollback\": \"echo rolled back\"}");
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"waves\": \"100%\", \"maxConcurrency\": 2, "
                + "\"failureThreshold\": \"100%\", \"maintenanceWindows\": \"ignore\"}");
        assertThat(camfleet.run("import", registry.toString(), "--data-dir", data.toString()).exit()).isZero();

        ChildConsole.Result deploy = camfleet.run(Map.of("CAMFLEET_SSH_ROOT", SSHD.hostsDir() + "/{host}"),
                "deploy", "--release", release.toString(), "--targets", "region:LAB", "--plan", plan.toString(),
                "--executor", "ssh", "--ssh-user", SSHD.user(), "--wait", "--data-dir", data.toString());

        String printed = deploy.outText() + deploy.errText();
        assertThat(printed).contains("Deployment d-");
        List<String> journal = journal(data);
        // The scripts ran and their output was journalled, with the secrets taken out.
        assertThat(journal).as(printed).contains("install of camos-agent done",
                "connecting to the vault with password=[redacted]", "aws_access_key_id=[redacted]",
                "using [redacted]", "GET /health with Authorization: Bearer [redacted]");
        assertThat(journal.stream().filter(l -> l.equals("[redacted]")).count()).isEqualTo(2L * 4);
        for (String secret : SECRETS) {
            assertThat(journal).as(secret).noneMatch(l -> l.contains(secret));
        }
        // Nor is any left in any file of the data folder: the cache's file itself, and the logs.
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String secret : SECRETS) {
                    assertThat(text).as(secret + " in " + f).doesNotContain(secret);
                }
            }
        }
        assertThat(camfleet.tmp().resolve("camfleet-logs")).doesNotExist();
    }

    /** Every line, event detail and target detail the journal holds. */
    private static List<String> journal(Path data) throws Exception {
        List<String> out = new ArrayList<>();
        try (CacheDatabase db = CacheDatabase.open(data, Clock.systemUTC());
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String query : List.of("SELECT line FROM deployment_log ORDER BY id",
                    "SELECT detail FROM deployment_event ORDER BY id", "SELECT detail FROM deployment_target")) {
                try (ResultSet rs = s.executeQuery(query)) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
