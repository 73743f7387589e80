package io.camfleet.console.domain.audit;

import io.camfleet.console.domain.audit.AuditVerification.EarlierTrail;
import io.camfleet.console.domain.audit.AuditVerification.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A streaming check of the audit chain against the data folder's key and anchor: feed it the events in sequence
 * order with {@link #accept}, then {@link #finish} with the head row, so that a long trail never sits in memory.
 *
 * <p>The key proves who sealed each event; the anchor, written outside the cache after every event, proves how far
 * the chain had reached and which chain it was. Together they tell apart an edit, an edit sealed again without the
 * key, events removed from the end (with or without the head row rewritten), an older copy of the cache, another
 * folder's cache, and a restart after the cache was moved aside. The anchor may lag the cache by the events written
 * just before a crash: events past its last record are accepted when the key sealed them.
 */
public final class AuditVerifier {

    private final AuditKey key;
    private final AuditAnchor anchor;
    private final List<AuditAnchor.Segment> segments;
    private final AuditAnchor.Segment current;
    private final Map<Long, String> anchored = new HashMap<>();
    private final long firstAnchored;
    private final long keyedFrom;
    private final List<EarlierTrail> earlier = new ArrayList<>();

    private long expectedSeq = 1;
    private String expectedPrev = AuditChain.GENESIS;
    private long checked;
    private long unkeyed;
    private long firstKeyed;
    private boolean lastKeyed;
    /** An event at the anchor's first record that is not the anchored one: told apart by the event after it. */
    private AuditEvent stranger;
    private AuditVerification broken;

    AuditVerifier(Optional<byte[]> keyFile, Optional<AuditAnchor> anchorFile) {
        this.anchor = anchorFile.orElse(null);
        this.segments = anchor == null ? List.of() : anchor.segments();
        this.current = segments.isEmpty() ? null : segments.getLast();
        if (current != null) {
            current.heads().forEach(h -> anchored.put(h.seq(), h.hash()));
        }
        this.firstAnchored = current == null || current.heads().isEmpty() ? 0 : current.heads().getFirst().seq();
        this.keyedFrom = current == null ? Long.MAX_VALUE : current.keyedFrom();
        for (int i = 1; i < segments.size(); i++) {
            AuditAnchor.Restart r = segments.get(i).restart();
            earlier.add(new EarlierTrail(r.at(), r.movedAside(), segments.get(i - 1).lastSeq()));
        }
        boolean keyReadable = keyFile.isPresent() && keyFile.get().length == AuditKey.LENGTH;
        this.key = keyReadable ? AuditKey.of(keyFile.get()) : null;
        checkFiles(keyFile);
    }

    private void checkFiles(Optional<byte[]> keyFile) {
        if (keyFile.isPresent() && key == null) {
            broken = fail(0, Finding.KEY_UNREADABLE, keyFile.get().length, "");
        } else if (anchor != null && anchor.unreadableLine() > 0) {
            broken = fail(0, Finding.ANCHOR_UNREADABLE, anchor.unreadableLine(), "");
        } else if (key != null && anchor == null) {
            broken = fail(0, Finding.ANCHOR_MISSING, 0, "");
        } else if (anchor != null) {
            for (AuditAnchor.Segment s : segments) {
                for (int i = 1; i < s.heads().size() && broken == null; i++) {
                    if (s.heads().get(i).seq() <= s.heads().get(i - 1).seq()) {
                        broken = fail(s.heads().get(i).seq(), Finding.ANCHOR_ROLLED_BACK,
                                s.heads().get(i - 1).seq(), "");
                    }
                }
            }
            if (broken == null && key == null && anchor.keyed()) {
                long first = current.heads().stream().mapToLong(AuditAnchor.Head::seq)
                        .filter(s -> s >= keyedFrom).findFirst().orElse(0);
                broken = fail(first, Finding.KEY_MISSING, 0, "");
            }
        }
    }

    /** Returns false once the trail is found broken: the rest need not be read. */
    public boolean accept(AuditEvent e) {
        if (broken != null) {
            return false;
        }
        if (stranger != null) {
            // The chain of the cache goes on from the stranger: a whole other trail. Else only that event changed.
            broken = e.prevHash().equals(anchored.get(stranger.seq())) ? changed(stranger) : foreign();
            return false;
        }
        if (e.seq() != expectedSeq) {
            broken = e.seq() > expectedSeq
                    ? fail(expectedSeq, Finding.MISSING, e.seq(), "")
                    : fail(e.seq(), Finding.OUT_OF_ORDER, expectedSeq - 1, "");
            return false;
        }
        if (!e.prevHash().equals(expectedPrev)) {
            broken = fail(e.seq(), Finding.UNLINKED, 0, "");
            return false;
        }
        if (e.seq() == firstAnchored && !e.hash().equals(anchored.get(e.seq()))) {
            broken = identify(e);
            if (broken == null) {
                stranger = e;
                return true;
            }
            return false;
        }
        broken = own(e);
        if (broken == null && anchored.containsKey(e.seq()) && !anchored.get(e.seq()).equals(e.hash())) {
            broken = fail(e.seq(), Finding.DIVERGES, 0, "");
        }
        if (broken != null) {
            return false;
        }
        noteRecovery(e);
        if (e.keyed() && firstKeyed == 0) {
            firstKeyed = e.seq();
        }
        unkeyed += e.keyed() ? 0 : 1;
        checked++;
        expectedSeq++;
        expectedPrev = e.hash();
        lastKeyed = e.keyed();
        return true;
    }

    /** The event's own seal: keyed under this folder's key, or unkeyed only where the anchor allows it. */
    private AuditVerification own(AuditEvent e) {
        if (e.keyed()) {
            if (key == null) {
                return fail(e.seq(), anchor == null ? Finding.KEY_AND_ANCHOR_MISSING : Finding.KEY_MISSING, 0, "");
            }
            if (!AuditChain.sealOf(e, key).equals(e.hash())) {
                return fail(e.seq(), AuditChain.hashOf(e).equals(e.hash()) ? Finding.RESEALED : Finding.CHANGED, 0,
                        "");
            }
            return null;
        }
        if (firstKeyed > 0 || e.seq() >= keyedFrom) {
            return fail(e.seq(), Finding.UNKEYED_AFTER_KEY, firstKeyed > 0 ? firstKeyed : keyedFrom, "");
        }
        return AuditChain.hashOf(e).equals(e.hash()) ? null : fail(e.seq(), Finding.CHANGED, 0, "");
    }

    /** An event where the anchor records another: which chain it belongs to, when that can be told at once. */
    private AuditVerification identify(AuditEvent e) {
        for (int i = 0; i < segments.size() - 1; i++) {
            boolean there = segments.get(i).heads().stream()
                    .anyMatch(h -> h.seq() == e.seq() && h.hash().equals(e.hash()));
            if (there) {
                return fail(e.seq(), Finding.FROM_BEFORE_RESTART, segments.get(i).lastSeq(),
                        segments.get(i + 1).restart().movedAside());
            }
        }
        if (e.keyed() && key != null && AuditChain.sealOf(e, key).equals(e.hash())) {
            return fail(e.seq(), Finding.DIVERGES, 0, "");
        }
        if (e.keyed() && AuditChain.hashOf(e).equals(e.hash())) {
            return fail(e.seq(), Finding.RESEALED, 0, "");
        }
        return null;
    }

    /** The stranger belongs to the anchored chain: it is that chain's event, changed. */
    private AuditVerification changed(AuditEvent e) {
        AuditVerification own = own(e);
        return own != null ? own : fail(e.seq(), Finding.DIVERGES, 0, "");
    }

    private AuditVerification foreign() {
        return fail(stranger.seq(), Finding.FOREIGN, 0, "");
    }

    private void noteRecovery(AuditEvent e) {
        String aside = e.parameters().get("movedAside");
        if (AuditActions.CACHE_RECOVER.equals(e.action()) && aside != null
                && earlier.stream().noneMatch(t -> t.movedAside().equals(aside))) {
            earlier.add(new EarlierTrail(e.at(), aside, 0));
        }
    }

    /**
     * Ends the walk with the head row recorded beside the trail ({@code seq} 0 and null hash and seal when there is
     * none), which catches events removed from the end of the trail.
     */
    public AuditVerification finish(long headSeq, String headHash, String headSeal) {
        if (broken != null) {
            return broken;
        }
        if (stranger != null) {
            // No event after it: the head row tells whether the anchored chain ended there.
            return stranger.hash().equals(headHash) ? foreign() : changed(stranger);
        }
        long last = expectedSeq - 1;
        long anchoredLast = current == null ? 0 : current.lastSeq();
        if (last == 0 && anchoredLast > 0) {
            return fail(1, Finding.ALL_DELETED, anchoredLast, "");
        }
        if (headSeq > last) {
            return fail(last + 1, Finding.TRUNCATED, headSeq, "");
        }
        if (headSeq != last || (last > 0 && !expectedPrev.equals(headHash))) {
            return fail(last, Finding.HEAD_REWRITTEN, headSeq, "");
        }
        boolean headSealed = !lastKeyed || key == null
                || AuditChain.headSeal(last, expectedPrev, key).equals(headSeal);
        if (anchoredLast > last) {
            return fail(last + 1, headSealed ? Finding.OLDER_COPY : Finding.DELETED_HEAD_REWRITTEN, anchoredLast,
                    "");
        }
        if (!headSealed) {
            return fail(last, Finding.HEAD_REWRITTEN, headSeq, "");
        }
        return AuditVerification.intact(checked, unkeyed, earlier);
    }

    private AuditVerification fail(long firstBroken, Finding finding, long other, String detail) {
        return AuditVerification.broken(checked, firstBroken, finding, other, detail, earlier);
    }
}
