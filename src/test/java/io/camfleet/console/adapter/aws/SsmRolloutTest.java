package io.camfleet.console.adapter.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camfleet.console.service.deploy.ExecutorKind;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.adapter.store.JdbcDeploymentJournal;
import io.camfleet.console.adapter.store.JdbcReleaseStore;
import io.camfleet.console.domain.fleet.SlaTier;
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
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.Lease;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.Pacer;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;
import io.camfleet.console.service.deploy.WaveRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;
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
import java.util.Set;

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

/**
 * Rollouts over SSM Run Command against a real moto_server: one SendCommand per wave carrying the plan, progress by
 * polling, a resume after the console stopped between sending a wave and saving its command id. Where moto cannot
 * say what a camera would (it runs no script: every invocation succeeds at once, with no output), WireMock stands
 * in front of it and answers for chosen cameras, passing everything else on.
 */
class SsmRolloutTest {

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
    }

    @AfterEach
    void close() {
        clients.close();
        db.close();
        if (front != null) {
            front.stop();
        }
    }

    private static String node(int i) {
        return String.format("mi-%017x", 0xca0000L + i);
    }

    /** Cameras cam-1 to cam-N on sites of the environment; {@code withoutNode} have no SSM node id. */
    private void cameras(int count, Set<Integer> withoutNode) {
        for (int i = 1; i <= count; i++) {
            Target t = new Target("cam-" + i, "site-" + i, "", "", withoutNode.contains(i) ? "" : node(i));
            placements.put(t.cameraId(), new Rollout.Placement(t, MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
            plan.add(new PlanTarget(t.cameraId(), t.siteId(), "Acme", SlaTier.GOLD, "Site " + i));
        }
    }

    private SsmWaveRunner runner(Environment env) {
        return new SsmWaveRunner(clients, t -> Optional.of(env), "/var/lib/camfleet", Duration.ofMinutes(30),
                Clock.systemUTC());
    }

    private Environment env() {
        return moto.environment("prod", "moto-a", "eu-west-1");
    }

    private DeploymentService service(DeploymentJournal j) {
        // moto answers at once: the polls need not wait seconds
        Pacer quick = wait -> Thread.sleep(Math.min(wait.toMillis(), 20));
        return new DeploymentService(j, new JdbcReleaseStore(db.dataSource(), Clock.systemUTC()),
                r -> {
                    throw new AssertionError("SSM reads no artifact on this machine: nothing to check here");
                },
                new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(temp),
                        new Operator("tester", ""), Clock.systemUTC()),
                Clock.systemUTC(), quick);
    }

    private static Strategy strategy(int perWave, int concurrency, String threshold) {
        return new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.hosts(perWave)), concurrency, FailureThreshold.parse(threshold),
                Duration.ZERO);
    }

    private SsmClient ssm() {
        return clients.ssm(env());
    }

    private List<Command> commands() {
        return ssm().listCommands(r -> { }).commands();
    }

    private List<Command> commandsCarrying(String comment) {
        return commands().stream().filter(c -> comment.equals(c.comment())).toList();
    }

    private List<String> steps(String deployment, String camera) {
        return journal.events(deployment).stream().filter(e -> e.cameraId().equals(camera))
                .map(DeploymentJournal.Event::to).toList();
    }

    private TargetState stateOf(String deployment, String camera) {
        return journal.targets(deployment).stream().filter(t -> t.target().cameraId().equals(camera))
                .map(TargetRecord::state).findFirst().orElseThrow();
    }

    @Test
    void eachWaveIsOneSendCommandCarryingThePlanAndPollingBringsItsCamerasToSucceeded() {
        cameras(6, Set.of());
        Rollout r = service(journal).launch(release, strategy(3, 2, "1"), plan, placements, ExecutorKind.SSM,
                runner(env()), x -> { });

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(r.targets().values()).containsOnly(TargetState.SUCCEEDED);
        assertThat(commands()).hasSize(2);
        for (int wave = 0; wave < 2; wave++) {
            Command c = commandsCarrying("camfleet deployment " + r.id() + " wave " + wave).getFirst();
            assertThat(c.documentName()).isEqualTo("AWS-RunShellScript");
            assertThat(c.instanceIds()).containsExactlyInAnyOrder(node(wave * 3 + 1), node(wave * 3 + 2),
                    node(wave * 3 + 3));
            assertThat(c.maxConcurrency()).isEqualTo("2");
            assertThat(c.maxErrors()).isEqualTo("1");
            // two rounds of at most 30 minutes, and ten more minutes to be delivered
            assertThat(c.timeoutSeconds()).isEqualTo(2 * 1800 + 600);
            assertThat(c.parameters().get("executionTimeout")).containsExactly("1800");
            assertThat(c.parameters().get("commands")).contains(
                    "aws s3 cp --no-progress s3://camfleet-releases/camos-agent/6.5.0.tar.gz \"$artifact\" || exit 10",
                    "sh -c './install.sh \"$1\"' camfleet \"$artifact\" || exit 12");
            assertThat(journal.ssmCommand(r.id(), wave)).contains(c.commandId());
        }
        assertThat(steps(r.id(), "cam-4")).containsExactly("DISPATCHED", "INSTALLING", "VERIFYING",
                "SUCCEEDED");
        assertThat(journal.logOf(r.id(), "cam-4", 10)).anyMatch(l -> l.startsWith("sent with the command "));
    }

    /** The journal of a console that dies right after SendCommand returned, before the command's id is saved. */
    private static final class DiesBeforeSavingTheCommand implements DeploymentJournal {
        private final DeploymentJournal journal;

        DiesBeforeSavingTheCommand(DeploymentJournal journal) {
            this.journal = journal;
        }

        @Override
        public void ssmCommand(String deploymentId, int wave, int part, String commandId) {
            throw new IllegalStateException("the console died before saving " + commandId);
        }

        @Override
        public java.util.SortedMap<Integer, String> ssmCommands(String deploymentId, int wave) {
            return journal.ssmCommands(deploymentId, wave);
        }

        @Override
        public void create(DeploymentRecord d, List<TargetRecord> targets, Lease lease) {
            journal.create(d, targets, lease);
        }

        @Override
        public boolean takeLease(String id, Lease lease, String replacing, java.time.Instant now) {
            return journal.takeLease(id, lease, replacing, now);
        }

        @Override
        public boolean renewLease(String id, Lease renewed) {
            return journal.renewLease(id, renewed);
        }

        @Override
        public void releaseLease(String id, String owner) {
            journal.releaseLease(id, owner);
        }

        @Override
        public Optional<Lease> lease(String id) {
            return journal.lease(id);
        }

        @Override
        public void moveTarget(String id, String camera, TargetState from, TargetState to, String detail,
                               boolean newAttempt) {
            journal.moveTarget(id, camera, from, to, detail, newAttempt);
        }

        @Override
        public void moveTargets(String id, List<Move> moves) {
            journal.moveTargets(id, moves);
        }

        @Override
        public void moveDeployment(String id, DeploymentState from, DeploymentState to, String detail) {
            journal.moveDeployment(id, from, to, detail);
        }

        @Override
        public void log(String id, java.util.Map<String, List<String>> linesByCamera) {
            journal.log(id, linesByCamera);
        }

        @Override
        public void log(String id, String camera, List<String> lines) {
            journal.log(id, camera, lines);
        }

        @Override
        public Optional<DeploymentRecord> find(String id) {
            return journal.find(id);
        }

        @Override
        public List<TargetRecord> targets(String id) {
            return journal.targets(id);
        }

        @Override
        public List<DeploymentRecord> recent(int limit) {
            return journal.recent(limit);
        }

        @Override
        public List<String> logOf(String id, String camera, int limit) {
            return journal.logOf(id, camera, limit);
        }

        @Override
        public List<Event> events(String id) {
            return journal.events(id);
        }
    }

    @Test
    void afterACrashBetweenSendingAWaveAndSavingItsIdTheResumeFindsTheCommandAndNeverSendsItAgain() {
        cameras(6, Set.of());
        Rollout first = service(new DiesBeforeSavingTheCommand(journal)).launch(release, strategy(3, 2, "0"), plan,
                placements, ExecutorKind.SSM, runner(env()), x -> { });
        first.run();
        // The journal refused a write: the rollout halted there, as a console dying there would have.
        assertThat(first.halted()).hasMessageContaining("the console died");
        String id = first.id();
        String waveZero = "camfleet deployment " + id + " wave 0";
        List<Command> sent = commandsCarrying(waveZero);
        assertThat(sent).hasSize(1);
        assertThat(journal.ssmCommand(id, 0)).as("the id was never saved").isEmpty();
        assertThat(stateOf(id, "cam-1")).isEqualTo(TargetState.DISPATCHED);
        assertThat(journal.find(id).orElseThrow().state()).isEqualTo(DeploymentState.RUNNING);

        // A new console on the same data folder picks the deployment up.
        Rollout resumed = service(journal).resumeInterrupted(id, placements, runner(env()), x -> { });
        resumed.run();

        assertThat(commandsCarrying(waveZero)).as("exactly one command for wave 0").hasSize(1);
        assertThat(commands()).hasSize(2);
        assertThat(journal.ssmCommand(id, 0)).contains(sent.getFirst().commandId());
        assertThat(resumed.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(journal.targets(id)).extracting(TargetRecord::state).containsOnly(TargetState.SUCCEEDED);
        assertThat(steps(id, "cam-1")).containsExactly("DISPATCHED", "INSTALLING", "VERIFYING",
                "SUCCEEDED");
        assertThat(journal.logOf(id, "cam-1", 10)).anyMatch(l -> l.contains("found again"));
    }

    /** An executor whose console dies just before SendCommand: its wave is journalled DISPATCHED, nothing sent. */
    private static final class DiesBeforeSending implements WaveRunner {
        private final WaveRunner ssm;

        DiesBeforeSending(WaveRunner ssm) {
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
        public Dispatch send(Order order) {
            // An Error, as the process dying there would end the rollout: an exception would be contained.
            throw new ConsoleDied("the console died before sending");
        }

        @Override
        public Optional<String> find(String deploymentId, int wave, Instant since, List<Target> targets) {
            return ssm.find(deploymentId, wave, since, targets);
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
    void aWaveTheConsoleDiedBeforeSendingIsSentOnceOnResumeBecauseNoCommandCarriesIt() {
        cameras(3, Set.of());
        Rollout first = service(journal).launch(release, strategy(3, 3, "0"), plan, placements, ExecutorKind.SSM,
                new DiesBeforeSending(runner(env())), x -> { });
        assertThatThrownBy(first::run).hasMessageContaining("died before sending");
        assertThat(commands()).isEmpty();

        Rollout resumed = service(journal).resumeInterrupted(first.id(), placements, runner(env()), x -> { });
        resumed.run();

        assertThat(commandsCarrying("camfleet deployment " + first.id() + " wave 0")).hasSize(1);
        assertThat(resumed.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(steps(first.id(), "cam-2")).containsExactly("DISPATCHED", "UNKNOWN", "PENDING",
                "DISPATCHED", "INSTALLING", "VERIFYING", "SUCCEEDED");
    }

    /** WireMock in front of moto: everything goes on to moto unless a stub says otherwise. */
    private Environment behindFront() {
        front = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        front.start();
        front.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint().toString())));
        return Environment.of("prod", "moto-a", "eu-west-1", front.baseUrl());
    }

    private void invocation(String node, String body) {
        front.stubFor(post(anyUrl()).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetCommandInvocation"))
                .withRequestBody(matchingJsonPath("$.InstanceId", equalTo(node)))
                .willReturn(okJson(body)));
    }

    private void cameraSays(int camera) {
        invocation(node(camera), """
                {"CommandId": "c", "InstanceId": "%s", "Status": "Failed", "StatusDetails": "Failed",
                 "ResponseCode": 14, "ExecutionStartDateTime": "2026-11-26T10:00:00.000Z",
                 "StandardOutputContent": "camfleet-step: download\\ncamfleet-step: health check\\ncamfleet-step: rollback\\n",
                 "StandardErrorContent": "camos-agent: port 554 refused\\n"}""".formatted(node(camera)));
    }

    private void cameraIsAtTheVersion(int camera) {
        invocation(node(camera), """
                {"CommandId": "c", "InstanceId": "%s", "Status": "Success", "StatusDetails": "Success",
                 "ResponseCode": 0, "ExecutionStartDateTime": "2026-11-26T10:00:00.000Z",
                 "StandardOutputContent": "camfleet-result: already-at-version 6.5.0\\n"}""".formatted(node(camera)));
    }

    @Test
    void aFailedInvocationIsJournalledAsFarAsItGotAndTheThresholdCountsTheWholeDeployment() {
        Environment env = behindFront();
        cameras(6, Set.of());
        cameraSays(1);
        cameraIsAtTheVersion(2);
        // 50% of 6 cameras tolerates 3 failures: wave 0 may have 3, wave 1 the 2 left after cam-1's.
        Rollout r = service(journal).launch(release, strategy(3, 3, "50%"), plan, placements, ExecutorKind.SSM, runner(env),
                x -> { });

        r.run();

        assertThat(commandsCarrying("camfleet deployment " + r.id() + " wave 0").getFirst().maxErrors())
                .isEqualTo("3");
        assertThat(commandsCarrying("camfleet deployment " + r.id() + " wave 1").getFirst().maxErrors())
                .isEqualTo("2");
        assertThat(steps(r.id(), "cam-1")).containsExactly("DISPATCHED", "INSTALLING", "VERIFYING",
                "FAILED", "ROLLED_BACK");
        assertThat(journal.targets(r.id()).getFirst().detail())
                .isEqualTo("the health check failed; the version before was put back (exit 14)");
        assertThat(journal.logOf(r.id(), "cam-1", 10)).contains("camfleet-step: rollback",
                "stderr: camos-agent: port 554 refused");
        assertThat(steps(r.id(), "cam-2")).containsExactly("DISPATCHED", "SKIPPED");
        assertThat(stateOf(r.id(), "cam-3")).isEqualTo(TargetState.SUCCEEDED);
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void oneFailureMoreThanTheThresholdSendsNoFurtherWave() {
        Environment env = behindFront();
        cameras(6, Set.of());
        cameraSays(2);
        Rollout r = service(journal).launch(release, strategy(3, 3, "0"), plan, placements, ExecutorKind.SSM, runner(env),
                x -> { });

        r.run();

        assertThat(commands()).singleElement().satisfies(c -> assertThat(c.maxErrors()).isEqualTo("0"));
        assertThat(r.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(stateOf(r.id(), "cam-2")).isEqualTo(TargetState.ROLLED_BACK);
        assertThat(stateOf(r.id(), "cam-1")).isEqualTo(TargetState.SUCCEEDED);
        assertThat(List.of("cam-4", "cam-5", "cam-6")).allSatisfy(c ->
                assertThat(stateOf(r.id(), c)).isEqualTo(TargetState.PENDING));
    }

    @Test
    void aCameraWithoutANodeIdFailsWithOneSentenceAndIsNotSentTheCommand() {
        cameras(3, Set.of(2));
        Rollout r = service(journal).launch(release, strategy(3, 3, "1"), plan, placements, ExecutorKind.SSM, runner(env()),
                x -> { });

        r.run();

        assertThat(commands()).singleElement().satisfies(c ->
                assertThat(c.instanceIds()).containsExactlyInAnyOrder(node(1), node(3)));
        assertThat(steps(r.id(), "cam-2")).containsExactly("DISPATCHED", "FAILED");
        assertThat(journal.targets(r.id()).get(1).detail()).isEqualTo("Camera cam-2 has no SSM managed-node id, so "
                + "it was not sent the command. Add its node id (mi-... or i-...) in the fleet's source.");
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void aSendCommandSsmRefusesIsOneSentenceAndNothingIsHalfWritten() {
        Environment env = behindFront();
        front.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"InvalidInstanceId\",\"message\":\"Instances [[" + node(1)
                                + "]] not in a valid state for account 123456789012\"}")));
        cameras(2, Set.of());
        Rollout r = service(journal).launch(release, strategy(2, 2, "0"), plan, placements, ExecutorKind.SSM, runner(env),
                x -> { });

        r.run();

        front.verify(1, postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand")));
        assertThat(commands()).isEmpty();
        assertThat(journal.ssmCommand(r.id(), 0)).isEmpty();
        assertThat(steps(r.id(), "cam-1")).containsExactly("DISPATCHED", "FAILED");
        assertThat(journal.targets(r.id()).getFirst().detail()).startsWith("The command of wave 0 was not sent: ")
                .contains("not in a valid state").doesNotContain("\n");
        assertThat(r.state()).isEqualTo(DeploymentState.FAILED);
    }

    @Test
    void aSendCommandThatMayHaveHappenedIsNotRetriedButLookedUp() {
        Environment env = behindFront();
        front.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"InternalServerError\",\"message\":\"try again\"}")));
        cameras(2, Set.of());
        Rollout r = service(journal).launch(release, strategy(2, 2, "0"), plan, placements, ExecutorKind.SSM, runner(env),
                x -> { });

        r.run();

        front.verify(1, postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand")));
        front.verify(postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo("AmazonSSM.ListCommands")));
        // moto never got it, and the lookup says so: nothing was sent, said as such.
        assertThat(steps(r.id(), "cam-1")).containsExactly("DISPATCHED", "FAILED");
        assertThat(journal.targets(r.id()).getFirst().detail()).contains("was not sent").contains("try again");
    }

    @Test
    void aSendThatNeitherSsmNorItsListingConfirmsIsLookedForAgainUntilSsmAnswers() {
        Environment env = behindFront();
        front.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ServiceUnavailable\",\"message\":\"busy\"}")));
        // ListCommands fails as long as the SDK retries it once (three attempts), then answers
        String state = Scenario.STARTED;
        for (int attempt = 1; attempt <= 3; attempt++) {
            front.stubFor(post(anyUrl()).atPriority(1)
                    .withHeader("X-Amz-Target", equalTo("AmazonSSM.ListCommands"))
                    .inScenario("listing").whenScenarioStateIs(state).willSetStateTo("failed " + attempt)
                    .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/x-amz-json-1.1")
                            .withBody("{\"__type\":\"InternalServerError\",\"message\":\"listing down\"}")));
            state = "failed " + attempt;
        }
        cameras(2, Set.of());
        Rollout r = service(journal).launch(release, strategy(2, 2, "0"), plan, placements, ExecutorKind.SSM, runner(env),
                x -> { });

        r.run();

        front.verify(1, postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand")));
        assertThat(front.findAll(postRequestedFor(anyUrl())
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.ListCommands")))).hasSizeGreaterThan(3);
        assertThat(steps(r.id(), "cam-1")).containsExactly("DISPATCHED", "FAILED");
        assertThat(journal.targets(r.id()).getFirst().detail()).contains("may or may not have the command")
                .contains("busy").contains("listing down").endsWith("nothing was sent.");
    }

    @Test
    void aThrottledSendCommandIsTriedAgainBecauseSsmDidNothing() {
        Environment env = behindFront();
        front.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand"))
                .inScenario("throttle").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("let through")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));
        cameras(2, Set.of());
        Rollout r = service(journal).launch(release, strategy(2, 2, "0"), plan, placements, ExecutorKind.SSM, runner(env),
                x -> { });

        r.run();

        front.verify(2, postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand")));
        assertThat(commands()).hasSize(1);
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void aLaunchSsmCannotRunIsRefusedBeforeAnythingIsJournalled() {
        cameras(2, Set.of());
        Release local = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "/srv/agent.tar", "ab".repeat(32),
                "i", "h", "r");

        assertThatThrownBy(() -> service(journal).launch(local, strategy(2, 2, "0"), plan, placements, ExecutorKind.SSM,
                runner(env()), x -> { })).hasMessageContaining("S3");

        assertThat(journal.recent(10)).isEmpty();
        assertThat(commands()).isEmpty();
    }
}
