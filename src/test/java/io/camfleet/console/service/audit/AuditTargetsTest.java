package io.camfleet.console.service.audit;

import io.camfleet.console.domain.audit.AuditKey;
import io.camfleet.console.domain.audit.AuditOutcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTargetsTest {

    @Test
    void aTargetNamesAnIdOnlyAsAWholeWord() {
        List<String> ams = List.of("ams", "cam-1");
        assertThat(AuditTargets.names("cam-1", ams)).isTrue();
        assertThat(AuditTargets.names("sites ams,rtm", ams)).isTrue();
        assertThat(AuditTargets.names("restart on cam-1 (uplink)", ams)).isTrue();
        assertThat(AuditTargets.names("cam-12", ams)).isFalse();
        assertThat(AuditTargets.names("xcam-1", ams)).isFalse();
        assertThat(AuditTargets.names("cam-1.example", ams)).isFalse();
        assertThat(AuditTargets.names("amsterdam", ams)).isFalse();
        // the second occurrence is the whole word
        assertThat(AuditTargets.names("cam-10, cam-1", ams)).isTrue();
        assertThat(AuditTargets.names("anything", List.of(""))).isFalse();
    }

    @Test
    void anyTrailFindsTheEventsNamingASiteInAWindowNewestFirst() {
        InMemoryAuditTrail trail = new InMemoryAuditTrail();
        AuditKey key = AuditKey.of(new byte[AuditKey.LENGTH]);
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        String[] targets = {"cam-1", "cam-12", "site ams", "cam-1", "cam-1"};
        for (int i = 0; i < targets.length; i++) {
            trail.append(key, t.plusSeconds(i), "nina", "", "x", targets[i], new TreeMap<>(), AuditOutcome.SUCCEEDED);
        }
        // seconds 0..3 in the window (4 is at its exclusive end); cam-12 is not cam-1
        assertThat(trail.naming(List.of("ams", "cam-1"), t, t.plusSeconds(4), 10)).extracting(e -> e.seq())
                .containsExactly(4L, 3L, 1L);
        assertThat(trail.naming(List.of("ams", "cam-1"), t, t.plusSeconds(4), 2)).extracting(e -> e.seq())
                .containsExactly(4L, 3L);
    }
}
