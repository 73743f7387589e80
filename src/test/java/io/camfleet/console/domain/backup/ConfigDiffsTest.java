package io.camfleet.console.domain.backup;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.camfleet.console.domain.backup.DiffRow.Change.ADDED;
import static io.camfleet.console.domain.backup.DiffRow.Change.CHANGED;
import static io.camfleet.console.domain.backup.DiffRow.Change.REMOVED;
import static io.camfleet.console.domain.backup.DiffRow.Change.SAME;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigDiffsTest {

    private static TakenFile text(String path, String content) {
        return TakenFile.of(path, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void filesAddedRemovedChangedAndUnchangedAreListedInPathOrderAndBinaryOnesNamedNotDiffed() {
        List<TakenFile> v1 = List.of(text("camera.conf", "fps=25\nres=1080p\n"), text("old.conf", "gone=1\n"),
                TakenFile.of("cert.der", new byte[]{0x30, (byte) 0x82, 0, 1}), text("same.conf", "x=1\n"));
        List<TakenFile> v2 = List.of(text("camera.conf", "fps=30\nres=1080p\n"), text("new.conf", "added=1\n"),
                TakenFile.of("cert.der", new byte[]{0x30, (byte) 0x82, 0, 2}), text("same.conf", "x=1\n"));

        ConfigDiff diff = ConfigDiffs.between("cam-1", 1, v1, 2, v2);

        assertThat(diff.files()).extracting(FileDiff::path, FileDiff::change, FileDiff::binary).containsExactly(
                org.assertj.core.groups.Tuple.tuple("camera.conf", CHANGED, false),
                org.assertj.core.groups.Tuple.tuple("cert.der", CHANGED, true),
                org.assertj.core.groups.Tuple.tuple("new.conf", ADDED, false),
                org.assertj.core.groups.Tuple.tuple("old.conf", REMOVED, false),
                org.assertj.core.groups.Tuple.tuple("same.conf", SAME, false));
        assertThat(diff.files().get(0).rows()).containsExactly(
                new DiffRow(CHANGED, 1, "fps=25", 1, "fps=30"),
                new DiffRow(SAME, 2, "res=1080p", 2, "res=1080p"));
        assertThat(diff.files().get(1).rows()).as("a binary file is named, not diffed").isEmpty();
        assertThat(diff.files().get(2).rows()).containsExactly(new DiffRow(ADDED, 0, "", 1, "added=1"));
        assertThat(diff.files().get(3).rows()).containsExactly(new DiffRow(REMOVED, 1, "gone=1", 0, ""));
        assertThat(diff.changed()).hasSize(4);
    }

    @Test
    void textIsUtf8WithoutNulAndItsLinesEndWithOrWithoutCarriageReturns() {
        assertThat(ConfigText.binary("ünïcode=ok\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(ConfigText.binary(new byte[]{'a', 0, 'b'})).isTrue();
        assertThat(ConfigText.binary(new byte[]{(byte) 0xff, (byte) 0xfe})).isTrue();
        assertThat(ConfigText.lines("a\r\nb\n".getBytes(StandardCharsets.UTF_8))).containsExactly("a", "b");
        assertThat(ConfigText.lines("a\n\nb".getBytes(StandardCharsets.UTF_8))).containsExactly("a", "", "b");
        assertThat(ConfigText.lines(new byte[0])).isEmpty();
    }
}
