package io.camfleet.console.adapter.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camfleet.console.domain.findings.PatchState;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSM's DescribeInstancePatchStates, which moto_server (5.x) does not implement (its SSM answers patch baselines
 * only): a WireMock stub on loopback speaking the documented JSON 1.1 shape, with paging.
 */
class SsmPatchStatesTest {

    @TempDir
    Path dir;
    private WireMockServer ssm;
    private AwsClients clients;
    private Environment env;

    @BeforeEach
    void start() throws Exception {
        ssm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        ssm.start();
        Path config = dir.resolve("config");
        Files.writeString(config, """
                [profile ops]
                aws_access_key_id = AKIAOPS00000000000
                aws_secret_access_key = ops-secret
                """);
        clients = new AwsClients(() -> ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION)
                .build(), op -> { });
        env = Environment.of("prod", "ops", "eu-west-1", ssm.baseUrl());
    }

    @AfterEach
    void stop() {
        clients.close();
        ssm.stop();
    }

    static String state(String id, int installed, int other, int pending, int missing, int failed, int security) {
        return """
                {"InstanceId": "%s", "PatchGroup": "cameras", "BaselineId": "pb-0cam",
                 "OperationStartTime": 1764579600, "OperationEndTime": 1764583200, "Operation": "Scan",
                 "InstalledCount": %d, "InstalledOtherCount": %d, "InstalledPendingRebootCount": %d,
                 "InstalledRejectedCount": 0, "MissingCount": %d, "FailedCount": %d, "NotApplicableCount": 40,
                 "SecurityNonCompliantCount": %d}
                """.formatted(id, installed, other, pending, missing, failed, security);
    }

    @Test
    void patchStatesAreReadPageByPageAndCountedAsTheDocsDefineThem() {
        String target = "AmazonSSM.DescribeInstancePatchStates";
        ssm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                .withRequestBody(notContaining("NextToken")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"InstancePatchStates\": [" + state("mi-0aaa", 90, 5, 1, 3, 1, 2)
                                + "], \"NextToken\": \"t2\"}")));
        ssm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                .withRequestBody(matchingJsonPath("$.NextToken", equalTo("t2"))).willReturn(aResponse()
                        .withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"InstancePatchStates\": [" + state("i-0bbb", 50, 0, 0, 0, 0, 0) + "]}")));

        List<PatchState> states = new SsmPatchStates(clients::ssm).patchStates(env, List.of("mi-0aaa", "i-0bbb"));

        assertThat(states).hasSize(2);
        PatchState a = states.getFirst();
        // installed 90 + other 5 + pending reboot 1 = 96; missing 3 + failed 1 = 4; 96 / 100 = 96 %
        assertThat(a.installed()).isEqualTo(96);
        assertThat(a.missing()).isEqualTo(4);
        assertThat(a.missingSecurity()).isEqualTo(2);
        assertThat(a.compliancePercent()).isEqualTo(96);
        // OperationEndTime 1764583200 = 2025-12-01T10:00:00Z
        assertThat(a.observedAt()).isEqualTo(Instant.parse("2025-12-01T10:00:00Z"));
        assertThat(a.patchLevel()).isEqualTo("pb-0cam @ 2025-12-01");
        assertThat(states.get(1).compliancePercent()).isEqualTo(100);
        ssm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                .withRequestBody(matchingJsonPath("$.InstanceIds[0]", equalTo("mi-0aaa"))));
    }

    @Test
    void moreThanFiftyNodesAreAskedForInBatchesOfFifty() {
        ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{\"InstancePatchStates\": []}")));
        List<String> nodes = IntStream.range(0, 120).mapToObj(i -> "mi-%04d".formatted(i)).toList();

        new SsmPatchStates(clients::ssm).patchStates(env, nodes);

        // 120 nodes = 50 + 50 + 20
        ssm.verify(3, postRequestedFor(urlEqualTo("/")));
        ssm.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("\"mi-0100\"")));
    }
}
