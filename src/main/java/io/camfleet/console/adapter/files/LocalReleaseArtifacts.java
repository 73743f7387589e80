package io.camfleet.console.adapter.files;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.ReleaseArtifacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * Checks a release's artifact on this machine: the type of file first (so that {@code /dev/zero} or a FIFO is refused
 * at once, never read), then the size against the settings' limit, then the SHA-256, read once in a stream and never
 * past the limit (a file that grows while it is read is refused too).
 */
public final class LocalReleaseArtifacts implements ReleaseArtifacts {

    private final LongSupplier maxBytes;

    /**
     * @param maxBytes the largest artifact allowed, asked at each check (the settings may have changed)
     */
    public LocalReleaseArtifacts(LongSupplier maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Checked check(Release release) {
        Path given;
        try {
            given = Path.of(release.artifact()).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw Problem.badInput("release.artifact.missing", release.artifact());
        }
        try {
            Path file = followed(given);
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isDirectory()) {
                throw Problem.badInput("release.artifact.folder", given);
            }
            if (!a.isRegularFile()) {
                throw Problem.badInput("release.artifact.special", given);
            }
            long limit = maxBytes.getAsLong();
            if (a.size() > limit) {
                throw Problem.badInput("release.artifact.tooLarge", given, a.size(), limit >> 20);
            }
            String sum = sha256(file, limit);
            if (sum == null) {
                throw Problem.badInput("release.artifact.tooLarge", given, limit + 1, limit >> 20);
            }
            if (!sum.equals(release.sha256())) {
                throw Problem.badInput("release.artifact.checksum", given, sum, release.sha256());
            }
            return new Checked(file.toString(), a.size());
        } catch (NoSuchFileException e) {
            throw Problem.badInput("release.artifact.missing", given);
        } catch (IOException e) {
            throw Problem.badInput("release.artifact.unreadable", given, e.getMessage());
        }
    }

    /** The file a link leads to, when it stays in the link's own folder; else refused. */
    private static Path followed(Path given) throws IOException {
        if (!Files.isSymbolicLink(given)) {
            return given;
        }
        Path real = given.toRealPath();
        Path folder = given.getParent().toRealPath();
        if (!real.startsWith(folder)) {
            throw Problem.badInput("release.artifact.linkLeaves", given, real);
        }
        return real;
    }

    /** The file's SHA-256 in hex, or null when it holds more than {@code limit} bytes by the time it is read. */
    private static String sha256(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long read = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                read += n;
                if (read > limit) {
                    return null;
                }
                d.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
