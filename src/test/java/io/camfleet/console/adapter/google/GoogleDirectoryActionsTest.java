package io.camfleet.console.adapter.google;

import io.camfleet.console.adapter.google.FakeGoogleDirectory.CommandScript;
import io.camfleet.console.adapter.google.FakeGoogleDirectory.Fault;
import io.camfleet.console.adapter.google.FakeGoogleDirectory.Kind;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.devices.ActionOutcome;
import io.camfleet.console.service.devices.DeviceQuery;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.devices.DirectoryAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.camfleet.console.adapter.google.TestDirectories.devices;
import static io.camfleet.console.adapter.google.TestDirectories.pages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Acting on devices through the fake Directory API over real HTTP. */
class GoogleDirectoryActionsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    @TempDir
    Path dir;
    private FakeGoogleDirectory google;
    private final TestDirectories client = new TestDirectories();
    private List<ReviewDevice> fleet;
    private GoogleDirectory directory;

    @BeforeEach
    void start() {
        google = FakeGoogleDirectory.start(dir);
        fleet = GeneratedDevices.chromeos(120, 3, NOW).stream().map(d -> status(d, "ACTIVE")).toList();
        google.put(fleet);
        directory = client.open(google.settings());
    }

    @AfterEach
    void stop() {
        google.close();
    }

    private List<String> ids(int from, int to) {
        return fleet.subList(from, to).stream().map(ReviewDevice::id).toList();
    }

    private String statusOf(String id) {
        return google.device(id).orElseThrow().status();
    }

    @Test
    void aReadOnlyScopeRefusesActionsBeforeAnythingIsSent() {
        GoogleDirectory readOnly = client.open(google.settings(List.of(DeviceSettings.CHROMEOS_SCOPE + ".readonly",
                DeviceSettings.MOBILE_SCOPE + ".readonly")));

        assertThat(readOnly.access()).isEqualTo(DirectoryAccess.readOnly(DeviceSettings.CHROMEOS_SCOPE));
        assertThat(directory.access().canAct()).isTrue();
        assertThatThrownBy(() -> readOnly.act(DeviceAction.DISABLE, ids(0, 3), "", "lost"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("devices.readOnly");
                    assertThat(p.getMessage()).contains(DeviceSettings.CHROMEOS_SCOPE);
                });
        assertThatThrownBy(() -> readOnly.annotate(fleet.getFirst().id(), Map.of("notes", "x")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("devices.readOnly"));
        assertThatThrownBy(() -> readOnly.act(DeviceAction.BLOCK, List.of("a"), "", ""))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.getMessage())
                        .contains(DeviceSettings.MOBILE_SCOPE));
        assertThat(google.count(Kind.TOKEN)).isZero();
        assertThat(google.apiCalls()).isZero();
        // Reading still works with the read-only scope.
        assertThat(devices(pages(readOnly, DeviceType.CHROMEOS, DeviceQuery.ALL))).hasSize(120);
    }

    @Test
    void aStatusChangeRefusesFiftyOneDevicesWithoutSendingAndTakesFifty() {
        assertThatThrownBy(() -> directory.act(DeviceAction.DISABLE, ids(0, 51), "", "lost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 50");
        assertThatThrownBy(() -> directory.act(DeviceAction.MOVE, ids(0, 51), "/Review/Porto", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(google.apiCalls()).isZero();

        ActionOutcome fifty = directory.act(DeviceAction.DISABLE, ids(0, 50), "", "lost");

        assertThat(fifty.done()).containsExactlyElementsOf(ids(0, 50));
        assertThat(fifty.calls()).isEqualTo(2); // the token, and one batchChangeStatus
        assertThat(google.count(Kind.BATCH_STATUS)).isEqualTo(1);
        assertThat(google.requests(Kind.BATCH_STATUS).getFirst().body())
                .contains("\"changeChromeOsDeviceStatusAction\":\"CHANGE_CHROME_OS_DEVICE_STATUS_ACTION_DISABLE\"")
                .doesNotContain("deprovisionReason");
    }

    @Test
    void aPartialFailureIsReportedPerDeviceAndTheChangesShowInTheNextListing() {
        List<String> five = ids(0, 5);
        google.refuseStatusChange(five.get(1), 9, "Device is locked by an ongoing transfer.");
        google.put(List.of(status(fleet.get(2), "DISABLED")));

        ActionOutcome outcome = directory.act(DeviceAction.DISABLE, List.of(five.get(0), five.get(1), five.get(2),
                five.get(3), "no-such-device"), "", "lost on the train");

        assertThat(outcome.done()).containsExactly(five.get(0), five.get(3));
        assertThat(outcome.failed()).containsOnly(
                Map.entry(five.get(1), "FAILED_PRECONDITION: Device is locked by an ongoing transfer."),
                Map.entry(five.get(2), "FAILED_PRECONDITION: Illegal device state transition from DISABLED to DISABLED."),
                Map.entry("no-such-device", "NOT_FOUND: Device not found."));
        List<ReviewDevice> listed = devices(pages(directory, DeviceType.CHROMEOS, DeviceQuery.ALL));
        assertThat(listed.stream().filter(d -> d.status().equals("DISABLED")).map(ReviewDevice::id))
                .containsExactlyInAnyOrder(five.get(0), five.get(2), five.get(3));
        assertThat(directory.act(DeviceAction.REENABLE, List.of(five.get(0)), "", "").done()).containsExactly(five.get(0));
        assertThat(statusOf(five.get(0))).isEqualTo("ACTIVE");
    }

    @Test
    void aDeprovisionCarriesItsReasonAndAReasonGoogleDoesNotKnowIsRefusedBeforeSending() {
        assertThatThrownBy(() -> directory.act(DeviceAction.DEPROVISION, ids(0, 1), "", "broken"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                    assertThat(p.getMessage()).contains("\"broken\"", "retiring-device", "same-model-replacement");
                });
        assertThat(google.apiCalls()).isZero();

        ActionOutcome outcome = directory.act(DeviceAction.DEPROVISION, ids(0, 2), "",
                "Retiring device: screen cracked beyond repair");

        assertThat(outcome.done()).containsExactlyElementsOf(ids(0, 2));
        assertThat(google.deprovisionReason(fleet.get(1).id())).isEqualTo("DEPROVISION_REASON_RETIRING_DEVICE");
        assertThat(statusOf(fleet.get(1).id())).isEqualTo("DEPROVISIONED");
    }

    @Test
    void aRebootReadsEachResultBackAndACommandStillPendingIsNotDone() {
        String runs = fleet.get(0).id();
        String fails = fleet.get(1).id();
        String pending = fleet.get(2).id();
        google.command(fails, CommandScript.FAILS);
        google.command(pending, CommandScript.STAYS_PENDING);

        ActionOutcome outcome = directory.act(DeviceAction.REBOOT, List.of(runs, fails, pending), "", "");

        assertThat(outcome.done()).containsExactly(runs);
        assertThat(outcome.failed()).containsOnly(Map.entry(fails, "FAILURE: Device is not in kiosk mode"),
                Map.entry(pending, "PENDING: not run by the device within 30 s; it runs it when it next checks in"));
        assertThat(google.requests(Kind.ISSUE_COMMAND)).extracting(FakeGoogleDirectory.Request::body)
                .containsOnly("{\"commandType\":\"REBOOT\"}");
        // Read right after issuing, then after 1, 2, 4, 8 and 8 s, then the 7 s left of the 30 s wait: 30 s in all.
        assertThat(client.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(7));
        // The two that ran were read twice (SENT_TO_CLIENT, then EXECUTED_BY_CLIENT); the pending one 7 times.
        assertThat(google.count(Kind.COMMAND_GET)).isEqualTo(2 + 2 + 7);
        assertThat(outcome.calls()).isEqualTo(1 + 3 + 11);
    }

    @Test
    void aMoveAnAssignmentAndAnAnnotationChangeOnlyWhatTheyName() {
        ActionOutcome moved = directory.act(DeviceAction.MOVE, ids(0, 3), "/Review/Porto Night", "");
        ActionOutcome assigned = directory.act(DeviceAction.ASSIGN, ids(3, 5), "zoe@review.camfleet.test", "");
        ReviewDevice annotated = directory.annotate(fleet.get(6).id(),
                Map.of("annotatedLocation", "Porto, room 2", "notes", "Spare charger"));

        assertThat(moved.done()).containsExactlyElementsOf(ids(0, 3));
        assertThat(google.requests(Kind.MOVE).getFirst().query()).containsEntry("orgUnitPath", "/Review/Porto Night");
        assertThat(google.device(fleet.get(2).id()).orElseThrow().orgUnit()).isEqualTo("/Review/Porto Night");
        assertThat(assigned.done()).containsExactlyElementsOf(ids(3, 5));
        assertThat(google.device(fleet.get(4).id()).orElseThrow().reviewer()).isEqualTo("zoe@review.camfleet.test");
        assertThat(annotated.location()).isEqualTo("Porto, room 2");
        assertThat(annotated.notes()).isEqualTo("Spare charger");
        assertThat(annotated.reviewer()).isEqualTo(fleet.get(6).reviewer());
        assertThat(google.requests(Kind.CHROMEOS_PATCH).getLast().body())
                .doesNotContain("annotatedUser", "orgUnitPath", "annotatedAssetId");
        assertThat(google.requests(Kind.CHROMEOS_PATCH).getLast().query()).containsEntry("projection", "FULL");
    }

    @Test
    void anUnknownDeviceIsEmptyOnGetAndFailedOnAPerDeviceAction() {
        assertThat(directory.get(DeviceType.CHROMEOS, "no-such-device")).isEmpty();
        assertThat(directory.get(DeviceType.CHROMEOS, fleet.get(7).id())).contains(fleet.get(7));

        ActionOutcome outcome = directory.act(DeviceAction.ASSIGN, List.of("no-such-device", fleet.get(7).id()),
                "zoe@review.camfleet.test", "");

        assertThat(outcome.done()).containsExactly(fleet.get(7).id());
        assertThat(outcome.failed()).containsOnly(Map.entry("no-such-device", "notFound: Resource Not Found: deviceId"));
    }

    @Test
    void androidDevicesAreListedAHundredAPageGotAndActedOn() {
        List<ReviewDevice> tablets = GeneratedDevices.android(130, 5, NOW);
        google.put(tablets);

        var pages = pages(directory, DeviceType.ANDROID, DeviceQuery.ALL);

        // 130 = 100 + 30, though 300 were asked for: the mobile list takes at most 100.
        assertThat(pages).extracting(p -> p.devices().size()).containsExactly(100, 30);
        assertThat(google.requests(Kind.MOBILE_LIST).getFirst().query()).containsEntry("maxResults", "100");
        assertThat(devices(pages)).containsExactlyElementsOf(tablets);
        assertThat(directory.get(DeviceType.ANDROID, tablets.get(4).id())).contains(tablets.get(4));
        assertThat(directory.get(DeviceType.ANDROID, "nope")).isEmpty();

        ActionOutcome blocked = directory.act(DeviceAction.BLOCK, List.of(tablets.get(0).id(), "nope"), "", "");
        ActionOutcome wiped = directory.act(DeviceAction.ACCOUNT_WIPE, List.of(tablets.get(1).id()), "", "left");

        assertThat(blocked.done()).containsExactly(tablets.get(0).id());
        assertThat(blocked.failed()).containsOnlyKeys("nope");
        assertThat(google.device(tablets.get(0).id()).orElseThrow().status()).isEqualTo("BLOCKED");
        assertThat(wiped.done()).containsExactly(tablets.get(1).id());
        assertThat(google.requests(Kind.MOBILE_ACTION)).extracting(FakeGoogleDirectory.Request::body)
                .containsExactly("{\"action\":\"block\"}", "{\"action\":\"block\"}",
                        "{\"action\":\"admin_account_wipe\"}");
    }

    @Test
    void aRefusalOfTheAccountMidwayKeepsWhatWasDoneAndFailsTheRest() {
        google.fail(Kind.CHROMEOS_PATCH, 2, Fault.forbidden());

        ActionOutcome outcome = directory.act(DeviceAction.ASSIGN, ids(0, 3), "zoe@review.camfleet.test", "");

        assertThat(outcome.done()).containsExactlyElementsOf(ids(0, 1));
        assertThat(outcome.failed()).containsOnlyKeys(ids(1, 3));
        assertThat(outcome.failed().get(fleet.get(2).id())).contains(DeviceSettings.CHROMEOS_SCOPE);
        assertThat(google.count(Kind.CHROMEOS_PATCH)).isEqualTo(2);
    }

    @Test
    void aRefusalOfTheAccountBeforeAnythingWasDoneIsAProblem() {
        google.fail(Kind.CHROMEOS_PATCH, 1, Fault.forbidden());

        assertThatThrownBy(() -> directory.act(DeviceAction.ASSIGN, ids(0, 3), "zoe@review.camfleet.test", ""))
                .isInstanceOfSatisfying(Problem.class,
                        p -> assertThat(p.key()).isEqualTo("devices.google.denied.chromeos"));
        assertThat(google.count(Kind.CHROMEOS_PATCH)).isEqualTo(1);
    }

    @Test
    void groupMembersAreReadPageByPage() {
        List<String> members = IntStream.range(0, 450).mapToObj(i -> "Reviewer." + i + "@Review.camfleet.test").toList();
        google.group("reviewers@camfleet.test", members);

        assertThat(directory.groupMembers("reviewers@camfleet.test")).hasSize(450)
                .contains("reviewer.449@review.camfleet.test");
        // 450 = 200 + 200 + 50.
        assertThat(google.requests(Kind.MEMBERS)).hasSize(3)
                .allSatisfy(r -> assertThat(r.query()).containsEntry("includeDerivedMembership", "true"));
        assertThatThrownBy(() -> directory.groupMembers("nobody@camfleet.test"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("devices.google.noGroup"));
    }

    private static ReviewDevice status(ReviewDevice d, String status) {
        return new ReviewDevice(d.id(), d.type(), d.serial(), d.model(), status, d.reviewer(), d.location(),
                d.assetId(), d.orgUnit(), d.osVersion(), d.lastSync(), d.autoUpdateEnd(), d.lastEnrollment(),
                d.recentUsers(), d.notes());
    }
}
