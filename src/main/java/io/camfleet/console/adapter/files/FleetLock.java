package io.camfleet.console.adapter.files;

import io.camfleet.console.service.common.Problem;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who keeps the data folder's fleet and settings: the window, a {@code sync}, an {@code import} or an {@code env}
 * change, one at a time. The keeper loads the fleet from its source, syncs it and writes its live ticks to the cache,
 * and the window saves its settings; two keepers would write over each other. Everything else (reading commands, a rollout in its own process) shares the cache without it, through H2's
 * automatic server ({@link io.camfleet.console.adapter.store.CacheDatabase}).
 *
 * <p>An OS lock on {@code fleet.lock}: it goes with the process, so a crash or a kill -9 leaves nothing to clean up.
 */
public final class FleetLock implements AutoCloseable {

    static final String FILE = "fleet.lock";
    /**
     * The lock files this process holds. An OS lock belongs to the process, and closing any channel on its file
     * drops it (POSIX): a second try in the same process must never open the file, only look here.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private FleetLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code folder} (created if needed).
     *
     * @throws Problem {@code problem.cacheAlreadyOpen} when another window, sync or import holds it
     */
    public static FleetLock take(Path folder) {
        return tryTake(folder).orElseThrow(() -> new Problem("problem.cacheAlreadyOpen", folder.toString()));
    }

    /** The lock of {@code folder}, or empty when another window, sync or import holds it. */
    public static Optional<FleetLock> tryTake(Path folder) {
        DataFolder.prepare(folder);
        Path file = folder.resolve(FILE).toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            return Optional.empty(); // a second window in this very process
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new FleetLock(file, channel, lock));
            }
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            HELD.remove(file);
            throw new Problem(e, "problem.dataFolderNotWritable", folder.toString(), String.valueOf(e.getMessage()));
        }
        closeQuietly(channel);
        HELD.remove(file);
        return Optional.empty();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held, nothing lost
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it as well
        }
        closeQuietly(channel);
        HELD.remove(file);
    }
}
