package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.deploy.CommandResult;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteEntry;
import io.camfleet.console.service.deploy.RemoteHost;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.diagnostics.CameraRun;
import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.runbooks.RunbookCatalogue;
import io.camfleet.console.service.common.TestClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo's camera hosts: files and runbook outputs that follow each camera's health in the fleet. */
class DemoCameraHostsTest {

    private static final Instant START = Instant.parse("2026-11-26T08:00:00Z");
    private static final FleetSnapshot FLEET = Fleets.uncached(
            new DemoFleetSource(300, 42, WorldCities.load()), new TestClock(START)).reload(Progress.NONE);
    private static final RunbookCatalogue RUNBOOKS = RunbookCatalogue.builtIn();

    private final DemoCameraFiles files = new DemoCameraFiles(42);
    private final DemoCameraHosts hosts = new DemoCameraHosts(FLEET, files, 0);

    private static CameraStatus first(HealthState health) {
        return FLEET.sites().stream().flatMap(s -> FLEET.cameras(s.id()).stream())
                .filter(c -> c.health() == health).findFirst().orElseThrow();
    }

    private static Target target(CameraStatus c) {
        return new Target(c.camera().id(), c.camera().siteId(), c.camera().sshAddress(), c.camera().jumpHost(),
                c.camera().ssmNodeId());
    }

    private static RemoteHost host(CameraStatus c) {
        return new RemoteHost(c.camera().id(), c.camera().sshAddress(), c.camera().jumpHost(), "camfleet");
    }

    private CameraRun run(CameraStatus camera, String runbook) {
        List<CameraRun> runs = Collections.synchronizedList(new ArrayList<>());
        hosts.run(List.of(target(camera)), RUNBOOKS.command(runbook, Map.of()), Duration.ofSeconds(30), runs::add);
        assertThat(runs).hasSize(1);
        return runs.getFirst();
    }

    @Test
    void anOfflineCamerasAgentHasFailedAndItsJournalSaysWhyItCannotReachTheCloud() {
        CameraStatus offline = first(HealthState.OFFLINE);

        CameraRun status = run(offline, "service-status");
        CameraRun journal = run(offline, "journal-tail");
        CameraRun cloud = run(offline, "cloud-reachability");

        assertThat(status.outcome()).isEqualTo(CameraRun.Outcome.COMPLETED);
        assertThat(status.exitCode()).isEqualTo(3); // systemctl status of a failed unit
        assertThat(status.output()).contains("Active: failed (Result: exit-code)");
        assertThat(journal.output()).contains("FATAL agent: cloud endpoint iot.eu-west-1.amazonaws.com unreachable")
                .contains("camos-agent.service: Failed with result 'exit-code'.")
                .containsAnyOf("Temporary failure in name resolution", "no carrier");
        assertThat(cloud.succeeded()).isFalse();
    }

    @Test
    void aDegradedCameraDropsFramesInTheStreamCheckAndAHealthyOneIsClean() {
        CameraRun degraded = run(first(HealthState.DEGRADED), "stream-check");
        CameraRun online = run(first(HealthState.ONLINE), "stream-check");
        CameraRun onlineStatus = run(first(HealthState.ONLINE), "service-status");
        CameraRun onlineCloud = run(first(HealthState.ONLINE), "cloud-reachability");

        assertThat(degraded.output()).contains("dropping old packet", "error while decoding");
        assertThat(online.output()).isEqualTo("stream|codec_name=h264|width=1920|height=1080|avg_frame_rate=15/1");
        assertThat(onlineStatus.exitCode()).isZero();
        assertThat(onlineStatus.output()).contains("Active: active (running)").doesNotContain("ERROR");
        assertThat(onlineCloud.succeeded()).isTrue();
        assertThat(onlineCloud.output()).contains("HTTP 403");
    }

    @Test
    void everyBuiltInRunbookHasAnAnswerAndAnUnknownCommandIsNotFound() {
        CameraStatus online = first(HealthState.ONLINE);
        for (var runbook : RUNBOOKS.runbooks()) {
            CameraRun run = run(online, runbook.id());
            assertThat(run.exitCode()).as(runbook.id()).isNotEqualTo(127);
        }
        List<CameraRun> runs = new ArrayList<>();
        hosts.run(List.of(target(online)), "nc -l 9999", Duration.ofSeconds(5), runs::add);
        assertThat(runs.getFirst().exitCode()).isEqualTo(127);
        assertThat(runs.getFirst().output()).isEqualTo("sh: 1: nc: not found");
    }

