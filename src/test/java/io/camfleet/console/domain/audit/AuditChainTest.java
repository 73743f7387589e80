package io.camfleet.console.domain.audit;

import io.camfleet.console.domain.audit.AuditVerification.Finding;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes();
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static List<AuditEvent> chain(int n, byte[] key) {
        List<AuditEvent> out = new ArrayList<>();
        AuditEvent prev = null;
        for (int i = 0; i < n; i++) {
            prev = AuditEvent.seal(prev, key == null ? null : AuditKey.of(key), T0.plusSeconds(i), "ops", "",
                    "deploy.start", "site-" + i, Map.of("release", "6.4." + i), AuditOutcome.SUCCEEDED);
            out.add(prev);
        }
        return out;
    }

    /** The anchor the console writes for {@code events}: a start at event 1, then each head. */
    private static List<AuditAnchor.Entry> anchorOf(List<AuditEvent> events) {
        List<AuditAnchor.Entry> entries = new ArrayList<>();
        entries.add(new AuditAnchor.Start(T0, 1));
        events.forEach(e -> entries.add(new AuditAnchor.Head(e.seq(), e.at(), e.hash())));
        return entries;
    }

    private static AuditVerification verify(List<AuditEvent> events, byte[] key, List<AuditAnchor.Entry> anchor) {
        AuditEvent last = events.isEmpty() ? null : events.getLast();
        return verify(events, key, anchor, last);
    }

    private static AuditVerification verify(List<AuditEvent> events, byte[] key, List<AuditAnchor.Entry> anchor,
                                            AuditEvent head) {
        AuditVerifier v = AuditChain.verifier(Optional.ofNullable(key),
                Optional.ofNullable(anchor).map(a -> new AuditAnchor(a, 0)));
        for (AuditEvent e : events) {
            if (!v.accept(e)) {
                break;
            }
        }
        // The head row as the console wrote it, with the folder's own key.
        return head == null ? v.finish(0, null, null)
                : v.finish(head.seq(), head.hash(), head.keyed() ? AuditChain.headSeal(head.seq(), head.hash(),
                AuditKey.of(KEY)) : null);
    }

    private static AuditVerification verify(List<AuditEvent> keyed) {
        return verify(keyed, KEY, anchorOf(keyed));
    }

    @Test
    void anUntouchedChainIsIntact() {
        AuditVerification v = verify(chain(5, KEY));
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(5);
        assertThat(v.unkeyed()).isZero();
        assertThat(verify(List.of(), null, null).intact()).isTrue();
    }

    @Test
    void eachEventLinksToTheHashOfTheOneBeforeAndIsSealedWithTheKey() {
        List<AuditEvent> c = chain(3, KEY);
        assertThat(c.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(c.get(1).prevHash()).isEqualTo(c.get(0).hash());
        assertThat(c.get(2).prevHash()).isEqualTo(c.get(1).hash());
        assertThat(c.get(2).hash()).hasSize(64).isEqualTo(AuditChain.sealOf(c.get(2), AuditKey.of(KEY)))
                .isNotEqualTo(AuditChain.hashOf(c.get(2)));
        assertThat(c).allMatch(AuditEvent::keyed);
    }

    @Test
    void theKeyNeverShowsInText() {
        assertThat(AuditKey.of(KEY).toString()).doesNotContain("0123").contains("redacted");
    }

    @Test
    void anEditedEventIsNamedAsTheFirstBrokenLink() {
        List<AuditEvent> c = chain(5, KEY);
        List<AuditEvent> edited = new ArrayList<>(c);
        AuditEvent e = c.get(2);
        edited.set(2, new AuditEvent(e.seq(), e.at(), "mallory", e.cloudIdentity(), e.action(), e.target(),
                e.parameters(), e.outcome(), e.prevHash(), e.hash(), true));
        AuditVerification v = verify(edited, KEY, anchorOf(c));
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3);
        assertThat(v.checked()).isEqualTo(2);
        assertThat(v.finding()).isEqualTo(Finding.CHANGED);
    }

    @Test
    void anEditedEventSealedAgainWithoutTheKeyIsNamedResealed() {
        List<AuditEvent> c = chain(5, KEY);
        List<AuditEvent> resealed = new ArrayList<>(c.subList(0, 2));
        AuditEvent prev = c.get(1);
        // What someone with the cache but not the key can do: edit, then recompute every plain SHA-256 after it.
        for (AuditEvent e : c.subList(2, 5)) {
            AuditEvent plain = AuditEvent.sealAt(e.seq(), prev.hash(), null, e.at(), e.seq() == 3 ? "mallory" : "ops",
                    "", e.action(), e.target(), e.parameters(), e.outcome());
            prev = new AuditEvent(plain.seq(), plain.at(), plain.actor(), "", plain.action(), plain.target(),
                    plain.parameters(), plain.outcome(), plain.prevHash(), plain.hash(), true);
            resealed.add(prev);
        }
        AuditVerification v = verify(resealed, KEY, anchorOf(c), resealed.getLast());
        assertThat(v.finding()).isEqualTo(Finding.RESEALED);
        assertThat(v.firstBroken()).isEqualTo(3);
    }

    @Test
    void anEditedEventSealedAgainWithTheKeyBreaksTheNextLink() {
        List<AuditEvent> c = chain(5, KEY);
        List<AuditEvent> edited = new ArrayList<>(c);
        AuditEvent e = c.get(2);
        edited.set(2, AuditEvent.sealAt(e.seq(), e.prevHash(), AuditKey.of(KEY), e.at(), e.actor(), "", e.action(),
                e.target(), Map.of("release", "9.9.9"), e.outcome()));
        AuditVerification v = verify(edited, KEY, anchorOf(c));
        assertThat(v.finding()).isEqualTo(Finding.DIVERGES);
        assertThat(v.firstBroken()).isEqualTo(3);
    }

    @Test
    void aDeletedEventIsNamed() {
        List<AuditEvent> c = chain(5, KEY);
        List<AuditEvent> gap = new ArrayList<>(c);
        gap.remove(1);
        AuditVerification v = verify(gap, KEY, anchorOf(c));
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(2);
        assertThat(v.finding()).isEqualTo(Finding.MISSING);
        assertThat(v.other()).isEqualTo(3);
    }

    @Test
    void reorderedEventsAreNamed() {
        List<AuditEvent> c = chain(5, KEY);
        List<AuditEvent> reordered = new ArrayList<>(c);
        AuditEvent third = reordered.remove(2);
        reordered.add(3, third);
        AuditVerification v = verify(reordered, KEY, anchorOf(c));
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3);
    }

    @Test
    void eventsRemovedFromTheEndAreCaughtByTheHeadRow() {
        List<AuditEvent> c = chain(5, KEY);
        AuditVerification result = verify(c.subList(0, 3), KEY, anchorOf(c), c.get(4));
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken()).isEqualTo(4);
        assertThat(result.finding()).isEqualTo(Finding.TRUNCATED);
        assertThat(result.other()).isEqualTo(5);
    }

    @Test
    void eventsRemovedWithTheHeadRowMovedBackAreToldApartFromAnOlderCopy() {
        List<AuditEvent> c = chain(5, KEY);
        AuditEvent three = c.get(2);
        AuditVerifier deleted = AuditChain.verifier(Optional.of(KEY), Optional.of(new AuditAnchor(anchorOf(c), 0)));
        c.subList(0, 3).forEach(deleted::accept);
        // The head row moved back to event 3 by hand: its seal is still the one of event 5's head.
        String staleSeal = AuditChain.headSeal(5, c.get(4).hash(), AuditKey.of(KEY));
        AuditVerification v = deleted.finish(3, three.hash(), staleSeal);
        assertThat(v.finding()).isEqualTo(Finding.DELETED_HEAD_REWRITTEN);
        assertThat(v.firstBroken()).isEqualTo(4);
        assertThat(v.other()).isEqualTo(5);

        AuditVerification older = verify(c.subList(0, 3), KEY, anchorOf(c), three);
        assertThat(older.finding()).isEqualTo(Finding.OLDER_COPY);
        assertThat(older.other()).isEqualTo(5);
    }

    @Test
    void anEmptyTrailWhereTheAnchorRecordsEventsIsNamed() {
        List<AuditEvent> c = chain(4, KEY);
        AuditVerification v = verify(List.of(), KEY, anchorOf(c), null);
        assertThat(v.finding()).isEqualTo(Finding.ALL_DELETED);
        assertThat(v.other()).isEqualTo(4);
    }

    @Test
    void anotherFoldersTrailIsNamedForeign() {
        List<AuditEvent> ours = chain(4, KEY);
        List<AuditEvent> theirs = chain(4, OTHER_KEY);
        AuditVerification v = verify(theirs, KEY, anchorOf(ours), theirs.getLast());
        assertThat(v.finding()).isEqualTo(Finding.FOREIGN);
        assertThat(v.firstBroken()).isEqualTo(1);
    }

    @Test
    void theFirstEventsHashEditedIsAChangeNotAForeignTrail() {
        List<AuditEvent> c = chain(3, KEY);
        List<AuditEvent> edited = new ArrayList<>(c);
        AuditEvent e = c.get(0);
        edited.set(0, new AuditEvent(e.seq(), e.at(), e.actor(), e.cloudIdentity(), e.action(), e.target(),
                e.parameters(), e.outcome(), e.prevHash(), "ab".repeat(32), true));
        AuditVerification v = verify(edited, KEY, anchorOf(c), c.getLast());
        assertThat(v.finding()).isEqualTo(Finding.CHANGED);
        assertThat(v.firstBroken()).isEqualTo(1);
    }

    @Test
    void eventsPastTheAnchorsLastRecordAreAcceptedWhenTheKeySealedThem() {
        // The console stopped between committing event 5 and writing its head to the anchor.
        List<AuditEvent> c = chain(5, KEY);
        AuditVerification v = verify(c, KEY, anchorOf(c.subList(0, 4)));
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(5);
    }

    @Test
    void aMissingKeyOrAnchorIsNamedAndNeverMakesKeyedEventsLegacy() {
        List<AuditEvent> c = chain(3, KEY);
        assertThat(verify(c, null, anchorOf(c)).finding()).isEqualTo(Finding.KEY_MISSING);
        assertThat(verify(c, KEY, null).finding()).isEqualTo(Finding.ANCHOR_MISSING);
        AuditVerification both = verify(c, null, null, c.getLast());
        assertThat(both.finding()).isEqualTo(Finding.KEY_AND_ANCHOR_MISSING);
        assertThat(both.firstBroken()).isEqualTo(1);
        assertThat(verify(c, "short".getBytes(), anchorOf(c)).finding()).isEqualTo(Finding.KEY_UNREADABLE);
    }

    @Test
    void aTrailWrittenBeforeTheKeyStillVerifiesWithNeitherKeyNorAnchor() {
        List<AuditEvent> legacy = chain(4, null);
        assertThat(legacy).noneMatch(AuditEvent::keyed);
        AuditVerification v = verify(legacy, null, null);
        assertThat(v.intact()).isTrue();
        assertThat(v.unkeyed()).isEqualTo(4);

        List<AuditEvent> edited = new ArrayList<>(legacy);
        AuditEvent e = legacy.get(1);
        edited.set(1, new AuditEvent(e.seq(), e.at(), "mallory", "", e.action(), e.target(), e.parameters(),
                e.outcome(), e.prevHash(), e.hash(), false));
        assertThat(verify(edited, null, null).finding()).isEqualTo(Finding.CHANGED);
    }

    @Test
    void theKeyTakesOverAfterTheLegacyEventsTheAnchorPins() {
        List<AuditEvent> legacy = chain(3, null);
        List<AuditEvent> all = new ArrayList<>(legacy);
        AuditEvent prev = legacy.getLast();
        for (int i = 0; i < 2; i++) {
            prev = AuditEvent.seal(prev, AuditKey.of(KEY), T0.plusSeconds(100 + i), "ops", "", "x", "t",
                    Map.of(), AuditOutcome.SUCCEEDED);
            all.add(prev);
        }
        List<AuditAnchor.Entry> anchor = new ArrayList<>();
        anchor.add(new AuditAnchor.Start(T0, 4));
        anchor.add(new AuditAnchor.Head(3, T0, legacy.getLast().hash()));
        all.subList(3, 5).forEach(e -> anchor.add(new AuditAnchor.Head(e.seq(), e.at(), e.hash())));
        AuditVerification v = verify(all, KEY, anchor);
        assertThat(v.intact()).isTrue();
        assertThat(v.unkeyed()).isEqualTo(3);

        // Keyed events turned into "legacy" ones, sealed again without the key: the anchor says where the key began.
        List<AuditEvent> downgraded = new ArrayList<>(legacy);
        prev = legacy.getLast();
        for (AuditEvent e : all.subList(3, 5)) {
            prev = AuditEvent.sealAt(e.seq(), prev.hash(), null, e.at(), e.actor(), "", e.action(), e.target(),
                    e.parameters(), e.outcome());
            downgraded.add(prev);
        }
        AuditVerification d = verify(downgraded, null, anchor, downgraded.getLast());
        assertThat(d.intact()).isFalse();
        assertThat(d.finding()).isEqualTo(Finding.KEY_MISSING);
        AuditVerification withKey = verify(downgraded, KEY, anchor, downgraded.getLast());
        assertThat(withKey.finding()).isEqualTo(Finding.UNKEYED_AFTER_KEY);
        assertThat(withKey.firstBroken()).isEqualTo(4);
    }

    @Test
    void aRestartAfterTheCacheWasMovedAsideIsToldApartFromAnOlderCopy() {
        List<AuditEvent> before = chain(4, KEY);
        List<AuditEvent> restarted = new ArrayList<>();
        AuditEvent prev = null;
        for (int i = 0; i < 2; i++) {
            prev = AuditEvent.seal(prev, AuditKey.of(KEY), T0.plusSeconds(3600 + i), "ops", "",
                    i == 0 ? AuditActions.CACHE_RECOVER : "fleet.reload", "/data",
                    i == 0 ? Map.of("movedAside", "cache.corrupt-1.mv.db") : Map.of(), AuditOutcome.SUCCEEDED);
            restarted.add(prev);
        }
        List<AuditAnchor.Entry> anchor = new ArrayList<>(anchorOf(before));
        anchor.add(new AuditAnchor.Restart(T0.plusSeconds(3600), "cache.corrupt-1.mv.db"));
        restarted.forEach(e -> anchor.add(new AuditAnchor.Head(e.seq(), e.at(), e.hash())));

        AuditVerification v = verify(restarted, KEY, anchor);
        assertThat(v.intact()).isTrue();
        assertThat(v.earlierTrails()).containsExactly(
                new AuditVerification.EarlierTrail(T0.plusSeconds(3600), "cache.corrupt-1.mv.db", 4));

        AuditVerification old = verify(before, KEY, anchor);
        assertThat(old.finding()).isEqualTo(Finding.FROM_BEFORE_RESTART);
        assertThat(old.detail()).isEqualTo("cache.corrupt-1.mv.db");
    }

    @Test
    void anAnchorThatGoesBackWithoutARestartIsNamed() {
        List<AuditEvent> c = chain(5, KEY);
        List<AuditAnchor.Entry> anchor = new ArrayList<>(anchorOf(c));
        anchor.add(new AuditAnchor.Head(3, T0, c.get(2).hash()));
        AuditVerification v = verify(c, KEY, anchor);
        assertThat(v.finding()).isEqualTo(Finding.ANCHOR_ROLLED_BACK);
        assertThat(v.firstBroken()).isEqualTo(3);
        assertThat(v.other()).isEqualTo(5);
    }
}
