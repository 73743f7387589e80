package io.camfleet.console.adapter.ssh;

import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * A known_hosts file parsed once and shared by every connection, parsed again as soon as the file changes (a key
 * trusted by the operator, an edit by hand). Parsing decodes every key in the file: done per connection, it cost a
 * rollout to 1,000 hosts a million key decodings.
 *
 * <p>{@link OpenSSHKnownHosts} is not documented as thread-safe: callers use {@link #current()} under its own lock.
 */
final class KnownHostsFile {

    private final Path file;
    private OpenSSHKnownHosts parsed;
    private Version version;

    /** What tells a changed file apart: its inode (a file moved over it), its size and its modification time. */
    private record Version(Object fileKey, long size, FileTime modified) {
    }

    KnownHostsFile(Path file) {
        this.file = file;
    }

    /** The entries as the file holds them now. */
    synchronized OpenSSHKnownHosts current() {
        Version now = version();
        if (parsed == null || !Objects.equals(now, version)) {
            try {
                parsed = new OpenSSHKnownHosts(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            version = now;
        }
        return parsed;
    }

    /** Forgets what was parsed: the next connection reads the file again. */
    synchronized void changed() {
        parsed = null;
    }

    private Version version() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Version(a.fileKey(), a.size(), a.lastModifiedTime());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
