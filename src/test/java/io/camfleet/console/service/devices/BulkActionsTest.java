package io.camfleet.console.service.devices;

import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.camfleet.console.service.devices.TestDevices.chromebook;
import static io.camfleet.console.service.devices.TestDevices.chromebooks;
import static io.camfleet.console.service.devices.TestDevices.tablet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkActionsTest {

    private DevicesRig rig;
    private List<ReviewDevice> selection;

    @BeforeEach
    void syncedFleetOf120() {
        rig = new DevicesRig(chromebooks(120));
        rig.service.sync(Progress.NONE);
        selection = rig.service.cached().devices();
    }

    @Test
    void aBulkDisableOver120DevicesMakesThreeCallsOfAtMostFifty() {
        ActionReport report = rig.service.act(DeviceAction.DISABLE, selection, "", "returned to stock");

        // 120 = 50 + 50 + 20.
        assertThat(rig.directory.actCalls).extracting(c -> c.ids().size()).containsExactly(50, 50, 20);
        assertThat(rig.directory.actCalls).allSatisfy(c -> {
            assertThat(c.action()).isEqualTo(DeviceAction.DISABLE);
            assertThat(c.reason()).isEqualTo("returned to stock");
        });
        assertThat(rig.directory.actCalls.get(2).ids()).first().isEqualTo("cb-0101");
        assertThat(report.calls()).isEqualTo(3);
        assertThat(report.done()).hasSize(120).allSatisfy(d -> assertThat(d.status()).isEqualTo("DISABLED"));
        assertThat(report.failed()).isEmpty();
        assertThat(rig.service.cached().devices()).allSatisfy(d -> assertThat(d.status()).isEqualTo("DISABLED"));
        assertThat(rig.service.history("cb-0077")).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(DeviceEvent.Kind.ACTION);
            assertThat(e.what()).isEqualTo("DISABLE");
            assertThat(e.before()).isEqualTo("ACTIVE");
            assertThat(e.after()).isEqualTo("DISABLED");
            assertThat(e.by()).isEqualTo("alice");
            assertThat(e.reason()).isEqualTo("returned to stock");
        });
        List<AuditEvent> audited = rig.audited("devices.disable");
        assertThat(audited).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.STARTED,
                AuditOutcome.SUCCEEDED, AuditOutcome.STARTED, AuditOutcome.SUCCEEDED, AuditOutcome.STARTED,
                AuditOutcome.SUCCEEDED);
        assertThat(audited.get(4).target()).isEqualTo(String.join(",", rig.directory.actCalls.get(2).ids()));
        assertThat(audited.get(5).parameters()).containsEntry("reason", "returned to stock")
                .containsEntry("devices", "20").containsEntry("startedSeq", Long.toString(audited.get(4).seq()));
        assertThat(audited).allSatisfy(e -> assertThat(e.actor()).isEqualTo("alice"));
    }

    @Test
    void aPartialFailureIsReportedPerDeviceWithTheDirectorysReason() {
        rig.directory.refuse.put("cb-0007", "FAILED_PRECONDITION: device is locked by policy");
        rig.directory.refuse.put("cb-0103", "NOT_FOUND: device not found");

        ActionReport report = rig.service.act(DeviceAction.DISABLE, selection, "", "audit of stock");

        assertThat(report.done()).hasSize(118);
        assertThat(report.failed()).extracting(f -> f.device().id(), ActionReport.Failed::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cb-0007", "FAILED_PRECONDITION: device is locked by policy"),
                org.assertj.core.groups.Tuple.tuple("cb-0103", "NOT_FOUND: device not found"));
        assertThat(report.allDone()).isFalse();
        assertThat(rig.cached("cb-0007").status()).isEqualTo("ACTIVE");
        assertThat(rig.cached("cb-0008").status()).isEqualTo("DISABLED");
        assertThat(rig.service.history("cb-0007")).noneMatch(e -> e.kind() == DeviceEvent.Kind.ACTION);
        assertThat(rig.audited("devices.disable")).extracting(AuditEvent::outcome).containsExactly(
                AuditOutcome.STARTED, AuditOutcome.FAILED, AuditOutcome.STARTED, AuditOutcome.SUCCEEDED,
                AuditOutcome.STARTED, AuditOutcome.FAILED);
        assertThat(rig.audited("devices.disable").get(1).parameters().get("failed"))
                .isEqualTo("cb-0007: FAILED_PRECONDITION: device is locked by policy");
    }

    @Test
    void aCallThatFailsWholeStopsTheActionAndNamesTheDevicesNotSent() {
        rig.directory.failActCall = 2;
        rig.directory.actFailure = new Problem("devices.google.timeout", "chromeosdevices.batchChangeStatus", "admin.googleapis.com", 30);

        ActionReport report = rig.service.act(DeviceAction.DISABLE, selection, "", "stock take");

        // Call 1 (cb-0001..0050) done; call 2 (cb-0051..0100) failed as a whole; cb-0101..0120 never sent.
        assertThat(rig.directory.actCalls).hasSize(2);
        assertThat(report.done()).hasSize(50);
        assertThat(report.failed()).hasSize(70);
        assertThat(report.failed().subList(0, 50)).allSatisfy(f -> assertThat(f.reason())
                .isEqualTo(rig.directory.actFailure.getMessage()));
        assertThat(report.failed().subList(50, 70)).allSatisfy(f -> assertThat(f.reason()).startsWith("Not sent"));
        assertThat(report.failed().get(50).device().id()).isEqualTo("cb-0101");
        assertThat(rig.cached("cb-0050").status()).isEqualTo("DISABLED");
        assertThat(rig.cached("cb-0051").status()).isEqualTo("ACTIVE");
        assertThat(rig.audited("devices.disable")).extracting(AuditEvent::outcome).containsExactly(
                AuditOutcome.STARTED, AuditOutcome.SUCCEEDED, AuditOutcome.STARTED, AuditOutcome.FAILED);
        assertThat(rig.audited("devices.disable").get(3).parameters().get("error"))
                .isEqualTo(rig.directory.actFailure.getMessage());
    }

    @Test
    void aReadOnlyDirectoryRefusesEveryActionBeforeAnythingIsSent() {
        rig.directory.access = DirectoryAccess.readOnly(DeviceSettings.CHROMEOS_SCOPE);
        int auditedBefore = rig.trail.events.size();

        for (DeviceAction action : List.of(DeviceAction.DISABLE, DeviceAction.REBOOT, DeviceAction.MOVE)) {
            assertThatThrownBy(() -> rig.service.act(action, selection, "/Review/Porto", "why"))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.key()).isEqualTo("devices.readOnly");
                        assertThat(p.args()).containsExactly(DeviceSettings.CHROMEOS_SCOPE);
                    });
        }
        assertThatThrownBy(() -> rig.service.reportLost(selection.get(0), "left on a train"))
                .isInstanceOf(Problem.class);
        assertThat(rig.service.access().canAct()).isFalse();
        assertThat(rig.directory.actCalls).isEmpty();
        assertThat(rig.trail.events).hasSize(auditedBefore);
    }

    @Test
    void anActionThatNeedsAReasonIsRefusedWithoutOne() {
        assertThatThrownBy(() -> rig.service.act(DeviceAction.DISABLE, selection, "", "  "))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                    assertThat(p.key()).isEqualTo("devices.reasonNeeded");
                });
        assertThat(rig.directory.actCalls).isEmpty();

        ActionReport reboot = rig.service.act(DeviceAction.REBOOT, selection.subList(0, 3), "", "");
        assertThat(reboot.done()).hasSize(3);
        assertThat(reboot.calls()).as("one issueCommand per device").isEqualTo(3);
    }

    @Test
    void thePreviewSaysWhatChangesAndWhatIsLeftAloneAndTheActionSendsOnlyThat() {
        ReviewDevice active = rig.cached("cb-0001");
        ReviewDevice disabled = chromebook("cb-0002", "SN0002", "DISABLED", "reviewer2@example.com");
        ReviewDevice deprovisioned = chromebook("cb-0003", "SN0003", "DEPROVISIONED", "");
        ReviewDevice android = tablet("tab-1", "T1", "APPROVED", "ana@example.com");
        rig.directory.put(disabled);
        rig.directory.put(deprovisioned);
        List<ReviewDevice> mixed = List.of(active, disabled, deprovisioned, android, active);

        ActionPreview preview = rig.service.preview(DeviceAction.DISABLE, mixed, "");

        assertThat(preview.changes()).singleElement().isEqualTo(
                new ActionPreview.Change(active, "status", "ACTIVE", "DISABLED"));
        assertThat(preview.skipped()).extracting(s -> s.device().id(), s -> s.why().key()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cb-0002", "devices.skip.already"),
                org.assertj.core.groups.Tuple.tuple("cb-0003", "devices.skip.status"),
                org.assertj.core.groups.Tuple.tuple("tab-1", "devices.skip.type"));
        assertThat(preview.skipped().get(2).why().getMessage())
                .isEqualTo("T1 is Android, not ChromeOS: this action is for ChromeOS devices only.");

        ActionReport report = rig.service.act(DeviceAction.DISABLE, mixed, "", "stolen");

        assertThat(rig.directory.actCalls).singleElement()
                .satisfies(c -> assertThat(c.ids()).containsExactly("cb-0001"));
        assertThat(report.skipped()).hasSize(3);
    }

    @Test
    void aMovePreviewShowsEachOrgUnitBeforeAndAfterAndRefusesAPathThatIsNot() {
        ActionPreview preview = rig.service.preview(DeviceAction.MOVE, selection.subList(0, 2), " /Review/Porto ");

        assertThat(preview.parameter()).isEqualTo("/Review/Porto");
        assertThat(preview.changes()).extracting(ActionPreview.Change::field, ActionPreview.Change::before,
                ActionPreview.Change::after).containsOnly(
                org.assertj.core.groups.Tuple.tuple("orgUnit", "/Review/Lisbon", "/Review/Porto"));
        assertThat(rig.service.preview(DeviceAction.MOVE, selection.subList(0, 2), "/Review/Lisbon").skipped())
                .hasSize(2).allSatisfy(s -> assertThat(s.why().key()).isEqualTo("devices.skip.sameOrgUnit"));
        assertThatThrownBy(() -> rig.service.preview(DeviceAction.MOVE, selection, "Review/Porto"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("devices.badOrgUnit"));
        assertThatThrownBy(() -> rig.service.act(DeviceAction.ASSIGN, selection, "not an email", ""))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("devices.badReviewer"));
        assertThat(rig.directory.actCalls).isEmpty();
    }

    @Test
    void anAssignmentReachesTheCacheAndTheHistory() {
        ActionReport report = rig.service.act(DeviceAction.ASSIGN, selection.subList(0, 1), "bea@example.com", "");

        assertThat(report.done()).singleElement().satisfies(d -> assertThat(d.reviewer()).isEqualTo("bea@example.com"));
        assertThat(rig.cached("cb-0001").reviewer()).isEqualTo("bea@example.com");
        assertThat(rig.service.history("cb-0001")).last().satisfies(e -> {
            assertThat(e.what()).isEqualTo("ASSIGN");
            assertThat(e.before()).isEqualTo("reviewer1@example.com");
            assertThat(e.after()).isEqualTo("bea@example.com");
        });
        assertThat(rig.audited("devices.assign", AuditOutcome.SUCCEEDED)).singleElement()
                .satisfies(e -> assertThat(e.parameters()).containsEntry("parameter", "bea@example.com"));
    }

    @Test
    void androidActionsGoToTabletsOnlyOneCallEachAndAWipeNeedsItsReason() {
        ReviewDevice pending = tablet("tab-1", "T1", "PENDING", "ana@example.com");
        ReviewDevice approved = tablet("tab-2", "T2", "APPROVED", "bea@example.com");
        rig.directory.put(pending);
        rig.directory.put(approved);
        List<ReviewDevice> mixed = List.of(pending, approved, selection.get(0));

        ActionReport approve = rig.service.act(DeviceAction.APPROVE, mixed, "", "");

        assertThat(approve.done()).extracting(ReviewDevice::id).containsExactly("tab-1");
        assertThat(approve.skipped()).extracting(s -> s.why().key())
                .containsExactly("devices.skip.already", "devices.skip.type");
        assertThat(rig.audited("devices.approve", AuditOutcome.SUCCEEDED)).hasSize(1);
        assertThatThrownBy(() -> rig.service.act(DeviceAction.WIPE, mixed, "", ""))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("devices.reasonNeeded"));

        ActionReport block = rig.service.act(DeviceAction.BLOCK, mixed, "", "");
        assertThat(block.calls()).as("one action call per Android device").isEqualTo(2);
        assertThat(rig.directory.device("tab-2").status()).isEqualTo("BLOCKED");
    }

    @Test
    void aLostDeviceIsDisabledWithWhoAndWhy() {
        ReviewDevice lost = rig.cached("cb-0042");

        ActionReport report = rig.service.reportLost(lost, "left on the 08:12 train to Porto");

        assertThat(report.done()).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo("DISABLED"));
        assertThat(rig.directory.actCalls).singleElement().isEqualTo(new FakeDirectory.ActCall(DeviceAction.DISABLE,
                List.of("cb-0042"), "", "left on the 08:12 train to Porto"));
        assertThat(rig.audited("devices.disable", AuditOutcome.SUCCEEDED)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.target()).isEqualTo("cb-0042");
            assertThat(e.parameters()).containsEntry("lost", "true")
                    .containsEntry("reason", "left on the 08:12 train to Porto");
        });
        assertThat(rig.service.history("cb-0042")).last().satisfies(e -> {
            assertThat(e.by()).isEqualTo("alice");
            assertThat(e.reason()).isEqualTo("left on the 08:12 train to Porto");
        });
        assertThatThrownBy(() -> rig.service.reportLost(lost, "")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("devices.reasonNeeded"));
    }
}
