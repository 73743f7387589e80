package io.camfleet.console.domain.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking the audit chain against its key and anchor.
 *
 * @param checked       how many events were found intact before the first broken link
 * @param firstBroken   sequence number of the first event that fails, or 0 when intact or when what fails is not an
 *                      event (a missing key or anchor file, say)
 * @param finding       what is wrong; null when intact
 * @param other         the second number the finding names (the anchor's last event, say); 0 when none
 * @param detail        the file the finding names, if any; empty otherwise
 * @param unkeyed       events written before the key existed, sealed with plain SHA-256 only
 * @param earlierTrails where the trails of earlier caches of this folder are, oldest first
 */
public record AuditVerification(boolean intact, long checked, long firstBroken, Finding finding, long other,
                                String detail, long unkeyed, List<EarlierTrail> earlierTrails) {

    /** Each way the trail can fail, one sentence each (message keys {@code audit.finding.NAME}). */
    public enum Finding {
        /** An event is missing from the middle of the trail. */
        MISSING,
        /** An event sits where another should. */
        OUT_OF_ORDER,
        /** An event's link to the one before is broken. */
        UNLINKED,
        /** An event was edited: its hash matches neither its fields' seal nor their plain SHA-256. */
        CHANGED,
        /** An event was edited and its hash recomputed without the key (a plain SHA-256 where a seal should be). */
        RESEALED,
        /** An event claims the unkeyed seal of old caches where the anchor shows the key in use. */
        UNKEYED_AFTER_KEY,
        /** Events at the end were removed; the head row still records the last one. */
        TRUNCATED,
        /** Events at the end were removed and the head row rewritten to match (it is not sealed with the key). */
        DELETED_HEAD_REWRITTEN,
        /** The head row was rewritten: it is not sealed with the key. */
        HEAD_REWRITTEN,
        /** The cache holds no events but the anchor records some. */
        ALL_DELETED,
        /** The cache is consistent and sealed, but ends before the anchor: an older copy of this folder's cache. */
        OLDER_COPY,
        /** The cache's chain is one this folder's anchor followed before a restart, not the current one. */
        FROM_BEFORE_RESTART,
        /** The cache's first event is not the anchor's and is not sealed with this folder's key. */
        FOREIGN,
        /** An event sealed with this folder's key differs from the one the anchor records. */
        DIVERGES,
        /** The anchor shows the trail going back to an earlier event without a restart. */
        ANCHOR_ROLLED_BACK,
        /** The key file is missing, but events are sealed with it. */
        KEY_MISSING,
        /** The key file and the anchor file are both missing, but events are sealed with the key. */
        KEY_AND_ANCHOR_MISSING,
        /** The key file is not a key. */
        KEY_UNREADABLE,
        /** The anchor file is missing, but the key file exists. */
        ANCHOR_MISSING,
        /** A line of the anchor file is not a record. */
        ANCHOR_UNREADABLE
    }

    /**
     * The trail of an earlier cache of this folder, moved aside when it could not be used.
     *
     * @param at         when it was moved aside, as far as known
     * @param movedAside the file it was moved to, in the data folder
     * @param lastSeq    the last event the anchor recorded for it; 0 when unknown
     */
    public record EarlierTrail(Instant at, String movedAside, long lastSeq) {
    }

    public AuditVerification {
        detail = detail == null ? "" : detail;
        earlierTrails = List.copyOf(earlierTrails);
    }

    public static AuditVerification intact(long checked) {
        return intact(checked, 0, List.of());
    }

    public static AuditVerification intact(long checked, long unkeyed, List<EarlierTrail> earlierTrails) {
        return new AuditVerification(true, checked, 0, null, 0, "", unkeyed, earlierTrails);
    }

    public static AuditVerification broken(long checked, long firstBroken, Finding finding, long other,
                                           String detail, List<EarlierTrail> earlierTrails) {
        return new AuditVerification(false, checked, firstBroken, finding, other, detail, 0, earlierTrails);
    }

    /** The arguments of the finding's sentence: first broken event, the other number, the event before, the file. */
    public Object[] findingArgs() {
        return new Object[] {firstBroken, other, Math.max(0, firstBroken - 1), detail};
    }
}
