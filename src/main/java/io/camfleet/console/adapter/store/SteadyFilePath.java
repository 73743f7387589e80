package io.camfleet.console.adapter.store;

import org.h2.store.fs.FileBaseDefault;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.h2.store.fs.FileUtils;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * H2's files on the disk, read and written so that an interrupt cannot break the database: URL prefix
 * {@code steady:}.
 *
 * <p>Threads are interrupted whenever a task is cancelled ({@code Task.cancel}, {@code shutdownNow}). H2's own file
 * system reads and writes through a {@code FileChannel}, which an interrupt closes in the middle of a read or a
 * write; from then on H2 answers "The database has been closed" to every connection until the console restarts. An
 * {@link AsynchronousFileChannel} is not interruptible, and H2's {@code async:} file system uses one, but through a
 * thread pool: every page read or write becomes a hand-over between threads, which halves the ingest rate. Here the
 * asynchronous channel runs each operation on the calling thread itself (an executor that runs what it is given at
 * once), so the read or write is a plain system call, as fast as H2's own, that an interrupt cannot cut short. The
 * interrupt stays set for the caller to see.
 */
public final class SteadyFilePath extends FilePathWrapper {

    static final String SCHEME = "steady";

    /** Makes {@code steady:} known to H2; H2 keeps one instance per scheme, so registering twice changes nothing. */
    static void register() {
        FilePath.register(new SteadyFilePath());
    }

    /** H2 creates its instances reflectively. */
    public SteadyFilePath() {
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new SteadyFile(name.substring(SCHEME.length() + 1), mode);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    private static final class SteadyFile extends FileBaseDefault {

        private final String name;
        private final AsynchronousFileChannel channel;

        SteadyFile(String name, String mode) throws IOException {
            this.name = name;
            this.channel = AsynchronousFileChannel.open(Paths.get(name), FileUtils.modeToOptions(mode),
                    new OnTheCaller(), FileUtils.NO_ATTRIBUTES);
        }

        private static <T> T done(Future<T> operation) throws IOException {
            // Already complete: the operation ran on this thread. get() on a completed future does not look at the
            // interrupt flag; the loop is there should a JDK ever run it elsewhere.
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return operation.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return done(channel.read(dst, position));
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return done(channel.write(src, position));
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        protected void implTruncate(long newLength) throws IOException {
            channel.truncate(newLength);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            channel.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return channel.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            channel.close();
        }

        @Override
        public String toString() {
            return SCHEME + ":" + name;
        }
    }

    /** Runs each task on the thread that submits it; never shut down (the channel's close does not ask it to). */
    private static final class OnTheCaller extends AbstractExecutorService {

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }
}
