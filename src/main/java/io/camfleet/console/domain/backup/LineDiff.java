package io.camfleet.console.domain.backup;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side line diff by longest common subsequence. The common head and tail are taken off first, so that a
 * small edit to a large file costs little; when what is left would still need more than {@link #MAX_CELLS} cells,
 * the middle is shown as replaced whole rather than held in memory. Within each run of removed and added lines, the
 * first lines of each side are paired as CHANGED, the rest REMOVED or ADDED.
 */
public final class LineDiff {

    /** The largest LCS table built: 16 M cells of 4 bytes, 64 MB at most. */
    static final long MAX_CELLS = 16L * 1024 * 1024;

    private LineDiff() {
    }

    /** The rows of {@code left} against {@code right}, every line of both in order. */
    public static List<DiffRow> rows(List<String> left, List<String> right) {
        int head = 0;
        while (head < left.size() && head < right.size() && left.get(head).equals(right.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < left.size() - head && tail < right.size() - head
                && left.get(left.size() - 1 - tail).equals(right.get(right.size() - 1 - tail))) {
            tail++;
        }
        List<DiffRow> rows = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            rows.add(new DiffRow(DiffRow.Change.SAME, i + 1, left.get(i), i + 1, right.get(i)));
        }
        List<String> a = left.subList(head, left.size() - tail);
        List<String> b = right.subList(head, right.size() - tail);
        middle(a, b, head, head, rows);
        for (int k = tail; k > 0; k--) {
            int li = left.size() - k;
            int ri = right.size() - k;
            rows.add(new DiffRow(DiffRow.Change.SAME, li + 1, left.get(li), ri + 1, right.get(ri)));
        }
        return rows;
    }

    private static void middle(List<String> a, List<String> b, int aOffset, int bOffset, List<DiffRow> rows) {
        int n = a.size();
        int m = b.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            run(a, 0, n, aOffset, b, 0, m, bOffset, rows);
            return;
        }
        // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int runA = 0;
        int runB = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                run(a, runA, i, aOffset, b, runB, j, bOffset, rows);
                rows.add(new DiffRow(DiffRow.Change.SAME, aOffset + i + 1, a.get(i), bOffset + j + 1, b.get(j)));
                i++;
                j++;
                runA = i;
                runB = j;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                j++;
            } else {
                i++;
            }
        }
        run(a, runA, n, aOffset, b, runB, m, bOffset, rows);
    }

    /** One run of lines a[fromA..toA) removed and b[fromB..toB) added, paired first to first as CHANGED. */
    private static void run(List<String> a, int fromA, int toA, int aOffset, List<String> b, int fromB, int toB,
                            int bOffset, List<DiffRow> rows) {
        int i = fromA;
        int j = fromB;
        while (i < toA || j < toB) {
            if (i < toA && j < toB) {
                rows.add(new DiffRow(DiffRow.Change.CHANGED, aOffset + i + 1, a.get(i), bOffset + j + 1, b.get(j)));
                i++;
                j++;
            } else if (i < toA) {
                rows.add(new DiffRow(DiffRow.Change.REMOVED, aOffset + i + 1, a.get(i), 0, ""));
                i++;
            } else {
                rows.add(new DiffRow(DiffRow.Change.ADDED, 0, "", bOffset + j + 1, b.get(j)));
                j++;
            }
        }
    }
}
