package io.camfleet.console.adapter.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.MetricNames;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.SyncSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the operator is told when AWS cannot be used: no credentials, expired ones, refused ones, no network. Each
 * must be one sentence, and quick (IMDS is off, as on the desktop).
 */
class AwsFailureTest {

    @TempDir
    Path dir;
    private WireMockServer aws;
    private AwsClients clients;
    private AwsEnvironmentReader reader;

    @BeforeEach
    void start() throws Exception {
        aws = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        aws.start();
        Path config = dir.resolve("config");
        Files.writeString(config, """
                [profile good]
                aws_access_key_id = AKIAGOOD0000000000
                aws_secret_access_key = good-secret
                """);
        clients = new AwsClients(() -> ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION)
                .build(), op -> { });
        reader = new AwsEnvironmentReader(clients, MetricNames.DEFAULT, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.stop();
    }

    private Environment env(String profile, String endpoint) {
        return Environment.of("prod", profile, "eu-west-1", endpoint);
    }

    private static final SyncSink IGNORE = new SyncSink() {
        @Override
        public void sites(List<io.camfleet.console.domain.fleet.Site> page) {
        }

        @Override
        public void cameras(List<io.camfleet.console.domain.fleet.CameraSystem> page,
                            Map<String, io.camfleet.console.domain.fleet.CameraTelemetry> telemetry) {
        }

        @Override
        public void throttled(String operation) {
        }

        @Override
        public void warning(Problem problem) {
        }
    };

    private Problem failure(Runnable call) {
        long start = System.nanoTime();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("told within a second")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(thrown).isInstanceOf(Problem.class);
        return (Problem) thrown;
    }

    @Test
    void aProfileWithoutCredentialsIsNamedWithWhatToDo() {
        // Warm the SDK up (the first call of a JVM loads many classes); the server answers 404 to everything.
        assertThatThrownBy(() -> reader.identity(env("good", aws.baseUrl()))).isInstanceOf(Problem.class)
                .hasMessageContaining("HTTP 404");
        Problem p = failure(() -> reader.read(env("nobody", aws.baseUrl()), IGNORE, Progress.NONE));
        assertThat(p.key()).as(String.valueOf(p.getCause())).isEqualTo("aws.noCredentials");
        assertThat(p.getMessage()).contains("profile nobody").contains("aws sso login --profile nobody");
    }

    @Test
    void expiredCredentialsSayToRenewThem() {
        aws.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)
                .withHeader("x-amzn-ErrorType", "ExpiredTokenException")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"The security token included in the request is expired\"}")));
        reader.profiles();
        Problem p = failure(() -> reader.read(env("good", aws.baseUrl()), IGNORE, Progress.NONE));
        assertThat(p.key()).isEqualTo("aws.expired");
        assertThat(p.getMessage()).contains("profile good");
    }

    @Test
    void refusedCredentialsNameTheCallThatWasRefused() {
        aws.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"User is not authorized to perform iot:ListThingGroups\"}")));
        Problem p = failure(() -> reader.read(env("good", aws.baseUrl()), IGNORE, Progress.NONE));
        assertThat(p.key()).isEqualTo("aws.denied");
        assertThat(p.getMessage()).contains("iot:ListThingGroups");
    }

    @Test
    void anEndpointThatDoesNotAnswerIsUnreachable() {
        String closed = aws.baseUrl();
        aws.stop();
        Problem p = failure(() -> reader.read(env("good", closed), IGNORE, Progress.NONE));
        assertThat(p.key()).isEqualTo("aws.unreachable");
        assertThat(p.getMessage()).contains(closed);
    }

    @Test
    void anExpiredSsoSessionSaysToSignInAgain() {
        Problem p = AwsProblems.of(env("corp-sso", ""), "iot:ListThings",
                software.amazon.awssdk.core.exception.SdkClientException.create("Unable to load credentials: The SSO "
                        + "session associated with this profile has expired or is otherwise invalid. To refresh this "
                        + "SSO session run aws sso login with the corresponding profile."));
        assertThat(p.key()).isEqualTo("aws.ssoExpired");
        assertThat(p.getMessage()).contains("aws sso login --profile corp-sso");
    }

    @Test
    void aRepeatedPageTokenEndsThePaging() {
        int[] calls = {0};
        List<String> seen = new java.util.ArrayList<>();
        AwsEnvironmentReader.pages("test", token -> {
            calls[0]++;
            return token == null ? "A" : token.equals("A") ? "B" : "A";
        }, page -> page, seen::add);
        // Pages: first (-> A), A (-> B), B (-> A again: stop).
        assertThat(calls[0]).isEqualTo(3);
        assertThat(seen).containsExactly("A", "B", "A");
    }

    @Test
    void connectivityTimesAreReadAsMillisecondsOrAsEmulatorSeconds() {
        assertThat(AwsEnvironmentReader.epoch(1_764_150_000_000L)).isEqualTo(java.time.Instant.ofEpochSecond(1_764_150_000L));
        assertThat(AwsEnvironmentReader.epoch(1_764_150_000L)).isEqualTo(java.time.Instant.ofEpochSecond(1_764_150_000L));
        assertThat(AwsEnvironmentReader.epoch(null)).isNull();
        assertThat(AwsEnvironmentReader.epoch(0L)).isNull();
    }
}
