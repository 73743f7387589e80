package io.camfleet.console.app;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real small filesystem (a tmpfs) for a test to fill up: mounting it needs root, which CI has. Where it cannot be
 * mounted the test fails on CI ({@code CI=true}) and is skipped elsewhere with one loud line, never silently. Public
 * for the tests of other packages: the store's, which fill one up under the database alone, and the devices'
 * compliance export.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    public static SmallDisk mount(Path dir, int megabytes) throws Exception {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs",
                dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String message = "a " + megabytes + " MB tmpfs cannot be mounted at " + dir + " (" + out.strip()
                    + "): the full-disk tests need root (CI runs them as root)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("!!! SKIPPED: " + message + " !!!");
            Assumptions.abort(message);
        }
        return new SmallDisk(dir);
    }

    public Path path() {
        return dir;
    }

    /** Fills the disk until at most {@code leaveKb} KB are free. */
    public void fill(long leaveKb) throws IOException {
        FileStore store = Files.getFileStore(dir);
        long toWrite = store.getUsableSpace() - leaveKb * 1024;
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler())) {
            for (long written = 0; written + block.length <= toWrite; written += block.length) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full: what was asked for
        }
    }

    public void free() throws IOException {
        Files.deleteIfExists(filler());
    }

    public Path filler() {
        return dir.resolve(".filler");
    }

    @Override
    public void close() throws Exception {
        new ProcessBuilder("umount", "-l", dir.toString()).redirectErrorStream(true).start().waitFor(30,
                TimeUnit.SECONDS);
    }
}
