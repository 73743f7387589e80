package io.camfleet.console.adapter.store;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.audit.AuditVerification;
import io.camfleet.console.service.audit.AuditQuery;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.audit.Operator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail on a real H2 file and on PostgreSQL, tampered with the way someone with the database could. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class JdbcAuditTrailTest {

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private AuditService audit;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        audit = new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(dir),
                new Operator("alice", ""), Clock.systemUTC());
        for (int i = 1; i <= 6; i++) {
            audit.record("deploy.wave", "site-" + i, Map.of("release", "6.4." + i, "token", "s3cr3t"),
                    i % 3 == 0 ? AuditOutcome.FAILED : AuditOutcome.SUCCEEDED);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void eventsRoundTripAndTheChainIsIntact() {
        List<AuditEvent> events = audit.search(AuditQuery.latest(100));
        assertThat(events).hasSize(6);
        assertThat(events.get(0).seq()).isEqualTo(6);
        assertThat(events.get(5).parameters()).containsEntry("release", "6.4.1").containsEntry("token", "[redacted]");
        AuditVerification v = audit.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(6);
    }

    @Test
    void searchFiltersByTextAndOutcome() {
        assertThat(audit.search(new AuditQuery("SITE-4", Set.of(), 10))).extracting(AuditEvent::target)
                .containsExactly("site-4");
        assertThat(audit.search(new AuditQuery("", Set.of(AuditOutcome.FAILED), 10))).extracting(AuditEvent::seq)
                .containsExactly(6L, 3L);
        assertThat(audit.search(new AuditQuery("100%", Set.of(), 10))).isEmpty();
    }

    @Test
    void anEditedEventIsTheFirstBrokenLink() throws Exception {
        sql("UPDATE audit_event SET actor = 'mallory' WHERE seq = 4");
        AuditVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(4);
        assertThat(v.checked()).isEqualTo(3);
    }

    @Test
    void anEditedParameterIsCaught() throws Exception {
        sql("UPDATE audit_event SET parameters = '{\"release\":\"9.9.9\",\"token\":\"[redacted]\"}' WHERE seq = 2");
        assertThat(audit.verify().firstBroken()).isEqualTo(2);
    }

    @Test
    void aDeletedEventIsNamed() throws Exception {
        sql("DELETE FROM audit_event WHERE seq = 3");
        AuditVerification v = audit.verify();
        assertThat(v.firstBroken()).isEqualTo(3);
        assertThat(v.finding()).isEqualTo(AuditVerification.Finding.MISSING);
        assertThat(new Messages(Locale.ENGLISH).text(v)).contains("event 3 is missing");
    }

    @Test
    void reorderedEventsAreNamed() throws Exception {
        sql("UPDATE audit_event SET seq = 100 WHERE seq = 2");
        sql("UPDATE audit_event SET seq = 2 WHERE seq = 5");
        sql("UPDATE audit_event SET seq = 5 WHERE seq = 100");
        AuditVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(2);
    }

    @Test
    void removingTheNewestEventsIsCaught() throws Exception {
        sql("DELETE FROM audit_event WHERE seq >= 5");
        AuditVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(5);
    }

    @Test
    void appendsAfterReopeningContinueTheSameChain() {
        db.close();
        db = engine.open(dir);
        audit = new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(dir),
                new Operator("bob", ""), Clock.systemUTC());
        AuditEvent e = audit.record("console.open", "", Map.of(), AuditOutcome.SUCCEEDED);
        assertThat(e.seq()).isEqualTo(7);
        assertThat(audit.verify().intact()).isTrue();
    }
}
