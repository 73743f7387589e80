package io.camfleet.console.service.reports;

import io.camfleet.console.service.common.Problem;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

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
     * @throws Problem {@code report.diskFull} when the disk is full, {@code report.writeFailed} naming the file and
     *                 why otherwise; a {@link RuntimeException} from {@code body} (a cancellation) passes as it is
     */
    public static Path write(Path target, Body body) {
        Path file = target.toAbsolutePath();
        Path folder = file.getParent();
        Path temp = null;
        try {
            if (Files.isDirectory(file)) {
                throw new Problem("report.writeFailed", file, "it is a folder");
            }
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + file.getFileName(), ".part");
            try (OutputStream raw = Files.newOutputStream(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
                body.write(out);
            }
            try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return file;
        } catch (IOException e) {
            if (full(e)) {
                throw new Problem(e, "report.diskFull", folder);
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
