package io.camfleet.console.adapter.ssh;

import io.camfleet.console.service.deploy.CommandResult;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteEntry;
import io.camfleet.console.service.deploy.RemoteHost;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real SSH connector whose sessions drop their connection for real, at a chosen SFTP call: before the
 * {@code n}-th copy (or write), the sshd process that carries the session is killed with -9, from a command run in
 * that session, as when a camera loses power; the call then meets the dead connection.
 */
final class DroppingConnector implements HostConnector {

    /** Kills the sshd process the command runs under, found by walking up its parents. */
    static final String DROP_CONNECTION = """
            p=$$
            while [ "$(cat /proc/$p/comm)" != sshd ]; do p=$(awk '{print $4}' /proc/$p/stat); done
            kill -9 $p
            """;

    private final HostConnector real;
    private final String call;
    private final int n;

    /** @param call "copy" or "write": the kind of call before whose {@code n}-th the connection drops */
    DroppingConnector(HostConnector real, String call, int n) {
        this.real = real;
        this.call = call;
        this.n = n;
    }

    @Override
    public HostSession open(RemoteHost host) {
        return new Dropping(real.open(host));
    }

    @Override
    public void trust(HostKeyRejected rejected) {
        real.trust(rejected);
    }

    private final class Dropping implements HostSession {
        private final HostSession s;
        private final AtomicInteger calls = new AtomicInteger();

        Dropping(HostSession s) {
            this.s = s;
        }

        private void maybeDrop(String kind) {
            if (kind.equals(call) && calls.incrementAndGet() == n) {
                try {
                    s.run(List.of("sh", "-c", DROP_CONNECTION), Duration.ofSeconds(10), line -> { });
                } catch (RuntimeException expected) {
                    // The command's own connection is the one it kills.
                }
            }
        }

        @Override
        public void upload(Path local, String remotePath) {
            s.upload(local, remotePath);
        }

        @Override
        public Optional<byte[]> read(String remotePath, int limit) {
            return s.read(remotePath, limit);
        }

        @Override
        public List<RemoteEntry> list(String remoteDir) {
            return s.list(remoteDir);
        }

        @Override
        public long copy(String remotePath, OutputStream out, long limit) {
            maybeDrop("copy");
            return s.copy(remotePath, out, limit);
        }

        @Override
        public void makeDirectories(String remotePath) {
            s.makeDirectories(remotePath);
        }

        @Override
        public void write(String remotePath, byte[] content) {
            maybeDrop("write");
            s.write(remotePath, content);
        }

        @Override
        public void remove(String remotePath) {
            s.remove(remotePath);
        }

        @Override
        public String sha256(String remotePath) {
            return s.sha256(remotePath);
        }

        @Override
        public CommandResult run(List<String> argv, Duration timeout, Consumer<String> outputLine) {
            return s.run(argv, timeout, outputLine);
        }

        @Override
        public void close() {
            s.close();
        }
    }
}
