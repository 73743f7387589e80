package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The script one SSM command runs on each camera, run here by {@code /bin/sh} as the SSM agent runs it, with an
 * {@code aws} command on the PATH that copies from a folder standing for S3.
 */
class SsmScriptTest {

    @TempDir
    Path temp;
    private Path root;
    private Path s3;
    private Path bin;
    private String sha;

    record Run(int exit, List<String> output) {
    }

    @BeforeEach
    void camera() throws Exception {
        root = Files.createDirectories(temp.resolve("camera/var/lib/camfleet"));
        s3 = Files.createDirectories(temp.resolve("s3"));
        bin = Files.createDirectories(temp.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, """
                #!/bin/sh
                [ "$1 $2 $3" = "s3 cp --no-progress" ] || { echo "unexpected: $*" >&2; exit 2; }
                cp -- "$FAKE_S3/${4#s3://}" "$5"
                """);
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        byte[] artifact = "the new agent".getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(s3.resolve("rel/agent"));
        Files.write(s3.resolve("rel/agent/6.5.0.tar"), artifact);
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifact));
        Files.writeString(root.resolve("version"), "6.4.2\n");
    }

    private Release release(String install, String check, String rollback) {
        return new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "s3://rel/agent/6.5.0.tar", sha, install,
                check, rollback);
    }

    /** Scripts that leave a trace in the install root, which is three levels above the artifact ($1). */
    private static final String ROOT = "r=$(dirname \"$(dirname \"$(dirname \"$1\")\")\"); ";

    private Release ordinary() {
        return release(ROOT + "cp -- \"$1\" \"$r/installed\"", ROOT + "cmp -s -- \"$1\" \"$r/installed\"",
                ROOT + "rm -f -- \"$r/installed\"; touch \"$r/rolled-back\"");
    }

    private Run run(Release release) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c",
                String.join("\n", SsmScript.lines(root.toString(), release)))
                .redirectErrorStream(true).directory(temp.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("FAKE_S3", s3.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out.lines().toList());
    }

    @Test
    void itDownloadsChecksInstallsMovesTheMarkerAndChecksHealth() throws Exception {
        Run run = run(ordinary());

        assertThat(run.exit()).as(String.join("\n", run.output())).isZero();
        assertThat(run.output()).containsSubsequence("camfleet-step: download", "camfleet-step: checksum",
                "camfleet-step: install", "camfleet-step: health check", "camfleet-result: installed 6.5.0");
        assertThat(root.resolve("version")).hasContent("6.5.0");
        assertThat(root.resolve("version.previous")).hasContent("6.4.2");
        assertThat(root.resolve("installed")).hasContent("the new agent");
        assertThat(root.resolve("releases/camos-agent-6.5.0/artifact")).hasContent("the new agent");
    }

    @Test
    void aCameraAtTheVersionSaysSoFirstAndDoesNothing() throws Exception {
        Files.writeString(root.resolve("version"), "6.5.0\n");

        Run run = run(ordinary());

        assertThat(run.exit()).isZero();
        assertThat(run.output()).containsExactly(SsmScript.AT_VERSION + "6.5.0");
        assertThat(root.resolve("releases")).doesNotExist();
    }

    @Test
    void eachFailureHasItsExitStatusAndWhatFailedBeforeTheInstallChangesNothing() throws Exception {
        Release wrongSum = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "s3://rel/agent/6.5.0.tar",
                "0".repeat(64), "touch /nonexistent/x", "true", "true");
        assertThat(run(wrongSum).exit()).isEqualTo(SsmScript.CHECKSUM_MISMATCH);
        Release missing = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "s3://rel/agent/none.tar", sha,
                "true", "true", "true");
        assertThat(run(missing).exit()).isEqualTo(SsmScript.DOWNLOAD_FAILED);
        assertThat(root.resolve("version")).as("nothing installed").hasContent("6.4.2");

        assertThat(run(release("exit 3", "true", "true")).exit()).isEqualTo(SsmScript.INSTALL_FAILED);
        assertThat(root.resolve("version")).as("the marker moves only after an install").hasContent("6.4.2");
    }

    @Test
    void aFailedHealthCheckRollsBackAndPutsTheMarkerBefore() throws Exception {
        Release unhealthy = release(ROOT + "cp -- \"$1\" \"$r/installed\"", "exit 1",
                ROOT + "rm -f -- \"$r/installed\"; touch \"$r/rolled-back\"");

        Run run = run(unhealthy);

        assertThat(run.exit()).isEqualTo(SsmScript.ROLLED_BACK);
        assertThat(run.output()).contains("camfleet-step: rollback");
        assertThat(root.resolve("rolled-back")).exists();
        assertThat(root.resolve("installed")).doesNotExist();
        assertThat(root.resolve("version")).hasContent("6.4.2");
        assertThat(root.resolve("version.previous")).doesNotExist();
    }

    @Test
    void aRollbackThatFailsTooIsItsOwnExitAndLeavesTheNewMarker() throws Exception {
        Run run = run(release("true", "exit 1", "exit 1"));

        assertThat(run.exit()).isEqualTo(SsmScript.ROLLBACK_FAILED);
        assertThat(root.resolve("version")).hasContent("6.5.0");
    }

    @Test
    void theExitStatusOfAReleaseScriptNeverReachesTheAgent() throws Exception {
        // 194 makes the SSM agent reboot the camera after the script.
        assertThat(run(release("exit 194", "true", "true")).exit()).isEqualTo(SsmScript.INSTALL_FAILED);
    }

    @Test
    void valuesFromTheReleaseAreWordsNeverShellSyntax() throws Exception {
        String hostile = "agent'; touch \"$FAKE_S3/pwned\"; echo '$(touch pwned2)`touch pwned3`";
        Files.createDirectories(s3.resolve("rel/it's here"));
        Files.copy(s3.resolve("rel/agent/6.5.0.tar"), s3.resolve("rel/it's here/a $b.tar"));
        Release release = new Release(hostile, "6.5.0", ReleaseKind.RELEASE, "s3://rel/it's here/a $b.tar", sha,
                "printf '%s\\n' \"$1\" > \"$(dirname \"$1\")/seen\"", "true", "true");

        Run run = run(release);

        assertThat(run.exit()).as(String.join("\n", run.output())).isZero();
        assertThat(s3.resolve("pwned")).doesNotExist();
        assertThat(temp.resolve("pwned2")).doesNotExist();
        assertThat(temp.resolve("pwned3")).doesNotExist();
        Path dir = root.resolve("releases/" + hostile + "-6.5.0");
        assertThat(dir.resolve("seen")).hasContent(dir.resolve("artifact").toString());
    }
}
