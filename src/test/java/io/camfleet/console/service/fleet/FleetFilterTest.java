package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.SiteHealth;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.camfleet.console.service.fleet.Fleets.camera;
import static io.camfleet.console.service.fleet.Fleets.site;
import static org.assertj.core.api.Assertions.assertThat;

class FleetFilterTest {

    private final SiteSummary rotterdam = new SiteSummary(SiteProfile.of(
            site("NL-00001", "Rotterdam Container Terminal", "Harbor & Rail Ports", "NL", "EU"),
            List.of(camera("NL-00001-C01", "NL-00001", "6.4.2"), camera("NL-00001-C02", "NL-00001", "6.3.7"))),
            SiteHealth.of(List.of(HealthState.ONLINE, HealthState.OFFLINE), SiteDownRule.DEFAULT::siteState), Instant.EPOCH);
    private final SiteSummary austin = new SiteSummary(SiteProfile.of(
            site("US-00002", "Austin Store", "Contoso Retail", "US", "NA"),
            List.of(camera("US-00002-C01", "US-00002", "6.4.2"))),
            SiteHealth.of(List.of(HealthState.ONLINE), SiteDownRule.DEFAULT::siteState), Instant.EPOCH);

    private static FleetFilter text(String t) {
        return new FleetFilter(t, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    @Test
    void searchMatchesNameIdCustomerAndCountryIgnoringCase() {
        assertThat(text("rotterdam").matches(rotterdam)).isTrue();
        assertThat(text("nl-00001").matches(rotterdam)).isTrue();
        assertThat(text("HARBOR").matches(rotterdam)).isTrue();
        assertThat(text("netherlands").matches(rotterdam)).isTrue();
        assertThat(text("rotterdam").matches(austin)).isFalse();
    }

    @Test
    void searchFindsTheSiteOfACamera() {
        assertThat(text("nl-00001-c02").matches(rotterdam)).isTrue();
        assertThat(text("cam-us-00002").matches(austin)).isTrue();
    }

    @Test
    void everyWordMustMatch() {
        assertThat(text("contoso austin").matches(austin)).isTrue();
        assertThat(text("contoso rotterdam").matches(austin)).isFalse();
        assertThat(text("   ").matches(austin)).isTrue();
    }

    @Test
    void healthChipsMatchTheSiteStateByTheRuleInForceNotTheWorstCamera() {
        // Rotterdam: one camera online, one offline. Not dark, so Degraded under the default rule.
        FleetFilter offline = new FleetFilter("", Set.of(HealthState.OFFLINE), Set.of(), Set.of(), Set.of(), Set.of());
        FleetFilter degraded = new FleetFilter("", Set.of(HealthState.DEGRADED), Set.of(), Set.of(), Set.of(),
                Set.of());
        assertThat(offline.matches(rotterdam)).isFalse();
        assertThat(degraded.matches(rotterdam)).isTrue();
        assertThat(degraded.matches(austin)).isFalse();
        // Down from one camera offline: the same cameras make Rotterdam Offline.
        SiteSummary strict = new SiteSummary(rotterdam.profile(), SiteHealth.of(List.of(HealthState.ONLINE,
                HealthState.OFFLINE), new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 1, false)::siteState),
                Instant.EPOCH);
        assertThat(offline.matches(strict)).isTrue();
        assertThat(degraded.matches(strict)).isFalse();
    }

    @Test
    void regionCustomerAndVersionChipsCombine() {
        FleetFilter euOnOld = new FleetFilter("", Set.of(), Set.of("EU"), Set.of(), Set.of("6.3.7"), Set.of());
        assertThat(euOnOld.matches(rotterdam)).isTrue();
        assertThat(euOnOld.matches(austin)).isFalse();
        FleetFilter contoso = new FleetFilter("", Set.of(), Set.of(), Set.of("Contoso Retail"), Set.of(), Set.of());
        assertThat(contoso.matches(austin)).isTrue();
        assertThat(contoso.matches(rotterdam)).isFalse();
    }

    @Test
    void environmentChipsMatchTheEnvironmentTheSiteWasSyncedFrom() {
        SiteSummary lisbon = new SiteSummary(SiteProfile.of(
                site("PT-00003", "Lisbon Depot", "Harbor & Rail Ports", "PT", "EU", "prod-eu"),
                List.of(camera("PT-00003-C01", "PT-00003", "6.4.2"))),
                SiteHealth.of(List.of(HealthState.ONLINE), SiteDownRule.DEFAULT::siteState), Instant.EPOCH);
        FleetFilter prodEu = new FleetFilter("", Set.of(), Set.of(), Set.of(), Set.of(), Set.of("prod-eu"));
        assertThat(prodEu.isEmpty()).isFalse();
        assertThat(prodEu.matches(lisbon)).isTrue();
        assertThat(prodEu.matches(austin)).as("a demo site names no environment").isFalse();
        FleetFilter staging = new FleetFilter("", Set.of(), Set.of(), Set.of(), Set.of(), Set.of("staging"));
        assertThat(staging.matches(lisbon)).isFalse();
        assertThat(FleetFilter.ALL.matches(lisbon)).isTrue();
    }

    @Test
    void anEmptyFilterIsEmpty() {
        assertThat(FleetFilter.ALL.isEmpty()).isTrue();
        assertThat(text(" x ").isEmpty()).isFalse();
        assertThat(text(" x ").text()).isEqualTo("x");
    }

    @Test
    void eachChipAloneKeepsOnlyTheSitesItNamesAndLetsTheOthersThrough() {
        // One chip at a time, both ways: a chip that let everything through, or nothing, fails here.
        assertThat(new FleetFilter("", Set.of(HealthState.ONLINE), Set.of(), Set.of(), Set.of(), Set.of()).matches(austin))
                .isTrue();
        assertThat(new FleetFilter("", Set.of(HealthState.ONLINE), Set.of(), Set.of(), Set.of(), Set.of())
                .matches(rotterdam)).as("Rotterdam's worst is OFFLINE").isFalse();
        FleetFilter na = new FleetFilter("", Set.of(), Set.of("NA"), Set.of(), Set.of(), Set.of());
        assertThat(na.matches(austin)).isTrue();
        assertThat(na.matches(rotterdam)).isFalse();
        FleetFilter harbor = new FleetFilter("", Set.of(), Set.of(), Set.of("Harbor & Rail Ports"), Set.of(), Set.of());
        assertThat(harbor.matches(rotterdam)).isTrue();
        assertThat(harbor.matches(austin)).isFalse();
        FleetFilter old = new FleetFilter("", Set.of(), Set.of(), Set.of(), Set.of("6.3.7"), Set.of());
        assertThat(old.matches(rotterdam)).as("one camera on 6.3.7 is enough").isTrue();
        assertThat(old.matches(austin)).isFalse();
        FleetFilter current = new FleetFilter("", Set.of(), Set.of(), Set.of(), Set.of("6.4.2"), Set.of());
        assertThat(current.matches(rotterdam)).isTrue();
        assertThat(current.matches(austin)).isTrue();
        FleetFilter none = new FleetFilter("", Set.of(), Set.of(), Set.of(), Set.of("9.9.9"), Set.of());
        assertThat(none.matches(rotterdam)).isFalse();
        assertThat(none.matches(austin)).isFalse();
    }

    @Test
    void applyReturnsThePositionsOfTheMatchingSitesInOrder() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        TestFleetSource source = new TestFleetSource("Test", at -> new FleetData(
                List.of(site("A", "Amsterdam", "Harbor", "NL", "EU"), site("B", "Boston", "Retail", "US", "NA"),
                        site("C", "Cadiz", "Harbor", "ES", "EU")),
                List.of(camera("A-1", "A", "6.4.2"), camera("B-1", "B", "6.4.2"), camera("C-1", "C", "6.3.7")),
                java.util.Map.of()));
        FleetSnapshot snapshot = Fleets.uncached(source, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
                .start(io.camfleet.console.service.common.Progress.NONE);
        List<String> order = snapshot.sites().stream().map(s -> s.profile().site().id()).toList();

        int[] eu = new FleetFilter("", Set.of(), Set.of("EU"), Set.of(), Set.of(), Set.of()).apply(snapshot);
        assertThat(java.util.Arrays.stream(eu).mapToObj(order::get).toList()).containsExactly("A", "C");
        assertThat(FleetFilter.ALL.apply(snapshot)).containsExactly(0, 1, 2);
        assertThat(text("boston").apply(snapshot)).containsExactly(order.indexOf("B"));
        assertThat(text("nowhere").apply(snapshot)).isEmpty();
    }
}
