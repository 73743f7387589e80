package io.camfleet.console.service.backup;

import io.camfleet.console.domain.backup.ConfigFile;

import java.util.Objects;

/** One file of a version with its bytes, as read from the camera or from the store. */
public record TakenFile(ConfigFile file, byte[] bytes) {

    public TakenFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(bytes, "bytes");
    }
}
