package io.camfleet.console.adapter.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.TagDescription;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
 * Waves of EC2 instances sent as ONE command targeted by a per-wave tag, against a real moto_server (whose SendCommand
 * resolves {@code tag:KEY} targets from its EC2 instances). Cameras cam-001 to cam-120 run on 120 of the 130
 * instances moto started: the other 10 must never be reached. The calls go through WireMock, which keeps what each
 * SendCommand asked for: moto lists every EC2 instance of the account in a command sent by ids (its empty target
 * filter matches them all).
 */
class SsmTagTargetsTest {

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
    private List<String> instances;
    private List<String> others;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("data"), Clock.systemUTC());
        journal = new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC());
        clients = moto.clients(op -> { });
        front = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        front.start();
        front.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint().toString())));
        List<String> all = ec2().runInstances(r -> r.imageId("ami-03cf127a").minCount(130).maxCount(130))
                .instances().stream().map(Instance::instanceId).sorted().toList();
        instances = all.subList(0, 120);
        others = all.subList(120, 130);
    }

    @AfterEach
    void close() {
        clients.close();
        db.close();
        if (front != null) {
            front.stop();
        }
    }

    private Environment env() {
        return Environment.of("prod", "moto-a", "eu-west-1", front.baseUrl());
    }

    /** What each SendCommand asked for, in the order sent. */
    private List<JsonNode> sent() {
        return front.findAll(postRequestedFor(anyUrl()).withHeader("X-Amz-Target",
                        equalTo("AmazonSSM.SendCommand"))).stream()
                .map(request -> {
                    try {
                        return new ObjectMapper().readTree(request.getBodyAsString());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
    }

    private static List<String> ids(JsonNode sent) {
        List<String> ids = new ArrayList<>();
        sent.path("InstanceIds").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private JsonNode sentCarrying(String comment) {
        List<JsonNode> matching = sent().stream().filter(n -> comment.equals(n.path("Comment").asText())).toList();
        assertThat(matching).as("exactly one command sent with '%s'", comment).hasSize(1);
        return matching.getFirst();
    }

    private Ec2Client ec2() {
        return clients.ec2(env());
    }

    private static String camera(int i) {
        return String.format("cam-%03d", i);
    }

    private static String hybrid(int i) {
        return String.format("mi-%017x", 0xca0000L + i);
    }

    /** Camera i runs on moto's i-th instance, or on a hybrid node where {@code onHybrid} says. */
    private Map<String, Rollout.Placement> placements(IntPredicate onHybrid) {
        Map<String, Rollout.Placement> placements = new LinkedHashMap<>();
        for (int i = 1; i <= 120; i++) {
            Target t = new Target(camera(i), "site-" + i, "", "",
                    onHybrid.test(i) ? hybrid(i) : instances.get(i - 1));
            placements.put(t.cameraId(), new Rollout.Placement(t, MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
        }
        return placements;
    }

    private Map<String, Rollout.Placement> onEc2() {
        return placements(i -> false);
    }

    private static List<PlanTarget> plan() {
        List<PlanTarget> plan = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            plan.add(new PlanTarget(camera(i), "site-" + i, "Acme", SlaTier.GOLD, "Site " + i));
        }
        return plan;
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
    private static Strategy oneWave() {
        return new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.hosts(120)), 10, FailureThreshold.parse("0"), Duration.ZERO);
    }

    private SsmWaveRunner runner(Environment env, boolean tagTargets) {
        return new SsmWaveRunner(clients, t -> Optional.of(env), "/var/lib/camfleet", Duration.ofMinutes(30),
                Clock.systemUTC(), tagTargets);
    }

    private List<Command> commands() {
        return clients.ssm(env()).listCommands(r -> { }).commands();
    }

    private Command carrying(String comment) {
        List<Command> matching = commands().stream().filter(c -> comment.equals(c.comment())).toList();
        assertThat(matching).as("exactly one command carries '%s'", comment).hasSize(1);
        return matching.getFirst();
    }

    /** The instances that carry the wave's tag now. */
    private List<String> tagged(String deployment) {
        return ec2().describeTags(r -> r.filters(Filter.builder().name("key").values("camfleet-wave").build(),
                        Filter.builder().name("value").values(deployment + "-w0").build()))
                .tags().stream().map(TagDescription::resourceId).toList();
    }

    private List<TargetState> states(String deployment) {
        return journal.targets(deployment).stream().map(TargetRecord::state).toList();
    }

    /** Counts, at the first poll of the wave's command, the instances that carry its tag. */
    private final class TagsWhilePolled extends Delegating {
        final AtomicInteger taggedAtFirstPoll = new AtomicInteger(-1);
        private final String[] deployment = new String[1];

        TagsWhilePolled(WaveRunner ssm) {
            super(ssm);
        }

        @Override
        public Dispatch send(Order order) {
            deployment[0] = order.deploymentId();
            return super.send(order);
        }

        @Override
        public Map<String, Invocation> poll(String commandId, List<Target> targets) {
            taggedAtFirstPoll.compareAndSet(-1, tagged(deployment[0]).size());
            return super.poll(commandId, targets);
        }
    }

    @Test
    void aWaveOf120Ec2InstancesIsOneCommandTargetedByItsTagWhichIsGoneAfterTheWave() {
        TagsWhilePolled runner = new TagsWhilePolled(runner(env(), true));
        Rollout r = service().launch(release, oneWave(), plan(), onEc2(), ExecutorKind.SSM, runner, x -> { });

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(states(r.id())).hasSize(120).containsOnly(TargetState.SUCCEEDED);
        Command only = carrying("camfleet deployment " + r.id() + " wave 0");
        assertThat(commands()).hasSize(1);
        assertThat(only.targets()).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("tag:camfleet-wave");
            assertThat(t.values()).containsExactly(r.id() + "-w0");
        });
        assertThat(sent()).singleElement().satisfies(n -> assertThat(n.has("InstanceIds")).isFalse());
        // moto lists the instances the tag reached (AWS lists none for a command sent by targets): the wave's alone
        assertThat(only.instanceIds()).containsExactlyInAnyOrderElementsOf(instances).doesNotContainAnyElementsOf(
                others);
        assertThat(runner.taggedAtFirstPoll).as("instances tagged while the command ran").hasValue(120);
        assertThat(tagged(r.id())).as("the tag is removed after the wave").isEmpty();
        assertThat(journal.ssmCommands(r.id(), 0)).containsExactly(Map.entry(0, only.commandId()));
        assertThat(journal.logOf(r.id(), camera(77), 20))
                .anyMatch(l -> l.contains("tagged camfleet-wave=" + r.id() + "-w0 on the wave's 120 instances"))
                .anyMatch(l -> l.contains("removed the tag camfleet-wave=" + r.id() + "-w0"));
    }

    @Test
    void aCrashAfterTheTaggedCommandWentOutIsResumedWithoutSendingItAgainAndTheTagIsRemoved() {
        Rollout first = service().launch(release, oneWave(), plan(), onEc2(), ExecutorKind.SSM,
                new DiesAfterSending(runner(env(), true), 0), x -> { });
        assertThatThrownBy(first::run).hasMessageContaining("died after sending part 0");
        String id = first.id();
        assertThat(journal.ssmCommands(id, 0)).as("the command's id was never saved").isEmpty();
        assertThat(tagged(id)).as("the tag stays while the command may run").hasSize(120);

        Rollout resumed = service().resumeInterrupted(id, onEc2(), runner(env(), true), x -> { });
        resumed.run();

        assertThat(commands()).as("found by its comment, not sent again").hasSize(1);
        String command = carrying("camfleet deployment " + id + " wave 0").commandId();
        assertThat(journal.ssmCommands(id, 0)).containsExactly(Map.entry(0, command));
        assertThat(resumed.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(states(id)).hasSize(120).containsOnly(TargetState.SUCCEEDED);
        assertThat(tagged(id)).as("the resume removes the tag").isEmpty();
        assertThat(journal.logOf(id, camera(120), 20)).anyMatch(l -> l.contains("found again"));
    }

    @Test
    void aWaveMixingEc2InstancesAndHybridNodesGoesAsPartsOf50IdsAndSetsNoTag() {
        Map<String, Rollout.Placement> mixed = placements(i -> i > 100);
        Rollout r = service().launch(release, oneWave(), plan(), mixed, ExecutorKind.SSM, runner(env(), true),
                x -> { });

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(commands()).hasSize(3).allSatisfy(c -> assertThat(c.targets()).isEmpty());
        String wave = "camfleet deployment " + r.id() + " wave 0";
        assertThat(ids(sentCarrying(wave))).containsExactlyInAnyOrderElementsOf(instances.subList(0, 50));
        assertThat(ids(sentCarrying(wave + " part 2"))).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(101, 120).mapToObj(SsmTagTargetsTest::hybrid).toList());
        assertThat(ec2().describeTags(x -> x.filters(Filter.builder().name("key").values("camfleet-wave").build()))
                .tags()).isEmpty();
    }

    @Test
    void withTagTargetsTurnedOffAWaveOfEc2InstancesGoesAsPartsOf50Ids() {
        Rollout r = service().launch(release, oneWave(), plan(), onEc2(), ExecutorKind.SSM, runner(env(), false),
                x -> { });

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        String wave = "camfleet deployment " + r.id() + " wave 0";
        assertThat(commands()).hasSize(3).allSatisfy(c -> assertThat(c.targets()).isEmpty());
        assertThat(ids(sentCarrying(wave))).containsExactlyInAnyOrderElementsOf(instances.subList(0, 50));
        assertThat(ids(sentCarrying(wave + " part 2"))).containsExactlyInAnyOrderElementsOf(
                instances.subList(100, 120));
        assertThat(tagged(r.id())).isEmpty();
    }

    /** CreateTags refused, as in an account without ec2:CreateTags. */
    private Environment withoutCreateTags() {
        front.stubFor(post(anyUrl()).atPriority(1).withRequestBody(containing("Action=CreateTags"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not \
                        authorized to perform this operation.</Message></Error></Errors>\
                        <RequestID>1</RequestID></Response>""")));
        return env();
    }

    @Test
    void aTagThatCannotBeSetSendsTheWaveAsPartsOf50IdsAndSaysSoInEachCamerasLog() {
        Rollout r = service().launch(release, oneWave(), plan(), onEc2(), ExecutorKind.SSM,
                runner(withoutCreateTags(), true), x -> { });

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(states(r.id())).hasSize(120).containsOnly(TargetState.SUCCEEDED);
        String wave = "camfleet deployment " + r.id() + " wave 0";
        // part 0 is the whole wave by tag, never sent; parts 1 to 3 are its cameras 50 ids at a time
        assertThat(commands()).hasSize(3).allSatisfy(c -> assertThat(c.targets()).isEmpty());
        assertThat(ids(sentCarrying(wave + " part 1"))).containsExactlyInAnyOrderElementsOf(
                instances.subList(0, 50));
        assertThat(ids(sentCarrying(wave + " part 3"))).containsExactlyInAnyOrderElementsOf(
                instances.subList(100, 120));
        assertThat(journal.ssmCommands(r.id(), 0)).containsOnlyKeys(1, 2, 3);
        assertThat(journal.logOf(r.id(), camera(1), 20)).anyMatch(l -> l.contains(
                "could not be set on its instances") && l.contains("ec2:CreateTags")
                && l.contains("commands of at most 50 instance ids"));
    }

    @Test
    void aCrashInTheMiddleOfTheFallbackPartsIsReconciledToExactlyThreeCommands() {
        Environment refusing = withoutCreateTags();
        Rollout first = service().launch(release, oneWave(), plan(), onEc2(), ExecutorKind.SSM,
                new DiesAfterSending(runner(refusing, true), 2), x -> { });
        assertThatThrownBy(first::run).hasMessageContaining("died after sending part 2");
        String id = first.id();
        assertThat(journal.ssmCommands(id, 0)).containsOnlyKeys(1);

        Rollout resumed = service().resumeInterrupted(id, onEc2(), runner(refusing, true), x -> { });
        resumed.run();

        String wave = "camfleet deployment " + id + " wave 0";
        assertThat(commands()).as("part 2 found by its comment, only part 3 sent").hasSize(3);
        assertThat(journal.ssmCommands(id, 0)).containsExactly(Map.entry(1, carrying(wave + " part 1").commandId()),
                Map.entry(2, carrying(wave + " part 2").commandId()),
                Map.entry(3, carrying(wave + " part 3").commandId()));
        assertThat(resumed.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(states(id)).containsOnly(TargetState.SUCCEEDED);
    }

    @Test
    void aTaggedInstanceTheCommandDidNotReachFailsOnceTheCommandHasEnded() {
        // As an instance SSM does not manage: tagged, yet the command has no invocation for it (moto's has ended).
        front.stubFor(post(anyUrl()).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetCommandInvocation"))
                .withRequestBody(matchingJsonPath("$.InstanceId", equalTo(instances.get(6))))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"InvocationDoesNotExist\", \"message\": \"none\"}")));
        Rollout r = service().launch(release, oneWave(), plan(), onEc2(), ExecutorKind.SSM, runner(env(), true),
                x -> { });

        r.run();

        assertThat(commands()).hasSize(1);
        assertThat(journal.targets(r.id())).filteredOn(t -> t.target().cameraId().equals(camera(7)))
                .singleElement().satisfies(t -> {
                    assertThat(t.state()).isEqualTo(TargetState.FAILED);
                    assertThat(t.detail()).contains("without reaching the node " + instances.get(6) + " by its tag");
                });
        assertThat(r.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(tagged(r.id())).isEmpty();
    }

    @Test
    void anAbortCancelsThePendingInvocationsOfTheTaggedCommand50IdsACallAndRemovesTheTag() {
        // Every invocation stays Pending until CancelCommand (which moto lacks: WireMock answers it), then is
        // Cancelled without having started.
        front.stubFor(post(anyUrl()).atPriority(2).withHeader("X-Amz-Target", equalTo("AmazonSSM.CancelCommand"))
                .willReturn(okJson("{}")));
        front.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo("AmazonSSM.CancelCommand"))
                .inScenario("cancel").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("cancelled")
                .willReturn(okJson("{}")));
        String invocation = """
                {"CommandId": "c", "InstanceId": "i-0", "Status": "%s", "StatusDetails": "%s", "ResponseCode": -1}""";
        front.stubFor(post(anyUrl()).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetCommandInvocation"))
                .inScenario("cancel").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(invocation.formatted("Pending", "Pending"))));
        front.stubFor(post(anyUrl()).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetCommandInvocation"))
                .inScenario("cancel").whenScenarioStateIs("cancelled")
                .willReturn(okJson(invocation.formatted("Cancelled", "Canceled"))));
        Rollout r = service().launch(release, oneWave(), plan(), onEc2(), ExecutorKind.SSM, runner(env(), true),
                x -> { });
        Thread aborter = Thread.ofVirtual().start(() -> {
            try {
                while (journal.ssmCommands(r.id(), 0).isEmpty()) {
                    Thread.sleep(20);
                }
                Thread.sleep(200); // a few polls still pending
                r.abort("tester");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertTimeoutPreemptively(Duration.ofSeconds(60), r::run);
        aborter.interrupt();

        String command = carrying("camfleet deployment " + r.id() + " wave 0").commandId();
        List<List<String>> cancelled = new ArrayList<>();
        front.findAll(postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo("AmazonSSM.CancelCommand")))
                .forEach(request -> {
                    try {
                        JsonNode body = new ObjectMapper().readTree(request.getBodyAsString());
                        assertThat(body.path("CommandId").asText()).isEqualTo(command);
                        cancelled.add(ids(body));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        assertThat(cancelled).extracting(List::size).containsExactly(50, 50, 20);
        assertThat(cancelled.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(instances);
        assertThat(r.state()).isEqualTo(DeploymentState.ABORTED);
        assertThat(states(r.id())).hasSize(120).containsOnly(TargetState.FAILED);
        assertThat(tagged(r.id())).isEmpty();
    }

    /** The console dies right after SSM took a part's command, before its id is saved. */
    private static final class DiesAfterSending extends Delegating {
        private final int part;

        DiesAfterSending(WaveRunner ssm, int part) {
            super(ssm);
            this.part = part;
        }

        @Override
        public Dispatch send(Order order) {
            Dispatch sent = super.send(order);
            if (order.part() == part) {
                // An Error, as the process dying there would end the rollout: an exception would be contained.
                throw new ConsoleDied("the console died after sending part " + part + ": " + sent);
            }
            return sent;
        }
    }

    /** Stands for the process ending where it is thrown. */
    private static final class ConsoleDied extends Error {
        private static final long serialVersionUID = 1L;

        ConsoleDied(String message) {
            super(message);
        }
    }

    /** Passes everything on to the SSM runner. */
    private static class Delegating implements WaveRunner {
        private final WaveRunner ssm;

        Delegating(WaveRunner ssm) {
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
        public int mostPerCommand(List<Target> wave) {
            return ssm.mostPerCommand(wave);
        }

        @Override
        public Preparation prepare(String deploymentId, int wave, int part, List<Target> targets) {
            return ssm.prepare(deploymentId, wave, part, targets);
        }

        @Override
        public Map<String, String> waveEnded(String deploymentId, int wave, List<Target> targets) {
            return ssm.waveEnded(deploymentId, wave, targets);
        }

        @Override
        public Dispatch send(Order order) {
            return ssm.send(order);
        }

        @Override
        public void cancel(String commandId, List<Target> targets) {
            ssm.cancel(commandId, targets);
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
}
