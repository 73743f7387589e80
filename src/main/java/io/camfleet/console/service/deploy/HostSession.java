package io.camfleet.console.service.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One open connection to a camera host. Methods throw {@link io.camfleet.console.service.common.Problem}: with the key
 * {@code ssh.connectionLost} when the connection drops under them.
 */
public interface HostSession extends AutoCloseable {

    /** Copies a local file to the host over SFTP; the remote file is created or replaced. */
    void upload(Path local, String remotePath);

    /**
     * The first {@code limit} bytes of a small remote file (a version marker), read over SFTP; empty when it does not
     * exist or cannot be read. SFTP works in the one process the session already runs for it, where a {@code cat}
     * would be a login shell and a program on the host for a few bytes.
     */
    Optional<byte[]> read(String remotePath, int limit);

    /**
     * The entries of a remote folder (not {@code .} nor {@code ..}), by name, over SFTP.
     *
     * @throws io.camfleet.console.service.common.Problem {@code ssh.listFailed} naming the folder when it does not
     *                                                    exist or cannot be read
     */
    List<RemoteEntry> list(String remoteDir);

    /**
     * Copies at most {@code limit} bytes of a remote file into {@code out}, over SFTP, streaming: a large log is
     * never held in memory.
     *
     * @return how many bytes were copied; fewer than the file's size when it is larger than {@code limit}
     * @throws io.camfleet.console.service.common.Problem {@code ssh.readFailed} naming the file when it does not exist
     *                                                    or cannot be read
     */
    long copy(String remotePath, java.io.OutputStream out, long limit);

    /**
     * Copies at most {@code limit} bytes of a remote file from byte {@code offset} on: the end of a large log without
     * its start. By default the bytes before {@code offset} are read and dropped; a session that can seek does.
     *
     * @return how many bytes were copied (none when the file is not longer than {@code offset})
     * @throws io.camfleet.console.service.common.Problem as {@link #copy(String, java.io.OutputStream, long)}
     */
    default long copy(String remotePath, long offset, java.io.OutputStream out, long limit) {
        var skipping = new java.io.OutputStream() {
            long skipped;

            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                int drop = (int) Math.min(len, offset - skipped);
                skipped += drop;
                out.write(b, off + drop, len - drop);
            }
        };
        return Math.max(0, copy(remotePath, skipping, offset + limit) - offset);
    }

    /** Creates a remote folder and any missing parents, as {@code mkdir -p}, over SFTP. */
    void makeDirectories(String remotePath);

    /**
     * Writes a small remote file over SFTP: next to it first, then renamed over it, so that a reader sees the old
     * content or the new one, never half of it. A file replaced keeps its permissions; a new one gets the login's
     * default.
     */
    void write(String remotePath, byte[] content);

    /**
     * Removes a remote file (not a folder); a file already gone is no failure. By default {@code rm -f --} on the
     * host; the SSH session removes it over SFTP, with no shell.
     *
     * @throws io.camfleet.console.service.common.Problem {@code ssh.removeFailed} naming the file
     */
    default void remove(String remotePath) {
        java.util.List<String> output = new java.util.ArrayList<>();
        CommandResult r = run(List.of("rm", "-f", "--", remotePath), Duration.ofSeconds(30), output::add);
        if (!r.succeeded()) {
            throw new io.camfleet.console.service.common.Problem("ssh.removeFailed", "the host", remotePath,
                    r.timedOut() ? "timed out" : String.join(" ", output));
        }
    }

    /** The SHA-256 of a remote file, in lower-case hex, as {@code sha256sum} prints it. */
    String sha256(String remotePath);

    /**
     * Runs a program on the host. Every element of {@code argv} is quoted with {@link ShellQuote}, so each reaches
     * the program as one literal argument whatever it contains. Quoting does not stop an argument starting with
     * {@code -} from being read as an option by the program: scripts take {@code --} before free-form arguments.
     *
     * @param argv       the program, then its arguments
     * @param timeout    how long the command may run; past it, it is stopped and the result says {@code timedOut}
     * @param outputLine receives each line of the command's output (standard error merged into standard output)
     */
    CommandResult run(List<String> argv, Duration timeout, Consumer<String> outputLine);

    /** Closes the connection (and the jump host's, if any). Never throws. */
    @Override
    void close();
}
