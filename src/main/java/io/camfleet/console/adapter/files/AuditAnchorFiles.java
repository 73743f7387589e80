package io.camfleet.console.adapter.files;

import io.camfleet.console.domain.audit.AuditAnchor;
import io.camfleet.console.domain.audit.AuditKey;
import io.camfleet.console.service.audit.AuditAnchorStore;
import io.camfleet.console.service.common.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The audit key and anchor as two files in the data folder, beside the cache and never inside it.
 *
 * <p>{@code audit.key}: {@value AuditKey#LENGTH} random bytes, readable by its owner only (0600), written once.
 * {@code audit.anchor}: text, one record a line, only ever appended to and synced to disk after each record:
 * <pre>
 * start 2026-12-06T10:00:00.120Z keyed-from 1
 * head 1 2026-12-06T10:00:00.130Z 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * restart 2026-12-06T11:00:00Z cache.corrupt-20261206T110000Z.mv.db
 * </pre>
 * A last line cut short by a crash (no line end) is not a record, and is dropped before the next one is written.
 */
public final class AuditAnchorFiles implements AuditAnchorStore {

    static final String KEY = "audit.key";
    static final String ANCHOR = "audit.anchor";
    private static final String HEADER = "# CamFleet Console audit anchor: the audit chain's head after every event."
            + " Append-only; see the README.\n";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\\\s]+");

    private final Path folder;
    private final SecureRandom random = new SecureRandom();

    public AuditAnchorFiles(Path folder) {
        this.folder = folder;
    }

    @Override
    public Optional<byte[]> key() {
        Path file = folder.resolve(KEY);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            // A key is 32 bytes; reading one more is enough to tell that a file is not one.
            return Optional.of(in.readNBytes(AuditKey.LENGTH + 1));
        } catch (IOException e) {
            throw new Problem(e, "audit.filesUnreadable", file.toString(), reason(e));
        }
    }

    @Override
    public byte[] createKey() {
        byte[] key = new byte[AuditKey.LENGTH];
        random.nextBytes(key);
        Path file = folder.resolve(KEY);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(folder, ".audit-key", ".tmp", ownerOnly());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(key));
                ch.force(true);
            }
            // No replacing: a key that is there already sealed events and must never be overwritten.
            Files.move(tmp, file);
            return key;
        } catch (IOException e) {
            throw new Problem(e, "audit.filesNotWritten", file.toString(), reason(e));
        } finally {
            deleteQuietly(tmp);
        }
    }

    @Override
    public Optional<AuditAnchor> anchor() {
        Path file = folder.resolve(ANCHOR);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Problem(e, "audit.filesUnreadable", file.toString(), reason(e));
        }
        List<AuditAnchor.Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        // The last element is what follows the last line end: empty, or a record cut short by a crash.
        for (int i = 0; i < lines.length - 1; i++) {
            if (i == 0 && lines[i].startsWith("#")) {
                continue;
            }
            AuditAnchor.Entry entry = parse(lines[i]);
            if (entry == null) {
                return Optional.of(new AuditAnchor(entries, i + 1));
            }
            entries.add(entry);
        }
        return Optional.of(new AuditAnchor(entries, 0));
    }

    static AuditAnchor.Entry parse(String line) {
        String[] f = line.split(" ");
        try {
            return switch (f[0]) {
                case "start" -> f.length == 4 && f[2].equals("keyed-from")
                        ? new AuditAnchor.Start(Instant.parse(f[1]), positive(f[3])) : null;
                case "head" -> f.length == 4 && HASH.matcher(f[3]).matches()
                        ? new AuditAnchor.Head(positive(f[1]), Instant.parse(f[2]), f[3]) : null;
                case "restart" -> f.length == 3 && FILE_NAME.matcher(f[2]).matches()
                        ? new AuditAnchor.Restart(Instant.parse(f[1]), f[2]) : null;
                default -> null;
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static long positive(String s) {
        long v = Long.parseLong(s);
        if (v <= 0 || !s.equals(Long.toString(v))) {
            throw new NumberFormatException(s);
        }
        return v;
    }

    static String format(AuditAnchor.Entry entry) {
        return switch (entry) {
            case AuditAnchor.Start s -> "start " + s.at() + " keyed-from " + s.keyedFrom();
            case AuditAnchor.Head h -> "head " + h.seq() + " " + h.at() + " " + h.hash();
            case AuditAnchor.Restart r -> "restart " + r.at() + " " + r.movedAside();
        } + "\n";
    }

    @Override
    public void append(AuditAnchor.Entry entry) {
        Path file = folder.resolve(ANCHOR);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long end = dropCutLine(ch);
            String text = (end == 0 ? HEADER : "") + format(entry);
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                ch.write(bytes, end + bytes.position());
            }
            ch.force(false);
        } catch (IOException e) {
            throw new Problem(e, "audit.filesNotWritten", file.toString(), reason(e));
        }
    }

    /** Cuts a last line left without its line end by a crash; returns where the next record goes. */
    private static long dropCutLine(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0 || lastByte(ch, size) == '\n') {
            return size;
        }
        long end = size;
        while (end > 0 && lastByte(ch, end) != '\n') {
            end--;
        }
        ch.truncate(end);
        return end;
    }

    private static byte lastByte(FileChannel ch, long end) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, end - 1);
        return one.get(0);
    }

    @Override
    public String location() {
        return folder.toString();
    }

    private static FileAttribute<?>[] ownerOnly() {
        // Where files have no POSIX modes (Windows), the user's profile folder is private already.
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Only a temporary file left behind; the key itself is either complete or absent.
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "it is there already";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
