package io.camfleet.console.domain.backup;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a camera's configuration folder, as the store keeps it.
 *
 * @param cameraId     the camera system it was read from
 * @param number       1, 2, ... per camera, in the order taken
 * @param takenAt      when it was read
 * @param takenBy      the operator who took it
 * @param checksum     SHA-256 over its sorted paths and their files' checksums ({@link VersionChecksum}): two versions
 *                     with equal checksums hold the same files
 * @param files        how many files it holds
 * @param bytes        their total size
 * @param restoredFrom the version a restore wrote back, of which this one is the read-back; 0 for a plain backup
 * @param copy         where its copy in S3 stands
 */
public record BackupVersion(String cameraId, int number, Instant takenAt, String takenBy, String checksum, int files,
                            long bytes, int restoredFrom, OffsiteCopy copy) {

    public BackupVersion {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(takenAt, "takenAt");
        takenBy = Objects.requireNonNullElse(takenBy, "");
        Objects.requireNonNull(checksum, "checksum");
        copy = Objects.requireNonNullElse(copy, OffsiteCopy.NONE);
    }

    /** This version was taken right after a restore wrote {@link #restoredFrom} back to the camera. */
    public boolean afterRestore() {
        return restoredFrom > 0;
    }

    public BackupVersion withCopy(OffsiteCopy c) {
        return new BackupVersion(cameraId, number, takenAt, takenBy, checksum, files, bytes, restoredFrom, c);
    }
}
