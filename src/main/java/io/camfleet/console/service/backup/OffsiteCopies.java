package io.camfleet.console.service.backup;

import io.camfleet.console.domain.backup.BackupVersion;

/** Port: where versions are copied off the console's machine (S3). */
public interface OffsiteCopies {

    /** Copies nowhere: no bucket is configured. */
    OffsiteCopies NONE = (settings, version, zip) -> {
        throw new IllegalStateException("No offsite copy is configured");
    };

    /**
     * Puts the zip of a version under {@code prefix/camera/version.zip} with the version's checksum as metadata.
     *
     * @return the object's key
     * @throws io.camfleet.console.service.common.Problem naming the bucket and why, when the put fails
     */
    String put(BackupSettings settings, BackupVersion version, byte[] zip);
}
