package io.camfleet.console.service.backup;

import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.OffsiteCopy;
import io.camfleet.console.domain.backup.TakenFile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Port: the versions of the cameras' configuration folders, with their files' bytes. */
public interface BackupStore {

    /**
     * Stores a version with all its files in one durable transaction: all of it or nothing. It is numbered after the
     * camera's latest ({@code version.number()} is not used).
     *
     * @return the version as stored, with its number
     */
    BackupVersion add(BackupVersion version, List<TakenFile> files);

    /** The camera's versions, newest first. */
    List<BackupVersion> versions(String cameraId);

    Optional<BackupVersion> version(String cameraId, int number);

    Optional<BackupVersion> latest(String cameraId);

    /** The files of a version with their bytes, in path order; empty when there is no such version. */
    List<TakenFile> files(String cameraId, int number);

    /** Records where the version's S3 copy stands. */
    void recordCopy(String cameraId, int number, OffsiteCopy copy);

    /** When each camera's latest version was taken, for every camera that has one. */
    Map<String, Instant> lastBackups();

    /**
     * The versions of these cameras taken in [from, to), at most {@code limit}, the latest kept, in any order: for
     * the site timeline.
     */
    List<BackupVersion> between(Set<String> cameraIds, Instant from, Instant to, int limit);
}
