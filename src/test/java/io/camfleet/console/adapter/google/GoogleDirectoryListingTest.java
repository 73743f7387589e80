package io.camfleet.console.adapter.google;

import io.camfleet.console.adapter.google.FakeGoogleDirectory.Fault;
import io.camfleet.console.adapter.google.FakeGoogleDirectory.Kind;
import io.camfleet.console.adapter.google.FakeGoogleDirectory.Request;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.devices.DevicePage;
import io.camfleet.console.service.devices.DeviceQuery;
import io.camfleet.console.service.devices.DeviceSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.camfleet.console.adapter.google.TestDirectories.devices;
import static io.camfleet.console.adapter.google.TestDirectories.pages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listing ChromeOS devices from the fake Directory API over real HTTP: paging, back-off, refusals, tokens. */
class GoogleDirectoryListingTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    @TempDir
    java.nio.file.Path dir;
    private FakeGoogleDirectory google;
    private final TestDirectories client = new TestDirectories();
    private List<ReviewDevice> fleet;

    @BeforeEach
    void start() {
        google = FakeGoogleDirectory.start(dir);
        fleet = GeneratedDevices.chromeos(1_001, 7, NOW);
        google.put(fleet);
    }

    @AfterEach
    void stop() {
        google.close();
    }

    private List<DevicePage> listAll() {
        return pages(client.open(google.settings()), DeviceType.CHROMEOS, DeviceQuery.ALL);
    }

    @Test
    void aThousandAndOneDevicesAtThreeHundredAPageGiveExactlyThoseDevices() {
        List<DevicePage> pages = listAll();

        // 1,001 = 300 + 300 + 300 + 101: four pages, the last without a next token.
        assertThat(pages).extracting(p -> p.devices().size()).containsExactly(300, 300, 300, 101);
        assertThat(pages.getLast().nextPageToken()).isNull();
        // Every field survives the API's JSON: the devices listed are the devices put, in order.
        assertThat(devices(pages)).containsExactlyElementsOf(fleet);
        assertThat(new HashSet<>(devices(pages).stream().map(ReviewDevice::id).toList())).hasSize(1_001);
        List<Request> sent = google.requests(Kind.CHROMEOS_LIST);
        assertThat(sent).allSatisfy(r -> assertThat(r.query()).containsEntry("maxResults", "300")
                .containsEntry("projection", "FULL").doesNotContainKeys("orgUnitPath", "query"));
        assertThat(sent.get(0).query()).doesNotContainKey("pageToken");
        for (int i = 1; i < 4; i++) {
            assertThat(sent.get(i).query()).containsEntry("pageToken", pages.get(i - 1).nextPageToken());
        }
        // One token for the whole listing: the first page's two calls are the token and the page.
        assertThat(google.count(Kind.TOKEN)).isEqualTo(1);
        assertThat(pages).extracting(DevicePage::calls).containsExactly(2, 1, 1, 1);
        assertThat(client.slept).isEmpty();
    }

    @Test
    void aRateLimitReasonOnPageThreeBacksOffAndResumesFromTheSameToken() {
        google.fail(Kind.CHROMEOS_LIST, 3, Fault.rateLimited());

        List<DevicePage> pages = listAll();

        assertThat(devices(pages)).containsExactlyElementsOf(fleet);
        List<Request> sent = google.requests(Kind.CHROMEOS_LIST);
        assertThat(sent).hasSize(5);
        // The refused request and its retry carry the same token: page 3's, given with page 2.
        assertThat(sent.get(2).query().get("pageToken")).isEqualTo(pages.get(1).nextPageToken());
        assertThat(sent.get(3).query().get("pageToken")).isEqualTo(pages.get(1).nextPageToken());
        assertThat(pages.get(2).calls()).isEqualTo(2);
        // The first wait: a 1 s step with jitter, between half of it and all of it.
        assertThat(client.slept).hasSize(1);
        assertThat(client.slept.getFirst()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void tooManyRequestsAndUnavailableAreRetriedToo() {
        google.fail(Kind.CHROMEOS_LIST, 2, Fault.tooManyRequests());
        google.fail(Kind.CHROMEOS_LIST, 4, Fault.unavailable().times(2));

        List<DevicePage> pages = listAll();

        assertThat(devices(pages)).containsExactlyElementsOf(fleet);
        assertThat(google.requests(Kind.CHROMEOS_LIST)).hasSize(4 + 3);
        // Page 2: one retry after 0.5-1 s; page 4: two retries, the second after a 2 s step (1-2 s with jitter).
        assertThat(client.slept).hasSize(3);
        assertThat(client.slept.get(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aQuotaThatStaysSpentGivesUpAfterBoundedTriesNamingTheCall() {
        google.fail(Kind.CHROMEOS_LIST, 2, Fault.quotaExceeded().times(100));
        GoogleDirectory directory = client.open(google.settings());
        String second = directory.list(DeviceType.CHROMEOS, DeviceQuery.ALL, null).nextPageToken();

        assertThatThrownBy(() -> directory.list(DeviceType.CHROMEOS, DeviceQuery.ALL, second))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("devices.google.gaveUp");
                    assertThat(p.getMessage()).contains("chromeosdevices.list", "quotaExceeded", "after 6 tries");
                });
        // Six tries in all: five waits of 1, 2, 4, 8 and 16 s steps, each at least half its step.
        assertThat(google.requests(Kind.CHROMEOS_LIST)).hasSize(1 + 6);
        assertThat(client.slept).hasSize(5);
        assertThat(client.totalSlept()).isBetween(Duration.ofMillis(15_500), Duration.ofSeconds(31));
    }

    @Test
    void forbiddenIsNotRetriedAndNamesTheScopeAndTheAdminRole() {
        google.fail(Kind.CHROMEOS_LIST, 2, Fault.forbidden());

        assertThatThrownBy(this::listAll).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.key()).isEqualTo("devices.google.denied.chromeos");
            assertThat(p.getMessage()).contains("chromeosdevices.list", FakeGoogleDirectory.ADMIN,
                    DeviceSettings.CHROMEOS_SCOPE, "Manage ChromeOS devices", "Not Authorized to access");
        });
        assertThat(google.requests(Kind.CHROMEOS_LIST)).hasSize(2);
        assertThat(client.slept).isEmpty();
    }

    @Test
    void aTokenThatExpiresInTheMiddleOfAListingIsRenewedOnceAndTheListingGoesOn() {
        google.fail(Kind.CHROMEOS_LIST, 2, Fault.expiredToken());

        List<DevicePage> pages = listAll();

        assertThat(devices(pages)).containsExactlyElementsOf(fleet);
        assertThat(google.count(Kind.TOKEN)).isEqualTo(2);
        // Page 2: refused (401), a new token, the page again.
        assertThat(pages).extracting(DevicePage::calls).containsExactly(2, 3, 1, 1);
        assertThat(client.slept).isEmpty();
    }

    @Test
    void aTokenRefusedTwiceInARowIsAProblem() {
        google.fail(Kind.CHROMEOS_LIST, 2, Fault.expiredToken().times(2));

        assertThatThrownBy(this::listAll).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.key()).isEqualTo("devices.google.tokenRejected");
            assertThat(p.getMessage()).contains("chromeosdevices.list", "Invalid Credentials");
        });
        assertThat(google.count(Kind.TOKEN)).isEqualTo(2);
        assertThat(google.requests(Kind.CHROMEOS_LIST)).hasSize(3);
    }

    @Test
    void aDeviceAddedBetweenPagesShowsTwiceAndTheClientPassesItOnAsItCame() {
        ReviewDevice enrolled = GeneratedDevices.chromeos(1, 99, NOW).getFirst();
        google.afterPage(Kind.CHROMEOS_LIST, 1, () -> google.putFirst(enrolled));

        List<ReviewDevice> listed = devices(listAll());

        // Page 1 gave devices 0-299. The new one sorts first, so everything moves one place on: page 2 starts at
        // what was 299, which comes again, and the new device, before where the listing is, is not seen at all.
        assertThat(listed).hasSize(1_002);
        assertThat(listed.stream().filter(d -> d.id().equals(fleet.get(299).id()))).hasSize(2);
        assertThat(listed).doesNotContain(enrolled);
        assertThat(new HashSet<>(listed)).containsExactlyInAnyOrderElementsOf(fleet);
    }

    @Test
    void aDeviceRemovedBetweenPagesMakesOneVanishFromTheListing() {
        google.afterPage(Kind.CHROMEOS_LIST, 1, () -> google.remove(fleet.get(10).id()));

        List<ReviewDevice> listed = devices(listAll());

        // Page 1 gave 0-299 (10 included). Removing 10 moves everything one place back: page 2 starts at what was
        // 301, so 300, still in the directory, is never listed.
        assertThat(listed).hasSize(1_000);
        assertThat(listed).contains(fleet.get(10)).doesNotContain(fleet.get(300));
    }

    @Test
    void anOrgUnitAndAQueryAreSentAsTheApiNamesThemAndTheSizeIsClamped() {
        List<DevicePage> pages = pages(client.open(google.settings()), DeviceType.CHROMEOS,
                new DeviceQuery("/Review/Lisbon", "status:ACTIVE", 5_000));

        Map<String, String> query = google.requests(Kind.CHROMEOS_LIST).getFirst().query();
        assertThat(query).containsEntry("orgUnitPath", "/Review/Lisbon").containsEntry("includeChildOrgunits", "true")
                .containsEntry("query", "status:ACTIVE").containsEntry("maxResults", "300");
        Set<String> units = new HashSet<>(devices(pages).stream().map(ReviewDevice::orgUnit).toList());
        assertThat(units).containsExactly("/Review/Lisbon");
        assertThat(devices(pages)).hasSize((int) fleet.stream().filter(d -> d.orgUnit().equals("/Review/Lisbon")).count());
    }
}
