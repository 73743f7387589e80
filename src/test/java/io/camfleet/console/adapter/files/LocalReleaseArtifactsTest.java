package io.camfleet.console.adapter.files;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.ReleaseArtifacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The artifact checks on real files: a device, a FIFO, links, a file over the limit, a wrong checksum. */
class LocalReleaseArtifactsTest {

    @TempDir
    Path dir;
    private final LocalReleaseArtifacts artifacts = new LocalReleaseArtifacts(() -> 1 << 20);

    private static Release release(Path artifact, String sha) {
        return new Release("camos-agent", "6.5.1", ReleaseKind.PATCH, artifact.toString(), sha, "install.sh",
                "selftest", "rollback.sh");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private void refused(Path artifact, String sha, String why) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> artifacts.check(release(artifact, sha))).as(artifact.toString())
                        .isInstanceOf(Problem.class).hasMessageContaining(why)
                        .satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.BAD_INPUT)));
    }

    @Test
    void aGoodArtifactIsCheckedAndNamedByItsPathAndSize() throws Exception {
        byte[] bytes = "agent".getBytes();
        Path file = Files.write(dir.resolve("agent.tar.gz"), bytes);
        assertThat(artifacts.check(release(file, sha256(bytes))))
                .isEqualTo(new ReleaseArtifacts.Checked(file.toRealPath().toString(), bytes.length));
        Path link = Files.createSymbolicLink(dir.resolve("current.tar.gz"), file);
        assertThat(artifacts.check(release(link, sha256(bytes))).path()).isEqualTo(file.toRealPath().toString());
    }

    @Test
    void aWrongChecksumIsRefusedNamingBothSums() throws Exception {
        byte[] bytes = "agent".getBytes();
        Path file = Files.write(dir.resolve("agent.tar.gz"), bytes);
        refused(file, "0".repeat(64), "has the SHA-256 " + sha256(bytes) + ", not the release's " + "0".repeat(64));
    }

    @Test
    void anEndlessDeviceOrAPipeIsRefusedAtOnceNeverRead() throws Exception {
        refused(Path.of("/dev/zero"), "0".repeat(64), "is not a regular file");
        Path fifo = dir.resolve("agent.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
        refused(fifo, "0".repeat(64), "is not a regular file");
        refused(dir, "0".repeat(64), "is a folder");
        refused(dir.resolve("missing.tar.gz"), "0".repeat(64), "does not exist");
    }

    @Test
    void aLinkOutOfItsFolderIsRefused() throws Exception {
        Path builds = Files.createDirectories(dir.resolve("builds"));
        Path secret = Files.writeString(dir.resolve("secret"), "not for the cameras");
        Path link = Files.createSymbolicLink(builds.resolve("agent.tar.gz"), secret);
        refused(link, sha256(Files.readAllBytes(secret)), "is a link to " + secret.toRealPath());
        refused(Files.createSymbolicLink(builds.resolve("zero"), Path.of("/dev/zero")), "0".repeat(64),
                "is a link to /dev/zero");
    }

    @Test
    void anArtifactOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        byte[] bytes = new byte[(1 << 20) + 1];
        Path file = Files.write(dir.resolve("agent.tar.gz"), bytes);
        refused(file, sha256(bytes), "holds 1048577 bytes, more than the 1 MB allowed");
        byte[] fits = new byte[1 << 20];
        Path exactly = Files.write(dir.resolve("fits.tar.gz"), fits);
        assertThat(artifacts.check(release(exactly, sha256(fits))).bytes()).isEqualTo(1 << 20);
    }
}
