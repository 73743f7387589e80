package io.camfleet.console.app;

import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.CborToJsonBridge;
import io.camfleet.console.adapter.aws.FleetSeeder;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcReleaseStore;
import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.ui.deploy.DeploymentsRobot;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ssm.model.Command;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollout of 2,000 AWS cameras over SSM in the whole window, against a real moto_server: things synced with their
 * {@code ssmNodeId}, a deployment launched from the Deployments screen's wizard (a canary of 2, then waves of 10 %,
 * concurrency 200), each wave's progress shown as it runs, every camera succeeded at the end. moto runs no script:
 * each invocation is Success at once, so the polls never wait and the window's own Pacer stays real.
 */
@ExtendWith(ApplicationExtension.class)
class SsmRolloutUiTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final int SITES = 100;
    private static final int CAMERAS_PER_SITE = 20;
    private static final int CAMERAS = SITES * CAMERAS_PER_SITE;
    private static final Pattern COUNTS = Pattern.compile("(\\d+)/(\\d+) done · (\\d+) failed · (\\d+) running");

    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static String node(int i) {
        return String.format("mi-%017x", 0xca0000L + i);
    }

    /**
     * 100 sites of 20 cameras, each a thing with a managed node id. Thing groups are not indexed: moto has no
     * AWS_ThingGroups index, so the sync reads the registry's listings.
     */
    private static void seed(Environment env) throws Exception {
        try (FleetSeeder seed = new FleetSeeder(env);
             ExecutorService calls = Executors.newFixedThreadPool(8)) {
            seed.region("EU").indexConnectivity();
            // A call per group and two per thing: eight at a time, as moto serves each on a thread of its own.
            List<Future<?>> sites = new ArrayList<>();
            for (int s = 0; s < SITES; s++) {
                int site = s;
                sites.add(calls.submit(() -> seedSite(seed, site)));
            }
            for (Future<?> f : sites) {
                f.get();
            }
        }
    }

    private static void seedSite(FleetSeeder seed, int s) {
        String group = String.format("eu-site-%03d", s);
        Map<String, String> site = FleetSeeder.siteAttributes("Depot_" + s, "Northwind", "NL",
                String.valueOf(50 + s * 0.05), String.valueOf(4 + s * 0.05), "Europe/Amsterdam", "GOLD");
        site.remove("maintenanceWindow"); // always open: the rollout starts now
        seed.site(group, "EU", site);
        for (int c = 0; c < CAMERAS_PER_SITE; c++) {
            int i = s * CAMERAS_PER_SITE + c;
            seed.thing(group + "-cam-" + c, group, Map.of("softwareVersion", "6.4.2", "ssmNodeId", node(i)));
        }
    }

    /** Each wave's counts as the bars beside them say them now, in wave order: {done, total, failed, running}. */
    private static List<int[]> waveCounts(FxRobot robot) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                List<int[]> out = new ArrayList<>();
                for (Node n : robot.lookup("#wave-bars").queryAs(GridPane.class).getChildren()) {
                    Matcher m = n instanceof Label l ? COUNTS.matcher(l.getText()) : null;
                    if (m != null && m.matches()) {
                        out.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
                    }
                }
                return out;
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void twoThousandAwsCamerasRollOutOverSsmInWavesShownLiveWaveByWave(FxRobot robot) throws Exception {
        long t0 = System.nanoTime();
        Environment env = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        seed(env);
        Release release = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE,
                "s3://camfleet-releases/camos-agent/6.5.0.tar.gz", "ab".repeat(32), "./install.sh \"$1\"",
                "systemctl is-active camos-agent", "./rollback.sh");
        try (AwsClients clients = MOTO.clients(op -> { })) {
            clients.s3(env).createBucket(b -> b.bucket("camfleet-releases")
                    .createBucketConfiguration(c -> c.locationConstraint(env.region())));
            clients.s3(env).putObject(b -> b.bucket("camfleet-releases").key("camos-agent/6.5.0.tar.gz"),
                    RequestBody.fromBytes(new byte[1024]));
        }
        Path data = dir.resolve("data");
        try (CacheDatabase db = CacheDatabase.open(data, Clock.systemUTC())) {
            new JdbcReleaseStore(db.dataSource(), Clock.systemUTC()).save(release, "release-engineer");
        }
        SourceSettings aws = SourceSettings.DEMO.withKind(SourceSettings.Kind.AWS).withEnvironments(List.of(env));
        // The runner finds each camera's environment in the folder's settings, as the window saved them.
        SettingsFile.in(data).write(SourceSettings.SECTION, aws);
        Settings preferences = WindowFixture.sized(1500, 940).with(SourceSettings.SECTION, aws);
        long seeded = System.nanoTime();

        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(),
                Map.of("AWS_CONFIG_FILE", MOTO.configFile().toString()), dir.resolve("home").toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        runtime.interceptAws(List.of(new CborToJsonBridge()));
        WindowFixture window = new WindowFixture();
        WaitForAsyncUtils.asyncFx(() -> window.open(stage, data, runtime,
                runtime.source(preferences.get(SourceSettings.SECTION), 10, 1), preferences, runtime.environments(),
                settings -> runtime.source(settings, 10, 1)));
        try {
            waitFor(() -> DeploymentsRobot.text(robot, "#status-source").contains("2,000 cameras"));
            long synced = System.nanoTime();
            System.out.printf(Locale.ROOT, "SsmRolloutUiTest: seeded %.1f s, synced %.1f s%n", (seeded - t0) / 1e9,
                    (synced - seeded) / 1e9);
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
            waitFor(() -> robot.lookup("#deploy-new").tryQuery().map(Node::isVisible).orElse(false));
            List<String> dryRun = DeploymentsRobot.wizardDryRun(robot, "all", ExecutorKind.SSM, "camfleet", "10%",
                    200, "5%", false, "deploy-ssm");
            assertThat(dryRun.get(1)).as("every camera has its managed node").isEmpty();
            waitFor(() -> DeploymentsRobot.text(robot, "#deploy-state").equals("Paused")); // the canary awaits approval
            assertThat(waveCounts(robot)).hasSize(11); // a canary of 2, then 10 waves of 10 %
            assertThat(waveCounts(robot).get(0)).containsExactly(2, 2, 0, 0);
            robot.clickOn("#deploy-approve");
            long launched = System.nanoTime();
            System.out.printf(Locale.ROOT, "SsmRolloutUiTest: launched %.1f s%n", (launched - synced) / 1e9);

            // Watch the bars as the waves run: the done counts grow wave by wave, some wave seen under way (cameras
            // running, or part done: against moto a part ends at its first poll, so a wave is rarely seen half done).
            TreeSet<Integer> doneSeen = new TreeSet<>();
            boolean partWave = false;
            boolean midShot = false;
            // A guard, not a figure: at a load of 13 on two cores the rollout took 105 s when each transition was a
            // durable journal commit of its own; now each poll's are one, and it takes ~16 s (the rollout-ssm bench
            // has the figures).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (!DeploymentsRobot.text(robot, "#deploy-state").equals("Succeeded")) {
                assertThat(System.nanoTime()).as("the rollout ends within 150 s").isLessThan(deadline);
                List<int[]> waves = waveCounts(robot);
                doneSeen.add(waves.stream().mapToInt(w -> w[0]).sum());
                for (int[] w : waves) {
                    partWave |= w[3] > 0 || w[0] > 0 && w[0] < w[1];
                    assertThat(w[2]).as("no camera fails").isZero();
                }
                int done = doneSeen.last();
                if (!midShot && done >= CAMERAS * 3 / 10 && done <= CAMERAS * 7 / 10) {
                    ScreenShots.save(robot.lookup("#deployments").query().getScene(), "deploy-ssm-2000-running");
                    midShot = true;
                }
                WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            }
            long ended = System.nanoTime();
            WaitForAsyncUtils.waitForFxEvents();
            ScreenShots.save(robot.lookup("#deployments").query().getScene(), "deploy-ssm-2000-done");

            assertThat(doneSeen.subSet(3, true, CAMERAS - 1, true)).as("done counts seen between the canary and the end")
                    .hasSizeGreaterThanOrEqualTo(5);
            assertThat(partWave).as("some wave was seen under way").isTrue();
            waitFor(() -> waveCounts(robot).stream().mapToInt(w -> w[0]).sum() == CAMERAS);
            List<int[]> waves = waveCounts(robot);
            assertThat(waves).hasSize(11).allSatisfy(w -> {
                assertThat(w[0]).isEqualTo(w[1]);
                assertThat(w[2]).isZero();
                assertThat(w[3]).isZero();
            });
            assertThat(waves.subList(1, 11)).allSatisfy(w -> assertThat(w[1]).isBetween(198, 200));
            assertThat(DeploymentsRobot.rows(robot)).hasSize(CAMERAS)
                    .allSatisfy(r -> assertThat(r.state()).isEqualTo(TargetState.SUCCEEDED));

            // In moto: each camera's node in exactly one command, none of more than SendCommand's 50 ids.
            try (AwsClients clients = MOTO.clients(op -> { })) {
                List<Command> commands = clients.ssm(env).listCommandsPaginator(r -> r.maxResults(50)).commands()
                        .stream().toList();
                Map<String, Integer> perNode = new HashMap<>();
                commands.forEach(c -> c.instanceIds().forEach(n -> perNode.merge(n, 1, Integer::sum)));
                assertThat(perNode).hasSize(CAMERAS).allSatisfy((n, times) -> assertThat(times).isOne());
                assertThat(commands).allSatisfy(c -> assertThat(c.instanceIds()).hasSizeLessThanOrEqualTo(50));
            }
            System.out.printf(Locale.ROOT, "SsmRolloutUiTest: seeded %.1f s, synced %.1f s, launched %.1f s, "
                            + "rolled out %.1f s; %d done counts seen%n", (seeded - t0) / 1e9, (synced - seeded) / 1e9,
                    (launched - synced) / 1e9, (ended - launched) / 1e9, doneSeen.size());
        } finally {
            window.close();
        }
    }
}
