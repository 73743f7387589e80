package io.camfleet.console.service.backup;

import io.camfleet.console.domain.backup.BackupOutcome;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.ConfigDiff;
import io.camfleet.console.domain.backup.RestoreReport;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.timeline.SiteHistorySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Config backups of the cameras: each camera's configuration folder read over SFTP as a version (kept in the store,
 * and put to S3 where configured), any two versions diffed side by side, a version restored with confirmation and
 * audit, and the age of each camera's last backup.
 *
 * <p>Configuration files are stored as they are, secrets included, because a restore must give back exactly what was
 * there; their content is never logged nor put in an audit event.
 */
public final class ConfigBackups {

    private final BackupStore store;
    private final AuditService audit;
    private final Clock clock;
    private final Supplier<BackupSettings> settings;
    private final OffsiteCopies offsite;

    public ConfigBackups(BackupStore store, AuditService audit, Clock clock, Supplier<BackupSettings> settings,
                         OffsiteCopies offsite) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.offsite = offsite;
    }

    /**
     * Backs up each target's configuration folder, logging in as {@code sshUser} through {@code connector}: a new
     * version when it differs from the camera's latest, UNCHANGED (nothing added) when its checksum is the latest's,
     * or FAILED with one sentence (nothing stored). One camera failing never stops the others. Audited per camera
     * ({@code backup.take}).
     *
     * @return one outcome per target, in the targets' order
     */
    public List<BackupOutcome> backup(List<Target> targets, HostConnector connector, String sshUser) {
        throw new UnsupportedOperationException("API commit: implemented in the next commit");
    }

    /** The camera's versions, newest first. */
    public List<BackupVersion> versions(String cameraId) {
        return store.versions(cameraId);
    }

    /**
     * Two versions side by side, file by file: added, removed, changed files, line by line for text, binary files
     * named only.
     *
     * @throws io.camfleet.console.service.common.Problem BAD_INPUT {@code backup.noVersion} naming a missing version
     */
    public ConfigDiff diff(String cameraId, int older, int newer) {
        throw new UnsupportedOperationException("API commit: implemented in the next commit");
    }

    /**
     * Writes version {@code number} back to the camera: each file atomically, files the version does not have removed,
     * each checked by reading its checksum back; then takes a new version, so that the restored state is the latest.
     * Audited before and after ({@code backup.restore}).
     *
     * @param confirmed the operator confirmed this restore; without it nothing is done
     * @throws io.camfleet.console.service.common.Problem BAD_INPUT {@code backup.confirm} when not confirmed,
     *         {@code backup.noVersion}; {@code backup.restoreFailed} naming the camera and the files written before it
     *         failed
     */
    public RestoreReport restore(Target target, int number, boolean confirmed, HostConnector connector,
                                 String sshUser) {
        throw new UnsupportedOperationException("API commit: implemented in the next commit");
    }

    /** When each camera's latest version was taken, for every camera that has one. */
    public Map<String, Instant> lastBackups() {
        return store.lastBackups();
    }

    /** How long ago each of these cameras was last backed up; a camera never backed up is absent. */
    public Map<String, Duration> lastBackupAges(Collection<String> cameraIds) {
        throw new UnsupportedOperationException("API commit: implemented in the next commit");
    }

    /** How long ago the camera was last backed up; empty when never. */
    public Optional<Duration> lastBackupAge(String cameraId) {
        return store.latest(cameraId).map(v -> Duration.between(v.takenAt(), clock.instant()));
    }

    /** The backups and restores of a site's cameras, for its timeline (kind CONFIG). */
    public SiteHistorySource history() {
        throw new UnsupportedOperationException("API commit: implemented in the next commit");
    }
}
