package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
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

    @Test
    void partsThatAreNotBothNumbersCompareAsText() {
        assertThat(compareVersions("6.x", "6.1")).isPositive();
        assertThat(compareVersions("6.a", "6.b")).isNegative();
        assertThat(compareVersions("6.1a", "6.1b")).isNegative();
        assertThat(compareVersions("6..1", "6.0.1")).as("an empty part is no number").isNegative();
        assertThat(compareVersions("6.4-1", "6.4.1")).as("'-' separates like '.'").isZero();
        assertThat(compareVersions("6.4", "6.4.")).isNegative();
        assertThat(compareVersions("6.4.", "6.4")).isPositive();
    }

    @Test
    void leadingZerosDoNotCountButTheLastDigitDoes() {
        assertThat(compareVersions("007", "7")).isZero();
        assertThat(compareVersions("00", "0")).isZero();
        assertThat(compareVersions("0", "00")).isZero();
        assertThat(compareVersions("010", "10")).isZero();
        assertThat(compareVersions("000", "1")).isNegative();
        assertThat(compareVersions("09", "10")).isNegative();
        assertThat(compareVersions("19", "20")).isNegative();
        assertThat(compareVersions("20", "19")).isPositive();
        assertThat(compareVersions("100", "99")).isPositive();
    }

    @Test
    void countriesAreNamedInEnglishOrLeftAsTheCode() {
        assertThat(SiteProfile.countryName("NL")).isEqualTo("Netherlands");
        assertThat(SiteProfile.countryName("")).isEmpty();
        assertThat(SiteProfile.countryName(null)).isEmpty();
    }

    @Test
    void aProfileListsItsVersionsAndImagesInOrderAndTheTextTheSearchMatches() {
        Site site = new Site("NL-1", "Rotterdam Terminal", "Harbor & Rail", "NL", "EU", 52.0, 4.0,
                "Europe/Amsterdam", SlaTier.GOLD, "");
        List<CameraSystem> cameras = List.of(
                new CameraSystem("C1", "NL-1", "C1", "", "", "", "", "camos-24.04", "6.10.0"),
                new CameraSystem("C2", "NL-1", "Gate-West", "", "", "", "", "", "6.9.2"),
                new CameraSystem("C3", "NL-1", "c3", "", "", "", "", "camos-22.04", ""),
                new CameraSystem("C4", "NL-1", "c4", "", "", "", "", "camos-24.04", "6.9.2"));

        SiteProfile p = SiteProfile.of(site, cameras);

        assertThat(p.id()).isEqualTo("NL-1");
        assertThat(p.countryName()).isEqualTo("Netherlands");
        assertThat(p.versions()).containsExactly("6.9.2", "6.10.0");
        assertThat(p.images()).containsExactly("camos-22.04", "camos-24.04");
        assertThat(p.searchText()).isEqualTo(String.join("\u0001", "rotterdam terminal", "nl-1", "harbor & rail",
                "nl", "netherlands", "eu", "c1", "c2", "gate-west", "c3", "c3", "c4", "c4"));
        assertThat(SiteProfile.of(site, cameras, "Holland").searchText()).contains("holland")
                .doesNotContain("netherlands");
    }
}
