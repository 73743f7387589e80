package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.fleet.HealthState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteDownRuleTest {

    private static int[] counts(int offline, int degraded, int unknown, int updating, int maintenance, int online) {
        return new int[] {offline, degraded, unknown, updating, maintenance, online};
    }

    @Test
    void aSiteWithSevenOfEightCamerasOnlineIsDegradedNotOfflineUnderTheDefaultRule() {
        assertThat(SiteDownRule.DEFAULT.siteState(counts(1, 0, 0, 0, 0, 7))).isEqualTo(HealthState.DEGRADED);
        assertThat(SiteDownRule.DEFAULT.siteState(counts(8, 0, 0, 0, 0, 0))).isEqualTo(HealthState.OFFLINE);
    }

    @Test
    void camerasInMaintenanceOrNeverHeardFromDoNotKeepADarkSiteUp() {
        assertThat(SiteDownRule.DEFAULT.siteState(counts(6, 0, 1, 0, 1, 0))).isEqualTo(HealthState.OFFLINE);
        assertThat(SiteDownRule.DEFAULT.siteState(counts(0, 0, 1, 0, 1, 0))).isEqualTo(HealthState.UNKNOWN);
        assertThat(SiteDownRule.DEFAULT.siteState(counts(0, 0, 0, 0, 3, 0))).isEqualTo(HealthState.MAINTENANCE);
        assertThat(SiteDownRule.DEFAULT.siteState(counts(0, 0, 0, 0, 0, 0))).isEqualTo(HealthState.UNKNOWN);
    }

    @Test
    void degradedCamerasCountOnlyWhenTheRuleSaysSo() {
        assertThat(SiteDownRule.DEFAULT.siteState(counts(4, 4, 0, 0, 0, 0))).isEqualTo(HealthState.DEGRADED);
        SiteDownRule withDegraded = new SiteDownRule(SiteDownRule.Kind.DARK, 0, true);
        assertThat(withDegraded.siteState(counts(4, 4, 0, 0, 0, 0))).isEqualTo(HealthState.OFFLINE);
        assertThat(withDegraded.countsAgainst(HealthState.DEGRADED)).isTrue();
        assertThat(SiteDownRule.DEFAULT.countsAgainst(HealthState.DEGRADED)).isFalse();
    }

    @Test
    void countAndShareRulesTakeTheSiteDownAtTheirThreshold() {
        SiteDownRule three = new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 3, false);
        assertThat(three.isDown(2, 5, 8)).isFalse();
        assertThat(three.isDown(3, 0, 8)).isTrue();
        SiteDownRule half = new SiteDownRule(SiteDownRule.Kind.AT_LEAST_PERCENT, 50, false);
        assertThat(half.isDown(3, 0, 8)).isFalse();
        assertThat(half.isDown(4, 0, 8)).isTrue();
        assertThat(half.isDown(0, 0, 8)).isFalse();
    }

    @Test
    void thresholdsOutOfRangeAreRefusedWithASentence() {
        assertThatThrownBy(() -> new SiteDownRule(SiteDownRule.Kind.AT_LEAST_PERCENT, 101, false))
                .hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 0, false))
                .hasMessageContaining("at least 1");
    }

    @Test
    void aSiteWithNoCameraExpectedIsNeverDownAndThresholdsAreCheckedAtTheirEdges() {
        assertThat(SiteDownRule.DEFAULT.isDown(0, 0, 0)).isFalse();
        assertThat(SiteDownRule.DEFAULT.isDown(1, 0, 0)).isFalse();
        assertThat(new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 1, false).isDown(1, 0, 5)).isTrue();
        assertThat(new SiteDownRule(SiteDownRule.Kind.AT_LEAST_PERCENT, 100, false).isDown(4, 0, 4)).isTrue();
        assertThat(new SiteDownRule(SiteDownRule.Kind.AT_LEAST_PERCENT, 1, false).isDown(1, 0, 100)).isTrue();
        assertThatThrownBy(() -> new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SiteDownRule(SiteDownRule.Kind.AT_LEAST_PERCENT, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SiteDownRule(SiteDownRule.Kind.AT_LEAST_PERCENT, 101, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
