package io.camfleet.console.adapter.ssh;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.CommandResult;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteEntry;
import io.camfleet.console.service.deploy.ShellQuote;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.FileMode;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RenameFlags;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** An open connection to one host, with the jump host's connection it runs through (if any). */
final class SshjHostSession implements HostSession {

    private static final Logger LOG = LoggerFactory.getLogger(SshjHostSession.class);
    private static final Duration SHA256_TIMEOUT = Duration.ofMinutes(2);
    /** How long output held open by a process the command left behind is waited for once the command has ended. */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(5);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final String address;
    private final SSHClient client;
    private final SSHClient jump;
    /** One SFTP subsystem for all of this host's file work, opened when first needed. */
    private SFTPClient sftp;

    SshjHostSession(String address, SSHClient client, SSHClient jump) {
        this.address = address;
        this.client = client;
        this.jump = jump;
    }

    private synchronized SFTPClient sftp() throws IOException {
        if (sftp == null) {
            sftp = client.newSFTPClient();
        }
        return sftp;
    }

    @Override
    public void upload(Path local, String remotePath) {
        try {
            sftp().put(local.toString(), remotePath);
        } catch (IOException e) {
            throw lostOr(e, new Problem(e, "ssh.uploadFailed", local, address, remotePath, reason(e)));
        }
    }

    @Override
    public Optional<byte[]> read(String remotePath, int limit) {
        try (RemoteFile file = sftp().open(remotePath, EnumSet.of(OpenMode.READ))) {
            byte[] buffer = new byte[limit];
            int length = 0;
            for (int n; length < limit && (n = file.read(length, buffer, length, limit - length)) > 0; ) {
                length += n;
            }
            return Optional.of(Arrays.copyOf(buffer, length));
        } catch (SFTPException e) {
            if (!isConnected()) {
                throw new Problem(e, "ssh.connectionLost", address, reason(e));
            }
            return Optional.empty(); // missing, a folder, not readable: as a cat that failed
        } catch (IOException e) {
            throw lostOr(e, new Problem(e, "ssh.readFailed", address, remotePath, reason(e)));
        }
    }

    @Override
    public List<RemoteEntry> list(String remoteDir) {
        try {
            List<RemoteEntry> entries = new ArrayList<>();
            for (RemoteResourceInfo info : sftp().ls(remoteDir)) {
                FileAttributes a = info.getAttributes();
                FileMode.Type type = a.getType();
                entries.add(new RemoteEntry(info.getName(), a.getSize(), type == FileMode.Type.DIRECTORY,
                        type == FileMode.Type.REGULAR, Instant.ofEpochSecond(a.getMtime())));
            }
            entries.sort(java.util.Comparator.comparing(RemoteEntry::name));
            return entries;
        } catch (IOException e) {
            throw lostOr(e, new Problem(e, "ssh.listFailed", address, remoteDir, reason(e)));
        }
    }

    @Override
    public long copy(String remotePath, OutputStream out, long limit) {
        return copy(remotePath, 0, out, limit);
    }

    @Override
    public long copy(String remotePath, long offset, OutputStream out, long limit) {
        // Not try-with-resources: on a dropped connection sshj's close throws the very exception the read threw,
        // and adding it to itself as suppressed fails with an IllegalArgumentException that hides the loss.
        RemoteFile file = null;
        try {
            file = sftp().open(remotePath, EnumSet.of(OpenMode.READ));
            byte[] buffer = new byte[32 * 1024];
            long copied = 0;
            for (int n; copied < limit && (n = file.read(offset + copied, buffer, 0,
                    (int) Math.min(buffer.length, limit - copied))) > 0; ) {
                out.write(buffer, 0, n);
                copied += n;
            }
            return copied;
        } catch (IOException e) {
            throw lostOr(e, new Problem(e, "ssh.readFailed", address, remotePath, reason(e)));
        } finally {
            if (file != null) {
                closeQuietly(file);
            }
        }
    }

    @Override
    public void makeDirectories(String remotePath) {
        try {
            sftp().mkdirs(remotePath);
        } catch (IOException e) {
            throw lostOr(e, new Problem(e, "ssh.mkdirFailed", address, remotePath, reason(e)));
        }
    }

