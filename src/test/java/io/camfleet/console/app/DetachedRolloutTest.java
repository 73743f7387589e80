package io.camfleet.console.app;

import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.RolloutService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rollout launched without {@code --wait} runs on in a process of its own for as long as it takes (here: a pause of
 * ten minutes between its waves). Meanwhile the reading commands and the window open the same data folder; two
 * windows on one folder are still one too many.
 */
class DetachedRolloutTest {

    @TempDir
    Path dir;
    private Optional<ProcessHandle> detached = Optional.empty();

    @AfterEach
    void stopTheDetachedRollout() throws Exception {
        if (detached.isPresent()) {
            detached.get().destroyForcibly();
            detached.get().onExit().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void whileADetachedRolloutRunsTheStatusTheFleetAndTheWindowOpenTheFolderButASecondWindowIsRefused()
            throws Exception {
        ChildConsole console = new ChildConsole(dir);
        String data = dir.resolve("data").toString();
        ChildConsole.Result launched = console.run("deploy", "--release", release().toString(), "--targets",
                "region:OC", "--plan", plan().toString(), "--data-dir", data);
        assertThat(launched.exit()).as(launched.errText()).isZero();
        String id = find("Deployment (d-[0-9a-f-]+) runs on in the background", launched.outText());

        // --status while the detached process runs it: who runs it, not "already open".
        ChildConsole.Result status = awaitRunningElsewhere(console, id, data);
        assertThat(status.outText()).contains("Deployment " + id, "It is running in");
        detached = ProcessHandle.of(Long.parseLong(find("It is running in pid (\\d+) ", status.outText())));
        assertThat(detached).as("the detached rollout's process").isPresent();
        assertThat(detached.get().isAlive()).isTrue();

        ChildConsole.Result fleet = console.run("fleet", "--json", "--data-dir", data);
        assertThat(fleet.exit()).as(fleet.errText()).isZero();
        assertThat(fleet.outText()).contains("\"sites\" : 2500");

        // The window opens the folder as its keeper (DesktopConsole does this), and sees the rollout run elsewhere.
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), Map.of(), console.home().toString(),
                new Operator("window", ""), new Messages(Locale.ENGLISH));
        Path folder = Path.of(data);
        try (ConsoleServices window = runtime.openKeeping(folder, cache -> runtime.demoFleet(2500, 42))) {
            assertThat(window.rollouts().status(id).activity()).isEqualTo(RolloutService.Activity.RUNNING_ELSEWHERE);
            assertThat(window.fleet().openCache().siteCount()).isEqualTo(2500);

            // A second window, in this process or another, is refused with the one sentence.
            assertThatThrownBy(() -> runtime.openKeeping(folder, cache -> runtime.demoFleet(2500, 42)))
                    .isInstanceOfSatisfying(Problem.class,
                            p -> assertThat(p.key()).isEqualTo("problem.cacheAlreadyOpen"));
            Path sites = dir.resolve("sites.csv");
            Files.writeString(sites, "site_id,site_name\ns1,One\n");
            ChildConsole.Result imported = console.run("import", sites.toString(), "--data-dir", data);
            assertThat(imported.exit()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(imported.errText().strip())
                    .isEqualTo("camfleet: The data folder " + folder + " is already open by another CamFleet "
                            + "Console. Close that console first, or start this one with --data-dir to use another"
                            + " folder.");

            // The rollout's process ends (killed, here): the window goes on using the cache it served.
            detached.get().destroyForcibly();
            detached.get().onExit().get(20, TimeUnit.SECONDS);
            assertThat(window.audit().verify().intact()).isTrue();
            assertThat(window.rollouts().status(id).activity()).isEqualTo(RolloutService.Activity.INTERRUPTED);
        }
    }

    private ChildConsole.Result awaitRunningElsewhere(ChildConsole console, String id, String data)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            ChildConsole.Result status = console.run("deploy", "--status", id, "--data-dir", data);
            if (status.exit() == 5 && status.outText().contains("It is running in")) {
                return status;
            }
            assertThat(System.nanoTime()).as("deploy --status says the detached process runs it; it said: %s%s",
                    status.outText(), status.errText()).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private Path release() throws Exception {
        Files.writeString(dir.resolve("agent.tar.gz"), "agent");
        Path release = dir.resolve("release.json");
        Files.writeString(release, """
                {"name": "camos-agent", "version": "7.0.0", "kind": "release", "artifact": "agent.tar.gz",
                 "sha256": "%s", "install": "install.sh", "healthCheck": "selftest", "rollback": "rollback.sh"}
                """.formatted("0".repeat(64)));
        return release;
    }

    /** Half the cameras, then ten minutes' pause: the detached process holds its rollout for that long. */
    private Path plan() throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"waves\": \"50%\", \"maxConcurrency\": 50, \"failureThreshold\": \"100%\","
                + " \"pauseBetweenWaves\": \"10m\", \"maintenanceWindows\": \"ignore\"}");
        return plan;
    }

    private static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in %s", regex, text).isTrue();
        return m.group(1);
    }
}
