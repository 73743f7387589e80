package io.camfleet.console.adapter.files;

import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataFolderTest {

    @TempDir
    Path dir;

    @Test
    void theOptionWinsThenTheEnvironmentThenTheHomeFolder() {
        Path option = dir.resolve("opt");
        assertThat(DataFolder.choose(option, Map.of(DataFolder.ENV, "/srv/cf"), "/home/u")).isEqualTo(option);
        assertThat(DataFolder.choose(null, Map.of(DataFolder.ENV, "/srv/cf"), "/home/u")).isEqualTo(Path.of("/srv/cf"));
        assertThat(DataFolder.choose(null, Map.of(DataFolder.ENV, " "), "/home/u"))
                .isEqualTo(Path.of("/home/u/.camfleet"));
        assertThat(DataFolder.choose(null, Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.camfleet"));
    }

    @Test
    void preparingCreatesTheFolderAndLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("a/b/c");
        DataFolder f = DataFolder.prepare(target);
        assertThat(f.path()).isDirectory();
        try (var files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsAOneLineProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("in-the-way"), "keep me");
        Path target = file.resolve("data");
        assertThatThrownBy(() -> DataFolder.prepare(target))
                .isInstanceOf(Problem.class)
                .satisfies(e -> assertThat(((Problem) e).key()).isEqualTo("problem.dataFolderNotWritable"))
                .hasMessageContaining(target.toString())
                .hasMessageContaining("--data-dir")
                .hasMessageNotContaining("\n");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }
}
