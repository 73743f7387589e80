package io.camfleet.console.domain.backup;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.camfleet.console.domain.backup.DiffRow.Change.ADDED;
import static io.camfleet.console.domain.backup.DiffRow.Change.CHANGED;
import static io.camfleet.console.domain.backup.DiffRow.Change.REMOVED;
import static io.camfleet.console.domain.backup.DiffRow.Change.SAME;
import static org.assertj.core.api.Assertions.assertThat;

class LineDiffTest {

    @Test
    void aChangedARemovedAndAnAddedLineAreShownSideBySide() {
        // By hand: left a b c d e, right a x c e f. The longest common subsequence is a c e. Between a and c, b
        // (left) against x (right): one line each side, paired as CHANGED. Between c and e, d is left only: REMOVED.
        // After e, f is right only: ADDED. Line numbers count each side on its own.
        List<DiffRow> rows = LineDiff.rows(List.of("a", "b", "c", "d", "e"), List.of("a", "x", "c", "e", "f"));

        assertThat(rows).containsExactly(
                new DiffRow(SAME, 1, "a", 1, "a"),
                new DiffRow(CHANGED, 2, "b", 2, "x"),
                new DiffRow(SAME, 3, "c", 3, "c"),
                new DiffRow(REMOVED, 4, "d", 0, ""),
                new DiffRow(SAME, 5, "e", 4, "e"),
                new DiffRow(ADDED, 0, "", 5, "f"));
    }

    @Test
    void twoRemovedLinesAgainstOneAddedPairTheFirstAndRemoveTheSecond() {
        // By hand: head "port=1" and tail "end" are common; the middle is [user=a, pass=b] against [user=c]: the
        // first of each side pair as CHANGED, pass=b is left over as REMOVED.
        List<DiffRow> rows = LineDiff.rows(List.of("port=1", "user=a", "pass=b", "end"),
                List.of("port=1", "user=c", "end"));

        assertThat(rows).containsExactly(
                new DiffRow(SAME, 1, "port=1", 1, "port=1"),
                new DiffRow(CHANGED, 2, "user=a", 2, "user=c"),
                new DiffRow(REMOVED, 3, "pass=b", 0, ""),
                new DiffRow(SAME, 4, "end", 3, "end"));
    }

    @Test
    void aFileAddedWholeIsAllAddedRows() {
        assertThat(LineDiff.rows(List.of(), List.of("one", "two"))).containsExactly(
                new DiffRow(ADDED, 0, "", 1, "one"),
                new DiffRow(ADDED, 0, "", 2, "two"));
        assertThat(LineDiff.rows(List.of("same"), List.of("same"))).containsExactly(
                new DiffRow(SAME, 1, "same", 1, "same"));
    }

    @Test
    void twoLargeFilesWithNothingInCommonAreShownReplacedWithoutBuildingAHugeTable() {
        // 5000 x 5000 lines would be a 25 M cell table, over the 16 M bound: the middle is shown replaced whole.
        List<String> left = IntStream.range(0, 5000).mapToObj(i -> "left " + i).toList();
        List<String> right = IntStream.range(0, 5000).mapToObj(i -> "right " + i).toList();

        List<DiffRow> rows = LineDiff.rows(left, right);

        assertThat(rows).hasSize(5000).allMatch(r -> r.change() == CHANGED);
        assertThat(rows.get(4999)).isEqualTo(new DiffRow(CHANGED, 5000, "left 4999", 5000, "right 4999"));
    }
}
