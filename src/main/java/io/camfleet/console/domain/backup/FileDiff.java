package io.camfleet.console.domain.backup;

import java.util.List;
import java.util.Objects;

/**
 * How one file differs between two versions.
 *
 * @param path   its path below the configuration folder
 * @param change ADDED (only in the newer), REMOVED (only in the older), CHANGED, or SAME
 * @param binary either side is binary: the file is named, its rows are empty
 * @param rows   the side-by-side rows of a changed text file (every line, unchanged ones included); empty otherwise
 */
public record FileDiff(String path, DiffRow.Change change, boolean binary, List<DiffRow> rows) {

    public FileDiff {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(change, "change");
        rows = List.copyOf(rows);
    }
}
