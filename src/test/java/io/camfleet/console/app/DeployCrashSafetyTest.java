package io.camfleet.console.app;

import io.camfleet.console.adapter.ssh.SshdFixture;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcDeploymentJournal;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.TargetRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camfleet deploy} over a real sshd, attacked as a crash and a broken network would: what the journal and the
 * exit code say must have happened on the cameras.
 */
class DeployCrashSafetyTest {

    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    @TempDir
    Path dir;

    private static List<String> ips(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "127.0.1." + i).toList();
    }

    @Test
    void aCameraWhoseHealthWasUndecidedAtACrashIsCheckedAgainOnResumeAndRolledBackWhenItFails() throws Exception {
        List<String> ips = ips(21, 24);
        SshFleet fleet = new SshFleet(SSHD, dir, ips).registry(Map.of());
        for (String ip : ips) {
            Files.writeString(fleet.camera(ip).resolve("version"), "6.4.2\n");
        }
        List<String> unhealthy = List.of("127.0.1.22", "127.0.1.23");
        for (String ip : unhealthy) {
            Files.writeString(fleet.camera(ip).resolve("unhealthy"), "");
        }
        // The unhealthy cameras' first health check hangs until the console is killed; any later one fails at once.
        Path release = fleet.release("cp -- \"$1\" \"$r/installed\"",
                "if [ -f \"$r/unhealthy\" ]; then [ -f \"$r/checked\" ] && exit 1; touch \"$r/checked\"; sleep 60;"
                        + " exit 1; fi; cmp -s -- \"$1\" \"$r/installed\"",
                "rm -f -- \"$r/installed\"; touch \"$r/rolled-back\"");
        Path plan = fleet.plan("{\"waves\": \"100%\", \"maxConcurrency\": 4, \"failureThreshold\": \"50%\","
                + " \"maintenanceWindows\": \"ignore\"}");

        String id;
        try (ConsoleProcess console = fleet.start("deploy", "--release", release.toString(), "--targets",
                "customer:Northwind", "--plan", plan.toString(), "--executor", "ssh", "--ssh-user", SSHD.user(),
                "--wait")) {
            id = find("Deployment (d-[0-9a-f-]+)", console.await(l -> l.startsWith("Deployment d-"), 60));
            awaitFiles(unhealthy.stream().map(ip -> fleet.camera(ip).resolve("checked")).toList());
            console.kill(); // while both health checks run
        }

        int code = fleet.run("deploy", "--resume", id, "--wait", "--json", "--ssh-user", SSHD.user());

        assertThat(code).as(fleet.out + "\n" + fleet.err).isZero(); // 2 of 4 failed: not more than 50 %
        for (String ip : unhealthy) {
            List<String> steps = steps(fleet, id, SshFleet.cameraId(ip));
            assertThat(steps).as("the marker proved the install, not the health: checked again, then rolled back")
                    .containsSubsequence("VERIFYING", "UNKNOWN", "VERIFYING", "FAILED", "ROLLED_BACK")
                    .doesNotContain("SUCCEEDED");
            assertThat(fleet.camera(ip).resolve("rolled-back")).exists();
            assertThat(fleet.camera(ip).resolve("installed")).doesNotExist();
            assertThat(fleet.camera(ip).resolve("version")).hasContent("6.4.2");
        }
        for (String ip : List.of("127.0.1.21", "127.0.1.24")) {
            assertThat(steps(fleet, id, SshFleet.cameraId(ip))).endsWith("SUCCEEDED");
            assertThat(fleet.camera(ip).resolve("version")).hasContent("7.0.0");
        }
    }

    @Test
    void oneBadTargetNeverLeavesTheDeploymentRunning() throws Exception {
        List<String> ips = ips(31, 37);
        try (CuttingProxy cut = new CuttingProxy(SSHD.port(), 300_000)) {
            SshFleet fleet = new SshFleet(SSHD, dir, ips);
            // The camera behind the proxy is 127.0.0.1 on the proxy's port: trust the sshd's key there too.
            String proxied = "127.0.0.1:" + cut.port();
            Files.writeString(fleet.home.resolve(".ssh/known_hosts"), SSHD.knownHostsLine("127.0.0.1")
                    .replaceFirst("^\\[127\\.0\\.0\\.1]:\\d+", "[127.0.0.1]:" + cut.port()) + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Files.createDirectories(SSHD.hostsDir().resolve("127.0.0.1"));
            Map<String, String> addresses = new LinkedHashMap<>();
            addresses.put("127.0.1.32", proxied); // its link drops in the middle of the 1 MB upload
            addresses.put("127.0.1.33", "h:abc");
            addresses.put("127.0.1.34", "h:");
            addresses.put("127.0.1.35", "[::1");
            addresses.put("127.0.1.36", "");
            addresses.put("127.0.1.37", "h:99999");
            fleet.registry(addresses);
            Path release = fleet.release("cp -- \"$1\" \"$r/installed\"", "cmp -s -- \"$1\" \"$r/installed\"",
                    "rm -f -- \"$r/installed\"");
            Path plan = fleet.plan("{\"waves\": \"100%\", \"maxConcurrency\": 7, \"failureThreshold\": \"6\","
                    + " \"maintenanceWindows\": \"ignore\"}");

            // The dry run names each camera that cannot be reached, with its sentence, before anything is sent.
            assertThat(fleet.run("deploy", "--release", release.toString(), "--targets", "customer:Northwind",
                    "--plan", plan.toString(), "--executor", "ssh", "--ssh-user", SSHD.user(), "--dry-run"))
                    .as(fleet.err.toString()).isZero();
            assertThat(fleet.out.toString()).contains("5 camera(s) cannot be reached at all",
                    SshFleet.cameraId("127.0.1.33") + ": The SSH address 'h:abc' cannot be used",
                    SshFleet.cameraId("127.0.1.36") + ": The camera has no SSH address")
                    .doesNotContain(SshFleet.cameraId("127.0.1.32") + ":");

            int code = fleet.run("deploy", "--release", release.toString(), "--targets", "customer:Northwind",
                    "--plan", plan.toString(), "--executor", "ssh", "--ssh-user", SSHD.user(), "--wait", "--json");

            assertThat(code).as(fleet.out + "\n" + fleet.err).isZero(); // 6 failures: not more than 6
            String json = fleet.out.toString();
            assertThat(json).contains("\"state\" : \"SUCCEEDED\"");
            String id = find("\"id\" : \"(d-[^\"]+)\"", json);
            Map<String, TargetRecord> targets = targets(fleet, id);
            assertThat(targets.get(SshFleet.cameraId("127.0.1.31")).state()).isEqualTo(TargetState.SUCCEEDED);
            assertThat(targets.values()).noneMatch(t -> t.state().isUnderWay());
            assertThat(targets.get(SshFleet.cameraId("127.0.1.32")).state()).isIn(TargetState.FAILED,
                    TargetState.UNKNOWN);
            assertThat(targets.get(SshFleet.cameraId("127.0.1.32")).detail()).isNotBlank();
            assertThat(targets.get(SshFleet.cameraId("127.0.1.33")).detail()).contains("'h:abc' cannot be used",
                    "'abc' is not a port");
            assertThat(targets.get(SshFleet.cameraId("127.0.1.34")).detail()).contains("the port after ':' is missing");
            assertThat(targets.get(SshFleet.cameraId("127.0.1.35")).detail()).contains("']' closing");
            assertThat(targets.get(SshFleet.cameraId("127.0.1.36")).detail()).contains("has no SSH address");
            assertThat(targets.get(SshFleet.cameraId("127.0.1.37")).detail()).contains("not from 1 to 65535");
            for (String ip : List.of("127.0.1.33", "127.0.1.34", "127.0.1.35", "127.0.1.36", "127.0.1.37")) {
                assertThat(targets.get(SshFleet.cameraId(ip)).state()).isEqualTo(TargetState.FAILED);
            }

            assertThat(fleet.run("deploy", "--status", id)).isZero();
            assertThat(fleet.out.toString()).contains(": SUCCEEDED");
            assertThat(fleet.run("deploy", "--resume", id, "--wait")).isEqualTo(3);
            assertThat(fleet.err.toString()).contains("has already ended").doesNotContain("For input string");
        }
    }

    @Test
    void aFullDiskMidRolloutHaltsItAndTheResumeChecksEveryCameraThatGotTheRelease() throws Exception {
        List<String> ips = ips(35, 50);
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 24)) {
            SshFleet fleet = new SshFleet(SSHD, disk.path(), ips).registry(Map.of());
            String filler = "127.0.1.40";
            Files.writeString(fleet.camera(filler).resolve("fills-disk"), "");
            // One camera's install fills the disk the console's data folder is on, in the middle of the rollout.
            Path release = fleet.release("cp -- \"$1\" \"$r/installed\"; if [ -f \"$r/fills-disk\" ]; then"
                            + " rm -f \"$r/fills-disk\"; dd if=/dev/zero of=" + disk.filler() + " bs=64k 2>/dev/null;"
                            + " fi; true",
                    "cmp -s -- \"$1\" \"$r/installed\"", "rm -f -- \"$r/installed\"");
            Path plan = fleet.plan("{\"waves\": \"100%\", \"maxConcurrency\": 2, \"failureThreshold\": \"0\","
                    + " \"maintenanceWindows\": \"ignore\"}");

            String id;
            try (ConsoleProcess console = fleet.start("deploy", "--release", release.toString(), "--targets",
                    "customer:Northwind", "--plan", plan.toString(), "--executor", "ssh", "--ssh-user", SSHD.user(),
                    "--wait")) {
                id = find("Deployment (d-[0-9a-f-]+)", console.await(l -> l.startsWith("Deployment d-"), 60));
                int code = console.waitFor(120);
                assertThat(console.output()).contains("The disk holding " + fleet.data + " is full");
                assertThat(code).as(console.output()).isEqualTo(3);
            }
            disk.free();

            int code = fleet.run("deploy", "--resume", id, "--wait", "--json", "--ssh-user", SSHD.user());

            assertThat(code).as(fleet.out + "\n" + fleet.err).isZero();
            assertThat(fleet.out.toString()).contains("\"state\" : \"SUCCEEDED\"", "\"SUCCEEDED\" : 16");
            for (String ip : ips) {
                List<String> steps = steps(fleet, id, SshFleet.cameraId(ip));
                assertThat(steps).as(ip + ": every camera that got the release had its health checked")
                        .doesNotContain("SKIPPED").endsWith("VERIFYING", "SUCCEEDED");
                assertThat(fleet.camera(ip).resolve("version")).hasContent("7.0.0");
            }
        }
    }

    /** Waits until every one of {@code files} exists. */
    static void awaitFiles(List<Path> files) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!files.stream().allMatch(Files::exists)) {
            assertThat(System.nanoTime()).as("waiting for %s", files).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    static Map<String, TargetRecord> targets(SshFleet fleet, String id) {
        try (CacheDatabase db = CacheDatabase.open(fleet.data, Clock.systemUTC())) {
            Map<String, TargetRecord> out = new LinkedHashMap<>();
            new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC()).targets(id)
                    .forEach(t -> out.put(t.target().cameraId(), t));
            return out;
        }
    }

    /** The states a camera went through, in order, as the journal recorded them. */
    static List<String> steps(SshFleet fleet, String id, String camera) {
        try (CacheDatabase db = CacheDatabase.open(fleet.data, Clock.systemUTC())) {
            return new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC()).events(id).stream()
                    .filter(e -> e.cameraId().equals(camera)).map(DeploymentJournal.Event::to).toList();
        }
    }

    static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }
}
