package io.camfleet.console.service.fleet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.camfleet.console.service.fleet.SiteProfile.compareVersions;
import static org.assertj.core.api.Assertions.assertThat;

class SiteProfileTest {

    @Test
    void versionsCompareNumberByNumber() {
        assertThat(compareVersions("6.10.0", "6.9.2")).isPositive();
        assertThat(compareVersions("6.9.2", "6.10.0")).isNegative();
        assertThat(compareVersions("6.4.2", "6.4.2")).isZero();
        assertThat(compareVersions("6.4", "6.4.1")).isNegative();
        assertThat(compareVersions("5.9.14", "5.9.9")).isPositive();
        assertThat(compareVersions("6.04", "6.4")).isZero();
        assertThat(compareVersions("6.5.0-rc1", "6.5.0-rc2")).isNegative();
        assertThat(compareVersions("", "1")).isNegative();
    }

    @Test
    void sortingReleasesPutsThemInReleaseOrder() {
        List<String> v = new ArrayList<>(List.of("6.10.1", "5.9.14", "6.4.2", "6.9.0", "6.4.10", "6.4.1"));
        v.sort(SiteProfile::compareVersions);
        assertThat(v).containsExactly("5.9.14", "6.4.1", "6.4.2", "6.4.10", "6.9.0", "6.10.1");
    }
}
