package io.camfleet.console.service.audit;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditAnchor;
import io.camfleet.console.domain.audit.AuditChain;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditKey;
import io.camfleet.console.domain.audit.AuditVerification;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.text.SecretRedaction;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditServiceTest {

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryAuditAnchor anchor = new InMemoryAuditAnchor();
    private final AuditService audit = new AuditService(trail, anchor,
            new Operator("alice", "arn:aws:iam::1:user/alice"), new TestClock(Instant.parse("2026-11-26T09:00:00Z")));

    @Test
    void anEventSaysWhoDidWhatToWhichTargetAndHow() {
        AuditEvent e = audit.record("deploy.start", "NL-00001", Map.of("release", "6.4.2"), AuditOutcome.STARTED);
        assertThat(e.actor()).isEqualTo("alice");
        assertThat(e.cloudIdentity()).isEqualTo("arn:aws:iam::1:user/alice");
        assertThat(e.action()).isEqualTo("deploy.start");
        assertThat(e.target()).isEqualTo("NL-00001");
        assertThat(e.parameters()).containsEntry("release", "6.4.2");
        assertThat(e.seq()).isEqualTo(1);
    }

    @Test
    void secretsNeverReachTheTrail() {
        AuditEvent e = audit.record("ssh.connect", "cam-01", Map.of("password", "hunter2"), AuditOutcome.SUCCEEDED);
        assertThat(e.parameters()).containsEntry("password", SecretRedaction.REDACTED);
    }

    @Test
    void performWritesAnEventBeforeAndAfter() {
        String result = audit.perform("export", "report.pdf", Map.of(), () -> "done");
        assertThat(result).isEqualTo("done");
        assertThat(trail.events).extracting(AuditEvent::outcome)
                .containsExactly(AuditOutcome.STARTED, AuditOutcome.SUCCEEDED);
        assertThat(trail.events.get(1).parameters()).containsEntry("startedSeq", "1");
    }

    @Test
    void whatTheWorkNotesIsOnTheSucceededEventButCannotOverrideWhatWasAsked() {
        String result = audit.perform("report.evidence", "pack.zip", Map.of("from", "2026-11-01"), noted -> {
            noted.put("packSha256", "ab12");
            noted.put("from", "1970-01-01");
            noted.put("startedSeq", "99");
            return "written";
        });

        assertThat(result).isEqualTo("written");
        assertThat(trail.events.get(0).parameters()).doesNotContainKey("packSha256");
        assertThat(trail.events.get(1).parameters()).containsEntry("packSha256", "ab12")
                .containsEntry("from", "2026-11-01").containsEntry("startedSeq", "1");
    }

    @Test
    void walkStreamsTheEventsInOrderAndReturnsTheHeadAndTheAnchorKnowsTheLastOne() {
        audit.record("a", "t", Map.of(), AuditOutcome.SUCCEEDED);
        AuditEvent last = audit.record("b", "t", Map.of(), AuditOutcome.SUCCEEDED);
        java.util.List<Long> seen = new java.util.ArrayList<>();

        AuditTrail.Head head = audit.walk(e -> seen.add(e.seq()));

        assertThat(seen).containsExactly(1L, 2L);
        assertThat(head.seq()).isEqualTo(2);
        assertThat(head.hash()).isEqualTo(last.hash());
        assertThat(audit.anchoredHead()).hasValueSatisfying(h -> {
            assertThat(h.seq()).isEqualTo(2);
            assertThat(h.hash()).isEqualTo(last.hash());
        });
    }

    @Test
    void aFailureOrACancellationIsRecordedAndPassedOn() {
        assertThatThrownBy(() -> audit.perform("export", "x", Map.of(), () -> {
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");
        assertThatThrownBy(() -> audit.perform("export", "y", Map.of(), () -> {
            throw new CancellationException("user");
        })).isInstanceOf(CancellationException.class);
        assertThat(trail.events).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.STARTED,
                AuditOutcome.FAILED, AuditOutcome.STARTED, AuditOutcome.CANCELLED);
        assertThat(trail.events.get(1).parameters()).containsEntry("error", "disk full");
    }

    @Test
    void verifyReportsAnIntactChain() {
        audit.record("a", "t", Map.of(), AuditOutcome.SUCCEEDED);
        audit.record("b", "t", Map.of(), AuditOutcome.SUCCEEDED);
        assertThat(audit.verify().intact()).isTrue();
        assertThat(audit.verify().checked()).isEqualTo(2);
    }

    @Test
    void eachEventIsSealedWithTheKeyAndItsHeadAnchoredOutsideTheTrail() {
        AuditEvent e = audit.record("a", "t", Map.of(), AuditOutcome.SUCCEEDED);
        assertThat(e.keyed()).isTrue();
        assertThat(anchor.key).hasSize(32);
        assertThat(e.hash()).isEqualTo(AuditChain.sealOf(e, AuditKey.of(anchor.key)));
        assertThat(anchor.entries).containsExactly(new AuditAnchor.Start(e.at(), 1),
                new AuditAnchor.Head(1, e.at(), e.hash()));
    }

    @Test
    void nothingIsRecordedWhenTheKeyThatSealedTheTrailIsGone() {
        audit.record("a", "t", Map.of(), AuditOutcome.SUCCEEDED);
        anchor.key = null;
        AuditService later = new AuditService(trail, anchor, new Operator("bob", ""), Clock.systemUTC());
        assertThatThrownBy(() -> later.record("b", "t", Map.of(), AuditOutcome.SUCCEEDED))
                .isInstanceOf(Problem.class)
                .satisfies(p -> assertThat(((Problem) p).key()).isEqualTo("audit.keyMissing"));
        assertThat(trail.events).hasSize(1);
        assertThat(anchor.key).isNull();
    }

    @Test
    void nothingIsRecordedWhenTheAnchorIsGoneButTheKeyIsThere() {
        audit.record("a", "t", Map.of(), AuditOutcome.SUCCEEDED);
        anchor.entries = null;
        AuditService later = new AuditService(trail, anchor, new Operator("bob", ""), Clock.systemUTC());
        assertThatThrownBy(() -> later.record("b", "t", Map.of(), AuditOutcome.SUCCEEDED))
                .isInstanceOf(Problem.class)
                .satisfies(p -> assertThat(((Problem) p).key()).isEqualTo("audit.anchorMissing"));
        assertThat(trail.events).hasSize(1);
    }

    @Test
    void aRestartIsAnchoredBeforeTheEventThatSaysWhereTheEarlierTrailIs() {
        AuditEvent e = audit.restartAfterQuarantine("/data", "cache.corrupt-1.mv.db");
        assertThat(e.action()).isEqualTo(AuditActions.CACHE_RECOVER);
        assertThat(e.parameters()).containsEntry("movedAside", "cache.corrupt-1.mv.db");
        assertThat(anchor.entries).hasSize(3);
        assertThat(anchor.entries.get(1)).isEqualTo(new AuditAnchor.Restart(e.at(), "cache.corrupt-1.mv.db"));
        AuditVerification v = audit.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.earlierTrails()).extracting(AuditVerification.EarlierTrail::movedAside)
                .containsExactly("cache.corrupt-1.mv.db");
    }

    @Test
    void everyFindingReadsAsASentenceNamingWhatIsWrong() {
        Messages m = new Messages(Locale.ENGLISH);
        AuditVerification older = AuditVerification.broken(4, 5, AuditVerification.Finding.OLDER_COPY, 7, "",
                java.util.List.of());
        assertThat(m.text(older)).isEqualTo("the cache file is an older copy of this folder's cache: its trail ends"
                + " at event 4, but audit.anchor records events up to 7");
        assertThat(m.text(AuditVerification.intact(3))).isEmpty();
    }
}
