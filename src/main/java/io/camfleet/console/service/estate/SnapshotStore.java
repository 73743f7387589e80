package io.camfleet.console.service.estate;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the last answer read from AWS per environment and kind, as the bytes {@link EstateCache} wrote. A write
 * replaces the previous snapshot of its environment and kind in one durable transaction: a reader sees the old one or
 * the new one, never half of either.
 */
public interface SnapshotStore {

    /** A snapshot as stored: when it was taken, and its bytes. */
    record Stored(Instant takenAt, byte[] body) {
    }

    Optional<Stored> read(String environment, String kind);

    void write(String environment, String kind, Instant takenAt, byte[] body);
}
