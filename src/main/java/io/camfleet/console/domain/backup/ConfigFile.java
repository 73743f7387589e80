package io.camfleet.console.domain.backup;

import java.util.Objects;

/**
 * One file of a backed-up configuration folder.
 *
 * @param path   its path below the configuration folder, with {@code /} between folders (never absolute, never
 *               {@code ..})
 * @param size   in bytes
 * @param sha256 the SHA-256 of its bytes, lower-case hex
 * @param binary its bytes are not UTF-8 text (or hold a NUL): named in a diff, never diffed line by line
 */
public record ConfigFile(String path, long size, String sha256, boolean binary) {

    public ConfigFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
