package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.camfleet.console.service.fleet.Fleets.camera;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetInventoryTest {

    private static Site site(String id, String customer, String region, String environment) {
        return new Site(id, "Site " + id, customer, "NL", region, 52.0, 4.0, "Europe/Amsterdam", SlaTier.GOLD, "",
                environment);
    }

    private static CameraSystem named(String id, String siteId, String hostname, String version) {
        return new CameraSystem(id, siteId, hostname, "", "", "", "", "", version);
    }

    private final FleetInventory inventory = FleetInventory.of(
            List.of(site("B", "Contoso", "NA", ""), site("A", "acme", "EU", "prod-eu"), site("C", "", "", "")),
            List.of(named("A2", "A", "alpha", "6.4.2"), named("B1", "B", "cam-b1", "6.10.0"),
                    named("A1", "A", "beta", "6.9.2"), named("A3", "A", "alpha", "6.4.2"),
                    named("X1", "X", "lost", "1.0")));

    @Test
    void sitesKeepTheirOrderAndEachSitesCamerasSitTogetherByHostnameThenId() {
        assertThat(inventory.siteCount()).isEqualTo(3);
        assertThat(inventory.profiles()).extracting(SiteProfile::id).containsExactly("B", "A", "C");
        assertThat(inventory.cameraCount()).isEqualTo(4);
        assertThat(List.of(0, 1, 2, 3)).extracting(i -> inventory.camera(i).id())
                .containsExactly("B1", "A2", "A3", "A1");
        assertThat(List.of(0, 1, 2, 3)).extracting(inventory::firstCamera).containsExactly(0, 1, 4, 4);
        assertThat(inventory.siteIndexOf("A")).isEqualTo(1);
        assertThat(inventory.siteIndexOf("X")).isEqualTo(-1);
        assertThat(inventory.cameraIndexOf("A1")).isEqualTo(3);
        assertThat(inventory.cameraIndexOf("B1")).isZero();
        assertThat(inventory.cameraIndexOf("X1")).isEqualTo(-1);
        assertThat(inventory.orphanCameras()).as("X1's site is not in the fleet").isEqualTo(1);
        assertThat(inventory.profiles().get(1).countryName()).isEqualTo("Netherlands");
    }

    @Test
    void theChoicesForFiltersAreSortedAndLeaveOutBlanks() {
        assertThat(inventory.regions()).containsExactly("EU", "NA");
        assertThat(inventory.customers()).as("in any case").containsExactly("acme", "Contoso");
        assertThat(inventory.versions()).as("newest first").containsExactly("6.10.0", "6.9.2", "6.4.2");
        assertThat(inventory.environments()).containsExactly("prod-eu");
        assertThat(FleetInventory.EMPTY.siteCount()).isZero();
        assertThat(FleetInventory.EMPTY.versions()).isEmpty();
    }

    @Test
    void aDuplicateSiteOrCameraIdIsRefused() {
        assertThatThrownBy(() -> FleetInventory.of(List.of(site("A", "", "", ""), site("A", "", "", "")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate site id A");
        assertThatThrownBy(() -> FleetInventory.of(List.of(site("A", "", "", ""), site("B", "", "", "")),
                List.of(camera("C1", "A", "1"), camera("C1", "B", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate camera id C1");
    }

    @Test
    void newVersionsRebuildOnlyTheirSitesAndKeepTheLayout() {
        FleetInventory next = inventory.withVersions(Map.of("A1", "6.11.0", "nobody", "9.9"));

        assertThat(next).isNotSameAs(inventory);
        assertThat(next.sameSitesAs(inventory)).isTrue();
        assertThat(next.camera(3).softwareVersion()).isEqualTo("6.11.0");
        assertThat(inventory.camera(3).softwareVersion()).as("the old one is unchanged").isEqualTo("6.9.2");
        assertThat(next.profiles().get(1).versions()).containsExactly("6.4.2", "6.11.0");
        assertThat(next.profiles().get(1).cameras()).extracting(CameraSystem::id).containsExactly("A2", "A3", "A1");
        assertThat(next.profiles().get(0)).isSameAs(inventory.profiles().get(0));
        assertThat(next.versions()).containsExactly("6.11.0", "6.10.0", "6.4.2");
        assertThat(next.cameraIndexOf("A1")).isEqualTo(3);
        assertThat(next.orphanCameras()).isEqualTo(1);
        assertThat(next.environments()).containsExactly("prod-eu");
    }

    @Test
    void versionsThatChangeNothingGiveTheSameInventory() {
        assertThat(inventory.withVersions(Map.of("A1", "6.9.2"))).isSameAs(inventory);
        assertThat(inventory.withVersions(Map.of("X1", "2.0"))).isSameAs(inventory);
        assertThat(inventory.withVersions(Map.of())).isSameAs(inventory);
    }

    @Test
    void onlyAnInventoryWithVersionsReplacedHasTheSameSites() {
        FleetInventory rebuilt = FleetInventory.of(List.of(site("B", "Contoso", "NA", ""),
                site("A", "acme", "EU", "prod-eu"), site("C", "", "", "")), List.of());

        assertThat(inventory.sameSitesAs(inventory)).isTrue();
        assertThat(inventory.sameSitesAs(rebuilt)).isFalse();
        assertThat(inventory.sameSitesAs(null)).isFalse();
    }
}
