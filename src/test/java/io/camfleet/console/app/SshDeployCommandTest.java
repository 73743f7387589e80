package io.camfleet.console.app;

import io.camfleet.console.app.features.SettingsFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.service.deploy.ExecutorKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.adapter.ssh.SshdFixture;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcDeploymentJournal;
import io.camfleet.console.adapter.store.JdbcReleaseStore;
import io.camfleet.console.cli.Commands;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.deploy.DeploySettings;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code camfleet deploy --executor ssh} to cameras that are loopback addresses of a real sshd, each with its own
 * install root: what is refused before anything is journalled or sent (a hostile name, a wrong checksum, an endless
 * or foreign artifact, a script given as a number), the dry run, a rollout where every camera failed, and a rollout
 * that runs on in a process of its own as its parent would have run it.
 */
class SshDeployCommandTest {

    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    /** The cameras of these tests; each test has its own, so that no marker of one is seen by another. */
    private static final List<String> IPS = Stream.of(21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32)
            .map(i -> "127.0.1." + i).toList();
    private static final String ROOT = "r=$(dirname \"$(dirname \"$(dirname \"$1\")\")\")";
    private static final String PLAN = "{\"waves\": \"100%\", \"maxConcurrency\": 4, \"failureThreshold\": \"%s\","
            + " \"maintenanceWindows\": \"ignore\"}";

    @TempDir
    Path dir;
    private Path home;
    private Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private byte[] bytes;
    private Path artifact;

    @BeforeEach
    void cameras() throws Exception {
        home = dir.resolve("home");
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(SSHD.clientKey(), ssh.resolve("id_ed25519"));
        SSHD.knownHosts(ssh.resolve("known_hosts"), IPS);
        bytes = new byte[1 << 20];
        new Random(5).nextBytes(bytes);
        artifact = Files.write(dir.resolve("agent.tar.gz"), bytes);
        data = Files.createDirectories(dir.resolve("data"));
    }

    /** The fleet: one site per camera, on these addresses; its registry is the data folder's fleet source. */
    private void fleet(List<String> ips, DeploySettings limits) throws Exception {
        StringBuilder csv = new StringBuilder("site_id,site_name,customer,country,latitude,longitude,timezone,"
                + "sla_tier,camera_id,ssh_address,software_version\n");
        for (String ip : ips) {
            Path host = SSHD.hostsDir().resolve(ip);
            Files.createDirectories(host);
            csv.append(String.join(",", "S" + ip, "Site " + ip, "Northwind", "NL", "52.37", "4.89",
                    "Europe/Amsterdam", "GOLD", "cam-" + ip, SSHD.address(ip), "6.4.2")).append('\n');
        }
        Path registry = Files.writeString(dir.resolve("sites.csv"), csv);
        SettingsFile.in(data).write(DeploySettings.SECTION, limits);
        SettingsFile.in(data).write(SourceSettings.SECTION, SourceSettings.DEMO.withKind(SourceSettings.Kind.IMPORT)
                .withImportFile(registry.toString()));
    }

    private void fleet(String... ips) throws Exception {
        fleet(List.of(ips), DeploySettings.DEFAULT);
    }

    private Path release(String name, String artifactPath, String sha) throws Exception {
        ObjectNode r = new ObjectMapper().createObjectNode().put("name", name).put("version", "7.0.0")
                .put("kind", "release").put("artifact", artifactPath).put("sha256", sha)
                .put("install", ROOT + "; cp -- \"$1\" \"$r/installed\"")
                .put("healthCheck", ROOT + "; [ ! -f \"$r/unhealthy\" ] && cmp -s -- \"$1\" \"$r/installed\"")
                .put("rollback", ROOT + "; rm -f -- \"$r/installed\"");
        return Files.writeString(dir.resolve("release.json"), r.toPrettyString());
    }

    private Path release(String sha) throws Exception {
        return release("camos-agent", "agent.tar.gz", sha);
    }

    private String sha() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Path plan(String threshold) throws Exception {
        return Files.writeString(dir.resolve("plan.json"), PLAN.replace("%s", threshold));
    }

    private int deploy(Path release, String... more) throws Exception {
        return deploy(release, plan("0"), more);
    }