    @Override
    public void write(String remotePath, byte[] content) {
        String next = remotePath + ".new";
        try {
            SFTPClient files = sftp();
            try (RemoteFile file = files.open(next, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC))) {
                file.write(0, content, 0, content.length);
            }
            // The file replaced keeps its permissions: a key readable by its owner only stays so.
            FileAttributes old = files.statExistence(remotePath);
            if (old != null && old.getType() == FileMode.Type.REGULAR) {
                files.chmod(next, old.getMode().getPermissionsMask());
            }
            if (files.getSFTPEngine().supportsServerExtension("posix-rename", "openssh.com")) {
                files.rename(next, remotePath, EnumSet.of(RenameFlags.OVERWRITE));
            } else {
                // SFTP version 3 renames only onto a free name: the old file goes first, briefly leaving none.
                if (files.statExistence(remotePath) != null) {
                    files.rm(remotePath);
                }
                files.rename(next, remotePath);
            }
        } catch (IOException e) {
            throw lostOr(e, new Problem(e, "ssh.writeFailed", address, remotePath, reason(e)));
        }
    }

    @Override
    public void remove(String remotePath) {
        try {
            SFTPClient files = sftp();
            if (files.statExistence(remotePath) != null) {
                files.rm(remotePath);
            }
        } catch (IOException e) {
            throw lostOr(e, new Problem(e, "ssh.removeFailed", address, remotePath, reason(e)));
        }
    }

    @Override
    public String sha256(String remotePath) {
        List<String> output = new ArrayList<>();
        CommandResult result = run(List.of("sha256sum", "--", remotePath), SHA256_TIMEOUT, output::add);
        String hex = output.isEmpty() ? "" : output.getFirst().split(" ", 2)[0];
        if (!result.succeeded() || !SHA256_HEX.matcher(hex).matches()) {
            String why = result.timedOut() ? "timed out" : String.join(" ", output);
            throw new Problem("ssh.sha256Failed", address, remotePath, why);
        }
        return hex;
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout, Consumer<String> outputLine) {
        // Standard error joins standard output so the lines keep their order. exec: the program takes the login
        // shell's place, so that on a timeout the signal reaches the program itself and not only its shell.
        String commandLine = "exec " + ShellQuote.command(argv) + " 2>&1";
        Session session;
        Session.Command command;
        try {
            session = client.startSession();
            command = session.exec(commandLine);
            // Nothing comes on standard input: EOF now, so a program that reads it does not wait forever.
            command.getOutputStream().close();
        } catch (IOException e) {
            throw lostOr(e, new Problem(e, "ssh.commandFailed", address, reason(e)));
        }
        Thread reader = Thread.ofVirtual().name("ssh-output " + address).start(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(command.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    outputLine.accept(line);
                }
            } catch (IOException e) {
                LOG.debug("Output of {} on {} ended: {}", argv.getFirst(), address, e.toString());
            }
        });
        long started = System.nanoTime();
        try {
            command.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
            awaitOutput(command, reader, argv.getFirst());
        } catch (IOException e) {
            // Before its time is up, a join that fails is a lost connection, even if the transport has not noticed
            // yet that the other side is gone.
            boolean early = Duration.ofNanos(System.nanoTime() - started).compareTo(timeout) < 0;
            if (early || !isConnected()) {
                throw new Problem(e, "ssh.connectionLost", address, reason(e));
            }
            stop(command);
            return new CommandResult(-1, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(command);
            throw new Problem(e, "ssh.commandFailed", address, "interrupted");
        }
        closeQuietly(session);
        Integer status = command.getExitStatus();
        if (status == null) {
            if (!isConnected() || command.getExitSignal() == null) {
                throw new Problem("ssh.connectionLost", address, "the command ended without an exit status");
            }
            return new CommandResult(128 + signalNumber(command.getExitSignal()), false);
        }
        return new CommandResult(status, false);
    }

    /**
     * Waits until the command's output is read to its end. A fixed bound lost output on a busy machine (a rollout to
     * 5,000 hosts on two cores: the reader was not scheduled within it, and {@code sha256sum}'s one line was dropped),
     * so the wait goes on while the host has sent its EOF or output is waiting; it gives up only after
     * {@link #OUTPUT_GRACE} with neither, when something the command left behind holds its output open.
     */
    private void awaitOutput(Session.Command command, Thread reader, String program) throws InterruptedException {
        long quietSince = System.nanoTime();
        while (!reader.join(Duration.ofMillis(100))) {
            if (command.isEOF() || pending(command) > 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > OUTPUT_GRACE.toNanos()) {
                LOG.debug("Output of {} on {} still open {} after it ended; not waiting for more", program, address,
                        OUTPUT_GRACE);
                return;
            }
        }
    }

    private static int pending(Session.Command command) {
        try {
            return command.getInputStream().available();
        } catch (IOException e) {
            return 0;
        }
    }

    private boolean isConnected() {
        return client.isConnected() && client.getTransport().isRunning();
    }

    /**
     * Asks the remote side to kill the command, then closes the channel without waiting: sshd confirms the close only
     * once the command's output ends, which a process it left behind can hold open.
     */
    private void stop(Session.Command command) {
        try {
            command.signal(Signal.KILL);
        } catch (IOException e) {
            LOG.debug("Could not signal the command on {}: {}", address, e.toString());
        }
        Thread.ofVirtual().name("ssh-close " + address).start(() -> closeQuietly(command));
    }

    private static int signalNumber(Signal signal) {
        return switch (signal) {
            case HUP -> 1;
            case INT -> 2;
            case QUIT -> 3;
            case ABRT -> 6;
            case KILL -> 9;
            case USR1 -> 10;
            case SEGV -> 11;
            case USR2 -> 12;
            case PIPE -> 13;
            case ALRM -> 14;
            case TERM -> 15;
            default -> 0;
        };
    }

    private Problem lostOr(IOException e, Problem otherwise) {
        return isConnected() && !brokenTransport(e) ? otherwise
                : new Problem(e, "ssh.connectionLost", address, reason(e));
    }

    /**
     * The transport itself failed (end of stream, reset): the connection is gone even when the client has not yet
     * marked it so, which it does on its reader thread a moment after the call that met the end of the stream.
     */
    private static boolean brokenTransport(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof net.schmizz.sshj.transport.TransportException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (sftp != null) {
                closeQuietly(sftp);
            }
        }
        closeQuietly(client);
        if (jump != null) {
            closeQuietly(jump);
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Closing an SSH resource failed: {}", e.toString());
        }
    }

    /** The innermost message, which says what actually went wrong (refused, timed out, reset). */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
