package io.camfleet.console.domain.alerts;

import io.camfleet.console.domain.availability.BurnRate;
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
        assertThatThrownBy(() -> new AlertRules(-1, 15, 15, 2, 14.4, 6)).hasMessageContaining("siteOfflineMinutes")
                .hasMessageContaining("not -1");
        assertThatThrownBy(() -> new AlertRules(1, 15, 0, 2, 14.4, 6)).hasMessageContaining("syncStaleMinutes");
        assertThatThrownBy(() -> new AlertRules(1, 15, 15, 2, 0.5, 0.5)).hasMessageContaining("fastBurnRate");
        assertThatThrownBy(() -> new AlertRules(1, 15, 15, 2, 6, 14.4)).hasMessageContaining("must not be above");
    }

    @Test
    void theBurnRatesAreTheWorkbooksWindowsAtTheRatesSet() {
        assertThat(AlertRules.DEFAULT.burnRate()).isEqualTo(BurnRate.DEFAULT);
        BurnRate r = new AlertRules(1, 15, 15, 2, 20, 3).burnRate();
        assertThat(r.fastFactor()).isEqualTo(20);
        assertThat(r.slowFactor()).isEqualTo(3);
        assertThat(r.fastLong()).isEqualTo(Duration.ofHours(1));
        assertThat(r.slowShort()).isEqualTo(Duration.ofMinutes(30));
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
