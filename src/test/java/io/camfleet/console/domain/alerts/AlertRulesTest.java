package io.camfleet.console.domain.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertRulesTest {

    @Test
    void theDefaultsAreWhatTheNocAskedFor() {
        AlertRules d = AlertRules.DEFAULT;
        assertThat(d.threshold(AlertKind.SITE_OFFLINE)).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.threshold(AlertKind.CAMERA_DEGRADED)).isEqualTo(Duration.ofMinutes(15));
        assertThat(d.threshold(AlertKind.SYNC_STALE)).isEqualTo(Duration.ofMinutes(15));
        assertThat(d.threshold(AlertKind.DEPLOYMENT_FAILED)).isZero();
        assertThat(d.clearAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void thresholdsOutOfBoundsAreRefusedWithASentence() {
        assertThatThrownBy(() -> new AlertRules(-1, 15, 15, 2, 14.4, 6)).hasMessageContaining("site offline")
                .hasMessageContaining("not -1");
        assertThatThrownBy(() -> new AlertRules(1, 15, 0, 2, 14.4, 6)).hasMessageContaining("sync stale");
        assertThatThrownBy(() -> new AlertRules(1, 15, 15, 2, 0.5, 0.5)).hasMessageContaining("fast burn");
        assertThatThrownBy(() -> new AlertRules(1, 15, 15, 2, 6, 14.4)).hasMessageContaining("must not be above");
    }

    @Test
    void theBurnRateIsTheShareOfTimeDownOverTheShareTheTargetAllows() {
        // 99.99 % allows 0.0001 of the time down. 36 s down in an hour is 0.01 of it: 100 times the budget's pace.
        assertThat(AlertRules.burnRate(36, 3600, 99.99)).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
        // 99.9 % allows 0.001: 3.6 s down in an hour is 1.0, exactly the pace that spends the budget by month's end.
        assertThat(AlertRules.burnRate(36, 36_000, 99.9)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(AlertRules.burnRate(0, 0, 99.9)).as("nothing observed").isZero();
    }

    @Test
    void aSilenceCoversItsSiteAndKindUntilItEnds() {
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        Silence s = new Silence(0, "ams", AlertKind.SITE_OFFLINE, t0, t0.plusSeconds(600), "nina", "power work");
        assertThat(s.covers(AlertKind.SITE_OFFLINE, "ams", t0)).isTrue();
        assertThat(s.covers(AlertKind.SITE_OFFLINE, "ams", t0.plusSeconds(600))).as("ended").isFalse();
        assertThat(s.covers(AlertKind.CAMERA_DEGRADED, "ams", t0)).isFalse();
        assertThat(s.covers(AlertKind.SITE_OFFLINE, "rtm", t0)).isFalse();
        Silence everySite = new Silence(0, "", AlertKind.SYNC_STALE, t0, t0.plusSeconds(60), "nina", "AWS outage");
        assertThat(everySite.covers(AlertKind.SYNC_STALE, "", t0)).isTrue();
        assertThatThrownBy(() -> new Silence(0, "", null, t0, t0.plusSeconds(60), "x", "y"))
                .hasMessageContaining("not everything");
    }
}
