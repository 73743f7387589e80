package io.camfleet.console.domain.audit;

import java.util.Arrays;

/**
 * The secret that seals the audit chain (HMAC-SHA256). It lives in the data folder beside the cache, never inside
 * it, so that someone who can rewrite the cache cannot seal events again; it is never shown or logged.
 */
public final class AuditKey {

    /** Bytes in a key. */
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private AuditKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @throws IllegalArgumentException when {@code bytes} is not {@link #LENGTH} long */
    public static AuditKey of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an audit key is " + LENGTH + " bytes, not " + bytes.length);
        }
        return new AuditKey(bytes.clone());
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditKey k && java.security.MessageDigest.isEqual(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "AuditKey[redacted]";
    }
}
