package io.camfleet.console.adapter.files;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ReleaseFileTest {

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path f = dir.resolve("release.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void aReleaseFileReadsWithItsArtifactBesideIt() throws Exception {
        Release r = ReleaseFile.read(write("""
                {"name": "camos-agent", "version": "6.5.1", "kind": "Hotfix", "artifact": "build/agent.tar.gz",
                 "sha256": "%s", "install": "tar -xzf \\"$1\\" -C /opt/camos", "healthCheck": "selftest",
                 "rollback": "rollback"}
                """.formatted("ab".repeat(32))));
        assertThat(r.kind()).isEqualTo(ReleaseKind.HOTFIX);
        assertThat(r.artifact()).isEqualTo(dir.resolve("build/agent.tar.gz").toString());
        assertThat(r.installScript()).isEqualTo("tar -xzf \"$1\" -C /opt/camos");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void aMisspeltKeyAnUnknownKindOrNoJsonAreOneSentenceEach() throws Exception {
        assertThatThrownBy(() -> ReleaseFile.read(write("{\"name\": \"a\", \"versoin\": \"1\"}")))
                .isInstanceOf(Problem.class).hasMessageContaining("versoin");
        assertThatThrownBy(() -> ReleaseFile.read(write("{\"name\": \"a\", \"kind\": \"rocket\"}")))
                .isInstanceOf(Problem.class).hasMessageContaining("'rocket'");
        assertThatThrownBy(() -> ReleaseFile.read(write("name: a")))
                .isInstanceOf(Problem.class).hasMessageContaining("is not valid");
        // A file that is not there is said to be missing, not to be unreadable.
        assertThatThrownBy(() -> ReleaseFile.read(dir.resolve("missing.json")))
                .isInstanceOf(Problem.class).hasMessageContaining("does not exist")
                .hasMessageNotContaining("cannot be read");
    }

    private static final String GOOD = """
            {"name": "camos-agent", "version": "6.5.1", "kind": "patch", "artifact": "%s",
             "sha256": "%s", "install": "install.sh", "healthCheck": "selftest", "rollback": "rollback.sh"}
            """;

    private Path release(String artifact) throws Exception {
        return write(GOOD.formatted(artifact, "ab".repeat(32)));
    }

    @Test
    void everyValueIsAJsonStringSoThatANumberIsNeverRunAsAScript() throws Exception {
        // "healthCheck": 5 ran sh -c 5 on every camera.
        for (String[] bad : new String[][]{{"\"selftest\"", "5"}, {"\"install.sh\"", "true"},
                {"\"rollback.sh\"", "null"}, {"\"6.5.1\"", "6.51"}, {"\"selftest\"", "[\"selftest\"]"}}) {
            Path f = write(Files.readString(release("agent.tar.gz")).replace(bad[0], bad[1]));
            assertThatThrownBy(() -> ReleaseFile.read(f)).as(bad[1]).isInstanceOf(Problem.class)
                    .hasMessageContaining("not as a JSON string")
                    .satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.BAD_INPUT));
        }
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws Exception {
        Path f = write(Files.readString(release("agent.tar.gz"))
                .replace("\"healthCheck\": \"selftest\"", "\"healthCheck\": \"selftest\", \"healthCheck\": \"true\""));
        assertThatThrownBy(() -> ReleaseFile.read(f)).isInstanceOf(Problem.class)
                .hasMessageContaining("Duplicate field 'healthCheck'");
    }

    @Test
    void aRelativeArtifactStaysInTheReleaseFilesFolderLinksResolved() throws Exception {
        Path releases = Files.createDirectories(dir.resolve("releases"));
        Files.writeString(dir.resolve("secret"), "not for the cameras");
        Files.createDirectories(releases.resolve("build"));
        Files.writeString(releases.resolve("build/agent.tar.gz"), "agent");
        Files.createSymbolicLink(releases.resolve("build/link.tar.gz"), dir.resolve("secret"));
        Files.createSymbolicLink(releases.resolve("up"), dir);
        Files.createSymbolicLink(releases.resolve("current.tar.gz"), releases.resolve("build/agent.tar.gz"));
        for (String outside : List.of("../../etc/passwd", "../secret", "build/../../secret", "build/link.tar.gz",
                "up/secret")) {
            Path f = releases.resolve("release.json");
            Files.writeString(f, GOOD.formatted(outside, "ab".repeat(32)));
            assertThatThrownBy(() -> ReleaseFile.read(f)).as(outside).isInstanceOf(Problem.class)
                    .hasMessageContaining("outside the file's folder " + releases);
        }
        Path f = releases.resolve("release.json");
        Files.writeString(f, GOOD.formatted("build/./agent.tar.gz", "ab".repeat(32)));
        assertThat(ReleaseFile.read(f).artifact()).isEqualTo(releases.resolve("build/agent.tar.gz").toString());
        Files.writeString(f, GOOD.formatted("current.tar.gz", "ab".repeat(32)));
        assertThat(ReleaseFile.read(f).artifact()).isEqualTo(releases.resolve("current.tar.gz").toString());
        // An absolute path is the operator's explicit choice: taken as given, and shown in the dry run.
        Files.writeString(f, GOOD.formatted(dir.resolve("secret"), "ab".repeat(32)));
        assertThat(ReleaseFile.read(f).artifact()).isEqualTo(dir.resolve("secret").toString());
    }

    @Test
    void anEndlessOrSpecialFileIsNotReadAsAReleaseFile() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> ReleaseFile.read(Path.of("/dev/zero"))).isInstanceOf(Problem.class)
                    .hasMessageContaining("not a regular file");
            assertThatThrownBy(() -> ReleaseFile.read(dir)).isInstanceOf(Problem.class)
                    .hasMessageContaining("not a regular file");
        });
    }
}
