package io.camfleet.console.domain.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The chain over audit events: each event's hash covers its own fields and the hash of the event before it, so an
 * edit, a deletion or a reordering breaks every link after it. Events are sealed with HMAC-SHA256 under the data
 * folder's {@link AuditKey}, so that someone who can rewrite the cache but does not hold the key cannot seal an edited
 * event again; events written before the key existed carry a plain SHA-256 ({@link AuditEvent#keyed()} false).
 */
public final class AuditChain {

    /** The "previous hash" of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The plain SHA-256, hex, over the length-prefixed fields of the event (its own {@code hash} excluded). */
    public static String hashOf(AuditEvent e) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fields(e)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** The keyed seal, HMAC-SHA256 hex under {@code key}, over the same fields as {@link #hashOf}. */
    public static String sealOf(AuditEvent e, AuditKey key) {
        return hmac(key, fields(e));
    }

    /** The hash {@code e} should carry: its keyed seal under {@code key}, or the plain SHA-256 when key is null. */
    public static String expectedHash(AuditEvent e, AuditKey key) {
        return key == null ? hashOf(e) : sealOf(e, key);
    }

    /**
     * The seal of the chain head recorded beside the trail. Someone without the key cannot seal a head moved back to
     * an earlier event, which tells "the newest events were deleted" apart from "an older copy of the cache".
     */
    public static String headSeal(long seq, String hash, AuditKey key) {
        StringBuilder sb = new StringBuilder(96);
        field(sb, "head");
        field(sb, Long.toString(seq));
        field(sb, hash);
        return hmac(key, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A walk of the chain checked against this data folder's key and anchor, each as found on disk (empty when the
     * file is not there).
     */
    public static AuditVerifier verifier(Optional<byte[]> key, Optional<AuditAnchor> anchor) {
        return new AuditVerifier(key, anchor);
    }

    private static byte[] fields(AuditEvent e) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, Long.toString(e.seq()));
        field(sb, Long.toString(e.at().toEpochMilli()));
        field(sb, e.actor());
        field(sb, e.cloudIdentity());
        field(sb, e.action());
        field(sb, e.target());
        field(sb, Integer.toString(e.parameters().size()));
        for (Map.Entry<String, String> p : e.parameters().entrySet()) {
            field(sb, p.getKey());
            field(sb, p.getValue() == null ? "" : p.getValue());
        }
        field(sb, e.outcome().name());
        field(sb, e.prevHash());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value).append(';');
    }

    private static String hmac(AuditKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", impossible);
        }
    }
}
