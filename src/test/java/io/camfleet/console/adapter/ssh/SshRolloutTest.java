package io.camfleet.console.adapter.ssh;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.adapter.store.JdbcDeploymentJournal;
import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.Wave;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.Pacer;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.SshTargetRunner;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole rollout over SSH to cameras that are loopback addresses of a real sshd: a 1 MB artifact uploaded and
 * checked, installed, health-checked; with a camera whose health check fails, one whose connection drops
 * mid-install, one already at the version, and one whose host key is unknown.
 */
class SshRolloutTest {

    @RegisterExtension
    static final SshdFixture sshd = new SshdFixture();

    @TempDir
    Path temp;

    private static final String DROP_CONNECTION = """
            p=$$
            while [ "$(cat /proc/$p/comm)" != sshd ]; do p=$(awk '{print $4}' /proc/$p/stat); done
            kill -9 $p
            """;

    @Test
    void aRolloutOverSshInstallsChecksAndReportsEachCameraAsItWent() throws Exception {
        List<String> ips = IntStream.rangeClosed(1, 12).mapToObj(i -> "127.0.1." + i).toList();
        List<String> trusted = ips.stream().filter(ip -> !ip.equals("127.0.1.9")).toList();
        SshjHostConnector connector = new SshjHostConnector(sshd.settings(
                sshd.knownHosts(temp.resolve("known_hosts"), trusted)));
        for (String ip : ips) {
            Files.createDirectories(sshd.hostsDir().resolve(ip));
        }
        Files.writeString(sshd.hostsDir().resolve("127.0.1.3/unhealthy"), "");
        Files.writeString(sshd.hostsDir().resolve("127.0.1.5/drops"), "");
        Files.writeString(sshd.hostsDir().resolve("127.0.1.7/version"), "6.5.0\n");
        Files.writeString(sshd.hostsDir().resolve("127.0.1.2/version"), "6.4.2\n");

        byte[] bytes = new byte[1 << 20];
        new Random(7).nextBytes(bytes);
        Path artifact = temp.resolve("agent.tar.gz");
        Files.write(artifact, bytes);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        // $1 is <root>/releases/<name>-<version>/artifact: the root is three levels up.
        String root = "r=$(dirname \"$(dirname \"$(dirname \"$1\")\")\")";
        Release release = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, artifact.toString(), sha,
                root + "; [ -f \"$r/drops\" ] && { " + DROP_CONNECTION + " }; cp -- \"$1\" \"$r/installed\"",
                root + "; [ ! -f \"$r/unhealthy\" ] && cmp -s -- \"$1\" \"$r/installed\"",
                root + "; rm -f -- \"$r/installed\"");

        Map<String, Rollout.Placement> placements = new HashMap<>();
        List<TargetRecord> records = new ArrayList<>();
        List<String> cameras = new ArrayList<>();
        for (String ip : ips) {
            Target t = new Target("cam-" + ip, "site-" + ip, sshd.address(ip), "", "");
            placements.put(t.cameraId(), new Rollout.Placement(t, MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
            records.add(new TargetRecord(t, 0, TargetState.PENDING, 0, "", Instant.now()));
            cameras.add(t.cameraId());
        }
        Strategy strategy = new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.percent(50)), 4, FailureThreshold.count(3), Duration.ZERO);
        try (CacheDatabase db = CacheDatabase.open(temp.resolve("data"), Clock.systemUTC())) {
            JdbcDeploymentJournal journal = new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC());
            journal.create(new DeploymentRecord("d-ssh", release.name(), release.version(), ExecutorKind.SSH, "{}",
                    DeploymentState.RUNNING, Instant.now(), "tester", Instant.now()), records);
            SshTargetRunner runner = new SshTargetRunner(connector, sshd.user(),
                    t -> sshd.hostsDir().resolve(t.address().substring(0, t.address().indexOf(':'))).toString(),
                    Duration.ofSeconds(20));
            Rollout rollout = new Rollout("d-ssh", release, strategy,
                    List.of(new Wave(0, false, cameras.subList(0, 6)), new Wave(1, false, cameras.subList(6, 12))),
                    placements, DeploymentState.RUNNING, Map.of(), runner, journal, Clock.systemUTC(), Pacer.REAL,
                    r -> { });

            rollout.run();

            Map<String, TargetState> states = rollout.targets();
            assertThat(states).containsEntry("cam-127.0.1.3", TargetState.ROLLED_BACK)
                    .containsEntry("cam-127.0.1.5", TargetState.UNKNOWN)
                    .containsEntry("cam-127.0.1.7", TargetState.SKIPPED)
                    .containsEntry("cam-127.0.1.9", TargetState.FAILED);
            assertThat(states.entrySet().stream().filter(e -> e.getValue() == TargetState.SUCCEEDED).count())
                    .isEqualTo(8);
            // Three failures are within the threshold of 3: the deployment succeeds.
            assertThat(rollout.state()).isEqualTo(DeploymentState.SUCCEEDED);
            assertThat(journal.targets("d-ssh")).filteredOn(t -> t.target().cameraId().equals("cam-127.0.1.9"))
                    .singleElement().satisfies(t -> assertThat(t.detail()).contains(sshd.hostKeyFingerprint()));
            assertThat(Files.readString(sshd.hostsDir().resolve("127.0.1.1/version"))).isEqualTo("6.5.0\n");
            assertThat(Files.readAllBytes(sshd.hostsDir().resolve("127.0.1.1/installed"))).isEqualTo(bytes);
            assertThat(sshd.hostsDir().resolve("127.0.1.2/version")).hasContent("6.5.0");
            assertThat(sshd.hostsDir().resolve("127.0.1.2/version.previous")).as("kept for a rollback")
                    .hasContent("6.4.2");
            assertThat(sshd.hostsDir().resolve("127.0.1.1/version.previous")).as("there was none").doesNotExist();
            assertThat(sshd.hostsDir().resolve("127.0.1.3/version")).as("a failed check is rolled back: no marker"
                    + " before, none after").doesNotExist();
            assertThat(sshd.hostsDir().resolve("127.0.1.3/installed")).as("the rollback script ran").doesNotExist();
            assertThat(journal.logOf("d-ssh", "cam-127.0.1.1", 10)).anyMatch(l -> l.contains("SHA-256 checked"));
        }
    }
}
