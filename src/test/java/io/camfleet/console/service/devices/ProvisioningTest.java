package io.camfleet.console.service.devices;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.service.devices.TestDevices.NOW;
import static io.camfleet.console.service.devices.TestDevices.chromebooks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningTest {

    /** The device as it enrolls: active, no annotations yet, in the org unit enrollment put it in. */
    private static ReviewDevice enrolled(String status) {
        return new ReviewDevice("dev-new", DeviceType.CHROMEOS, "5CD1234XYZ", "Chromebook",
                status, "", "", "", "/", "126.0.6478.132", NOW, null, NOW, List.of(), "");
    }

    private static ProvisionRequest request() {
        return ProvisionRequest.queued("5cd1234xyz ", "ana@example.com", "Lisbon, desk 4", "A-1001", "/Review/Lisbon",
                "ignored", NOW.minusSeconds(999));
    }

    private static long events(MemoryDeviceStore store, DeviceEvent.Kind kind) {
        return store.allHistory().stream().filter(e -> e.kind() == kind).count();
    }

    @Test
    void aQueuedSerialIsProvisionedOnceWhenItShowsUpEnrolled() {
        DevicesRig rig = new DevicesRig(chromebooks(2));
        List<ProvisionRequest> queued = rig.service.queue(request());
        assertThat(queued).singleElement().satisfies(r -> {
            assertThat(r.serial()).isEqualTo("5CD1234XYZ");
            assertThat(r.requestedBy()).isEqualTo("alice");
            assertThat(r.requestedAt()).isEqualTo(NOW);
        });

        SyncReport notYet = rig.service.sync(Progress.NONE);
        assertThat(notYet.provisioned()).isEmpty();
        assertThat(rig.store.provisioning("5CD1234XYZ").orElseThrow().state())
                .isEqualTo(ProvisionRequest.State.QUEUED);

        rig.directory.put(enrolled("ACTIVE"));
        rig.clock.advance(Duration.ofMinutes(5));
        SyncReport report = rig.service.sync(Progress.NONE);

        assertThat(report.provisioned()).containsExactly("5CD1234XYZ");
        assertThat(rig.directory.annotations).containsExactly(Map.of("annotatedUser", "ana@example.com",
                "annotatedLocation", "Lisbon, desk 4", "annotatedAssetId", "A-1001"));
        assertThat(rig.directory.actCalls).containsExactly(new FakeDirectory.ActCall(DeviceAction.MOVE,
                List.of("dev-new"), "/Review/Lisbon", ""));
        ProvisionRequest done = rig.store.provisioning("5CD1234XYZ").orElseThrow();
        assertThat(done.state()).isEqualTo(ProvisionRequest.State.PROVISIONED);
        assertThat(done.deviceId()).isEqualTo("dev-new");
        assertThat(rig.cached("dev-new")).satisfies(d -> {
            assertThat(d.reviewer()).isEqualTo("ana@example.com");
            assertThat(d.orgUnit()).isEqualTo("/Review/Lisbon");
            assertThat(d.assetId()).isEqualTo("A-1001");
        });
        assertThat(rig.service.history("dev-new")).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(DeviceEvent.Kind.PROVISIONED);
            assertThat(e.by()).isEqualTo("alice");
            assertThat(e.after()).isEqualTo("/Review/Lisbon");
        });
        assertThat(rig.audited(AuditActions.DEVICES_PROVISION)).extracting(e -> e.outcome())
                .containsExactly(AuditOutcome.STARTED, AuditOutcome.SUCCEEDED);
        assertThat(rig.audited(AuditActions.DEVICES_PROVISION).get(0).target()).isEqualTo("dev-new");
        assertThat(rig.audited(AuditActions.DEVICES_PROVISION).get(0).parameters())
                .containsEntry("serial", "5CD1234XYZ").containsEntry("orgUnit", "/Review/Lisbon");

        rig.clock.advance(Duration.ofMinutes(5));
        SyncReport again = rig.service.sync(Progress.NONE);
        assertThat(again.provisioned()).isEmpty();
        assertThat(rig.directory.annotations).hasSize(1);
        assertThat(rig.directory.actCalls).hasSize(1);
        assertThat(events(rig.store, DeviceEvent.Kind.PROVISIONED)).isEqualTo(1);
    }

    @Test
    void aDeviceListedButNotEnrolledWaits() {
        DevicesRig rig = new DevicesRig(List.of(enrolled("PROVISIONED")));
        rig.service.queue(request());

        SyncReport report = rig.service.sync(Progress.NONE);

        assertThat(report.provisioned()).isEmpty();
        assertThat(rig.directory.annotations).isEmpty();
        assertThat(rig.store.claims).isEmpty();
    }

    @Test
    void twoConsolesSyncingAtOnceProvisionADeviceOnce() throws Exception {
        FakeDirectory directory = new FakeDirectory(List.of(enrolled("ACTIVE")));
        MemoryDeviceStore store = new MemoryDeviceStore();
        DevicesRig alice = new DevicesRig(directory, store, "alice");
        DevicesRig bob = new DevicesRig(directory, store, "bob");
        alice.service.queue(request());
        // Applying takes a while, so that the second console's sync reaches the queue while the first applies.
        directory.beforeAnnotate = () -> sleep(300);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SyncReport> a = pool.submit(() -> {
                start.await();
                return alice.service.sync(Progress.NONE);
            });
            Future<SyncReport> b = pool.submit(() -> {
                start.await();
                return bob.service.sync(Progress.NONE);
            });
            List<String> provisioned = new ArrayList<>(a.get(10, TimeUnit.SECONDS).provisioned());
            provisioned.addAll(b.get(10, TimeUnit.SECONDS).provisioned());
            assertThat(provisioned).containsExactly("5CD1234XYZ");
        } finally {
            pool.shutdownNow();
        }
        assertThat(directory.annotations).hasSize(1);
        assertThat(directory.actCalls).hasSize(1);
        assertThat(store.claims).containsExactly(Map.entry("5CD1234XYZ", 1));
        assertThat(events(store, DeviceEvent.Kind.PROVISIONED)).isEqualTo(1);
        assertThat(alice.audited(AuditActions.DEVICES_PROVISION, AuditOutcome.SUCCEEDED).size()
                + bob.audited(AuditActions.DEVICES_PROVISION, AuditOutcome.SUCCEEDED).size()).isEqualTo(1);
    }

    @Test
    void twoSyncsAtOnceInOneConsoleProvisionADeviceOnce() throws Exception {
        DevicesRig rig = new DevicesRig(List.of(enrolled("ACTIVE")));
        rig.service.queue(request());
        rig.directory.beforeAnnotate = () -> sleep(300);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SyncReport> a = pool.submit(() -> rig.service.sync(Progress.NONE));
            Future<SyncReport> b = pool.submit(() -> rig.service.sync(Progress.NONE));
            a.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rig.directory.annotations).hasSize(1);
        assertThat(rig.store.claims).containsExactly(Map.entry("5CD1234XYZ", 1));
        assertThat(rig.audited(AuditActions.DEVICES_PROVISION, AuditOutcome.SUCCEEDED)).hasSize(1);
    }

    @Test
    void aFailureMarksTheRequestFailedWithWhyAndTheNextSyncTriesAgain() {
        DevicesRig rig = new DevicesRig(List.of(enrolled("ACTIVE")));
        rig.service.queue(request());
        rig.directory.refuse.put("dev-new", "INVALID_ARGUMENT: org unit /Review/Lisbon not found");

        SyncReport failed = rig.service.sync(Progress.NONE);

        assertThat(failed.provisioned()).isEmpty();
        assertThat(failed.provisioningFailures()).containsOnlyKeys("5CD1234XYZ");
        assertThat(failed.provisioningFailures().get("5CD1234XYZ")).contains("org unit /Review/Lisbon not found");
        ProvisionRequest r = rig.store.provisioning("5CD1234XYZ").orElseThrow();
        assertThat(r.state()).isEqualTo(ProvisionRequest.State.FAILED);
        assertThat(r.failure()).contains("org unit /Review/Lisbon not found");
        assertThat(rig.audited(AuditActions.DEVICES_PROVISION, AuditOutcome.FAILED)).hasSize(1);
        assertThat(events(rig.store, DeviceEvent.Kind.PROVISIONED)).isZero();

        rig.directory.refuse.clear();
        SyncReport retried = rig.service.sync(Progress.NONE);

        assertThat(retried.provisioned()).containsExactly("5CD1234XYZ");
        assertThat(rig.store.provisioning("5CD1234XYZ").orElseThrow().state())
                .isEqualTo(ProvisionRequest.State.PROVISIONED);
    }

    @Test
    void queueingIsAllOrNoneAndChecksEachRequest() {
        DevicesRig rig = new DevicesRig(List.of());
        ProvisionRequest good = request();
        ProvisionRequest badEmail = ProvisionRequest.queued("SN2", "ana at example", "", "", "", "x", NOW);
        ProvisionRequest badOrgUnit = ProvisionRequest.queued("SN3", "", "", "", "Review/Lisbon", "x", NOW);
        ProvisionRequest noSerial = ProvisionRequest.queued("  ", "", "", "", "", "x", NOW);

        assertThatThrownBy(() -> rig.service.queue(good, badEmail)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
            assertThat(p.key()).isEqualTo("devices.provision.badReviewer");
        });
        assertThatThrownBy(() -> rig.service.queue(badOrgUnit)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("devices.provision.badOrgUnit"));
        assertThatThrownBy(() -> rig.service.queue(noSerial)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("devices.provision.noSerial"));
        assertThatThrownBy(() -> rig.service.queue(good, request())).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("devices.provision.twice"));
        assertThat(rig.service.provisioning()).isEmpty();
        assertThat(rig.audited(AuditActions.DEVICES_QUEUE)).isEmpty();

        rig.service.queue(good);
        assertThat(rig.service.provisioning()).hasSize(1);
        assertThat(rig.audited(AuditActions.DEVICES_QUEUE)).extracting(e -> e.outcome())
                .containsExactly(AuditOutcome.STARTED, AuditOutcome.SUCCEEDED);
    }

    @Test
    void eachValueIsKeptUpToItsLimitAndOneCharacterMoreIsRefusedNamingTheField() {
        DevicesRig rig = new DevicesRig(List.of());
        String email = "a".repeat(ProvisionCheck.REVIEWER_LIMIT - "@example.com".length()) + "@example.com";
        ProvisionRequest atLimits = ProvisionRequest.queued("S".repeat(ProvisionCheck.SERIAL_LIMIT), email,
                "l".repeat(ProvisionCheck.LOCATION_LIMIT), "a".repeat(ProvisionCheck.ASSET_ID_LIMIT),
                "/" + "o".repeat(ProvisionCheck.ORG_UNIT_LIMIT - 1), "x", NOW);
        rig.service.queue(atLimits);
        assertThat(rig.service.provisioning()).singleElement().satisfies(r -> {
            assertThat(r.location()).hasSize(ProvisionCheck.LOCATION_LIMIT);
            assertThat(r.orgUnit()).hasSize(ProvisionCheck.ORG_UNIT_LIMIT);
        });

        Map<String, ProvisionRequest> overOne = Map.of(
                "serial", ProvisionRequest.queued("S".repeat(ProvisionCheck.SERIAL_LIMIT + 1), "", "", "", "", "x", NOW),
                "location", ProvisionRequest.queued("SN-L", "", "l".repeat(ProvisionCheck.LOCATION_LIMIT + 1), "", "",
                        "x", NOW),
                "assetId", ProvisionRequest.queued("SN-A", "", "", "a".repeat(ProvisionCheck.ASSET_ID_LIMIT + 1), "",
                        "x", NOW),
                "orgUnit", ProvisionRequest.queued("SN-O", "", "", "", "/" + "o".repeat(ProvisionCheck.ORG_UNIT_LIMIT),
                        "x", NOW));
        overOne.forEach((field, r) -> assertThatThrownBy(() -> rig.service.queue(r))
                .as(field).isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("devices.provision.tooLong");
                    assertThat(p.args()[0]).isEqualTo(field);
                }));
        assertThatThrownBy(() -> rig.service.queue(ProvisionRequest.queued("SN-C", "", "Lisbon\ndesk 4", "", "",
                "x", NOW))).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("devices.provision.control"));
        assertThat(rig.service.provisioning()).as("nothing more queued").hasSize(1);
    }

    @Test
    void everyChangeTellsTheSubscribersSoThatTheScreenReadsAgain() {
        DevicesRig rig = new DevicesRig(List.of(enrolled("ACTIVE")));
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        rig.service.subscribe(told::incrementAndGet);

        rig.service.sync(Progress.NONE);
        assertThat(told.getAndSet(0)).as("a sync").isPositive();
        rig.service.queue(ProvisionRequest.queued("SN9", "", "", "", "", "x", NOW));
        assertThat(told.getAndSet(0)).as("a queued request").isPositive();
        rig.service.cancel("SN9");
        assertThat(told.getAndSet(0)).as("a cancelled request").isPositive();
        ReviewDevice device = rig.cached("dev-new");
        rig.service.act(DeviceAction.REBOOT, List.of(device), "", "");
        assertThat(told.getAndSet(0)).as("an action").isPositive();
        rig.service.reportLost(device, "left on the train");
        assertThat(told.getAndSet(0)).as("a lost device").isPositive();
    }

    @Test
    void aCancelledRequestIsNotProvisioned() {
        DevicesRig rig = new DevicesRig(List.of(enrolled("ACTIVE")));
        rig.service.queue(request());

        assertThat(rig.service.cancel("5cd1234xyz")).isTrue();
        assertThat(rig.service.cancel("5cd1234xyz")).isFalse();
        rig.service.sync(Progress.NONE);

        assertThat(rig.directory.annotations).isEmpty();
        assertThat(rig.audited(AuditActions.DEVICES_CANCEL, AuditOutcome.SUCCEEDED)).hasSize(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
