package io.camfleet.console.adapter.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camfleet.console.domain.findings.Finding;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Amazon Inspector v2's ListFindings against a WireMock stub on loopback answering the documented JSON shape
 * ({@code {"findings": [...], "nextToken": "..."}}), page by page. moto 5.2 has ListFindings, but it answers one
 * queued result per filter with no paging and no refusals, so it cannot show the paging, the repeated token or the
 * denied call tested here.
 */
class InspectorFindingsTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path dir;
    private WireMockServer inspector;
    private AwsClients clients;
    private Environment env;

    @BeforeEach
    void start() throws Exception {
        inspector = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        inspector.start();
        Path config = dir.resolve("config");
        Files.writeString(config, """
                [profile sec]
                aws_access_key_id = AKIAINSPECT0000000
                aws_secret_access_key = inspect-secret
                """);
        clients = new AwsClients(() -> ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION)
                .build(), op -> { });
        env = Environment.of("prod", "sec", "eu-west-1", inspector.baseUrl());
    }

    @AfterEach
    void stop() {
        clients.close();
        inspector.stop();
    }

    private InspectorFindings reader() {
        return new InspectorFindings(clients::inspector, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static String finding(String arn, String severity, String status, String cve, String pkg, String instance) {
        return """
                {"findingArn": "%s", "awsAccountId": "111122223333", "type": "PACKAGE_VULNERABILITY",
                 "severity": "%s", "status": "%s", "title": "%s - %s", "firstObservedAt": 1764583200.5,
                 "packageVulnerabilityDetails": {"vulnerabilityId": "%s", "source": "NVD",
                   "vulnerablePackages": [{"name": "%s", "version": "1.0", "packageManager": "OS"}]},
                 "resources": [{"type": "AWS_EC2_INSTANCE", "id": "%s", "region": "eu-west-1",
                   "details": {"awsEc2Instance": {"imageId": "ami-0abc", "platform": "UBUNTU_22_04"}}}]}
                """.formatted(arn, severity, status, cve, pkg, cve, pkg, instance);
    }

    private void page(String token, String findings, String next) {
        var request = post(urlEqualTo("/findings/list"))
                .withRequestBody(matchingJsonPath("$.filterCriteria.findingStatus[0].value", containing("ACTIVE")));
        request = token == null ? request.withRequestBody(notContaining("nextToken"))
                : request.withRequestBody(matchingJsonPath("$.nextToken", containing(token)));
        inspector.stubFor(request.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"findings\": [" + findings + "]" + (next == null ? "" : ",\"nextToken\":\"" + next + "\"")
                        + "}")));
    }

    @Test
    void everyPageIsReadFollowingNextTokenAndRequestsAreSigned() {
        page(null, finding("arn:f/1", "CRITICAL", "ACTIVE", "CVE-2024-6387", "openssh-server", "i-0aaa") + ","
                + finding("arn:f/2", "HIGH", "ACTIVE", "CVE-2023-4863", "libwebp7", "i-0bbb"), "page-2");
        page("page-2", finding("arn:f/3", "MEDIUM", "ACTIVE", "CVE-2024-1", "curl", "i-0aaa"), "page-3");
        page("page-3", finding("arn:f/4", "UNTRIAGED", "ACTIVE", "CVE-2024-2", "zlib", "i-0ccc"), null);

        List<Finding> found = reader().activeFindings(env);

        assertThat(found).extracting(Finding::id).containsExactly("arn:f/1", "arn:f/2", "arn:f/3", "arn:f/4");
        assertThat(found).extracting(Finding::severity).containsExactly(Severity.CRITICAL, Severity.HIGH,
                Severity.MEDIUM, Severity.INFORMATIONAL);
        Finding first = found.getFirst();
        assertThat(first.cve()).isEqualTo("CVE-2024-6387");
        assertThat(first.packageName()).isEqualTo("openssh-server");
        assertThat(first.host()).isEqualTo("i-0aaa");
        assertThat(first.image()).isEqualTo("ami-0abc");
        assertThat(first.source()).isEqualTo("inspector:prod");
        // 1764583200.5 epoch seconds = 2025-12-01T10:00:00.5Z
        assertThat(first.seen()).isEqualTo(Instant.parse("2025-12-01T10:00:00.500Z"));
        inspector.verify(3, postRequestedFor(urlEqualTo("/findings/list"))
                .withHeader("Authorization", containing("Credential=AKIAINSPECT0000000/"))
                .withHeader("Authorization", containing("/eu-west-1/inspector2/aws4_request")));
    }

    @Test
    void aTokenThatComesBackTwiceStopsTheReadingInsteadOfLooping() {
        page(null, finding("arn:f/1", "LOW", "ACTIVE", "CVE-1", "a", "i-1"), "again");
        page("again", finding("arn:f/2", "LOW", "ACTIVE", "CVE-2", "b", "i-1"), "again");

        assertThatThrownBy(() -> reader().activeFindings(env)).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).key()).isEqualTo("findings.inspector.endless");
    }

    @Test
    void aDeniedCallSaysSoWithInspectorsMessage() {
        inspector.stubFor(post(urlEqualTo("/findings/list")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"User is not authorized to perform: inspector2:ListFindings\"}")));

        assertThatThrownBy(() -> reader().activeFindings(env)).isInstanceOf(Problem.class)
                .hasMessageContaining("inspector2:ListFindings")
                .extracting(e -> ((Problem) e).key()).isEqualTo("aws.denied");
    }

    @Test
    void aFindingWithoutSeverityRefusesThePageNamingIt() {
        page(null, finding("arn:f/1", "LOW", "ACTIVE", "CVE-1", "a", "i-1") + ","
                + finding("arn:f/2", "SEVERE", "ACTIVE", "CVE-2", "b", "i-1"), null);

        assertThatThrownBy(() -> reader().activeFindings(env)).isInstanceOf(Problem.class)
                .hasMessageContaining("Finding 2 of prod").hasMessageContaining("SEVERE");
    }
}
