package io.camfleet.console.domain.backup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * A version's checksum: SHA-256 over its files sorted by path, each as {@code path NUL sha256 LF}. It says whether
 * two reads of a folder hold the same files with the same bytes, without comparing the bytes again. The NUL keeps a
 * path from running into its checksum (a path cannot hold one).
 */
public final class VersionChecksum {

    private VersionChecksum() {
    }

    public static String of(Collection<ConfigFile> files) {
        MessageDigest d = sha256();
        files.stream().sorted(Comparator.comparing(ConfigFile::path)).forEach(f -> {
            d.update(f.path().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(f.sha256().getBytes(StandardCharsets.US_ASCII));
            d.update((byte) '\n');
        });
        return HexFormat.of().formatHex(d.digest());
    }

    /** The SHA-256 of {@code bytes}, lower-case hex. */
    public static String ofBytes(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