    private int deploy(Path release, Path plan, String... more) {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(),
                Map.of("CAMFLEET_SSH_ROOT", SSHD.hostsDir() + "/{host}"), home.toString(),
                new Operator("pipeline", ""), new Messages(Locale.ENGLISH));
        CommandLine cmd = Commands.commandLine(runtime, new Messages(Locale.ENGLISH));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> args = new java.util.ArrayList<>(List.of("deploy", "--data-dir", data.toString()));
        if (release != null) {
            args.addAll(List.of("--release", release.toString(), "--targets", "all", "--plan", plan.toString(),
                    "--executor", "ssh", "--ssh-user", SSHD.user()));
        }
        args.addAll(List.of(more));
        return cmd.execute(args.toArray(String[]::new));
    }

    /** Nothing journalled, nothing stored. */
    private void nothingJournalled() {
        try (CacheDatabase db = CacheDatabase.open(data, Clock.systemUTC())) {
            assertThat(new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC()).recent(10)).isEmpty();
            assertThat(new JdbcReleaseStore(db.dataSource(), Clock.systemUTC()).all()).isEmpty();
        }
    }

    private static void nothingSent(String... ips) {
        for (String ip : ips) {
            assertThat(SSHD.hostsDir().resolve(ip).resolve("releases")).as(ip).doesNotExist();
            assertThat(SSHD.hostsDir().resolve(ip).resolve("version")).as(ip).doesNotExist();
        }
    }

    @Test
    void aHostileReleaseNameIsRefusedBeforeAnythingIsSent() throws Exception {
        fleet("127.0.1.21", "127.0.1.22");
        // On a camera the artifact goes to ROOT/releases/NAME-VERSION: this name climbed to the hosts' folder.
        assertThat(deploy(release("../../escaped", "agent.tar.gz", sha()), "--wait")).as(err.toString())
                .isEqualTo(3);

        assertThat(err.toString()).contains("the name must be 1 to 128 letters, digits or . _ + ~ -");
        try (Stream<Path> hosts = Files.list(SSHD.hostsDir())) {
            assertThat(hosts.map(p -> p.getFileName().toString())).noneMatch(f -> f.startsWith("escaped"));
        }
        nothingSent("127.0.1.21", "127.0.1.22");
        nothingJournalled();
    }

    @Test
    void aWrongChecksumIsRefusedAndNeverStoredSoTheCorrectedReleaseGoesOut() throws Exception {
        fleet("127.0.1.23", "127.0.1.24");
        assertThat(deploy(release("0".repeat(64)), "--wait")).isEqualTo(3);
        assertThat(err.toString()).contains("has the SHA-256 " + sha() + ", not the release's " + "0".repeat(64));
        nothingSent("127.0.1.23", "127.0.1.24");
        nothingJournalled();

        // The same name and version with the right checksum: nothing of the wrong one stands in its way.
        assertThat(deploy(release(sha()), "--wait", "--json")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"state\" : \"SUCCEEDED\"");
        assertThat(SSHD.hostsDir().resolve("127.0.1.23/version")).hasContent("7.0.0");
        assertThat(SSHD.hostsDir().resolve("127.0.1.24/installed")).hasBinaryContent(bytes);
    }

    @Test
    void aForeignOrOversizedOrEndlessArtifactIsRefusedAtOnce() throws Exception {
        Path passwd = Path.of("/etc/passwd");
        String passwdSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(passwd)));
        fleet("127.0.1.25", "127.0.1.26");
        assertThat(deploy(release("camos-agent", "../../etc/passwd", passwdSha), "--wait")).isEqualTo(3);
        assertThat(err.toString()).contains("names the artifact '../../etc/passwd', which lies outside");

        fleet(List.of("127.0.1.25", "127.0.1.26"), new DeploySettings(1));
        Files.write(artifact, new byte[(1 << 20) + 1]);
        assertThat(deploy(release("camos-agent", "agent.tar.gz", "0".repeat(64)), "--wait")).isEqualTo(3);
        assertThat(err.toString()).contains("holds 1048577 bytes, more than the 1 MB allowed");

        // It hung the launch for ever, reading.
        int code = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> deploy(release("camos-agent", "/dev/zero", "0".repeat(64)), "--wait"));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("The artifact /dev/zero is not a regular file");
        nothingSent("127.0.1.25", "127.0.1.26");
        nothingJournalled();
    }

    @Test
    void aScriptGivenAsANumberIsRefusedNotRunOnTheCameras() throws Exception {
        fleet("127.0.1.27");
        Path release = release(sha());
        Files.writeString(release, Files.readString(release).replaceFirst("\"healthCheck\" : \"[^\\n]*\"",
                "\"healthCheck\" : 5"));
        assertThat(deploy(release, "--wait")).isEqualTo(3);
        assertThat(err.toString()).contains("gives healthCheck as 5, not as a JSON string");
        nothingSent("127.0.1.27");
        nothingJournalled();
    }

    @Test
    void aDryRunShowsTheArtifactByItsAbsolutePathAndSizeAndSendsNothing() throws Exception {
        fleet("127.0.1.21", "127.0.1.22");
        Path builds = Files.createDirectories(dir.resolve("builds"));
        Path elsewhere = Files.write(builds.resolve("agent-7.0.0.tar.gz"), bytes);
        assertThat(deploy(release("camos-agent", elsewhere.toString(), sha()), "--dry-run")).as(err.toString())
                .isZero();

        assertThat(out.toString()).contains("Dry run of camos-agent 7.0.0 (release) with SSH",
                "Artifact: " + elsewhere.toRealPath() + " (1048576 bytes, SHA-256 checked)",
                "Wave 1: 2 cameras at 2 sites (GOLD 2)");
        nothingSent("127.0.1.21", "127.0.1.22");
        nothingJournalled();
    }

    @Test
    void aRolloutWhereEveryCameraFailedEndsFailedEvenUnderAHundredPercentThreshold() throws Exception {
        fleet("127.0.1.28", "127.0.1.29");
        Files.writeString(SSHD.hostsDir().resolve("127.0.1.28/unhealthy"), "");
        Files.writeString(SSHD.hostsDir().resolve("127.0.1.29/unhealthy"), "");

        int code = deploy(release(sha()), plan("100%"), "--wait", "--json");

        // Each failed health check was rolled back at once; every camera failed, so the deployment did.
        assertThat(out.toString()).contains("\"state\" : \"FAILED\"", "\"ROLLED_BACK\" : 2");
        assertThat(code).isEqualTo(1);
    }

    @Test
    void aResumeChecksTheArtifactAgainBeforeSendingIt() throws Exception {
        fleet("127.0.1.32");
        // Interrupted before any camera was reached; its artifact has gone since the launch.
        Release release = new Release("camos-agent", "7.0.0", ReleaseKind.RELEASE,
                dir.resolve("gone.tar.gz").toString(), sha(), "install.sh", "selftest", "rollback.sh");
        Instant now = Instant.now();
        try (CacheDatabase db = CacheDatabase.open(data, Clock.systemUTC())) {
            new JdbcReleaseStore(db.dataSource(), Clock.systemUTC()).save(release, "pipeline");
            new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC()).create(new DeploymentRecord("d-gone",
                    "camos-agent", "7.0.0", ExecutorKind.SSH, PLAN.replace("%s", "0"), DeploymentState.RUNNING, now,
                    "pipeline", now), List.of(new TargetRecord(new Target("cam-127.0.1.32", "S127.0.1.32",
                    SSHD.address("127.0.1.32"), "", ""), 0, TargetState.PENDING, 0, "", now)));
        }

        assertThat(deploy(null, "--resume", "d-gone", "--wait", "--ssh-user", SSHD.user())).isEqualTo(3);
        assertThat(err.toString()).contains("The artifact " + dir.resolve("gone.tar.gz") + " does not exist");
        nothingSent("127.0.1.32");
    }

    @Test
    void withoutWaitTheRolloutRunsOnWithTheParentsHomeAndEnvironment() throws Exception {
        // The runtime's home trusts these cameras; the real user's ~/.ssh does not know them.
        fleet("127.0.1.30", "127.0.1.31");
        assertThat(deploy(release(sha()))).as(err.toString()).isZero();
        String id = find("Deployment (d-[0-9a-f-]+) runs on in the background", out.toString());
        Path log = data.resolve("deployments").resolve(id + ".log");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!(Files.exists(log) && Files.readString(log).contains("(camos-agent 7.0.0): "))) {
            assertThat(System.nanoTime()).as("the detached rollout ends; its log: %s",
                    Files.exists(log) ? Files.readString(log) : "none").isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(Files.readString(log)).contains(id + " (camos-agent 7.0.0): SUCCEEDED");
        waitUntilReleased();
        assertThat(SSHD.hostsDir().resolve("127.0.1.30/version")).hasContent("7.0.0");
        assertThat(SSHD.hostsDir().resolve("127.0.1.31/installed")).hasBinaryContent(bytes);
    }

    /** The detached process has written its outcome; it may still be closing the cache. */
    private void waitUntilReleased() throws Exception {
        for (int i = 0; i < 100; i++) {
            err.getBuffer().setLength(0);
            if (deploy(null, "--status", "none") == 3 && !err.toString().contains("already open")) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }
}
