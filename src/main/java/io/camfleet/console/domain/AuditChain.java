package io.camfleet.console.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The hash chain over audit events: each event's hash covers its own fields and the hash of the event before it,
 * so an edit, a deletion or a reordering breaks every link after it.
 */
public final class AuditChain {

    /** The "previous hash" of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** SHA-256, hex, over the length-prefixed fields of the event (its own {@code hash} excluded). */
    public static String hashOf(AuditEvent e) {
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
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value).append(';');
    }

    /**
     * Walks events in the order they were stored and checks each link. Feed it with {@link #accept} and finish with
     * {@link #finish}, so that a long trail never has to sit in memory at once.
     */
    public static Verifier verifier() {
        return new Verifier();
    }

    /** A streaming check of the chain; see {@link AuditChain#verifier()}. */
    public static final class Verifier {
        private long expectedSeq = 1;
        private String expectedPrev = GENESIS;
        private long checked;
        private AuditVerification broken;

        /** Returns false once a broken link is found: the rest need not be read. */
        public boolean accept(AuditEvent e) {
            if (broken != null) {
                return false;
            }
            if (e.seq() != expectedSeq) {
                broken = e.seq() > expectedSeq
                        ? AuditVerification.broken(checked, expectedSeq,
                                "event " + expectedSeq + " is missing: the trail jumps from "
                                        + (expectedSeq - 1) + " to " + e.seq())
                        : AuditVerification.broken(checked, e.seq(),
                                "event " + e.seq() + " appears out of order after event " + (expectedSeq - 1));
                return false;
            }
            if (!e.prevHash().equals(expectedPrev)) {
                broken = AuditVerification.broken(checked, e.seq(),
                        "event " + e.seq() + " does not follow event " + (e.seq() - 1)
                                + ": its link to the previous hash is broken");
                return false;
            }
            if (!hashOf(e).equals(e.hash())) {
                broken = AuditVerification.broken(checked, e.seq(),
                        "event " + e.seq() + " was changed after it was written: its hash does not match");
                return false;
            }
            checked++;
            expectedSeq++;
            expectedPrev = e.hash();
            return true;
        }

        /**
         * Ends the walk. {@code headSeq}/{@code headHash} are the chain head recorded beside the trail (0/null when
         * none), which catches events removed from the end.
         */
        public AuditVerification finish(long headSeq, String headHash) {
            if (broken != null) {
                return broken;
            }
            long last = expectedSeq - 1;
            if (headSeq != last || (headSeq > 0 && !expectedPrev.equals(headHash))) {
                return AuditVerification.broken(checked, Math.min(headSeq, last) + 1,
                        "the trail ends at event " + last + " but its head records event " + headSeq
                                + ": events at the end were removed or the head was altered");
            }
            return AuditVerification.intact(checked);
        }
    }
}
