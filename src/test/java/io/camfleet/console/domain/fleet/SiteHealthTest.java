package io.camfleet.console.domain.fleet;

import io.camfleet.console.domain.availability.SiteDownRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.camfleet.console.domain.fleet.HealthState.DEGRADED;
import static io.camfleet.console.domain.fleet.HealthState.MAINTENANCE;
import static io.camfleet.console.domain.fleet.HealthState.OFFLINE;
import static io.camfleet.console.domain.fleet.HealthState.ONLINE;
import static io.camfleet.console.domain.fleet.HealthState.UNKNOWN;
import static io.camfleet.console.domain.fleet.HealthState.UPDATING;
import static org.assertj.core.api.Assertions.assertThat;

class SiteHealthTest {

    private static final SiteStateRule DARK = SiteDownRule.DEFAULT::siteState;

    @Test
    void aSiteWithSevenOfEightCamerasOnlineIsDegradedNotOfflineUnderTheDefaultRule() {
        List<HealthState> cameras = new ArrayList<>(Collections.nCopies(7, ONLINE));
        cameras.add(OFFLINE);
        SiteHealth h = SiteHealth.of(cameras, DARK);
        assertThat(h.state()).isEqualTo(DEGRADED);
        assertThat(h.offline()).isEqualTo(1);
        assertThat(h.online()).isEqualTo(7);
    }

    @Test
    void aDarkSiteIsOfflineAndAnAtLeastRuleTakesItDownEarlier() {
        assertThat(SiteHealth.of(List.of(OFFLINE, OFFLINE, MAINTENANCE), DARK).state()).isEqualTo(OFFLINE);
        SiteStateRule twoDown = new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 2, false)::siteState;
        assertThat(SiteHealth.of(List.of(OFFLINE, ONLINE, ONLINE), twoDown).state()).isEqualTo(DEGRADED);
        assertThat(SiteHealth.of(List.of(OFFLINE, OFFLINE, ONLINE), twoDown).state()).isEqualTo(OFFLINE);
    }

    @Test
    void withoutOfflineOrDegradedCamerasASiteIsItsWorstOtherState() {
        assertThat(SiteHealth.of(List.of(ONLINE, MAINTENANCE), DARK).state()).isEqualTo(MAINTENANCE);
        assertThat(SiteHealth.of(List.of(MAINTENANCE, UPDATING), DARK).state()).isEqualTo(UPDATING);
        assertThat(SiteHealth.of(List.of(UPDATING, UNKNOWN), DARK).state()).isEqualTo(UNKNOWN);
        assertThat(SiteHealth.of(List.of(ONLINE), DARK).state()).isEqualTo(ONLINE);
    }

    @Test
    void theStateIsWhatTheRuleSays() {
        assertThat(SiteHealth.of(List.of(ONLINE, ONLINE), counts -> UPDATING).state()).isEqualTo(UPDATING);
    }

    @Test
    void itCountsCamerasPerState() {
        SiteHealth h = SiteHealth.of(List.of(ONLINE, ONLINE, DEGRADED, OFFLINE, ONLINE), DARK);
        assertThat(h.total()).isEqualTo(5);
        assertThat(h.online()).isEqualTo(3);
        assertThat(h.count(DEGRADED)).isEqualTo(1);
        assertThat(h.count(OFFLINE)).isEqualTo(1);
        assertThat(h.count(UPDATING)).isZero();
    }

    @Test
    void aSiteWithoutCamerasIsUnknown() {
        assertThat(SiteHealth.of(List.of(), DARK).state()).isEqualTo(UNKNOWN);
        assertThat(SiteHealth.of(List.of(), DARK).total()).isZero();
    }

    @Test
    void healthWithTheSameCountsAndStateIsEqual() {
        assertThat(SiteHealth.of(List.of(ONLINE, OFFLINE), DARK)).isEqualTo(SiteHealth.of(List.of(OFFLINE, ONLINE), DARK));
        assertThat(SiteHealth.of(List.of(ONLINE, OFFLINE), DARK)).isNotEqualTo(SiteHealth.of(List.of(ONLINE, ONLINE), DARK));
        SiteStateRule anyDown = new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 1, false)::siteState;
        assertThat(SiteHealth.of(List.of(ONLINE, OFFLINE), DARK))
                .isNotEqualTo(SiteHealth.of(List.of(ONLINE, OFFLINE), anyDown));
    }
}