    @Test
    void aRebootDropsTheConnectionAndAnUnknownCameraIsUnreachable() {
        CameraRun reboot = run(first(HealthState.ONLINE), "reboot");
        List<CameraRun> runs = new ArrayList<>();
        hosts.run(List.of(new Target("NOPE-C01", "NOPE", "10.9.9.9", "", "")), "uptime", Duration.ofSeconds(5),
                runs::add);

        assertThat(reboot.outcome()).isEqualTo(CameraRun.Outcome.LOST);
        assertThat(runs.getFirst().outcome()).isEqualTo(CameraRun.Outcome.UNREACHABLE);
        assertThat(runs.getFirst().detail()).contains("NOPE-C01");
    }

    @Test
    void aCommandLongerThanItsTimeoutIsStopped() {
        DemoCameraHosts paced = new DemoCameraHosts(FLEET, files, 1);
        List<CameraRun> runs = new ArrayList<>();
        // the stream check takes 2.5 s or more at pace 1
        paced.run(List.of(target(first(HealthState.ONLINE))), RUNBOOKS.command("stream-check", Map.of()),
                Duration.ofMillis(200), runs::add);

        assertThat(runs.getFirst().outcome()).isEqualTo(CameraRun.Outcome.TIMED_OUT);
    }

    @Test
    void aCameraHasItsConfigAndLogFilesAndTheyAreTheSameForTheSameSeed() {
        CameraStatus degraded = first(HealthState.DEGRADED);
        try (HostSession session = hosts.open(host(degraded));
             HostSession again = new DemoCameraHosts(FLEET, new DemoCameraFiles(42), 0).open(host(degraded))) {
            assertThat(session.list("/etc/camos")).extracting(RemoteEntry::name)
                    .containsExactly("agent.conf", "network.conf", "stream.conf");
            assertThat(session.list("/var/log/camos")).extracting(RemoteEntry::name)
                    .containsExactly("agent.log", "agent.log.1");
            assertThat(session.list("/var/log")).extracting(RemoteEntry::name, RemoteEntry::folder)
                    .contains(org.assertj.core.groups.Tuple.tuple("camos", true));
            var log = new ByteArrayOutputStream();
            long size = session.list("/var/log/camos").getFirst().size();
            assertThat(session.copy("/var/log/camos/agent.log", log, Long.MAX_VALUE)).isEqualTo(size);
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("dropped", "frames");
            assertThat(new String(session.read("/etc/camos/agent.conf", 10_000).orElseThrow(), StandardCharsets.UTF_8))
                    .contains("device_id = " + degraded.camera().id(), "api_token = cfk_");
            assertThat(again.sha256("/var/log/camos/agent.log")).isEqualTo(session.sha256("/var/log/camos/agent.log"));
            assertThatThrownBy(() -> session.list("/nowhere"))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("ssh.listFailed"));
        }
    }

    @Test
    void whatIsWrittenStaysForTheLifeOfTheFilesAndAMissingFolderRefusesIt() {
        CameraStatus online = first(HealthState.ONLINE);
        try (HostSession session = hosts.open(host(online))) {
            session.write("/etc/camos/agent.conf", "log_level = debug\n".getBytes(StandardCharsets.UTF_8));
            session.makeDirectories("/var/lib/camfleet/releases/x");
            session.write("/var/lib/camfleet/releases/x/marker", new byte[] {1, 2});
            assertThatThrownBy(() -> session.write("/opt/none/file", new byte[1]))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("ssh.writeFailed"));
        }
        try (HostSession later = new DemoCameraHosts(FLEET, files, 0).open(host(online))) {
            assertThat(later.read("/etc/camos/agent.conf", 100)).hasValueSatisfying(b ->
                    assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("log_level = debug\n"));
            assertThat(later.list("/var/lib/camfleet/releases/x")).extracting(RemoteEntry::name)
                    .containsExactly("marker");
            List<String> lines = new ArrayList<>();
            assertThat(later.run(List.of("sh", "-c", "systemctl is-enabled camos-agent"), Duration.ofSeconds(5),
                    lines::add)).isEqualTo(new CommandResult(1, false));
        }
    }

    @Test
    void anOfflineCameraIsNotReachedWithoutItsJumpHost() {
        CameraStatus offline = first(HealthState.OFFLINE);
        assertThatThrownBy(() -> hosts.open(new RemoteHost(offline.camera().id(), offline.camera().sshAddress(), "",
                "camfleet"))).isInstanceOfSatisfying(Problem.class,
                        p -> assertThat(p.key()).isEqualTo("ssh.unreachable"));
    }
}
