package io.camfleet.console.domain.backup;

import java.util.List;

/**
 * Two versions of one camera's configuration, file by file, in path order.
 *
 * @param cameraId the camera system
 * @param older    the left version's number
 * @param newer    the right version's number
 * @param files    every path of either version, unchanged ones included, in path order
 */
public record ConfigDiff(String cameraId, int older, int newer, List<FileDiff> files) {

    public ConfigDiff {
        files = List.copyOf(files);
    }

    /** The files that differ. */
    public List<FileDiff> changed() {
        return files.stream().filter(f -> f.change() != DiffRow.Change.SAME).toList();
    }
}
