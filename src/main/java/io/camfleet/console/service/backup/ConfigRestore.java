package io.camfleet.console.service.backup;

import io.camfleet.console.domain.backup.BackupOutcome;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.RestoreReport;
import io.camfleet.console.domain.backup.TakenFile;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteHost;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One restore of a version to a camera, in the order that loses nothing:
 * <ol>
 *   <li>what the camera holds now is read and kept as a version (or found equal to its latest), so that the restore
 *       can itself be undone; a folder that cannot be kept (too large, a hostile name) stops the restore here, before
 *       anything is written;</li>
 *   <li>each file of the version is written, atomically (next to it, then renamed over it);</li>
 *   <li>the files the camera has that the version does not are removed: a file added since (an override, a second
 *       certificate) changes what the camera does, so leaving it would not give back the configuration the operator
 *       chose; it is not lost, the version of step 1 holds it. Symbolic links and devices, never backed up, are left
 *       alone;</li>
 *   <li>the folder is read again and each file's checksum compared with the version's; what was read back is the new
 *       latest version, marked as restored from the chosen one.</li>
 * </ol>
 * A failure at any step names the camera and the files written and removed so far; the caller's audit records it as
 * failed.
 */
final class ConfigRestore {

    private final ConfigBackups backups;
    private final BackupSettings cfg;
    private final BackupVersion version;
    private final List<TakenFile> files;
    private final List<String> written = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();

    ConfigRestore(ConfigBackups backups, BackupSettings cfg, BackupVersion version, List<TakenFile> files) {
        this.backups = backups;
        this.cfg = cfg;
        this.version = version;
        this.files = files;
    }

    RestoreReport run(HostConnector connector, RemoteHost host) {
        String camera = version.cameraId();
        BackupOutcome before;
        try (HostSession session = connector.open(host)) {
            FolderReader.Read now = FolderReader.read(session, camera, cfg);
            before = backups.keep(camera, now, cfg, 0);
            write(session);
            remove(session, now);
            FolderReader.Read back = FolderReader.read(session, camera, cfg);
            verify(back);
            BackupOutcome readBack = backups.keep(camera, back, cfg, version.number());
            return new RestoreReport(camera, version.number(), before.version(), written, removed,
                    readBack.version());
        } catch (RuntimeException e) {
            if (written.isEmpty() && removed.isEmpty()) {
                throw e instanceof Problem p ? p : new Problem(e, "backup.failed", camera, e);
            }
            String why = e instanceof Problem p ? backups.messages().text(p) : String.valueOf(e);
            throw new Problem(e, "backup.restoreFailed", camera, version.number(), written.size(), files.size(),
                    names(written), removed.size(), why);
        }
    }

    private void write(HostSession session) {
        Set<String> folders = new LinkedHashSet<>();
        for (TakenFile f : files) {
            int slash = f.file().path().lastIndexOf('/');
            if (slash > 0) {
                folders.add(f.file().path().substring(0, slash));
            }
        }
        folders.forEach(folder -> session.makeDirectories(FolderReader.remote(cfg, folder)));
        for (TakenFile f : files) {
            session.write(FolderReader.remote(cfg, f.file().path()), f.bytes());
            written.add(f.file().path());
        }
    }

    private void remove(HostSession session, FolderReader.Read now) {
        Set<String> kept = files.stream().map(f -> f.file().path()).collect(Collectors.toSet());
        for (TakenFile f : now.files()) {
            if (!kept.contains(f.file().path())) {
                session.remove(FolderReader.remote(cfg, f.file().path()));
                removed.add(f.file().path());
            }
        }
    }

    /** Every file of the version is back with its checksum, and no other file is there. */
    private void verify(FolderReader.Read back) {
        Map<String, String> wanted = new TreeMap<>();
        files.forEach(f -> wanted.put(f.file().path(), f.file().sha256()));
        Map<String, String> found = new TreeMap<>();
        back.files().forEach(f -> found.put(f.file().path(), f.file().sha256()));
        List<String> wrong = new ArrayList<>();
        for (var e : wanted.entrySet()) {
            if (!e.getValue().equals(found.get(e.getKey()))) {
                wrong.add(e.getKey());
            }
        }
        found.keySet().stream().filter(p -> !wanted.containsKey(p)).forEach(wrong::add);
        if (!wrong.isEmpty()) {
            throw new Problem("backup.verifyFailed", version.cameraId(), version.number(), names(wrong));
        }
    }

    /** Paths for a sentence: the first ten, then how many more. */
    static String names(List<String> paths) {
        if (paths.isEmpty()) {
            return "-";
        }
        String shown = paths.stream().limit(10).map(FolderReader::printable).collect(Collectors.joining(", "));
        return paths.size() > 10 ? shown + " (+" + (paths.size() - 10) + ")" : shown;
    }
}
