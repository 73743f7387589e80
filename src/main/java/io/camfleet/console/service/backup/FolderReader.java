package io.camfleet.console.service.backup;

import io.camfleet.console.domain.backup.TakenFile;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteEntry;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a camera's configuration folder over SFTP, bounded: at most {@code maxFiles} files and
 * {@code maxVersionBytes} bytes in all, or the whole read is refused (a version is never a cut folder). Symbolic
 * links are not followed nor kept, nor are devices and sockets: they are named as skipped.
 */
final class FolderReader {

    /** Past this depth a folder is a loop or a hostile tree, not a configuration. */
    static final int MAX_DEPTH = 32;
    /** The longest path kept (the store's column); longer is refused, never cut. */
    static final int MAX_PATH = 4096;

    /** What was read: the files in path order, and the entries neither a file nor a folder. */
    record Read(List<TakenFile> files, List<String> skipped) {
    }

    private final HostSession session;
    private final String cameraId;
    private final BackupSettings settings;
    private final List<TakenFile> files = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private long bytes;
    private int entries;

    private FolderReader(HostSession session, String cameraId, BackupSettings settings) {
        this.session = session;
        this.cameraId = cameraId;
        this.settings = settings;
    }

    /**
     * @throws Problem BAD_INPUT {@code backup.tooLarge}, {@code backup.tooManyFiles}, {@code backup.badName}; the
     *                 session's own (connection lost, folder missing) as they come
     */
    static Read read(HostSession session, String cameraId, BackupSettings settings) {
        FolderReader reader = new FolderReader(session, cameraId, settings);
        reader.walk("", 0);
        return new Read(List.copyOf(reader.files), List.copyOf(reader.skipped));
    }

    private void walk(String relative, int depth) {
        if (depth > MAX_DEPTH) {
            throw Problem.badInput("backup.tooDeep", cameraId, settings.configFolder(), relative, MAX_DEPTH);
        }
        for (RemoteEntry e : session.list(remote(settings, relative))) {
            String path = relative.isEmpty() ? e.name() : relative + "/" + e.name();
            checkName(e.name(), path);
            // Folders count too: a tree of empty folders is as hostile as too many files.
            if (++entries > settings.maxFiles()) {
                throw Problem.badInput("backup.tooManyFiles", cameraId, settings.configFolder(), settings.maxFiles());
            }
            if (e.folder()) {
                walk(path, depth + 1);
            } else if (e.regular()) {
                file(path, e.size());
            } else {
                skipped.add(path);
            }
        }
    }

    private void file(String path, long listedSize) {
        long room = settings.maxVersionBytes() - bytes;
        if (listedSize > room) {
            throw tooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(listedSize, room));
        // One byte past the room: a file that grew since it was listed is caught, not cut.
        long copied = session.copy(remote(settings, path), out, room + 1);
        if (copied > room) {
            throw tooLarge();
        }
        bytes += copied;
        files.add(TakenFile.of(path, out.toByteArray()));
    }

    private Problem tooLarge() {
        return Problem.badInput("backup.tooLarge", cameraId, settings.configFolder(), settings.maxVersionBytes());
    }

    /**
     * A name that would point elsewhere when written back ({@code ..}, a {@code /}), or that no file system holds (a
     * NUL, empty), comes from a broken or hostile server: the read is refused. Any other name (spaces, quotes, new
     * lines, {@code $(...)}) is kept as it is: SFTP takes it as one literal path, no shell reads it.
     */
    private void checkName(String name, String path) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0 || path.length() > MAX_PATH) {
            throw Problem.badInput("backup.badName", cameraId, printable(path));
        }
    }

    /** The name as a sentence can show it: control characters written as {@code \\uXXXX}. */
    static String printable(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.length() > 200 ? b.substring(0, 200) + "…" : b.toString();
    }

    /** The remote path of {@code relative} below the configuration folder. */
    static String remote(BackupSettings settings, String relative) {
        String root = settings.configFolder().endsWith("/") && settings.configFolder().length() > 1
                ? settings.configFolder().substring(0, settings.configFolder().length() - 1) : settings.configFolder();
        return relative.isEmpty() ? root : root + "/" + relative;
    }
}
