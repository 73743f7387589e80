package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.TargetRunner.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSH runner's steps, against a scripted session that records what the runner asked of the camera. */
class SshTargetRunnerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final ScriptedConnector connector = new ScriptedConnector();
    private final Target camera = new Target("C001", "S1", "10.0.0.1:2222", "bastion", "");
    private final List<String> output = new ArrayList<>();

    private SshTargetRunner runner() {
        return new SshTargetRunner(connector, "ops", t -> "/var/lib/camfleet/" + t.siteId(), TIMEOUT);
    }

    private Release release(Path artifact, String sha256) {
        return new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, artifact.toString(), sha256,
                "./install.sh \"$1\"", "./health.sh", "./rollback.sh");
    }

    private Path artifact(String content) throws Exception {
        Path file = dir.resolve("agent.tar");
        Files.writeString(file, content);
        return file;
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String ARTIFACT = "/var/lib/camfleet/S1/releases/camos-agent-6.5.0/artifact";
    private static final String MARKER = "/var/lib/camfleet/S1/version";

    @Test
    void anUploadMakesTheReleaseFolderCopiesTheArtifactAndChecksItsSumOnTheCamera() throws Exception {
        Path local = artifact("agent bytes");
        String sum = sha256("agent bytes");
        connector.session.remoteSums.put(ARTIFACT, sum);

        StepResult result = runner().upload(camera, release(local, sum.toUpperCase()), output::add);

        assertThat(result).isEqualTo(StepResult.OK);
        assertThat(connector.session.calls).containsExactly(
                "mkdir " + "/var/lib/camfleet/S1/releases/camos-agent-6.5.0",
                "upload " + local + " -> " + ARTIFACT,
                "sha256 " + ARTIFACT);
        assertThat(output).containsExactly("uploaded " + ARTIFACT + " (SHA-256 checked on the camera)");
        assertThat(connector.opened).containsExactly(new RemoteHost("C001", "10.0.0.1:2222", "bastion", "ops"));
    }

    @Test
    void aLocalArtifactThatDoesNotMatchTheReleaseSumIsNotUploaded() throws Exception {
        Path local = artifact("agent bytes");
        String sum = sha256("agent bytes");
        String other = "b".repeat(64);

        StepResult result = runner().upload(camera, release(local, other), output::add);

        assertThat(result.ok()).isFalse();
        assertThat(result.contactLost()).isFalse();
        assertThat(result.detail()).isEqualTo("the artifact " + local + " has SHA-256 " + sum
                + ", not the release's " + other + "; nothing was uploaded");
        assertThat(connector.session.calls).isEmpty();
        assertThat(output).isEmpty();
    }

    @Test
    void anArtifactThatArrivesChangedOnTheCameraFailsTheUpload() throws Exception {
        Path local = artifact("agent bytes");
        String sum = sha256("agent bytes");
        connector.session.remoteSums.put(ARTIFACT, "c".repeat(64));

        StepResult result = runner().upload(camera, release(local, sum), output::add);

        assertThat(result.ok()).isFalse();
        assertThat(result.detail()).isEqualTo("the artifact's SHA-256 on the camera is " + "c".repeat(64)
                + ", not " + sum);
        assertThat(output).isEmpty();
    }

    @Test
    void anUnreadableLocalArtifactIsAFailedUploadThatNamesTheFile() {
        Path missing = dir.resolve("gone.tar");

        StepResult result = runner().upload(camera, release(missing, "a".repeat(64)), output::add);

        assertThat(result.ok()).isFalse();
        assertThat(result.contactLost()).isFalse();
        assertThat(result.detail()).contains(missing.toString());
        assertThat(connector.session.calls).isEmpty();
    }

    @Test
    void aLocalArtifactIsHashedOnceForAllCameras() throws Exception {
        Path local = artifact("agent bytes");
        String sum = sha256("agent bytes");
        connector.session.remoteSums.put(ARTIFACT, sum);
        SshTargetRunner runner = runner();

        assertThat(runner.upload(camera, release(local, sum), output::add).ok()).isTrue();
        Files.writeString(local, "changed after the first camera");
        // The sum of the first read stands: every camera gets what the first one was checked against.
        assertThat(runner.upload(camera, release(local, sum), output::add).ok()).isTrue();
    }

    @Test
    void aSuccessfulInstallRunsTheScriptWithTheArtifactThenMovesTheMarkerKeepingTheOneBefore() {
        connector.session.files.put(MARKER, "6.4.2\n".getBytes(StandardCharsets.UTF_8));
        connector.session.lines.add("installing");

        StepResult result = runner().install(camera, release(dir, "a".repeat(64)), output::add);

        assertThat(result).isEqualTo(StepResult.OK);
        assertThat(connector.session.calls).containsExactly(
                "run [sh, -c, ./install.sh \"$1\", camfleet, " + ARTIFACT + "] within 90 s",
                "read " + MARKER + " up to 65536",
                "write " + MARKER + ".previous",
                "write " + MARKER);
        assertThat(connector.session.text(MARKER + ".previous")).isEqualTo("6.4.2\n");
        assertThat(connector.session.text(MARKER)).isEqualTo("6.5.0\n");
        assertThat(output).containsExactly("installing");
    }

    @Test
    void aFirstInstallWritesTheMarkerWithoutAPreviousOne() {
        StepResult result = runner().install(camera, release(dir, "a".repeat(64)), output::add);

        assertThat(result.ok()).isTrue();
        assertThat(connector.session.files).containsOnlyKeys(MARKER);
        assertThat(connector.session.text(MARKER)).isEqualTo("6.5.0\n");
    }

    @Test
    void aFailedInstallScriptLeavesTheMarkerAlone() {
        connector.session.files.put(MARKER, "6.4.2\n".getBytes(StandardCharsets.UTF_8));
        connector.session.results.add(new CommandResult(3, false));

        StepResult result = runner().install(camera, release(dir, "a".repeat(64)), output::add);

        assertThat(result.ok()).isFalse();
        assertThat(result.contactLost()).isFalse();
        assertThat(result.detail()).isEqualTo("the install exited with 3");
        assertThat(connector.session.text(MARKER)).isEqualTo("6.4.2\n");
        assertThat(connector.session.files).doesNotContainKey(MARKER + ".previous");
    }

    @Test
    void anInstallPastItsTimeoutSaysHowLongItWasGiven() {
        connector.session.results.add(new CommandResult(-1, true));

        StepResult result = runner().install(camera, release(dir, "a".repeat(64)), output::add);

        assertThat(result.ok()).isFalse();
        assertThat(result.detail()).isEqualTo("the install did not finish within 90 s");
        assertThat(connector.session.files).isEmpty();
    }

    @Test
    void aTimedOutCommandIsAFailureEvenWithExitStatusZero() {
        connector.session.results.add(new CommandResult(0, true));

        StepResult result = runner().verify(camera, release(dir, "a".repeat(64)), output::add);

        assertThat(result.ok()).isFalse();
        assertThat(result.detail()).isEqualTo("the health check did not finish within 90 s");
    }

    @Test
    void theHealthCheckRunsTheReleasesCheckAndReportsItsExitStatus() {
        connector.session.results.add(new CommandResult(0, false));
        connector.session.results.add(new CommandResult(1, false));
        SshTargetRunner runner = runner();
        Release release = release(dir, "a".repeat(64));

        assertThat(runner.verify(camera, release, output::add)).isEqualTo(StepResult.OK);
        StepResult unhealthy = runner.verify(camera, release, output::add);

        assertThat(unhealthy.ok()).isFalse();
        assertThat(unhealthy.detail()).isEqualTo("the health check exited with 1");
        assertThat(connector.session.calls).containsExactly(
                "run [sh, -c, ./health.sh, camfleet, " + ARTIFACT + "] within 90 s",
                "run [sh, -c, ./health.sh, camfleet, " + ARTIFACT + "] within 90 s");
        assertThat(connector.opened).as("one session per camera for all its steps").hasSize(1);
    }

    @Test
    void aRollbackRunsTheScriptThenRestoresTheMarkerFromThePreviousOne() {
        StepResult result = runner().rollback(camera, release(dir, "a".repeat(64)), output::add);

        assertThat(result).isEqualTo(StepResult.OK);
        assertThat(connector.session.calls).containsExactly(
                "run [sh, -c, ./rollback.sh, camfleet, " + ARTIFACT + "] within 90 s",
                "run [sh, -c, if [ -f \"$1.previous\" ]; then mv -- \"$1.previous\" \"$1\"; else rm -f -- \"$1\"; fi,"
                        + " camfleet, " + MARKER + "] within 90 s");
    }

    @Test
    void aFailedRollbackScriptDoesNotTouchTheMarker() {
        connector.session.results.add(new CommandResult(2, false));

        StepResult result = runner().rollback(camera, release(dir, "a".repeat(64)), output::add);

        assertThat(result.ok()).isFalse();
        assertThat(result.detail()).isEqualTo("the rollback exited with 2");
        assertThat(connector.session.calls).hasSize(1);
    }

    @Test
    void aMarkerThatCannotBeRestoredFailsTheRollback() {
        connector.session.results.add(new CommandResult(0, false));
        connector.session.results.add(new CommandResult(1, false));

        StepResult result = runner().rollback(camera, release(dir, "a".repeat(64)), output::add);

        assertThat(result.ok()).isFalse();
        assertThat(result.contactLost()).isFalse();
        assertThat(result.detail()).isEqualTo("cannot restore the version marker");
    }

    @Test
    void aDroppedConnectionIsContactLostAndOtherRefusalsAreFailures() {
        connector.session.failure = new Problem("ssh.connectionLost", "10.0.0.1", "reset");
        StepResult lost = runner().verify(camera, release(dir, "a".repeat(64)), output::add);
        assertThat(lost.ok()).isFalse();
        assertThat(lost.contactLost()).isTrue();
        assertThat(lost.detail()).isEqualTo(connector.session.failure.getMessage());

        connector.session.failure = new Problem("ssh.authFailed", "10.0.0.1", "ops");
        StepResult refused = runner().install(camera, release(dir, "a".repeat(64)), output::add);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.contactLost()).isFalse();
        assertThat(refused.detail()).isEqualTo(connector.session.failure.getMessage());
    }

    @Test
    void theInstalledVersionIsTheMarkersFirstLineStripped() {
        SshTargetRunner runner = runner();
        assertThat(runner.installedVersion(camera)).isEmpty();

        connector.session.files.put(MARKER, " 6.4.2 \nleft over\n".getBytes(StandardCharsets.UTF_8));
        assertThat(runner.installedVersion(camera)).contains("6.4.2");

        connector.session.files.put(MARKER, "\n6.4.2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(runner.installedVersion(camera)).as("an empty first line is no version").isEmpty();
        assertThat(connector.session.calls).allMatch(c -> c.equals("read " + MARKER + " up to 65536"));
    }

    @Test
    void doneClosesTheCamerasSessionAndTheNextStepOpensAnotherOne() {
        SshTargetRunner runner = runner();
        runner.installedVersion(camera);
        runner.done(camera);
        assertThat(connector.session.closed).isEqualTo(1);

        runner.done(camera);
        assertThat(connector.session.closed).as("nothing left to close").isEqualTo(1);

        runner.installedVersion(camera);
        assertThat(connector.opened).hasSize(2);
    }

    @Test
    void theHostKeyProbeOpensAndClosesASessionOrReturnsTheRejection() {
        SshTargetRunner runner = runner();
        assertThat(runner.hostKey(camera)).isEmpty();
        assertThat(connector.session.closed).isEqualTo(1);

        HostKeyRejected rejected = new HostKeyRejected("10.0.0.1", 2222, "ssh-ed25519", "SHA256:abc", "AAAA",
                HostKeyRejected.Reason.CHANGED);
        connector.refusal = rejected;
        assertThat(runner.hostKey(camera)).containsSame(rejected);

        runner.trust(rejected);
        assertThat(connector.trusted).containsExactly(rejected);
    }

    @Test
    void whetherACameraCanBeReachedIsTheConnectorsAnswerForItsHost() {
        connector.unreachable = Optional.of("no address");

        assertThat(runner().cannotReach(camera)).contains("no address");
        assertThat(connector.asked).containsExactly(new RemoteHost("C001", "10.0.0.1:2222", "bastion", "ops"));
    }

    @Test
    void aRefusedConnectionReachesTheCallerOfInstalledVersion() {
        connector.refusal = new Problem("ssh.unreachable", "10.0.0.1", "refused");

        assertThatThrownBy(() -> runner().installedVersion(camera)).isSameAs(connector.refusal);
    }

    /** One scripted session, handed out for every host. */
    private static final class ScriptedConnector implements HostConnector {
        final ScriptedSession session = new ScriptedSession();
        final List<RemoteHost> opened = new ArrayList<>();
        final List<RemoteHost> asked = new ArrayList<>();
        final List<HostKeyRejected> trusted = new ArrayList<>();
        Problem refusal;
        Optional<String> unreachable = Optional.empty();

        @Override
        public HostSession open(RemoteHost host) {
            if (refusal != null) {
                throw refusal;
            }
            opened.add(host);
            return session;
        }

        @Override
        public void trust(HostKeyRejected rejected) {
            trusted.add(rejected);
        }

        @Override
        public Optional<String> cannotReach(RemoteHost host) {
            asked.add(host);
            return unreachable;
        }
    }

    private static final class ScriptedSession implements HostSession {
        final List<String> calls = new ArrayList<>();
        final Map<String, byte[]> files = new HashMap<>();
        final Map<String, String> remoteSums = new HashMap<>();
        /** Results of the next commands, in order; a command past the script exits 0. */
        final Deque<CommandResult> results = new ArrayDeque<>();
        final List<String> lines = new ArrayList<>();
        Problem failure;
        int closed;

        String text(String path) {
            return new String(files.get(path), StandardCharsets.UTF_8);
        }

        private void fail() {
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void upload(Path local, String remotePath) {
            fail();
            calls.add("upload " + local + " -> " + remotePath);
        }

        @Override
        public Optional<byte[]> read(String remotePath, int limit) {
            fail();
            calls.add("read " + remotePath + " up to " + limit);
            return Optional.ofNullable(files.get(remotePath));
        }

        @Override
        public List<RemoteEntry> list(String remoteDir) {
            throw new UnsupportedOperationException("a rollout lists no folder");
        }

        @Override
        public long copy(String remotePath, java.io.OutputStream out, long limit) {
            throw new UnsupportedOperationException("a rollout copies no file back");
        }

        @Override
        public void makeDirectories(String remotePath) {
            fail();
            calls.add("mkdir " + remotePath);
        }

        @Override
        public void write(String remotePath, byte[] content) {
            fail();
            calls.add("write " + remotePath);
            files.put(remotePath, content.clone());
        }

        @Override
        public String sha256(String remotePath) {
            fail();
            calls.add("sha256 " + remotePath);
            return remoteSums.getOrDefault(remotePath, "");
        }

        @Override
        public CommandResult run(List<String> argv, Duration timeout, Consumer<String> outputLine) {
            fail();
            calls.add("run " + argv + " within " + timeout.toSeconds() + " s");
            lines.forEach(outputLine);
            return results.isEmpty() ? new CommandResult(0, false) : results.poll();
        }

        @Override
        public void close() {
            closed++;
        }
    }
}
