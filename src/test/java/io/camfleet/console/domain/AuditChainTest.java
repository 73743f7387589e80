package io.camfleet.console.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

    private static List<AuditEvent> chain(int n) {
        List<AuditEvent> out = new ArrayList<>();
        AuditEvent prev = null;
        for (int i = 0; i < n; i++) {
            prev = AuditEvent.seal(prev, Instant.parse("2026-11-26T10:00:00Z").plusSeconds(i), "ops",
                    "", "deploy.start", "site-" + i, Map.of("release", "6.4." + i), AuditOutcome.SUCCEEDED);
            out.add(prev);
        }
        return out;
    }

    private static AuditVerification verify(List<AuditEvent> events) {
        AuditChain.Verifier v = AuditChain.verifier();
        for (AuditEvent e : events) {
            if (!v.accept(e)) {
                break;
            }
        }
        AuditEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
        return v.finish(last == null ? 0 : last.seq(), last == null ? null : last.hash());
    }

    @Test
    void anUntouchedChainIsIntact() {
        AuditVerification v = verify(chain(5));
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(5);
        assertThat(verify(List.of()).intact()).isTrue();
    }

    @Test
    void eachEventLinksToTheHashOfTheOneBefore() {
        List<AuditEvent> c = chain(3);
        assertThat(c.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(c.get(1).prevHash()).isEqualTo(c.get(0).hash());
        assertThat(c.get(2).prevHash()).isEqualTo(c.get(1).hash());
        assertThat(c.get(2).hash()).hasSize(64).isEqualTo(AuditChain.hashOf(c.get(2)));
    }

    @Test
    void anEditedEventIsNamedAsTheFirstBrokenLink() {
        List<AuditEvent> c = chain(5);
        AuditEvent e = c.get(2);
        c.set(2, new AuditEvent(e.seq(), e.at(), "mallory", e.cloudIdentity(), e.action(), e.target(),
                e.parameters(), e.outcome(), e.prevHash(), e.hash()));
        AuditVerification v = verify(c);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3);
        assertThat(v.checked()).isEqualTo(2);
        assertThat(v.reason()).contains("event 3 was changed");
    }

    @Test
    void anEditedEventWhoseHashWasRecomputedBreaksTheNextLink() {
        List<AuditEvent> c = chain(5);
        AuditEvent e = c.get(2);
        c.set(2, AuditEvent.sealAt(e.seq(), e.prevHash(), e.at(), e.actor(), "", e.action(), e.target(),
                Map.of("release", "9.9.9"), e.outcome()));
        AuditVerification v = verify(c);
        assertThat(v.firstBroken()).isEqualTo(4);
        assertThat(v.reason()).contains("does not follow event 3");
    }

    @Test
    void aDeletedEventIsNamed() {
        List<AuditEvent> c = chain(5);
        c.remove(1);
        AuditVerification v = verify(c);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(2);
        assertThat(v.reason()).contains("event 2 is missing");
    }

    @Test
    void reorderedEventsAreNamed() {
        List<AuditEvent> c = chain(5);
        AuditEvent third = c.remove(2);
        c.add(3, third);
        AuditVerification v = verify(c);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3);
    }

    @Test
    void eventsRemovedFromTheEndAreCaughtByTheHead() {
        List<AuditEvent> c = chain(5);
        AuditEvent head = c.get(4);
        List<AuditEvent> truncated = c.subList(0, 3);
        AuditChain.Verifier v = AuditChain.verifier();
        truncated.forEach(v::accept);
        AuditVerification result = v.finish(head.seq(), head.hash());
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken()).isEqualTo(4);
        assertThat(result.reason()).contains("ends at event 3");
    }
}
