package io.camfleet.console.adapter.files;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.service.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThatThrownBy(() -> ReleaseFile.read(dir.resolve("missing.json")))
                .isInstanceOf(Problem.class).hasMessageContaining("cannot be read");
    }
}
