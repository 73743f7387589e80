package io.camfleet.console.app;

import io.camfleet.console.cli.Commands;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.audit.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@code camfleet deploy} as a pipeline runs it, on the demo fleet: exit codes, JSON, and a kill -9 resumed. */
class DeployCommandTest {

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The console's clock: the machine's, unless a test moves it. */
    private Clock clock = Clock.systemUTC();

    private int run(String... args) {
        ConsoleRuntime runtime = new ConsoleRuntime(clock, Map.of(), dir.resolve("home").toString(),
                new Operator("pipeline", ""), new Messages(Locale.ENGLISH));
        CommandLine cmd = Commands.commandLine(runtime, new Messages(Locale.ENGLISH));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private Path release() throws Exception {
        Path artifact = dir.resolve("agent.tar.gz");
        Files.writeString(artifact, "agent");
        Path release = dir.resolve("release.json");
        Files.writeString(release, """
                {"name": "camos-agent", "version": "7.0.0", "kind": "release", "artifact": "agent.tar.gz",
                 "sha256": "%s", "install": "install.sh", "healthCheck": "selftest", "rollback": "rollback.sh"}
                """.formatted("0".repeat(64)));
        return release;
    }

    private Path plan(String json) throws Exception {
        Path plan = dir.resolve("plan-" + json.hashCode() + ".json");
        Files.writeString(plan, json);
        return plan;
    }

    @Test
    void aDemoRolloutEndsWithItsOutcomeAsExitCodeAndJson() throws Exception {
        String data = dir.resolve("data").toString();
        int code = run("deploy", "--release", release().toString(), "--targets", "region:OC",
                "--plan", plan("{\"waves\": \"50%\", \"maxConcurrency\": 50, \"failureThreshold\": \"20%\", \"maintenanceWindows\": \"ignore\"}")
                        .toString(), "--wait", "--json", "--data-dir", data);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"state\" : \"SUCCEEDED\"", "\"executor\" : \"DEMO\"", "\"SUCCEEDED\" :");
        String id = find("\"id\" : \"(d-[^\"]+)\"", out.toString());

        out.getBuffer().setLength(0);
        assertThat(run("deploy", "--status", id, "--data-dir", data)).isZero();
        assertThat(out.toString()).startsWith("Deployment " + id + " (camos-agent 7.0.0): SUCCEEDED");
    }

    @Test
    void badInputExitsThreeAndAThresholdExceededExitsOne() throws Exception {
        String data = dir.resolve("data").toString();
        assertThat(run("deploy", "--release", release().toString(), "--targets", "colour:blue",
                "--plan", plan("{\"waves\": \"10\"}").toString(), "--wait", "--data-dir", data)).isEqualTo(3);
        assertThat(err.toString()).contains("'colour:' is not a filter key");
        assertThat(run("deploy", "--release", release().toString(), "--targets", "region:OC",
                "--plan", plan("{\"waves\": \"10\", \"maxConcurent\": 2}").toString(), "--wait", "--data-dir", data))
                .isEqualTo(3);
        // No failure tolerated: the demo's occasional failures stop the rollout. The whole fleet is said: all.
        assertThat(run("deploy", "--release", release().toString(), "--targets", "all",
                "--plan", plan("{\"waves\": \"25%\", \"maxConcurrency\": 100, \"failureThreshold\": \"0\", \"maintenanceWindows\": \"ignore\"}").toString(),
                "--wait", "--data-dir", data)).isEqualTo(1);
    }

    @Test
    void anEmptyFilterOrAKeyWithoutAValueIsBadInputNotTheWholeFleet() throws Exception {
        String data = dir.resolve("data").toString();
        String plan = plan("{\"waves\": \"50%\", \"maintenanceWindows\": \"ignore\"}").toString();
        for (String targets : List.of("", "  ", "region:", "customer:Northwind region:")) {
            err.getBuffer().setLength(0);
            assertThat(run("deploy", "--release", release().toString(), "--targets", targets, "--plan", plan,
                    "--wait", "--data-dir", data)).as("'%s'", targets).isEqualTo(3);
            assertThat(err.toString()).containsAnyOf("No targets were given", "has no value");
        }
        assertThat(deployments()).isEmpty();
    }

