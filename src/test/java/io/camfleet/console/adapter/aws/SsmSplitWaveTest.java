package io.camfleet.console.adapter.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.adapter.store.JdbcDeploymentJournal;
import io.camfleet.console.adapter.store.JdbcReleaseStore;
import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.deploy.PlanTarget;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Pacer;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;
import io.camfleet.console.service.deploy.WaveRunner;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.Command;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Waves above the 50 ids one SendCommand takes, against a real moto_server: sent as parts of at most 50, at once
 * within the plan's concurrency (one after the other below 50), under the wave's one threshold, abort and journal. Cameras are cam-001 to cam-120 so that the parts,
 * taken in the order of the camera ids, are cam-001..050, cam-051..100 and cam-101..120.
 */
class SsmSplitWaveTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    @TempDir
    Path temp;

    private final Release release = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE,
            "s3://camfleet-releases/camos-agent/6.5.0.tar.gz", "ab".repeat(32), "./install.sh \"$1\"",
            "systemctl is-active camos-agent", "./rollback.sh");
    private CacheDatabase db;
    private JdbcDeploymentJournal journal;
    private AwsClients clients;
    private WireMockServer front;
    private final Map<String, Rollout.Placement> placements = new LinkedHashMap<>();
    private final List<PlanTarget> plan = new ArrayList<>();

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("data"), Clock.systemUTC());
        journal = new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC());
        clients = moto.clients(op -> { });
        for (int i = 1; i <= 120; i++) {
            Target t = new Target(camera(i), "site-" + i, "", "", node(i));
            placements.put(t.cameraId(), new Rollout.Placement(t, MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
            plan.add(new PlanTarget(t.cameraId(), t.siteId(), "Acme", SlaTier.GOLD, "Site " + i));
        }
    }

    @AfterEach
    void close() {
        clients.close();
        db.close();
        if (front != null) {
            front.stop();
        }
    }

    private static String camera(int i) {
        return String.format("cam-%03d", i);
    }

    private static String node(int i) {
        return String.format("mi-%017x", 0xca0000L + i);
    }

    private DeploymentService service() {
        Pacer quick = wait -> Thread.sleep(Math.min(wait.toMillis(), 20));
        return new DeploymentService(journal, new JdbcReleaseStore(db.dataSource(), Clock.systemUTC()),
                r -> {
                    throw new AssertionError("SSM reads no artifact on this machine");
                },
                new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(temp),
                        new Operator("tester", ""), Clock.systemUTC()),
                Clock.systemUTC(), quick);
    }

    /** One wave of all 120 cameras. */
    private static Strategy oneWave(int concurrency, String threshold) {
        return new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.hosts(120)), concurrency, FailureThreshold.parse(threshold),
                Duration.ZERO);
    }

    private SsmWaveRunner runner(Environment env) {
        return new SsmWaveRunner(clients, t -> Optional.of(env), "/var/lib/camfleet", Duration.ofMinutes(30),
                Clock.systemUTC());
    }

    private Environment env() {
        return moto.environment("prod", "moto-a", "eu-west-1");
    }

    private List<Command> commands() {
        return clients.ssm(env()).listCommands(r -> { }).commands();
    }

    private Command carrying(String comment) {
        List<Command> matching = commands().stream().filter(c -> comment.equals(c.comment())).toList();
        assertThat(matching).as("exactly one command carries '%s'", comment).hasSize(1);
        return matching.getFirst();
    }

    private static List<String> nodes(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(SsmSplitWaveTest::node).toList();
    }

    private TargetState stateOf(String deployment, int camera) {
        return journal.targets(deployment).stream().filter(t -> t.target().cameraId().equals(camera(camera)))
                .map(TargetRecord::state).findFirst().orElseThrow();
    }

    /** WireMock in front of moto: everything goes on to moto unless a stub says otherwise. */
    private Environment behindFront() {
        front = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        front.start();
        front.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint().toString())));
        return Environment.of("prod", "moto-a", "eu-west-1", front.baseUrl());
    }

    /** moto runs no script: the camera's invocation is made to fail its health check and roll back (exit 14). */
    private void cameraRollsBack(int camera) {
        front.stubFor(post(anyUrl()).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetCommandInvocation"))
                .withRequestBody(matchingJsonPath("$.InstanceId", equalTo(node(camera))))
                .willReturn(okJson("""
                        {"CommandId": "c", "InstanceId": "%s", "Status": "Failed", "StatusDetails": "Failed",
                         "ResponseCode": 14, "ExecutionStartDateTime": "2026-11-26T10:00:00.000Z"}"""
                        .formatted(node(camera)))));
    }

    @Test
    void aWaveOf120CamerasIsThreeCommandsOfAtMost50SentOneAfterTheOther() {
        Rollout r = service().launch(release, oneWave(10, "0"), plan, placements, ExecutorKind.SSM, runner(env()),
                x -> { });

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(r.targets().values()).hasSize(120).containsOnly(TargetState.SUCCEEDED);
        assertThat(commands()).hasSize(3);
        String wave = "camfleet deployment " + r.id() + " wave 0";
        Command first = carrying(wave);
        Command second = carrying(wave + " part 1");
        Command third = carrying(wave + " part 2");
        // 120 = 50 + 50 + 20, in the order of the camera ids
        assertThat(first.instanceIds()).containsExactlyInAnyOrderElementsOf(nodes(1, 50));
        assertThat(second.instanceIds()).containsExactlyInAnyOrderElementsOf(nodes(51, 100));
        assertThat(third.instanceIds()).containsExactlyInAnyOrderElementsOf(nodes(101, 120));
        // one part runs at a time, each with the wave's whole concurrency: never more than 10 cameras at once
        assertThat(List.of(first, second, third)).extracting(Command::maxConcurrency).containsOnly("10");
        assertThat(second.requestedDateTime()).isAfterOrEqualTo(first.requestedDateTime());
        assertThat(journal.ssmCommands(r.id(), 0)).containsExactly(Map.entry(0, first.commandId()),
                Map.entry(1, second.commandId()), Map.entry(2, third.commandId()));
    }

    @Test
    void atConcurrency100ThePartsShareItAs50And50And20() {
        Rollout r = service().launch(release, oneWave(100, "0"), plan, placements, ExecutorKind.SSM, runner(env()),
                x -> { });

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(r.targets().values()).hasSize(120).containsOnly(TargetState.SUCCEEDED);
        String wave = "camfleet deployment " + r.id() + " wave 0";
        assertThat(List.of(carrying(wave), carrying(wave + " part 1"), carrying(wave + " part 2")))
                .extracting(Command::maxConcurrency).containsExactly("50", "50", "20");
        assertThat(journal.ssmCommands(r.id(), 0)).hasSize(3);
    }

    @Test
    void theThresholdCountsTheFailuresOfEveryPartAndNoPartIsSentOnceItIsExceeded() {
        Environment env = behindFront();
        cameraRollsBack(1);
        cameraRollsBack(2);
        cameraRollsBack(51);
        // A threshold of 2 tolerates 2 failures. Part 0 has 2 (cam-001, cam-002): within it, so part 1 is sent
        // with MaxErrors 2 - 2 = 0. Its cam-051 is the third failure of the wave: more than 2, so part 2 is never sent.
        Rollout r = service().launch(release, oneWave(50, "2"), plan, placements, ExecutorKind.SSM, runner(env),
                x -> { });

        r.run();

        assertThat(commands()).hasSize(2);
        String wave = "camfleet deployment " + r.id() + " wave 0";
        assertThat(carrying(wave).maxErrors()).isEqualTo("2");
        assertThat(carrying(wave + " part 1").maxErrors()).isEqualTo("0");
        assertThat(r.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(stateOf(r.id(), 51)).isEqualTo(TargetState.ROLLED_BACK);
        assertThat(stateOf(r.id(), 52)).isEqualTo(TargetState.SUCCEEDED);
        assertThat(IntStream.rangeClosed(101, 120).mapToObj(i -> stateOf(r.id(), i))).containsOnly(
                TargetState.PENDING);
        assertThat(journal.ssmCommands(r.id(), 0)).hasSize(2);
    }

    @Test
    void anAbortInTheMiddleOfASplitWaveCancelsThePendingInvocationsAndSendsNoFurtherPart() {
        Environment env = behindFront();
        // Part 1's invocations stay Pending until CancelCommand (which moto lacks: WireMock answers it), then are
        // Cancelled without having started.
        front.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo("AmazonSSM.CancelCommand"))
                .inScenario("cancel").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("cancelled")
                .willReturn(okJson("{}")));
        for (int i = 51; i <= 100; i++) {
            String invocation = """
                    {"CommandId": "c", "InstanceId": "%s", "Status": "%s", "StatusDetails": "%s",
                     "ResponseCode": -1}""";
            front.stubFor(post(anyUrl()).atPriority(1)
                    .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetCommandInvocation"))
                    .withRequestBody(matchingJsonPath("$.InstanceId", equalTo(node(i))))
                    .inScenario("cancel").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(okJson(invocation.formatted(node(i), "Pending", "Pending"))));
            front.stubFor(post(anyUrl()).atPriority(1)
                    .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetCommandInvocation"))
                    .withRequestBody(matchingJsonPath("$.InstanceId", equalTo(node(i))))
                    .inScenario("cancel").whenScenarioStateIs("cancelled")
                    .willReturn(okJson(invocation.formatted(node(i), "Cancelled", "Canceled"))));
        }
        Rollout r = service().launch(release, oneWave(50, "0"), plan, placements, ExecutorKind.SSM, runner(env),
                x -> { });
        Thread aborter = Thread.ofVirtual().start(() -> {
            try {
                while (journal.ssmCommands(r.id(), 0).size() < 2 || stateOf(r.id(), 51) != TargetState.DISPATCHED) {
                    Thread.sleep(20);
                }
                Thread.sleep(200); // a few polls of part 1 still pending
                r.abort("tester");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertTimeoutPreemptively(Duration.ofSeconds(60), r::run);
        aborter.interrupt();

        assertThat(commands()).hasSize(2);
        String partOne = carrying("camfleet deployment " + r.id() + " wave 0 part 1").commandId();
        front.verify(1, postRequestedFor(anyUrl())
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.CancelCommand"))
                .withRequestBody(matchingJsonPath("$.CommandId", equalTo(partOne)))
                .withRequestBody(matchingJsonPath("$.InstanceIds[49]")));
        assertThat(r.state()).isEqualTo(DeploymentState.ABORTED);
        assertThat(stateOf(r.id(), 1)).isEqualTo(TargetState.SUCCEEDED);
        assertThat(IntStream.rangeClosed(51, 100).mapToObj(i -> stateOf(r.id(), i))).containsOnly(
                TargetState.FAILED);
        assertThat(IntStream.rangeClosed(101, 120).mapToObj(i -> stateOf(r.id(), i))).containsOnly(
                TargetState.PENDING);
    }

    /** The console dies right after SSM took part 1's command, before its id is saved and before part 2 is sent. */
    private static final class DiesAfterTheSecondSend implements WaveRunner {
        private final WaveRunner ssm;

        DiesAfterTheSecondSend(WaveRunner ssm) {
            this.ssm = ssm;
        }

        @Override
        public boolean readsLocalArtifact() {
            return ssm.readsLocalArtifact();
        }

        @Override
        public void check(Release release, List<List<Target>> waves) {
            ssm.check(release, waves);
        }

        @Override
        public Optional<String> cannotReach(Target target) {
            return ssm.cannotReach(target);
        }

        @Override
        public int mostPerCommand() {
            return ssm.mostPerCommand();
        }

        @Override
        public Dispatch send(Order order) {
            Dispatch sent = ssm.send(order);
            if (order.part() == 1) {
                // An Error, as the process dying there would end the rollout: an exception would be contained.
                throw new ConsoleDied("the console died after sending part 1: " + sent);
            }
            return sent;
        }

        @Override
        public Optional<String> find(String deploymentId, int wave, Instant since, List<Target> targets) {
            return ssm.find(deploymentId, wave, since, targets);
        }

        @Override
        public Optional<String> find(String deploymentId, int wave, int part, Instant since, List<Target> targets) {
            return ssm.find(deploymentId, wave, part, since, targets);
        }

        @Override
        public Map<String, Invocation> poll(String commandId, List<Target> targets) {
            return ssm.poll(commandId, targets);
        }
    }

    /** Stands for the process ending where it is thrown. */
    private static final class ConsoleDied extends Error {
        private static final long serialVersionUID = 1L;

        ConsoleDied(String message) {
            super(message);
        }
    }

    @Test
    void aCrashBetweenTheSecondAndTheThirdSendIsReconciledToExactlyThreeCommands() {
        Rollout first = service().launch(release, oneWave(50, "0"), plan, placements, ExecutorKind.SSM,
                new DiesAfterTheSecondSend(runner(env())), x -> { });
        assertThatThrownBy(first::run).hasMessageContaining("died after sending part 1");
        String id = first.id();
        assertThat(commands()).hasSize(2);
        assertThat(journal.ssmCommands(id, 0)).as("part 1's id was never saved").containsOnlyKeys(0);
        assertThat(stateOf(id, 51)).isEqualTo(TargetState.DISPATCHED);
        assertThat(stateOf(id, 101)).isEqualTo(TargetState.PENDING);

        Rollout resumed = service().resumeInterrupted(id, placements, runner(env()), x -> { });
        resumed.run();

        assertThat(commands()).as("exactly 3 commands: part 1 found by its comment, only part 2 sent").hasSize(3);
        String wave = "camfleet deployment " + id + " wave 0";
        assertThat(journal.ssmCommands(id, 0)).containsExactly(Map.entry(0, carrying(wave).commandId()),
                Map.entry(1, carrying(wave + " part 1").commandId()),
                Map.entry(2, carrying(wave + " part 2").commandId()));
        assertThat(resumed.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(journal.targets(id)).extracting(TargetRecord::state).containsOnly(TargetState.SUCCEEDED);
        assertThat(journal.logOf(id, camera(51), 10)).anyMatch(l -> l.contains("found again"));
    }
}
