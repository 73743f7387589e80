package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static io.camfleet.console.service.devices.TestDevices.NOW;
import static io.camfleet.console.service.devices.TestDevices.chromebook;
import static io.camfleet.console.service.devices.TestDevices.chromebooks;
import static io.camfleet.console.service.devices.TestDevices.tablet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceSyncTest {

    private static List<ReviewDevice> tablets(int n) {
        List<ReviewDevice> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(tablet("tab-" + i, "T" + i, "APPROVED", "reviewer" + i + "@example.com"));
        }
        return all;
    }

    @Test
    void everyPageOfBothTypesLandsInTheCacheInOneReplace() {
        List<ReviewDevice> devices = new ArrayList<>(chromebooks(1_001));
        devices.addAll(tablets(150));
        DevicesRig rig = new DevicesRig(devices);
        rig.clock.advance(Duration.ofMillis(1));
        rig.directory.callsPerPage = 2;

        SyncReport report = rig.service.sync(Progress.NONE);

        // ChromeOS: 1,001 at 300 a page = 4 pages; Android: 150 at 100 a page = 2 pages; 2 calls each = 12.
        assertThat(rig.directory.listCalls).extracting(FakeDirectory.ListCall::type).containsExactly(
                DeviceType.CHROMEOS, DeviceType.CHROMEOS, DeviceType.CHROMEOS, DeviceType.CHROMEOS,
                DeviceType.ANDROID, DeviceType.ANDROID);
        assertThat(rig.directory.listCalls).extracting(FakeDirectory.ListCall::pageToken)
                .containsExactly(null, "300", "600", "900", null, "100");
        assertThat(report.count(DeviceType.CHROMEOS)).isEqualTo(1_001);
        assertThat(report.count(DeviceType.ANDROID)).isEqualTo(150);
        assertThat(report.calls()).isEqualTo(12);
        assertThat(report.duplicates()).isZero();
        assertThat(report.events()).as("each device new: one history line each").isEqualTo(1_151);
        assertThat(rig.store.replaces).isEqualTo(1);
        CachedDevices cached = rig.service.cached();
        assertThat(cached.devices()).hasSize(1_151);
        assertThat(cached.devices().stream().map(ReviewDevice::id).distinct()).hasSize(1_151);
        assertThat(cached.asOf()).isEqualTo(NOW.plusMillis(1));
        assertThat(cached.source()).isEqualTo("fake");
    }

    @Test
    void aDeviceListedTwiceAcrossPagesIsKeptOnceAsListedLast() {
        DevicesRig rig = new DevicesRig(chromebooks(600));
        rig.directory.beforePage = (type, page) -> {
            if (type == DeviceType.CHROMEOS && page == 2) {
                // A device enrolled at the head of the listing pushes cb-0300, last of page 1, onto page 2; it was
                // disabled meanwhile, so its second listing is the newer one.
                rig.directory.insert(0, chromebook("cb-new", "SNNEW", "ACTIVE", "new@example.com"));
                rig.directory.put(chromebook("cb-0300", "SN0300", "DISABLED", "reviewer300@example.com"));
            }
        };

        SyncReport report = rig.service.sync(Progress.NONE);

        // Page 1: cb-0001..cb-0300; page 2 (offset 300 of 601): cb-0300..cb-0599; page 3: cb-0600. cb-new missed.
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.count(DeviceType.CHROMEOS)).isEqualTo(600);
        assertThat(rig.service.cached().devices()).hasSize(600);
        assertThat(rig.cached("cb-0300").status()).isEqualTo("DISABLED");
    }

    @Test
    void aDeviceGoneBetweenPagesIsToleratedAndRecordedAsGone() {
        DevicesRig rig = new DevicesRig(chromebooks(600));
        rig.service.sync(Progress.NONE);
        rig.directory.beforePage = (type, page) -> {
            if (type == DeviceType.CHROMEOS && page == 2) {
                rig.directory.remove("cb-0450"); // on page 2, gone before it was listed
            }
        };

        SyncReport report = rig.service.sync(Progress.NONE);

        assertThat(report.count(DeviceType.CHROMEOS)).isEqualTo(599);
        assertThat(rig.service.cached().devices()).extracting(ReviewDevice::id).doesNotContain("cb-0450")
                .contains("cb-0449", "cb-0451", "cb-0600");
        assertThat(rig.service.history("cb-0450")).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(DeviceEvent.Kind.STATE);
            assertThat(e.after()).isEqualTo("gone");
        });
    }

    @Test
    void aFailedPageLeavesTheCacheAsItWasAndSaysWhatFailed() {
        DevicesRig rig = new DevicesRig(chromebooks(1_000));
        rig.service.sync(Progress.NONE);
        CachedDevices before = rig.service.cached();
        rig.clock.advance(Duration.ofHours(1));
        rig.directory.put(chromebook("cb-0001", "SN0001", "DISABLED", "reviewer1@example.com"));
        rig.directory.beforePage = (type, page) -> {
            if (page == 3) {
                throw new Problem("devices.google.unreachable", "chromeosdevices.list", "admin.googleapis.com");
            }
        };

        assertThatThrownBy(() -> rig.service.sync(Progress.NONE)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.key()).isEqualTo("devices.syncFailed");
            assertThat(p.args()).startsWith("ChromeOS", 3);
            assertThat(p.getCause()).isInstanceOf(Problem.class);
        });
        assertThat(rig.store.replaces).isEqualTo(1);
        assertThat(rig.service.cached()).isEqualTo(before);
    }

    @Test
    void anAndroidListingRefusedMeansTheDirectoryHoldsNone() {
        DevicesRig rig = new DevicesRig(chromebooks(3));
        rig.directory.beforePage = (type, page) -> {
            if (type == DeviceType.ANDROID) {
                // What GoogleDirectory throws for a 403 on the mobile listing.
                throw new Problem("devices.google.denied.mobile", "mobiledevices.list", "admin@example.com",
                        DeviceSettings.MOBILE_SCOPE, "Not Authorized to access this resource/api");
            }
        };

        SyncReport report = rig.service.sync(Progress.NONE);

        assertThat(report.count(DeviceType.CHROMEOS)).isEqualTo(3);
        assertThat(report.count(DeviceType.ANDROID)).isZero();
        assertThat(rig.service.cached().devices()).hasSize(3);
    }

    @Test
    void anAndroidListingThatFailsOtherwiseFailsTheSync() {
        DevicesRig rig = new DevicesRig(chromebooks(3));
        rig.directory.beforePage = (type, page) -> {
            if (type == DeviceType.ANDROID) {
                throw new Problem("devices.google.gaveUp", "mobiledevices.list", 6, 60, "quotaExceeded");
            }
        };

        assertThatThrownBy(() -> rig.service.sync(Progress.NONE)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.args()).startsWith("Android", 1));
        assertThat(rig.store.replaces).isZero();
    }

    @Test
    void withoutTheMobileScopeAndroidIsNotAskedFor() {
        List<ReviewDevice> devices = new ArrayList<>(chromebooks(3));
        devices.addAll(tablets(2));
        DevicesRig rig = new DevicesRig(devices);
        DeviceSettings d = DeviceSettings.DEFAULTS;
        rig.settings.set(new DeviceSettings(d.customerId(), d.adminSubject(), d.keyFile(),
                List.of(DeviceSettings.CHROMEOS_SCOPE), d.apiBaseUrl(), d.tokenUrl(), d.orgUnit(), "", "",
                d.rules()));

        SyncReport report = rig.service.sync(Progress.NONE);

        assertThat(rig.directory.listCalls).extracting(FakeDirectory.ListCall::type)
                .containsOnly(DeviceType.CHROMEOS);
        assertThat(report.devices()).isEqualTo(Map.of(DeviceType.CHROMEOS, 3, DeviceType.ANDROID, 0));
    }

    @Test
    void aCancelledSyncStopsBetweenPagesAndLeavesTheCache() {
        DevicesRig rig = new DevicesRig(chromebooks(900));
        List<String> messages = new ArrayList<>();
        Progress cancelAfterFirstPage = new Progress() {
            @Override
            public void update(String message, long done, long total) {
                messages.add(message);
            }

            @Override
            public boolean isCancelled() {
                return !messages.isEmpty();
            }
        };

        assertThatThrownBy(() -> rig.service.sync(cancelAfterFirstPage)).isInstanceOf(CancellationException.class);
        assertThat(rig.directory.listCalls).hasSize(1);
        assertThat(messages).containsExactly("ChromeOS devices: page 1, 300 listed");
        assertThat(rig.store.replaces).isZero();
    }

    @Test
    void aPageTokenGivenTwiceStopsTheListingInsteadOfLoopingForEver() {
        FakeDirectory fake = new FakeDirectory(chromebooks(2));
        DeviceDirectory looping = new DeviceDirectory() {
            @Override
            public String name() {
                return "looping";
            }

            @Override
            public DirectoryAccess access() {
                return DirectoryAccess.FULL;
            }

            @Override
            public DevicePage list(DeviceType type, DeviceQuery query, String pageToken) {
                return new DevicePage(fake.list(type, query, null).devices(), "again", 1);
            }

            @Override
            public Optional<ReviewDevice> get(DeviceType type, String id) {
                return Optional.empty();
            }

            @Override
            public ReviewDevice annotate(String deviceId, Map<String, String> fields) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ActionOutcome act(io.camfleet.console.domain.devices.DeviceAction action, List<String> ids,
                                     String parameter, String reason) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Set<String> groupMembers(String groupEmail) {
                return new HashSet<>();
            }
        };
        DevicesRig rig = new DevicesRig(List.of());
        DevicesService service = new DevicesService(looping, rig.store, rig.audit, rig.settings::get, rig.clock);

        assertThatThrownBy(() -> service.sync(Progress.NONE)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("devices.syncLoop"));
        assertThat(rig.store.replaces).isZero();
    }

    @Test
    void whatChangedSinceTheLastSyncIsInTheDevicesHistory() {
        DevicesRig rig = new DevicesRig(chromebooks(3));
        rig.service.sync(Progress.NONE);
        rig.clock.advance(Duration.ofHours(1));
        rig.directory.put(chromebook("cb-0002", "SN0002", "DISABLED", "reviewer2@example.com"));

        SyncReport report = rig.service.sync(Progress.NONE);

        assertThat(report.events()).isEqualTo(1);
        assertThat(rig.service.history("cb-0002")).last().satisfies(e -> {
            assertThat(e.what()).isEqualTo("status");
            assertThat(e.before()).isEqualTo("ACTIVE");
            assertThat(e.after()).isEqualTo("DISABLED");
            assertThat(e.by()).isEqualTo("sync");
        });
    }
}
