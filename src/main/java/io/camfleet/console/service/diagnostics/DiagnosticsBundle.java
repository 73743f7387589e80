package io.camfleet.console.service.diagnostics;

import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteHost;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.support.TicketService;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A camera's logs and configuration, fetched over SFTP into one zip kept with a ticket: bounded in size, config files
 * redacted, with a SHA-256 of the zip as written, attached to the ticket's timeline (and so audited).
 *
 * <p>The zip is written to a temporary file beside its final name, its SHA-256 computed from the bytes as they go to
 * disk, forced to disk, and only then renamed into place: a bundle under its name is whole.
 */
public final class DiagnosticsBundle {

    /** Under the data folder: {@code attachments/ticket-<id>/<camera>-<time>.zip}. */
    public static final String ATTACHMENTS_FOLDER = "attachments";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final TicketService tickets;
    private final Path dataFolder;
    private final Supplier<DiagnosticsSettings> settings;
    private final Clock clock;

    public DiagnosticsBundle(TicketService tickets, Path dataFolder, Supplier<DiagnosticsSettings> settings,
                             Clock clock) {
        this.tickets = tickets;
        this.dataFolder = dataFolder;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Collects the camera's log folders and config folder (as the settings name them) into a new zip under the data
     * folder and attaches it to the ticket. The zip is complete under its name, or absent: a dropped connection, a
     * full disk or a cancel leaves no file behind.
     *
     * @param connector how the camera is reached: {@code ConsoleBackend.connector(...)} for the executor in use
     * @return the attachment as the ticket's timeline records it
     * @throws Problem {@code bundle.failed} naming the camera when it cannot be reached or the connection drops;
     *                 {@code bundle.writeFailed} naming the file when it cannot be written (a full disk); (BAD_INPUT)
     *                 for an unknown or closed ticket
     * @throws java.util.concurrent.CancellationException when {@code progress} was cancelled (nothing kept)
     */
    public TimelineEntry.Attachment collect(long ticketId, Target target, HostConnector connector,
                                            Progress progress) {
        Ticket ticket = tickets.find(ticketId);
        if (ticket.status() == TicketStatus.CLOSED) {
            throw Problem.badInput("tickets.closed", ticketId);
        }
        DiagnosticsSettings s = settings.get();
        Instant at = clock.instant();
        Path folder = dataFolder.resolve(ATTACHMENTS_FOLDER).resolve("ticket-" + ticketId);
        Path file = folder.resolve(BundleNames.component(target.cameraId()) + "-" + STAMP.format(at) + ".zip");
        Path part = null;
        boolean moved = false;
        boolean attached = false;
        try {
            Files.createDirectories(folder);
            file = free(file);
            part = Files.createTempFile(folder, "." + file.getFileName(), ".part");
            Written written;
            try (HostSession session = open(connector, target, s)) {
                written = write(session, target, s, at, part, progress);
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            TimelineEntry entry = tickets.attach(ticketId, new TimelineEntry.Attachment(
                    file.getFileName().toString(), written.size(), written.sha256(),
                    dataFolder.relativize(file).toString().replace('\\', '/')));
            attached = true;
            return entry.file();
        } catch (LocalWriteFailed e) {
            throw writeFailed(e.getCause(), target, file, s);
        } catch (IOException e) {
            throw writeFailed(e, target, file, s);
        } catch (HostKeyRejected e) {
            throw e; // as it is: the operator may compare the fingerprint and trust the key
        } catch (Problem p) {
            throw p.key().startsWith("ssh.") ? new Problem(p, "bundle.failed", target.cameraId(), p.getMessage()) : p;
        } finally {
            deleteQuietly(part);
            if (moved && !attached) {
                deleteQuietly(file); // a bundle the ticket does not know of is not kept
            }
        }
    }

    private static Problem writeFailed(IOException e, Target target, Path file, DiagnosticsSettings s) {
        return new Problem(e, "bundle.writeFailed", target.cameraId(), file, reason(e),
                s.maxBundleBytes() / DiagnosticsSettings.MB);
    }

    /** Where an attachment's file is: its stored path is relative to the data folder. */
    public Path file(TimelineEntry.Attachment attachment) {
        return dataFolder.resolve(attachment.storedPath());
    }

    private static HostSession open(HostConnector connector, Target target, DiagnosticsSettings s) {
        return connector.open(new RemoteHost(target.cameraId(), target.address(), target.jumpHost(), s.sshUser()));
    }

    /** What was written: the zip's size on disk and the SHA-256 of those bytes. */
    private record Written(long size, String sha256) {
    }

    private Written write(HostSession session, Target target, DiagnosticsSettings s, Instant at, Path part,
                          Progress progress) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE);
        LocalFile local = new LocalFile(java.nio.channels.Channels.newOutputStream(channel));
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(new DigestOutputStream(local, sha),
                1 << 16))) {
            BundleManifest manifest = new BundleManifest();
            manifest.head("bundle.manifest.title", target.cameraId(), target.siteId(),
                    target.jumpHost().isBlank() ? target.address() : target.address() + " via " + target.jumpHost(),
                    at.toString());
            manifest.head("bundle.manifest.limits", s.maxFileBytes(), s.maxBundleBytes());
            manifest.head("bundle.manifest.redacted", s.configFolder());
            try {
                new BundleWriter(session, s, zip, manifest, progress).collect();
                zip.putNextEntry(new ZipEntry(BundleManifest.NAME));
                zip.write(manifest.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.finish();
                zip.flush();
                channel.force(true);
            } catch (RuntimeException | IOException e) {
                // the camera's copy wraps a failure of our own disk as its own: tell them apart
                if (local.failure != null) {
                    throw new LocalWriteFailed(local.failure);
                }
                throw e;
            }
        } catch (IOException e) {
            if (local.failure != null) {
                throw new LocalWriteFailed(local.failure);
            }
            throw e;
        }
        return new Written(local.written, HexFormat.of().formatHex(sha.digest()));
    }

    /** A file name not taken yet: {@code -2}, {@code -3}... before {@code .zip} for bundles in the same second. */
    private static Path free(Path file) {
        Path candidate = file;
        String name = file.getFileName().toString();
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(name.substring(0, name.length() - 4) + "-" + n + ".zip");
        }
        return candidate;
    }

    /** The local file's stream: remembers its own failure, whoever catches it first. */
    private static final class LocalFile extends FilterOutputStream {
        IOException failure;
        long written;

        LocalFile(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
                written += len;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    private static final class LocalWriteFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LocalWriteFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static String reason(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // nothing more to do: the .part name says what it is
        }
    }
}
