package io.camfleet.console.service;

import io.camfleet.console.domain.AuditEvent;
import io.camfleet.console.domain.AuditOutcome;
import io.camfleet.console.domain.SecretRedaction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditServiceTest {

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final AuditService audit = new AuditService(trail, new Operator("alice", "arn:aws:iam::1:user/alice"),
            new TestClock(Instant.parse("2026-11-26T09:00:00Z")));

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
}
