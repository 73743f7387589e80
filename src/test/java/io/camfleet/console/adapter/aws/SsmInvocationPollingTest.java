package io.camfleet.console.adapter.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.WaveRunner;
import io.camfleet.console.service.deploy.WaveRunner.Invocation;
import io.camfleet.console.service.deploy.WaveRunner.Outcome;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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

/**
 * How a command's progress is polled: ListCommandInvocations, 50 invocations a page, where SSM has it (WireMock
 * speaks it here, as the SSM API reference documents it); one GetCommandInvocation per camera against moto_server,
 * which lacks it. WireMock sits in front of moto and passes on whatever it does not answer itself.
 */
class SsmInvocationPollingTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    private AwsClients clients;
    private WireMockServer front;
    private Environment env;

    @BeforeEach
    void open() {
        clients = moto.clients(op -> { });
        front = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        front.start();
        front.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint().toString())));
        env = Environment.of("prod", "moto-a", "eu-west-1", front.baseUrl());
    }

    @AfterEach
    void close() {
        clients.close();
        front.stop();
    }

    private SsmWaveRunner runner() {
        return new SsmWaveRunner(clients, t -> Optional.of(env), "/var/lib/camfleet", Duration.ofMinutes(30),
                Clock.systemUTC());
    }

    private static String node(int i) {
        return String.format("mi-%017x", 0xca0000L + i);
    }

    private static List<Target> targets(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new Target(String.format("cam-%03d", i), "site-" + i,
                "", "", node(i))).toList();
    }

    private int calls(String operation) {
        return front.findAll(postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo("AmazonSSM." + operation)))
                .size();
    }

    /** One listed invocation, its one plugin as aws:runShellScript reports it. */
    private static String invocation(int camera, String status, int code, boolean started, String output) {
        return """
                {"CommandId": "cmd-70", "InstanceId": "%s", "Comment": "camfleet deployment d-1 wave 0",
                 "DocumentName": "AWS-RunShellScript", "RequestedDateTime": 1795600000.0,
                 "Status": "%s", "StatusDetails": "%s",
                 "CommandPlugins": [{"Name": "aws:runShellScript", "Status": "%s", "StatusDetails": "%s",
                   "ResponseCode": %d, %s "Output": "%s"}]}"""
                .formatted(node(camera), status, status, status, status, code,
                        started ? "\"ResponseStartDateTime\": 1795600010.0," : "", output);
    }

    private static String page(IntStream cameras, String nextToken) {
        String listed = cameras.mapToObj(i -> switch (i) {
            case 2 -> invocation(i, "Pending", -1, false, "");
            case 3 -> invocation(i, "Failed", 14, true,
                    "checking\\n----------ERROR-------\\nhealth check failed");
            case 4 -> invocation(i, "Success", 0, true, SsmScript.AT_VERSION + "6.5.0");
            default -> invocation(i, "Success", 0, true, "camfleet-result: installed 6.5.0");
        }).collect(Collectors.joining(",\n"));
        return "{\"CommandInvocations\": [" + listed + "]"
                + (nextToken == null ? "" : ", \"NextToken\": \"" + nextToken + "\"") + "}";
    }

    @Test
    void seventyCamerasArePolledInTwoListCommandInvocationsPagesOfFiftyAndNothingElse() {
        front.stubFor(post(anyUrl()).atPriority(2)
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.ListCommandInvocations"))
                .withRequestBody(matchingJsonPath("$.CommandId", equalTo("cmd-70")))
                .withRequestBody(matchingJsonPath("$.Details", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.MaxResults", equalTo("50")))
                .willReturn(okJson(page(IntStream.rangeClosed(1, 50), "page-2"))));
        front.stubFor(post(anyUrl()).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.ListCommandInvocations"))
                .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
                .willReturn(okJson(page(IntStream.rangeClosed(51, 70), null))));

        Map<String, Invocation> polled = runner().poll("cmd-70", targets(70));

        assertThat(polled).hasSize(70);
        assertThat(calls("ListCommandInvocations")).isEqualTo(2);
        assertThat(calls("GetCommandInvocation") + calls("ListCommands")).isZero();
        assertThat(polled.get("cam-001").outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(polled.get("cam-070").outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(polled.get("cam-002").outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(polled.get("cam-003").outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(polled.get("cam-003").output()).containsExactly("checking", "stderr: health check failed");
        assertThat(polled.get("cam-004").outcome()).isEqualTo(Outcome.AT_VERSION);
        assertThat(polled.get("cam-004").detail()).contains("6.5.0");
    }

    @Test
    void aThrottledListingIsToldAsThrottledAndItIsAskedForAgainAtTheNextPoll() {
        front.stubFor(post(anyUrl()).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.ListCommandInvocations"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"ThrottlingException\", \"message\": \"Rate exceeded\"}")));
        SsmWaveRunner runner = runner();

        assertThatThrownBy(() -> runner.poll("cmd-70", targets(3))).isInstanceOf(WaveRunner.Throttled.class)
                .hasMessageContaining("ssm:ListCommandInvocations").hasMessageContaining("Rate exceeded");
        int asked = calls("ListCommandInvocations");
        assertThatThrownBy(() -> runner.poll("cmd-70", targets(3))).isInstanceOf(WaveRunner.Throttled.class);

        assertThat(calls("ListCommandInvocations")).isGreaterThan(asked);
        assertThat(calls("GetCommandInvocation")).isZero();
    }

    @Test
    void whereSsmLacksListCommandInvocationsItIsAskedOnceThenEachCameraIsAskedAlone() {
        List<Target> three = targets(3);
        String commandId = clients.ssm(env).sendCommand(r -> r.documentName(SsmWaveRunner.DOCUMENT)
                .instanceIds(three.stream().map(Target::ssmNodeId).toList())
                .parameters(Map.of("commands", List.of("true")))).command().commandId();
        SsmWaveRunner runner = runner();

        Map<String, Invocation> first = runner.poll(commandId, three);
        int listings = calls("ListCommandInvocations");
        Map<String, Invocation> second = runner.poll(commandId, three);

        // moto answers it with a bare 500 (the SDK tries that call a few times, as it does any 5xx), then never again
        assertThat(listings).isPositive();
        assertThat(calls("ListCommandInvocations")).as("not asked again at the second poll").isEqualTo(listings);
        assertThat(calls("GetCommandInvocation")).isEqualTo(6);
        assertThat(first.values()).extracting(Invocation::outcome).containsOnly(Outcome.SUCCEEDED);
        assertThat(second.values()).extracting(Invocation::outcome).containsOnly(Outcome.SUCCEEDED);
    }
}
