package io.camfleet.console.service.fleet;

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
            SiteHealth.of(List.of(HealthState.ONLINE, HealthState.OFFLINE)), Instant.EPOCH);
    private final SiteSummary austin = new SiteSummary(SiteProfile.of(
            site("US-00002", "Austin Store", "Contoso Retail", "US", "NA"),
            List.of(camera("US-00002-C01", "US-00002", "6.4.2"))),
            SiteHealth.of(List.of(HealthState.ONLINE)), Instant.EPOCH);

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
    void healthChipsMatchTheWorstState() {
        FleetFilter offline = new FleetFilter("", Set.of(HealthState.OFFLINE), Set.of(), Set.of(), Set.of(), Set.of());
        assertThat(offline.matches(rotterdam)).isTrue();
        assertThat(offline.matches(austin)).isFalse();
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
                SiteHealth.of(List.of(HealthState.ONLINE)), Instant.EPOCH);
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
}
