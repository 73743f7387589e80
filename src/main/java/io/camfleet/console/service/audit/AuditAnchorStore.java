package io.camfleet.console.service.audit;

import io.camfleet.console.domain.audit.AuditAnchor;

import java.util.Optional;

/**
 * Port: what vouches for the audit trail from outside the cache, in the data folder: the key that seals the chain
 * and the anchor that records the chain's head after every event.
 */
public interface AuditAnchorStore {

    /** The key file's bytes, as they are (a damaged file may not be a key); empty when there is no key file. */
    Optional<byte[]> key();

    /**
     * Creates the key: random bytes in a file only its owner can read.
     *
     * @throws Problem when it cannot be written, or a key is already there
     */
    byte[] createKey();

    /** The anchor's records; empty when there is no anchor file. */
    Optional<AuditAnchor> anchor();

    /**
     * Appends one record to the anchor, creating the file if needed, and has it on disk before returning.
     *
     * @throws Problem when it cannot be written (a full disk, say)
     */
    void append(AuditAnchor.Entry entry);

    /** Where the key and the anchor are, for messages. */
    String location();
}
