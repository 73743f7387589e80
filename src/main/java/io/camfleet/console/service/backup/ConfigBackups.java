package io.camfleet.console.service.backup;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.backup.BackupOutcome;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.ConfigDiff;
import io.camfleet.console.domain.backup.ConfigDiffs;
import io.camfleet.console.domain.backup.OffsiteCopy;
import io.camfleet.console.domain.backup.RestoreReport;
import io.camfleet.console.domain.backup.TakenFile;
import io.camfleet.console.domain.backup.VersionChecksum;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteHost;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.timeline.SiteHistorySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
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

    private static final Logger LOG = LoggerFactory.getLogger(ConfigBackups.class);
    /** Cameras read at once: enough to back up a site in seconds, few enough for a jump host and the store. */
    static final int PARALLEL = 8;

    private final BackupStore store;
    private final AuditService audit;
    private final Clock clock;
    private final Supplier<BackupSettings> settings;
    private final OffsiteCopies offsite;
    private final Messages messages;

    public ConfigBackups(BackupStore store, AuditService audit, Clock clock, Supplier<BackupSettings> settings,
                         OffsiteCopies offsite, Messages messages) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.offsite = offsite;
        this.messages = messages;
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
        BackupSettings cfg = settings.get();
        Semaphore slots = new Semaphore(PARALLEL);
        List<BackupOutcome> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<BackupOutcome>> running = new ArrayList<>();
            for (Target t : targets) {
                running.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return backupOne(t, connector, sshUser, cfg);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (int i = 0; i < targets.size(); i++) {
                outcomes.add(outcome(targets.get(i), running.get(i)));
            }
        }
        return outcomes;
    }

    private BackupOutcome outcome(Target t, Future<BackupOutcome> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(t.cameraId(), new Problem(e, "backup.failed", t.cameraId(), "interrupted"));
        } catch (ExecutionException e) {
            return failed(t.cameraId(), new Problem(e.getCause(), "backup.failed", t.cameraId(), e.getCause()));
        }
    }

    private BackupOutcome backupOne(Target t, HostConnector connector, String sshUser, BackupSettings cfg) {
        RemoteHost host = host(t, sshUser);
        Optional<String> cannot = connector.cannotReach(host);
        if (cannot.isPresent()) {
            return new BackupOutcome(t.cameraId(), BackupOutcome.Result.FAILED, null,
                    messages.text("backup.cannotReach", t.cameraId(), cannot.get()), List.of());
        }
        Map<String, String> parameters = Map.of("folder", cfg.configFolder());
        AuditEvent started = audit.record(AuditActions.BACKUP_TAKE, t.cameraId(), parameters, AuditOutcome.STARTED);
        Map<String, String> after = new TreeMap<>(parameters);
        after.put("startedSeq", Long.toString(started.seq()));
        BackupOutcome outcome;
        try (HostSession session = connector.open(host)) {
            outcome = keep(t.cameraId(), FolderReader.read(session, t.cameraId(), cfg), cfg, 0);
        } catch (RuntimeException e) {
            Problem p = e instanceof Problem known ? known : new Problem(e, "backup.failed", t.cameraId(), e);
            after.put("error", p.getMessage());
            audit.record(AuditActions.BACKUP_TAKE, t.cameraId(), after, AuditOutcome.FAILED);
            LOG.warn("Config backup of {} failed: {}", t.cameraId(), p.getMessage());
            return failed(t.cameraId(), p);
        }
        after.put("result", outcome.result().name());
        after.put("version", Integer.toString(outcome.version().number()));
        after.put("checksum", outcome.version().checksum());
        audit.record(AuditActions.BACKUP_TAKE, t.cameraId(), after, AuditOutcome.SUCCEEDED);
        return outcome;
    }

    private BackupOutcome failed(String cameraId, Problem p) {
        return new BackupOutcome(cameraId, BackupOutcome.Result.FAILED, null, messages.text(p), List.of());
    }

    /**
     * Stores what was read as a new version, unless it is the latest's content; then puts it to S3 if configured.
     * The version is stored first: S3 failing never loses it, and is recorded on it.
     */
    BackupOutcome keep(String cameraId, FolderReader.Read read, BackupSettings cfg, int restoredFrom) {
        String checksum = VersionChecksum.of(read.files().stream().map(TakenFile::file).toList());
        Optional<BackupVersion> latest = store.latest(cameraId);
        if (latest.isPresent() && latest.get().checksum().equals(checksum)) {
            return new BackupOutcome(cameraId, BackupOutcome.Result.UNCHANGED, latest.get(), "", read.skipped());
        }
        long bytes = read.files().stream().mapToLong(f -> f.file().size()).sum();
        BackupVersion v = store.add(new BackupVersion(cameraId, 0, clock.instant(), audit.operator().osUser(),
                checksum, read.files().size(), bytes, restoredFrom,
                cfg.offsite() ? OffsiteCopy.PENDING : OffsiteCopy.NONE), read.files());
        if (cfg.offsite()) {
            OffsiteCopy copy;
            try {
                copy = OffsiteCopy.stored(offsite.put(cfg, v, VersionZip.of(v, read.files())));
            } catch (RuntimeException e) {
                String why = e instanceof Problem p ? messages.text(p) : String.valueOf(e);
                LOG.warn("Config backup v{} of {} is stored, its S3 copy failed: {}", v.number(), cameraId, why);
                copy = OffsiteCopy.failed(why);
            }
            store.recordCopy(cameraId, v.number(), copy);
            v = v.withCopy(copy);
        }
        return new BackupOutcome(cameraId, BackupOutcome.Result.NEW_VERSION, v, "", read.skipped());
    }

    /** The camera's versions, newest first. */
    public List<BackupVersion> versions(String cameraId) {
        return store.versions(cameraId);
    }

    /**
     * Two versions side by side, file by file: added, removed, changed files, line by line for text, binary files
     * named only.
     *
     * @throws Problem BAD_INPUT {@code backup.noVersion} naming a missing version
     */
    public ConfigDiff diff(String cameraId, int older, int newer) {
        version(cameraId, older);
        version(cameraId, newer);
        return ConfigDiffs.between(cameraId, older, store.files(cameraId, older), newer,
                store.files(cameraId, newer));
    }

    /**
     * The camera's version {@code number}.
     *
     * @throws Problem BAD_INPUT {@code backup.noVersion}
     */
    public BackupVersion version(String cameraId, int number) {
        return store.version(cameraId, number).orElseThrow(() -> Problem.badInput("backup.noVersion", cameraId,
                number));
    }

    /**
     * Writes version {@code number} back to the camera (see {@link ConfigRestore}): what the camera holds now is kept
     * as a version first, then each file is written atomically, files the version does not have are removed, every
     * file is read back and checked, and what was read back is the new latest version. Audited before and after
     * ({@code backup.restore}).
     *
     * @param confirmed the operator confirmed this restore; without it nothing is done
     * @throws Problem BAD_INPUT {@code backup.confirm} when not confirmed, {@code backup.noVersion};
     *                 {@code backup.restoreFailed} naming the camera and the files written before it failed
     */
    public RestoreReport restore(Target target, int number, boolean confirmed, HostConnector connector,
                                 String sshUser) {
        if (!confirmed) {
            throw Problem.badInput("backup.confirm", target.cameraId(), number);
        }
        BackupVersion v = version(target.cameraId(), number);
        List<TakenFile> files = store.files(target.cameraId(), number);
        BackupSettings cfg = settings.get();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("version", Integer.toString(number));
        parameters.put("checksum", v.checksum());
        parameters.put("folder", cfg.configFolder());
        return audit.perform(AuditActions.BACKUP_RESTORE, target.cameraId(), parameters,
                () -> new ConfigRestore(this, cfg, v, files).run(connector, host(target, sshUser)));
    }

    /** When each camera's latest version was taken, for every camera that has one. */
    public Map<String, Instant> lastBackups() {
        return store.lastBackups();
    }

    /** How long ago each of these cameras was last backed up; a camera never backed up is absent. */
    public Map<String, Duration> lastBackupAges(Collection<String> cameraIds) {
        Map<String, Instant> last = store.lastBackups();
        Instant now = clock.instant();
        Map<String, Duration> ages = new LinkedHashMap<>();
        for (String id : cameraIds) {
            Instant at = last.get(id);
            if (at != null) {
                ages.put(id, Duration.between(at, now));
            }
        }
        return ages;
    }

    /** How long ago the camera was last backed up; empty when never. */
    public Optional<Duration> lastBackupAge(String cameraId) {
        return store.latest(cameraId).map(v -> Duration.between(v.takenAt(), clock.instant()));
    }

    /** The backups and restores of a site's cameras, for its timeline (kind CONFIG). */
    public SiteHistorySource history() {
        return new BackupHistory(store, messages);
    }

    Messages messages() {
        return messages;
    }

    static RemoteHost host(Target t, String sshUser) {
        return new RemoteHost(t.cameraId(), t.address(), t.jumpHost(), sshUser == null ? "" : sshUser);
    }
}