    @Test
    void aPlanThatCannotBeFollowedIsBadInputAndNothingIsJournalled() throws Exception {
        String data = dir.resolve("data").toString();
        for (String json : List.of(
                "{\"waves\": [[\"no-such-camera\"]], \"maintenanceWindows\": \"ignore\"}",
                "{\"waves\": [[]], \"maintenanceWindows\": \"ignore\"}",
                "{\"waves\": \"50%\", \"maxConcurrency\": \"ten\", \"maintenanceWindows\": \"ignore\"}",
                "{\"waves\": \"50%\", \"maxConcurrency\": 2.7, \"maintenanceWindows\": \"ignore\"}",
                "{\"waves\": \"50%\", \"waves\": \"10%\", \"maintenanceWindows\": \"ignore\"}",
                "{\"waves\": \"50%\", \"pauseBetweenWaves\": \"999999999999h\", \"maintenanceWindows\": \"ignore\"}",
                "{\"waves\": \"50%\", \"pauseBetweenWaves\": \"PT2562047788015215H\", \"maintenanceWindows\": \"ignore\"}")) {
            err.getBuffer().setLength(0);
            // Before, these ran: the explicit waves exited 1 after the launch check, "ten" was read as 10, the
            // pauses held the rollout after its first wave for ever or overflowed there.
            int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("deploy", "--release",
                    release().toString(), "--targets", "region:OC", "--plan", plan(json).toString(), "--wait",
                    "--data-dir", data));
            assertThat(code).as(json + ": " + err).isEqualTo(3);
            assertThat(err.toString()).startsWith("camfleet: The plan is not valid: ");
        }
        err.getBuffer().setLength(0);
        int endless = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("deploy", "--release",
                release().toString(), "--targets", "region:OC", "--plan", "/dev/zero", "--wait", "--data-dir", data));
        assertThat(endless).isEqualTo(3);
        assertThat(err.toString()).contains("The plan file /dev/zero cannot be read");
        assertThat(deployments()).isEmpty();
    }

    @Test
    void aDryRunPrintsTheWavesAndTheArtifactAndJournalsNothing() throws Exception {
        String data = dir.resolve("data").toString();
        int code = run("deploy", "--dry-run", "--release", release().toString(), "--targets", "region:OC",
                "--plan", plan("{\"canary\": 1, \"waves\": \"50%\", \"maintenanceWindows\": \"ignore\"}").toString(),
                "--data-dir", data);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Dry run of camos-agent 7.0.0 (release) with DEMO: nothing was journalled",
                "Canary: 1 camera at 1 site", "Wave 2: ", "Wave 3: ", "In all: ",
                "Artifact: " + dir.resolve("agent.tar.gz") + " (not read on this machine by this executor)");
        assertThat(deployments()).isEmpty();

        out.getBuffer().setLength(0);
        assertThat(run("deploy", "--dry-run", "--json", "--release", release().toString(), "--targets", "region:OC",
                "--plan", plan("{\"waves\": \"50%\", \"maintenanceWindows\": \"ignore\"}").toString(), "--data-dir",
                data)).isZero();
        assertThat(out.toString()).contains("\"cameraIds\" : [", "\"total\" : {", "\"checked\" : false");
        assertThat(run("deploy", "--dry-run", "--release", release().toString(), "--targets", "region:",
                "--plan", plan("{\"waves\": \"50%\"}").toString(), "--data-dir", data)).isEqualTo(3);
        assertThat(deployments()).isEmpty();
    }

    @Test
    void theDryRunShowsEachWavesErrorBudgetAndTheRolloutSkipsTheSitesTheGuardHoldsBack() throws Exception {
        // Down from one camera offline: the demo's past then spends the budgets of the sites that lost a camera
        // (some of the sites of Africa, this month).
        // Mid-month, so that this month's history is days long whatever day the test runs on: the clock still ticks.
        java.time.ZonedDateTime today = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
        clock = Clock.offset(Clock.systemUTC(), Duration.between(today, today.withDayOfMonth(15)));
        Path folder = dir.resolve("data");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("settings.json"),
                "{\"availability\": {\"rule\": \"AT_LEAST\", \"threshold\": 1}}");
        String data = folder.toString();
        String guarded = plan("{\"waves\": \"50%\", \"errorBudgetGuard\": \"100%\", \"failureThreshold\": \"100%\", "
                + "\"maxConcurrency\": 50, \"maintenanceWindows\": \"ignore\"}").toString();

        assertThat(run("deploy", "--dry-run", "--release", release().toString(), "--targets", "region:AF",
                "--plan", guarded, "--data-dir", data)).as(err.toString()).isZero();
        String said = out.toString();
        assertThat(said).containsPattern("Wave 1: lowest error budget left this month -?[\\d.]+ % \\(")
                .containsPattern("Wave 2: lowest error budget left this month -?[\\d.]+ % \\(")
                .containsPattern("Error-budget guard 100%: \\d+ sites? (is|are) held back, \\d+ cameras? skipped");
        out.getBuffer().setLength(0);
        assertThat(run("deploy", "--dry-run", "--json", "--release", release().toString(), "--targets", "region:AF",
                "--plan", guarded, "--data-dir", data)).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString()).get("errorBudget");
        assertThat(json.get("known").asBoolean()).isTrue();
        assertThat(json.get("guardPercent").asInt()).isEqualTo(100);
        List<String> heldSites = new java.util.ArrayList<>();
        json.get("heldBack").forEach(h -> heldSites.add(h.get("siteId").asText()));
        assertThat(heldSites).isNotEmpty();

        // The rollout: every camera of a held-back site is HELD_BACK, with the reason in the journal; no other is.
        out.getBuffer().setLength(0);
        assertThat(run("deploy", "--release", release().toString(), "--targets", "region:AF", "--plan", guarded,
                "--wait", "--data-dir", data)).as(err.toString()).isIn(0, 1);
        try (var db = io.camfleet.console.adapter.store.CacheDatabase.open(folder, Clock.systemUTC())) {
            var journal = new io.camfleet.console.adapter.store.JdbcDeploymentJournal(db.dataSource(),
                    Clock.systemUTC());
            String id = journal.recent(1).get(0).id();
            for (var t : journal.targets(id)) {
                boolean held = heldSites.contains(t.target().siteId());
                assertThat(t.state() == io.camfleet.console.domain.deploy.TargetState.HELD_BACK)
                        .as(t.target().cameraId() + " at " + t.target().siteId()).isEqualTo(held);
                if (held) {
                    assertThat(journal.eventsOf(id, t.target().cameraId())).last()
                            .extracting(io.camfleet.console.service.deploy.DeploymentJournal.Event::detail)
                            .asString().startsWith("held back: the site has ")
                            .endsWith(" of this month's error budget left, below the plan's guard of 100%");
                }
            }
        }
    }

    @Test
    void aGuardThatIsNotAShareOfTheBudgetIsRefusedBeforeAnythingRuns() throws Exception {
        String data = dir.resolve("data").toString();
        for (String guard : List.of("125%", "abc")) {
            err.getBuffer().setLength(0);
            assertThat(run("deploy", "--release", release().toString(), "--targets", "region:OC",
                    "--plan", plan("{\"waves\": \"50%\", \"errorBudgetGuard\": \"" + guard + "\"}").toString(),
                    "--wait", "--data-dir", data)).isEqualTo(3);
            assertThat(err.toString()).contains("camfleet: The plan is not valid: errorBudgetGuard is '" + guard
                    + "': write a whole share of the monthly error budget from 0% to 100%, such as \"25%\".");
        }
        err.getBuffer().setLength(0);
        assertThat(run("deploy", "--dry-run", "--release", release().toString(), "--targets", "region:OC",
                "--plan", plan("{\"waves\": \"50%\", \"emergency\": true}").toString(), "--data-dir", data))
                .isEqualTo(3);
        assertThat(err.toString()).contains("emergency is true but there is no emergencyReason");
        assertThat(deployments()).isEmpty();
    }

    /** The deployments in the journal of the data folder. */
    private List<String> deployments() {
        try (var db = io.camfleet.console.adapter.store.CacheDatabase.open(dir.resolve("data"), Clock.systemUTC())) {
            return new io.camfleet.console.adapter.store.JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC())
                    .recent(100).stream().map(d -> d.id()).toList();
        }
    }

    @Test
    void anSsmRolloutItCannotRunIsRefusedAsBadInputBeforeAnythingIsSent() throws Exception {
        String data = dir.resolve("data").toString();
        String plan = plan("{\"waves\": \"10\", \"maintenanceWindows\": \"ignore\"}").toString();
        assertThat(run("deploy", "--release", release().toString(), "--targets", "region:OC", "--plan", plan,
                "--executor", "ssm", "--wait", "--data-dir", data)).isEqualTo(3);
        assertThat(err.toString()).contains("must be an S3 object");

        Path inS3 = dir.resolve("release-s3.json");
        Files.writeString(inS3, Files.readString(release()).replace("\"agent.tar.gz\"",
                "\"s3://camfleet-releases/agent.tar.gz\""));
        err.getBuffer().setLength(0);
        // The demo fleet's sites belong to no AWS environment.
        assertThat(run("deploy", "--release", inS3.toString(), "--targets", "region:OC", "--plan", plan,
                "--executor", "ssm", "--wait", "--data-dir", data)).isEqualTo(3);
        assertThat(err.toString()).contains("belongs to no AWS environment");
    }

    @Test
    void aRolloutKilledMidWayIsPickedUpWhereItStoppedAndNoSucceededCameraRunsAgain() throws Exception {
        String data = dir.resolve("data").toString();
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "deploy", "--release", release().toString(), "--targets", "region:OC",
                // One wave: ten cameras are under way from its start to its tail, with no pause between waves in
                // which a kill would find nothing under way (a reader lagging on a busy machine once landed there).
                "--plan", plan("{\"waves\": \"100%\", \"maxConcurrency\": 10, \"failureThreshold\": \"50%\", \"maintenanceWindows\": \"ignore\"}")
                        .toString(), "--wait", "--data-dir", data));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String id = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (id == null && line.startsWith("Deployment d-")) {
                    id = line.substring("Deployment ".length(), line.indexOf(':'));
                }
                // A progress line with some cameras done: kill it there, as a crash would.
                if (id != null && line.startsWith(id) && line.contains("SUCCEEDED=") && line.contains("INSTALLING=")) {
                    break;
                }
            }
            assertThat(id).as("the child launched a deployment").isNotNull();
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        // Its process is gone: nobody runs it, well before its lease would expire by itself.
        out.getBuffer().setLength(0);
        assertThat(run("deploy", "--status", id, "--data-dir", data)).as(out.toString()).isEqualTo(4);
        assertThat(out.toString()).contains("INTERRUPTED", "camfleet deploy --resume " + id + " --wait --data-dir " + data);
        out.getBuffer().setLength(0);
        assertThat(run("deploy", "--list", "--data-dir", data)).isZero();
        assertThat(out.toString()).containsPattern(id + " +INTERRUPTED +camos-agent 7.0.0 +DEMO");
        out.getBuffer().setLength(0);
        int code = run("deploy", "--resume", id, "--wait", "--json", "--data-dir", data);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"state\" : \"SUCCEEDED\"");
        // Each camera succeeded at most once, across both processes; those under way at the kill were re-probed.
        String journal = runEvents(id);
        assertThat(journal).contains("interrupted: the console stopped during this step");
    }

    @Test
    void withoutWaitTheRolloutRunsOnInItsOwnProcessAndTheCommandReturnsAtOnce() throws Exception {
        String data = dir.resolve("data").toString();
        long start = System.nanoTime();
        int code = run("deploy", "--release", release().toString(), "--targets", "region:OC", "--plan",
                plan("{\"waves\": \"50%\", \"maxConcurrency\": 50, \"failureThreshold\": \"20%\","
                        + " \"maintenanceWindows\": \"ignore\"}")
                        .toString(), "--data-dir", data);

        assertThat(code).as(err.toString()).isZero();
        String id = find("Deployment (d-[0-9a-f-]+) runs on in the background", out.toString());
        Path log = dir.resolve("data").resolve("deployments").resolve(id + ".log");
        assertThat(out.toString()).contains(log.toString());
        // The detached process picks the deployment up once this one let go of the data folder, and runs it out.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!(Files.exists(log) && Files.readString(log).contains("(camos-agent 7.0.0): "))) {
            assertThat(System.nanoTime()).as("the detached rollout ends; its log: %s",
                    Files.exists(log) ? Files.readString(log) : "none").isLessThan(deadline);
            Thread.sleep(200);
        }
        waitUntilReleased(data);
        out.getBuffer().setLength(0);
        assertThat(run("deploy", "--status", id, "--data-dir", data)).isZero();
        assertThat(out.toString()).contains(": SUCCEEDED");
    }

    /** The detached process has written its outcome; it may still be closing the cache. */
    private void waitUntilReleased(String data) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            err.getBuffer().setLength(0);
            if (run("deploy", "--status", "none", "--data-dir", data) == 3
                    && !err.toString().contains("already open")) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** The journal's events of a deployment, as text, through the store. */
    private String runEvents(String id) throws Exception {
        try (var db = io.camfleet.console.adapter.store.CacheDatabase.open(dir.resolve("data"), Clock.systemUTC())) {
            var journal = new io.camfleet.console.adapter.store.JdbcDeploymentJournal(db.dataSource(),
                    Clock.systemUTC());
            var events = journal.events(id);
            Map<String, Long> succeeded = new java.util.HashMap<>();
            events.stream().filter(e -> e.to().equals("SUCCEEDED"))
                    .forEach(e -> succeeded.merge(e.cameraId(), 1L, Long::sum));
            assertThat(succeeded.values()).allMatch(n -> n == 1);
            return events.toString();
        }
    }

    private static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }
}
