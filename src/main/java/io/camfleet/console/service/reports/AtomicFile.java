package io.camfleet.console.service.reports;

import io.camfleet.console.service.common.Problem;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that it is whole or absent: into a temporary file in the same folder, forced to the disk, then
 * moved over the target in one step. A failure or a cancellation in the middle leaves the old file (or none) and no
 * temporary file behind.
 */
public final class AtomicFile {

    /** What fills the file. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * @return the file written, absolute
     * @throws Problem {@code report.diskFull} when the disk is full; {@code report.files.targetIsFolder} or
     *                 {@code report.files.parentIsFile} (bad input) when the path cannot be a file;
     *                 {@code report.files.denied} when the folder is not writable; {@code report.writeFailed} naming
     *                 the file and why otherwise; a {@link RuntimeException} from {@code body} (a cancellation) passes as it is
     */
    public static Path write(Path target, Body body) {
        Path file = target.toAbsolutePath();
        Path folder = file.getParent();
        Path temp = null;
        try {
            if (folder == null || Files.isDirectory(file)) {
                throw Problem.badInput("report.files.targetIsFolder", file);
            }
            Path notAFolder = fileOnTheWay(folder);
            if (notAFolder != null) {
                throw Problem.badInput("report.files.parentIsFile", file, notAFolder);
            }
            Files.createDirectories(folder);
            sweepLeftovers(folder, file);
            temp = folder.resolve(tempName(file));
            // CREATE_NEW, not createTempFile: that one makes the file owner-only (rw-------), and the report would
            // keep that mode after the move.
            try (OutputStream raw = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
                body.write(out);
            }
            keepPermissions(file, temp);
            try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            forceFolder(folder);
            return file;
        } catch (IOException e) {
            if (full(e)) {
                throw new Problem(e, "report.diskFull", folder);
            }
            if (e instanceof AccessDeniedException) {
                throw new Problem(e, "report.files.denied", file, folder);
            }
            String why = e instanceof NoSuchFileException ? "the folder does not exist" : e.getMessage();
            throw new Problem(e, "report.writeFailed", file, why == null ? e.getClass().getSimpleName() : why);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more can be done; the temporary file is hidden and named after its target
                }
            }
        }
    }

    /**
     * Hidden, named after the target so that a leftover says whose it is, and short enough to fit beside a target
     * whose name is already as long as the folder allows (255 bytes).
     */
    static String tempName(Path file) {
        String name = file.getFileName().toString();
        int keep = name.offsetByCodePoints(0, Math.min(name.codePointCount(0, name.length()), 40));
        return "." + name.substring(0, keep) + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".part";
    }

    /**
     * Deletes the temporary files of earlier writes of the same target that a console killed in the middle (kill -9,
     * a power cut) left behind. Only those untouched for {@link #LEFTOVER_AGE}: a write of the same file running in
     * another console right now keeps its own.
     */
    static void sweepLeftovers(Path folder, Path file) {
        String name = file.getFileName().toString();
        int keep = name.offsetByCodePoints(0, Math.min(name.codePointCount(0, name.length()), 40));
        String prefix = "." + name.substring(0, keep) + ".";
        long before = System.currentTimeMillis() - LEFTOVER_AGE.toMillis();
        try (var entries = Files.newDirectoryStream(folder, e -> {
            String n = e.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".part")
                    && n.substring(prefix.length(), n.length() - ".part".length()).matches("[0-9a-f]{1,16}");
        })) {
            for (Path leftover : entries) {
                if (Files.getLastModifiedTime(leftover).toMillis() < before) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a leftover that cannot be swept harms nothing but space; the write itself goes on
        }
    }

    static final java.time.Duration LEFTOVER_AGE = java.time.Duration.ofMinutes(10);

    /** The nearest existing ancestor when it is a file, not a folder; null when the path is clear. */
    private static Path fileOnTheWay(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }

    /** A report replacing one that the operator shared (group-writable, say) stays shared. */
    private static void keepPermissions(Path file, Path temp) throws IOException {
        if (Files.isRegularFile(file)) {
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the new file takes the folder's access list, as any new file there does
            }
        }
    }

    /** Makes the rename itself durable. Best effort: some systems (Windows) cannot open a folder to force it. */
    private static void forceFolder(Path folder) {
        try (FileChannel c = FileChannel.open(folder, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // the file is whole in place; only a power cut in the next seconds could undo the rename
        }
    }

    private static boolean full(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.toLowerCase(Locale.ROOT).contains("no space left on device")
                    || m.toLowerCase(Locale.ROOT).contains("disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
