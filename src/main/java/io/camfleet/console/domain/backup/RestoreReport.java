package io.camfleet.console.domain.backup;

import java.util.List;

/**
 * What a restore did on one camera.
 *
 * @param cameraId  the camera system
 * @param restored  the version written back
 * @param before    the version holding what the camera had just before (new, or its latest when unchanged)
 * @param written   the paths written, in order
 * @param removed   the paths removed: files the camera had that the restored version does not
 * @param readBack  the version taken right after, which now holds the camera's configuration (its checksum equals the
 *                  restored version's)
 */
public record RestoreReport(String cameraId, int restored, BackupVersion before, List<String> written, List<String> removed,
                            BackupVersion readBack) {

    public RestoreReport {
        written = List.copyOf(written);
        removed = List.copyOf(removed);
    }
}
