package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.devices.Compliance;
import io.camfleet.console.domain.devices.ComplianceRules;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.devices.ActionOutcome;
import io.camfleet.console.service.devices.DevicePage;
import io.camfleet.console.service.devices.DeviceQuery;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static List<ReviewDevice> all(DemoDirectory directory, DeviceType type, DeviceQuery query) {
        List<ReviewDevice> out = new ArrayList<>();
        String token = null;
        do {
            DevicePage page = directory.list(type, query, token);
            out.addAll(page.devices());
            token = page.nextPageToken();
        } while (token != null);
        return out;
    }

    private static List<ReviewDevice> all(DemoDirectory directory) {
        List<ReviewDevice> out = new ArrayList<>(all(directory, DeviceType.CHROMEOS, DeviceQuery.ALL));
        out.addAll(all(directory, DeviceType.ANDROID, DeviceQuery.ALL));
        return out;
    }

    @Test
    void theSameSeedGivesTheSameDevicesAndAnotherSeedOthers() {
        assertThat(all(new DemoDirectory(42, CLOCK))).isEqualTo(all(new DemoDirectory(42, CLOCK)));
        assertThat(all(new DemoDirectory(7, CLOCK))).isNotEqualTo(all(new DemoDirectory(42, CLOCK)));
    }

    @Test
    void aboutThreeHundredDevicesATenthOfThemAndroidTabletsWithUniqueIdsAndSerials() {
        List<ReviewDevice> devices = all(new DemoDirectory(42, CLOCK));
        // 266 drawn Chromebooks + 4 waiting to be provisioned + 30 tablets
        assertThat(devices).hasSize(300);
        assertThat(devices.stream().filter(d -> d.type() == DeviceType.ANDROID)).hasSize(30);
        assertThat(devices.stream().map(ReviewDevice::id).distinct()).hasSize(300);
        assertThat(devices.stream().map(ReviewDevice::serial).distinct()).hasSize(300);
        assertThat(devices).filteredOn(d -> d.type() == DeviceType.CHROMEOS)
                .allSatisfy(d -> assertThat(d.orgUnit()).startsWith("/Review/"));
    }

    @Test
    void chromeOsIsListedThreeHundredAPageAndAndroidAHundredAndASmallerPageSizeIsHonoured() {
        DemoDirectory directory = new DemoDirectory(42, CLOCK);
        DevicePage first = directory.list(DeviceType.CHROMEOS, DeviceQuery.ALL, null);
        assertThat(first.devices()).hasSize(270);
        assertThat(first.nextPageToken()).isNull();
        assertThat(first.calls()).isEqualTo(1);

        // 270 at 100 a page: 100, 100, 70, and the three pages hold every device once
        DeviceQuery hundred = new DeviceQuery("", "", 100);
        DevicePage p1 = directory.list(DeviceType.CHROMEOS, hundred, null);
        DevicePage p2 = directory.list(DeviceType.CHROMEOS, hundred, p1.nextPageToken());
        DevicePage p3 = directory.list(DeviceType.CHROMEOS, hundred, p2.nextPageToken());
        assertThat(List.of(p1.devices().size(), p2.devices().size(), p3.devices().size())).containsExactly(100, 100, 70);
        assertThat(p3.nextPageToken()).isNull();
        Set<String> ids = new HashSet<>();
        List.of(p1, p2, p3).forEach(p -> p.devices().forEach(d -> ids.add(d.id())));
        assertThat(ids).hasSize(270);

        // Android at most 100 a page, whatever is asked
        assertThat(directory.list(DeviceType.ANDROID, new DeviceQuery("", "", 300), null).devices()).hasSize(30);
        assertThatThrownBy(() -> directory.list(DeviceType.CHROMEOS, DeviceQuery.ALL, "garbage"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOrgUnitListsItsDevicesAndItsChildrenAndAQueryNarrowsByWords() {
        DemoDirectory directory = new DemoDirectory(42, CLOCK);
        List<ReviewDevice> lisbon = all(directory, DeviceType.CHROMEOS, new DeviceQuery("/Review/Lisbon", "", 300));
        assertThat(lisbon).isNotEmpty().allSatisfy(d -> assertThat(d.orgUnit()).isEqualTo("/Review/Lisbon"));
        assertThat(all(directory, DeviceType.CHROMEOS, new DeviceQuery("/Review", "", 300))).hasSize(270);
        assertThat(all(directory, DeviceType.CHROMEOS, new DeviceQuery("/Rev", "", 300))).isEmpty();

        ReviewDevice one = lisbon.get(0);
        assertThat(all(directory, DeviceType.CHROMEOS, new DeviceQuery("", one.assetId().toLowerCase(), 300)))
                .containsExactly(one);
    }

    @Test
    void theSpreadOfProblemsIsRealisticMostDevicesBeingFine() {
        DemoDirectory directory = new DemoDirectory(42, CLOCK);
        List<ReviewDevice> devices = all(directory);
        Set<String> reviewers = directory.groupMembers(DemoDirectory.REVIEWERS_GROUP);
        List<JudgedDevice> judged = Compliance.of(ComplianceRules.DEFAULT, devices, reviewers, NOW).judge(devices);
        // each rule broken by a few devices (2 % to 13 % of 300), never by most; three in four comply
        Compliance.count(judged).forEach((rule, n) -> assertThat(n).as(rule.cliName()).isBetween(6, 40));
        assertThat(judged.stream().filter(JudgedDevice::compliant).count()).isBetween(210L, 260L);
        assertThat(devices.stream().filter(d -> d.status().equals("DISABLED")).count()).isBetween(2L, 20L);
        assertThat(reviewers).hasSize(120).allSatisfy(r -> assertThat(r).endsWith("@review.example.com"));
        // Android tablets break the rules that apply to them too
        assertThat(judged).filteredOn(j -> j.device().type() == DeviceType.ANDROID && !j.compliant()).isNotEmpty();
    }

    @Test
    void theUnprovisionedSerialsAreEnrolledActiveAndUnannotated() {
        List<ReviewDevice> devices = all(new DemoDirectory(42, CLOCK));
        assertThat(DemoDirectory.unprovisionedSerials()).hasSize(4).allSatisfy(serial ->
                assertThat(devices).filteredOn(d -> d.serial().equals(serial)).singleElement().satisfies(d -> {
                    assertThat(d.active()).isTrue();
                    assertThat(d.reviewer()).isEmpty();
                    assertThat(d.orgUnit()).isEqualTo("/Review/Enrollment");
                }));
    }

    @Test
    void actionsChangeTheDirectoryAndTheNextListingShowsIt() {
        DemoDirectory directory = new DemoDirectory(42, CLOCK);
        List<ReviewDevice> active = all(directory, DeviceType.CHROMEOS, DeviceQuery.ALL).stream()
                .filter(ReviewDevice::active).toList();
        List<String> three = active.subList(0, 3).stream().map(ReviewDevice::id).toList();

        ActionOutcome disabled = directory.act(DeviceAction.DISABLE, three, "", "lost on the train");
        assertThat(disabled.done()).containsExactlyElementsOf(three);
        assertThat(disabled.calls()).isEqualTo(1);
        assertThat(directory.get(DeviceType.CHROMEOS, three.get(0)).orElseThrow().status()).isEqualTo("DISABLED");

        // disabling again is refused per device, in the API's words; an unknown id is named
        ActionOutcome again = directory.act(DeviceAction.DISABLE, List.of(three.get(0), "nope"), "", "x");
        assertThat(again.done()).isEmpty();
        assertThat(again.failed()).containsEntry(three.get(0), "FAILED_PRECONDITION: the device is disabled")
                .containsEntry("nope", "NOT_FOUND: Resource Not Found: nope");

        directory.act(DeviceAction.MOVE, three, "/Review/Porto", "");
        directory.act(DeviceAction.ASSIGN, List.of(three.get(1)), "ana.silva@review.example.com", "");
        assertThat(all(directory, DeviceType.CHROMEOS, new DeviceQuery("/Review/Porto", "", 300)))
                .extracting(ReviewDevice::id).containsAll(three);
        assertThat(directory.get(DeviceType.CHROMEOS, three.get(1)).orElseThrow().reviewer())
                .isEqualTo("ana.silva@review.example.com");

        assertThat(directory.act(DeviceAction.REENABLE, three, "", "").done()).hasSize(3);
        assertThat(directory.get(DeviceType.CHROMEOS, three.get(2)).orElseThrow().status()).isEqualTo("ACTIVE");

        // an Android action on a Chromebook is refused
        assertThat(directory.act(DeviceAction.WIPE, List.of(three.get(0)), "", "lost").failed())
                .containsKey(three.get(0));
    }

    @Test
    void tabletsAreApprovedBlockedAndWipedAndAWorkAccountWipeTakesTheReviewerOff() {
        DemoDirectory directory = new DemoDirectory(42, CLOCK);
        List<ReviewDevice> tablets = all(directory, DeviceType.ANDROID, DeviceQuery.ALL);
        ReviewDevice pending = tablets.stream().filter(d -> d.status().equals("PENDING")).findFirst().orElseThrow();
        ReviewDevice approved = tablets.stream().filter(ReviewDevice::active).findFirst().orElseThrow();

        assertThat(directory.act(DeviceAction.APPROVE, List.of(pending.id(), approved.id()), "", "").failed())
                .containsOnlyKeys(approved.id());
        assertThat(directory.get(DeviceType.ANDROID, pending.id()).orElseThrow().status()).isEqualTo("APPROVED");
        directory.act(DeviceAction.BLOCK, List.of(pending.id()), "", "");
        assertThat(directory.get(DeviceType.ANDROID, pending.id()).orElseThrow().status()).isEqualTo("BLOCKED");
        directory.act(DeviceAction.ACCOUNT_WIPE, List.of(approved.id()), "", "left the team");
        assertThat(directory.get(DeviceType.ANDROID, approved.id()).orElseThrow().reviewer()).isEmpty();
        ActionOutcome wipe = directory.act(DeviceAction.WIPE, List.of(approved.id()), "", "stolen");
        assertThat(wipe.calls()).isEqualTo(1);
        assertThat(directory.get(DeviceType.ANDROID, approved.id()).orElseThrow().status()).isEqualTo("WIPING");
        // a tablet has no org unit to move to, nor a ChromeOS status to change
        assertThat(directory.act(DeviceAction.DISABLE, List.of(pending.id()), "", "x").failed())
                .containsOnlyKeys(pending.id());
    }

    @Test
    void aRebootReachesADeviceThatSyncsAndExpiresOnOneThatHasBeenSilent() {
        DemoDirectory directory = new DemoDirectory(42, CLOCK);
        List<ReviewDevice> active = all(directory, DeviceType.CHROMEOS, DeviceQuery.ALL).stream()
                .filter(ReviewDevice::active).toList();
        ReviewDevice syncing = active.stream().filter(d -> d.lastSync().isAfter(NOW.minus(Duration.ofHours(12))))
                .findFirst().orElseThrow();
        ReviewDevice silent = active.stream().filter(d -> d.lastSync().isBefore(NOW.minus(Duration.ofDays(14))))
                .findFirst().orElseThrow();
        ActionOutcome reboot = directory.act(DeviceAction.REBOOT, List.of(syncing.id(), silent.id()), "", "");
        assertThat(reboot.done()).containsExactly(syncing.id());
        assertThat(reboot.failed().get(silent.id())).startsWith("EXPIRED");
        // one issueCommand and one read of its result per device
        assertThat(reboot.calls()).isEqualTo(4);
    }

    @Test
    void aStatusChangeOfMoreThanFiftyDevicesIsRefusedAsTheApiRefusesIt() {
        DemoDirectory directory = new DemoDirectory(42, CLOCK);
        List<String> ids = all(directory, DeviceType.CHROMEOS, DeviceQuery.ALL).stream().limit(51)
                .map(ReviewDevice::id).toList();
        assertThatThrownBy(() -> directory.act(DeviceAction.DISABLE, ids, "", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 50");
        assertThat(directory.act(DeviceAction.DEPROVISION, ids.subList(0, 2), "", "").failed().values())
                .containsOnly("INVALID_ARGUMENT: deprovisionReason is required");
    }

    @Test
    void annotatingChangesOnlyTheFieldsGiven() {
        DemoDirectory directory = new DemoDirectory(42, CLOCK);
        String serial = DemoDirectory.unprovisionedSerials().get(0);
        ReviewDevice before = all(directory).stream().filter(d -> d.serial().equals(serial)).findFirst().orElseThrow();
        ReviewDevice after = directory.annotate(before.id(), Map.of("annotatedUser", "grace.otieno@review.example.com",
                "annotatedAssetId", "RV-20001"));
        assertThat(after.reviewer()).isEqualTo("grace.otieno@review.example.com");
        assertThat(after.assetId()).isEqualTo("RV-20001");
        assertThat(after.orgUnit()).isEqualTo(before.orgUnit());
        assertThat(directory.get(DeviceType.CHROMEOS, before.id())).contains(after);
    }
}
