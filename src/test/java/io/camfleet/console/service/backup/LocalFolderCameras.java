package io.camfleet.console.service.backup;

import io.camfleet.console.service.deploy.CommandResult;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteEntry;
import io.camfleet.console.service.deploy.RemoteHost;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Cameras whose files are this machine's: remote paths are local paths, read and written with java.nio as SFTP would
 * (links not followed, writes next to the file then moved over it). For the tests of what is done with a version
 * (S3, the window); the SSH path itself is tested against a real sshd.
 */
public final class LocalFolderCameras implements HostConnector {

    @Override
    public HostSession open(RemoteHost host) {
        return new Session();
    }

    @Override
    public void trust(HostKeyRejected rejected) {
    }

    private static final class Session implements HostSession {

        @Override
        public List<RemoteEntry> list(String dir) {
            try (Stream<Path> all = Files.list(Path.of(dir))) {
                List<RemoteEntry> entries = new ArrayList<>();
                for (Path p : all.sorted().toList()) {
                    entries.add(new RemoteEntry(p.getFileName().toString(), Files.size(p),
                            Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS),
                            Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS),
                            Files.getLastModifiedTime(p).toInstant()));
                }
                return entries;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long copy(String path, OutputStream out, long limit) {
            try {
                byte[] bytes = Files.readAllBytes(Path.of(path));
                int n = (int) Math.min(limit, bytes.length);
                out.write(bytes, 0, n);
                return n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void makeDirectories(String remotePath) {
            try {
                Files.createDirectories(Path.of(remotePath));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(String remotePath, byte[] content) {
            try {
                Path next = Path.of(remotePath + ".new");
                Files.write(next, content);
                Files.move(next, Path.of(remotePath), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void remove(String remotePath) {
            try {
                Files.deleteIfExists(Path.of(remotePath));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void upload(Path local, String remotePath) {
            throw new UnsupportedOperationException("not used by backups");
        }

        @Override
        public Optional<byte[]> read(String remotePath, int limit) {
            throw new UnsupportedOperationException("not used by backups");
        }

        @Override
        public String sha256(String remotePath) {
            throw new UnsupportedOperationException("not used by backups");
        }

        @Override
        public CommandResult run(List<String> argv, Duration timeout, Consumer<String> outputLine) {
            throw new UnsupportedOperationException("not used by backups");
        }

        @Override
        public void close() {
        }
    }
}
