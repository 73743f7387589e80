package io.camfleet.console.domain.backup;

import java.util.Objects;

/**
 * One row of a side-by-side diff: a line of the older file on the left, of the newer on the right.
 *
 * @param change    SAME (both sides), REMOVED (left only), ADDED (right only), CHANGED (a left line replaced by the
 *                  right one)
 * @param leftLine  1-based line number on the left; 0 when the left side is empty
 * @param left      the left line; "" when empty
 * @param rightLine 1-based line number on the right; 0 when the right side is empty
 * @param right     the right line; "" when empty
 */
public record DiffRow(Change change, int leftLine, String left, int rightLine, String right) {

    public DiffRow {
        Objects.requireNonNull(change, "change");
        left = Objects.requireNonNullElse(left, "");
        right = Objects.requireNonNullElse(right, "");
    }

    public enum Change {
        SAME, REMOVED, ADDED, CHANGED
    }
}
