package io.camfleet.console.domain.backup;

import java.util.Objects;

/** One file of a version with its bytes, as read from the camera or from the store. */
public record TakenFile(ConfigFile file, byte[] bytes) {

    public TakenFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The file as read at {@code path}: its checksum computed, and whether it is text judged, from its bytes. */
    public static TakenFile of(String path, byte[] bytes) {
        return new TakenFile(new ConfigFile(path, bytes.length, VersionChecksum.ofBytes(bytes), ConfigText.binary(bytes)),
                bytes);
    }
}
