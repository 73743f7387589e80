package io.camfleet.console.adapter.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.diagnostics.CameraRun;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.model.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
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
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Runbooks over SSM Run Command against a real moto_server. moto runs no script (every invocation succeeds at once,
 * with no output): where a camera must say more, WireMock stands in front of moto and answers for it.
 */
class SsmCameraShellTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    private AwsClients clients;
    private WireMockServer front;

    @BeforeEach
    void open() {
        clients = moto.clients(op -> { });
    }

    @AfterEach
    void close() {
        clients.close();
        if (front != null) {
            front.stop();
        }
    }

    private static String node(int i) {
        return String.format("mi-%017x", 0xca0000L + i);
    }

    private static Target camera(int i) {
        return new Target("cam-" + i, "site-1", "", "", node(i));
    }

    private SsmCameraShell shell(Environment env) {
        Function<Target, Optional<Environment>> environmentOf = t -> Optional.of(env);
        return new SsmCameraShell(clients, environmentOf, Duration.ofMillis(50), Duration.ofSeconds(1));
    }

    private List<Command> commands(Environment env) {
        return clients.ssm(env).listCommandsPaginator(r -> r.maxResults(50)).commands().stream()
                .sorted(Comparator.comparing(Command::requestedDateTime)).toList();
    }

    @Test
    void aCommandGoesToAtMostFiftyCamerasAtOnceAndEachCameraEnds() {
        Environment env = moto.environment("prod", "moto-a", "eu-west-1");
        List<Target> targets = new ArrayList<>(IntStream.rangeClosed(1, 120).mapToObj(SsmCameraShellTest::camera)
                .toList());
        targets.add(new Target("cam-0", "site-1", "10.0.0.1", "", ""));
        List<CameraRun> runs = new CopyOnWriteArrayList<>();

        shell(env).run(targets, "systemctl status --no-pager -- 'camos-agent'", Duration.ofSeconds(30), runs::add);

        assertThat(runs).hasSize(121);
        assertThat(runs).filteredOn(r -> r.outcome() == CameraRun.Outcome.COMPLETED && r.exitCode() == 0)
                .hasSize(120);
        assertThat(runs).filteredOn(r -> r.cameraId().equals("cam-0")).singleElement()
                .satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo(CameraRun.Outcome.UNREACHABLE);
                    assertThat(r.detail()).startsWith("Camera cam-0 has no SSM managed-node id");
                });
        // 120 cameras with a node id: 50 + 50 + 20
        List<Command> sent = commands(env);
        assertThat(sent).extracting(c -> c.instanceIds().size()).containsExactly(50, 50, 20);
        assertThat(sent).allSatisfy(c -> {
            assertThat(c.documentName()).isEqualTo("AWS-RunShellScript");
            assertThat(c.comment()).isEqualTo("camfleet runbook");
            assertThat(c.parameters()).containsEntry("commands",
                    List.of("systemctl status --no-pager -- 'camos-agent'"))
                    .containsEntry("executionTimeout", List.of("30"));
        });
        assertThat(sent.stream().flatMap(c -> c.instanceIds().stream())).doesNotHaveDuplicates()
                .doesNotContain("");
    }

    @Test
    void eachCameraComesBackWithItsOutputExitStatusOrWhyItDidNot() {
        Environment env = behindFront();
        invocation(node(1), """
                {"Status": "Failed", "StatusDetails": "Failed", "ResponseCode": 3,
                 "ExecutionStartDateTime": "2026-12-06T10:00:00.000Z",
                 "StandardOutputContent": "camos-agent.service - Camera agent\\n   Active: failed\\n",
                 "StandardErrorContent": "Unit camos-agent.service entered failed state.\\n"}""");
        invocation(node(2), """
                {"Status": "InProgress", "StatusDetails": "InProgress", "ResponseCode": -1,
                 "ExecutionStartDateTime": "2026-12-06T10:00:00.000Z"}""");
        invocation(node(3), """
                {"Status": "Failed", "StatusDetails": "Undeliverable", "ResponseCode": -1}""");
        front.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo("AmazonSSM.CancelCommand"))
                .willReturn(okJson("{}")));
        List<CameraRun> runs = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();

        shell(env).run(IntStream.rangeClosed(1, 4).mapToObj(SsmCameraShellTest::camera).toList(), "systemctl status",
                Duration.ofSeconds(1), runs::add);

        // cam-2 still runs at 1 s plus the 1 s grace: stopped then, not left waiting
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(runs).extracting(CameraRun::cameraId, CameraRun::outcome, CameraRun::exitCode)
                .containsExactlyInAnyOrder(tuple("cam-1", CameraRun.Outcome.COMPLETED, 3),
                        tuple("cam-2", CameraRun.Outcome.TIMED_OUT, -1),
                        tuple("cam-3", CameraRun.Outcome.UNREACHABLE, -1),
                        tuple("cam-4", CameraRun.Outcome.COMPLETED, 0));
        Map<String, CameraRun> byCamera = new java.util.HashMap<>();
        runs.forEach(r -> byCamera.put(r.cameraId(), r));
        assertThat(byCamera.get("cam-1").output()).isEqualTo("camos-agent.service - Camera agent\n   Active: failed\n"
                + "Unit camos-agent.service entered failed state.\n");
        assertThat(byCamera.get("cam-3").detail()).isEqualTo("SSM did not run the command on cam-3 (Undeliverable):"
                + " check that its SSM agent is online.");
        assertThat(byCamera.get("cam-2").detail()).startsWith("The command was still running on cam-2 after 1 s");
        front.verify(1, postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo("AmazonSSM.CancelCommand"))
                .withRequestBody(matchingJsonPath("$.InstanceIds[0]", equalTo(node(2)))));
    }

    @Test
    void aSendCommandRefusedLeavesItsCamerasUnreachableAndOneLostOnTheWayLeavesThemLost() {
        Environment env = behindFront();
        front.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"InvalidInstanceId\", \"message\": \"not a managed node\"}")));
        List<CameraRun> refused = new CopyOnWriteArrayList<>();

        shell(env).run(List.of(camera(1), camera(2)), "uptime", Duration.ofSeconds(5), refused::add);

        assertThat(refused).extracting(CameraRun::outcome).containsOnly(CameraRun.Outcome.UNREACHABLE);
        assertThat(refused).hasSize(2).allSatisfy(r -> assertThat(r.detail()).startsWith("SSM did not take the command"));

        front.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"InternalServerError\", \"message\": \"try later\"}")));
        List<CameraRun> unknown = new CopyOnWriteArrayList<>();

        shell(env).run(List.of(camera(3)), "uptime", Duration.ofSeconds(5), unknown::add);

        assertThat(unknown).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(CameraRun.Outcome.LOST);
            assertThat(r.detail()).contains("leaves open whether SSM took it");
        });
        // never sent again on an answer that leaves open whether SSM took it: a remediation would run twice
        front.verify(2, postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand")));
    }

    @Test
    void aCommandWithDoubleBracesIsRefusedBeforeAnythingIsSent() {
        Environment env = moto.environment("prod", "moto-a", "eu-west-1");

        Problem refused = catchThrowableOfType(Problem.class, () -> shell(env).run(List.of(camera(1)),
                "printf '%s\\n' '{{ssm:/db/password}}'", Duration.ofSeconds(30), r -> { }));

        assertThat(refused.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
        assertThat(refused.getMessage()).contains("Parameter Store").contains("nothing was sent");
        assertThat(commands(env)).isEmpty();
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
}
