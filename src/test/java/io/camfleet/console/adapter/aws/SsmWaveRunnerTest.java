package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.WaveRunner.Invocation;
import io.camfleet.console.service.deploy.WaveRunner.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the SSM executor makes of invocations, and what it refuses at launch; no AWS needed. */
class SsmWaveRunnerTest {

    private final Messages words = new Messages(Locale.ROOT);
    private final Environment prod = Environment.of("prod", "", "eu-west-1", "");
    private final Environment staging = Environment.of("staging", "", "eu-west-1", "");
    private final Release release = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE,
            "s3://camfleet-releases/agent.tar", "a".repeat(64), "install.sh", "health.sh", "rollback.sh");

    @ParameterizedTest(name = "{0} / {1}, exit {2}, started {3}: {5}")
    @CsvSource(delimiter = '|', value = {
            "Pending    | Pending           | -1  | false | ''                                      | QUEUED",
            "Delayed    | Delayed           | -1  | false | ''                                      | QUEUED",
            "InProgress | InProgress        | -1  | true  | ''                                      | RUNNING",
            "Cancelling | Cancelling        | -1  | true  | ''                                      | RUNNING",
            "Success    | Success           | 0   | true  | camfleet-result: installed 6.5.0        | SUCCEEDED",
            "Success    | Success           | 0   | true  | camfleet-result: already-at-version 6.5.0 | AT_VERSION",
            "Failed     | Failed            | 10  | true  | ''                                      | NOT_INSTALLED",
            "Failed     | Failed            | 11  | true  | ''                                      | NOT_INSTALLED",
            "Failed     | Failed            | 12  | true  | ''                                      | INSTALL_FAILED",
            "Failed     | Failed            | 13  | true  | ''                                      | INSTALL_FAILED",
            "Failed     | Failed            | 14  | true  | ''                                      | ROLLED_BACK",
            "Failed     | Failed            | 15  | true  | ''                                      | CHECK_FAILED",
            "Failed     | Failed            | 137 | true  | ''                                      | INTERRUPTED",
            "Failed     | Undeliverable     | -1  | false | ''                                      | NOT_INSTALLED",
            "Failed     | InvalidPlatform   | -1  | false | ''                                      | NOT_INSTALLED",
            "Cancelled  | Terminated        | -1  | false | ''                                      | NOT_INSTALLED",
            "Cancelled  | Canceled          | -1  | false | ''                                      | NOT_INSTALLED",
            "Cancelled  | Canceled          | -1  | true  | ''                                      | INTERRUPTED",
            "TimedOut   | DeliveryTimedOut  | -1  | false | ''                                      | NOT_INSTALLED",
            "TimedOut   | Delivery Timed Out| -1  | false | ''                                      | NOT_INSTALLED",
            "TimedOut   | ExecutionTimedOut | -1  | true  | ''                                      | INTERRUPTED",
    })
    void anInvocationIsPlacedInTheStepsOfARollout(String status, String details, int code, boolean started,
                                                   String stdout, Outcome outcome) {
        Invocation i = SsmWaveRunner.invocation(GetCommandInvocationResponse.builder().status(status)
                .statusDetails(details).responseCode(code).standardOutputContent(stdout)
                .executionStartDateTime(started ? "2026-11-26T10:00:00.000Z" : "").build(), words);

        assertThat(i.outcome()).isEqualTo(outcome);
        assertThat(i.detail().isEmpty()).as("a sentence once it ended: " + i.detail())
                .isEqualTo(!outcome.ended() || outcome == Outcome.SUCCEEDED);
        assertThat(i.detail()).doesNotContain("!");
    }

    @Test
    void theOutputIsLoggedLineByLineWithStandardErrorMarked() {
        Invocation i = SsmWaveRunner.invocation(GetCommandInvocationResponse.builder().status("Failed")
                .statusDetails("Failed").responseCode(14).executionStartDateTime("2026-11-26T10:00:00Z")
                .standardOutputContent("camfleet-step: download\ncamfleet-step: rollback\n")
                .standardErrorContent("curl: port 554 refused\n").build(), words);

        assertThat(i.output()).containsExactly("camfleet-step: download", "camfleet-step: rollback",
                "stderr: curl: port 554 refused");
        assertThat(i.detail()).isEqualTo("the health check failed; the version before was put back (exit 14)");
    }

    @Test
    void onlyTheFirstLineCanSayTheCameraWasAlreadyAtTheVersion() {
        // An install script printing the marker's words does not make a camera skipped.
        Invocation i = SsmWaveRunner.invocation(GetCommandInvocationResponse.builder().status("Success")
                .statusDetails("Success").responseCode(0).executionStartDateTime("2026-11-26T10:00:00Z")
                .standardOutputContent("camfleet-step: download\ncamfleet-result: already-at-version 6.5.0\n")
                .build(), words);

        assertThat(i.outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void theCommentNamesTheDeploymentAndTheWaveExactlyWithinSsmsHundredCharacters() {
        String longestId = "d-" + "x".repeat(38); // the journal's id column holds 40
        assertThat(SsmWaveRunner.comment("d-20261126-1432-7f3a", 3)).isEqualTo(
                "camfleet deployment d-20261126-1432-7f3a wave 3");
        assertThat(SsmWaveRunner.comment("d-20261126-1432-7f3a", 3, 0)).isEqualTo(
                "camfleet deployment d-20261126-1432-7f3a wave 3");
        assertThat(SsmWaveRunner.comment("d-20261126-1432-7f3a", 3, 2)).isEqualTo(
                "camfleet deployment d-20261126-1432-7f3a wave 3 part 2");
        assertThat(SsmWaveRunner.comment(longestId, Integer.MAX_VALUE, Integer.MAX_VALUE))
                .hasSizeLessThanOrEqualTo(100);
    }

    private SsmWaveRunner runner(Map<String, Environment> bySite) {
        return new SsmWaveRunner(new AwsClients(ProfileFile::defaultProfileFile, op -> { }),
                t -> Optional.ofNullable(bySite.get(t.siteId())), "/var/lib/camfleet", Duration.ofMinutes(30),
                Clock.systemUTC());
    }

    private static Target cam(int i, String site) {
        return new Target("cam-" + i, site, "", "", "mi-" + i);
    }

    @Test
    void aLaunchIsRefusedForWhatTheWavesCommandsCannotDo() {
        SsmWaveRunner ssm = runner(Map.of("s1", prod, "s2", staging));
        List<List<Target>> ok = List.of(List.of(cam(1, "s1"), cam(2, "s1")), List.of(cam(3, "s2")));
        ssm.check(release, ok);

        Release local = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "/srv/agent.tar", "a".repeat(64),
                "i", "h", "r");
        assertThatThrownBy(() -> ssm.check(local, ok)).isInstanceOf(Problem.class)
                .hasMessageContaining("s3://bucket/key").hasMessageContaining("/srv/agent.tar")
                .satisfies(p -> assertThat(((Problem) p).kind()).isEqualTo(Problem.Kind.BAD_INPUT));
        // A wave above one command's 50 ids is sent in parts: no longer refused.
        ssm.check(release, List.of(IntStream.range(0, 51).mapToObj(i -> cam(i, "s1")).toList()));
        assertThatThrownBy(() -> ssm.check(release, List.of(List.of(cam(1, "s1"), cam(2, "s2")))))
                .hasMessageContaining("prod, staging");
        assertThatThrownBy(() -> ssm.check(release, List.of(List.of(cam(1, "elsewhere")))))
                .hasMessageContaining("cam-1").hasMessageContaining("elsewhere");
        Release braces = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "s3://b/agent.tar",
                "a".repeat(64), "echo {{ssm:/db/password}}", "h", "r");
        assertThatThrownBy(() -> ssm.check(braces, ok)).hasMessageContaining("Parameter Store");
    }

    @Test
    void aCameraWithoutANodeIdCannotBeReachedAndSaysWhy() {
        SsmWaveRunner ssm = runner(Map.of("s1", prod));

        assertThat(ssm.cannotReach(new Target("cam-9", "s1", "10.0.0.9", "", ""))).hasValueSatisfying(why ->
                assertThat(why).startsWith("Camera cam-9 has no SSM managed-node id"));
        assertThat(ssm.cannotReach(cam(1, "s1"))).isEmpty();
    }
}
