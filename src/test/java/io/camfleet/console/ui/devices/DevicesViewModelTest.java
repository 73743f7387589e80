package io.camfleet.console.ui.devices;

import io.camfleet.console.domain.devices.ComplianceRule;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.devices.ActionPreview;
import io.camfleet.console.service.devices.ActionReport;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.service.devices.DirectoryAccess;
import io.camfleet.console.service.devices.FakeDirectory;
import io.camfleet.console.service.devices.MemoryDeviceStore;
import io.camfleet.console.ui.common.BackgroundTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The Devices screen's model with no toolkit: six devices hand-made so that each count is known, results coming back
 * on a queue the test runs itself.
 */
class DevicesViewModelTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    /*
     * Hand-judged with the default rules (2 milestones, 90 days, 14 days) at T0; the newest milestones seen are
     * ChromeOS 131 and Android 14:
     *   5CD001  ChromeOS ACTIVE   ana, 131, synced 1 d ago, updates for 1000 d        -> compliant
     *   5CD002  ChromeOS ACTIVE   no reviewer, /Review/Lisbon/Desk                     -> NO_REVIEWER
     *   PF003   ChromeOS DISABLED no reviewer (not in use), 127 (4 behind), 20 d ago   -> OS_BEHIND, NOT_SYNCED
     *   NXHU004 ChromeOS ACTIVE   bo, 130 (1 behind), updates end in 45 d              -> UPDATES_ENDING
     *   R58A005 Android APPROVED  no reviewer, 14                                      -> NO_REVIEWER
     *   R58A006 Android BLOCKED   cy, 11 (3 behind), synced 15 d ago                   -> OS_BEHIND, NOT_SYNCED
     * So: OS_BEHIND 2, UPDATES_ENDED 0, UPDATES_ENDING 1, NOT_SYNCED 2, NO_REVIEWER 2, UNKNOWN_REVIEWER 0.
     */
    static List<ReviewDevice> devices() {
        return List.of(
                chrome("c1", "5CD001", "ACTIVE", "ana@review.example.com", "/Review/Lisbon", "131.0.6778.204", 1, 1000),
                chrome("c2", "5CD002", "ACTIVE", "", "/Review/Lisbon/Desk", "131.0.6778.204", 2, 1000),
                chrome("c3", "PF003", "DISABLED", "", "/Review/Porto", "127.0.6533.103", 20, 1000),
                chrome("c4", "NXHU004", "ACTIVE", "bo@review.example.com", "/Review/Porto", "130.0.6723.116", 1, 45),
                android("a5", "R58A005", "APPROVED", "", "14", 1),
                android("a6", "R58A006", "BLOCKED", "cy@review.example.com", "11", 15));
    }

    static ReviewDevice chrome(String id, String serial, String status, String reviewer, String orgUnit, String os,
                               int syncedDaysAgo, int updatesForDays) {
        return new ReviewDevice(id, DeviceType.CHROMEOS, serial, "HP Chromebook x360 14c", status, reviewer, "Desk 4",
                "A-" + id, orgUnit, os, T0.minus(Duration.ofDays(syncedDaysAgo)), TODAY.plusDays(updatesForDays),
                T0.minus(Duration.ofDays(400)), reviewer.isEmpty() ? List.of() : List.of(reviewer), "");
    }

    static ReviewDevice android(String id, String serial, String status, String reviewer, String os,
                                int syncedDaysAgo) {
        return new ReviewDevice(id, DeviceType.ANDROID, serial, "Samsung Galaxy Tab S9 FE", status, reviewer, "", "",
                "", os, T0.minus(Duration.ofDays(syncedDaysAgo)), null, T0.minus(Duration.ofDays(300)), List.of(),
                "");
    }

    final TestClock clock = new TestClock(T0);
    final MemoryDeviceStore store = new MemoryDeviceStore();
    final FakeDirectory directory = new FakeDirectory(devices());
    final Queue<Runnable> ui = new ConcurrentLinkedQueue<>();
    final Messages m = new Messages(Locale.ENGLISH);
    DevicesService service;
    DevicesViewModel vm;
    DeviceActions actions;

    @BeforeEach
    void start() {
        AuditService audit = new AuditService(new InMemoryAuditTrail(), new InMemoryAuditAnchor(),
                new Operator("nina", ""), clock);
        service = new DevicesService(directory, store, audit, () -> DeviceSettings.DEFAULTS, clock);
        store.replace(devices(), T0.minusSeconds(3600), "scripted");
        vm = new DevicesViewModel(service, BackgroundTasks.unlisted(Runnable::run, ui::add), m);
        actions = new DeviceActions(vm);
        vm.refresh();
        drain();
    }

    void drain() {
        for (Runnable r = ui.poll(); r != null; r = ui.poll()) {
            r.run();
        }
    }

    List<String> shown() {
        return vm.devices().stream().map(j -> j.device().serial()).sorted().toList();
    }

    void select(String... serials) {
        List<String> wanted = List.of(serials);
        vm.selection().setAll(vm.devices().stream().filter(j -> wanted.contains(j.device().serial())).toList());
    }

    @Test
    void theScreenOpensFromTheCacheWithItsAsOfAndNoCallToTheDirectory() {
        assertThat(shown()).hasSize(6);
        assertThat(vm.total()).isEqualTo(6);
        assertThat(vm.asOfProperty().get()).isEqualTo(T0.minusSeconds(3600));
        assertThat(vm.sourceProperty().get()).isEqualTo("scripted");
        assertThat(directory.actCalls).isEmpty();
    }

    @Test
    void theCountPerRuleIsOverTheWholeCacheAndAClickShowsOnlyThatRuleUntilItIsCleared() {
        Map<ComplianceRule, Integer> counts = vm.countsProperty().get();
        assertThat(counts).containsOnly(entry(ComplianceRule.OS_BEHIND, 2), entry(ComplianceRule.UPDATES_ENDED, 0),
                entry(ComplianceRule.UPDATES_ENDING, 1), entry(ComplianceRule.NOT_SYNCED, 2),
                entry(ComplianceRule.NO_REVIEWER, 2), entry(ComplianceRule.UNKNOWN_REVIEWER, 0));

        vm.showRule(ComplianceRule.NOT_SYNCED);
        assertThat(shown()).containsExactly("PF003", "R58A006");
        assertThat(vm.filtered()).isTrue();
        vm.typeProperty().set(DeviceType.ANDROID);
        assertThat(shown()).containsExactly("R58A006");
        assertThat(vm.countsProperty().get()).as("the counts do not follow the filters").isEqualTo(counts);

        vm.showRule(null);
        assertThat(shown()).containsExactly("R58A005", "R58A006");
        vm.clearFilters();
        assertThat(shown()).hasSize(6);
        assertThat(vm.filtered()).isFalse();
    }

    @Test
    void theFiltersAreTextTypeStatusAndOrgUnitWithItsChildren() {
        assertThat(vm.statuses()).containsExactly("ACTIVE", "APPROVED", "BLOCKED", "DISABLED");
        assertThat(vm.orgUnits()).containsExactly("/Review/Lisbon", "/Review/Lisbon/Desk", "/Review/Porto");

        vm.orgUnitProperty().set("/Review/Lisbon");
        assertThat(shown()).as("the org unit and its children, as the directory lists them")
                .containsExactly("5CD001", "5CD002");
        vm.orgUnitProperty().set(null);
        vm.statusProperty().set("DISABLED");
        assertThat(shown()).containsExactly("PF003");
        vm.statusProperty().set(null);
        vm.textProperty().set("  BO@review ");
        assertThat(shown()).as("reviewer, any case, trimmed").containsExactly("NXHU004");
        vm.textProperty().set("a-c3");
        assertThat(shown()).as("asset id").containsExactly("PF003");
        vm.textProperty().set("");
        vm.typeProperty().set(DeviceType.CHROMEOS);
        assertThat(shown()).containsExactly("5CD001", "5CD002", "NXHU004", "PF003");
    }

    @Test
    void theSelectionsPreviewSaysExactlyWhatChangesAndWhatIsLeftAloneBeforeAnythingIsSent() {
        select("5CD001", "PF003", "R58A005");
        assertThat(actions.can(DeviceAction.DISABLE).get()).isTrue();
        assertThat(actions.can(DeviceAction.APPROVE).get()).as("an Android device is selected").isTrue();
        assertThat(actions.canReportLost().get()).as("one device at a time").isFalse();

        List<ActionPreview> previews = new ArrayList<>();
        actions.preview(DeviceAction.DISABLE, actions.selected(), "", previews::add);
        drain();

        ActionPreview p = previews.getFirst();
        assertThat(p.changes()).extracting(c -> c.device().serial(), ActionPreview.Change::field,
                ActionPreview.Change::before, ActionPreview.Change::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5CD001", "status", "ACTIVE", "DISABLED"));
        assertThat(p.skipped()).extracting(s -> s.device().serial()).containsExactlyInAnyOrder("PF003", "R58A005");
        assertThat(directory.actCalls).as("a preview sends nothing").isEmpty();
    }

    @Test
    void aMoveWithoutItsOrgUnitIsRefusedBeforeThePreviewWithASentence() {
        select("5CD001");
        List<ActionPreview> previews = new ArrayList<>();
        actions.preview(DeviceAction.MOVE, actions.selected(), "  ", previews::add);
        drain();
        assertThat(previews).isEmpty();
        assertThat(vm.problemProperty().get()).isEqualTo("Give the move to the org unit first.");
    }

    @Test
    void aConfirmedActionReportsEachDeviceThatFailedWithWhyAndTheScreenReadsTheCacheAgain() {
        directory.refuse.put("c4", "FAILED_PRECONDITION: device is locked");
        select("5CD001", "NXHU004");
        List<ActionReport> reports = new ArrayList<>();
        actions.act(DeviceAction.DISABLE, actions.selected(), "", "Stolen from the Porto hub, ticket 4411",
                reports::add);
        drain();

        ActionReport r = reports.getFirst();
        assertThat(r.done()).extracting(ReviewDevice::serial).containsExactly("5CD001");
        assertThat(r.failed()).extracting(f -> f.device().serial(), ActionReport.Failed::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NXHU004",
                        "FAILED_PRECONDITION: device is locked"));
        assertThat(directory.actCalls).hasSize(1);
        assertThat(vm.devices()).filteredOn(j -> j.device().serial().equals("5CD001"))
                .extracting(j -> j.device().status()).containsExactly("DISABLED");
    }

    @Test
    void aReadOnlyScopeTurnsEveryActionOffAndTheScreenSaysWhy() {
        select("5CD001");
        assertThat(actions.can(DeviceAction.DISABLE).get()).isTrue();
        assertThat(actions.canReportLost().get()).isTrue();
        assertThat(vm.readOnlyReason()).isEmpty();

        directory.access = DirectoryAccess.readOnly(DeviceSettings.CHROMEOS_SCOPE);
        vm.refresh();
        drain();
        select("5CD001");
        for (DeviceAction a : DeviceActions.OFFERED) {
            assertThat(actions.can(a).get()).as(a.name()).isFalse();
        }
        assertThat(actions.canReportLost().get()).isFalse();
        assertThat(vm.canAct().get()).isFalse();
        assertThat(vm.readOnlyReason()).as("the service's own sentence, naming the scope")
                .isEqualTo(m.text("devices.readOnly", DeviceSettings.CHROMEOS_SCOPE))
                .contains(DeviceSettings.CHROMEOS_SCOPE);
    }

    @Test
    void theSyncSaysWhatItListedAndProvisioned() {
        vm.sync();
        drain();
        // 4 ChromeOS and 2 Android devices, one page each: 2 calls; the test clock stands still: 0.0 s.
        assertThat(vm.reportProperty().get()).startsWith("Synced 4 ChromeOS and 2 Android devices in 2 calls, 0.0 s;")
                .endsWith("provisioned: none.");
        assertThat(vm.syncingProperty().get()).isFalse();
        assertThat(vm.asOfProperty().get()).isEqualTo(T0);
    }

    @Test
    void aBadCsvRowIsNamedAndNothingIsQueuedWhileAGoodRequestIsQueuedAndCancelled(@TempDir Path dir)
            throws Exception {
        ProvisioningModel queue = new ProvisioningModel(vm);
        Path csv = dir.resolve("queue.csv");
        Files.writeString(csv, "serial,reviewer,orgUnit\n5CD100,ana@review.example.com,/Review/Lisbon\n"
                + "5CD101,not an email,/Review/Lisbon\n");
        queue.importCsv(csv);
        drain();
        assertThat(queue.problemProperty().get()).startsWith("Row 3 of ").contains("not an email");
        assertThat(service.provisioning()).isEmpty();

        queue.serialProperty().set("5cd200");
        queue.reviewerProperty().set("ana@review.example.com");
        queue.orgUnitProperty().set("/Review/Lisbon");
        queue.add();
        drain();
        assertThat(queue.problemProperty().get()).isEmpty();
        assertThat(queue.doneProperty().get()).isEqualTo("Queued 5cd200.");
        assertThat(queue.serialProperty().get()).as("the form empties").isEmpty();
        assertThat(queue.requests()).extracting(ProvisionRequest::serial, ProvisionRequest::state, ProvisionRequest::requestedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5CD200", ProvisionRequest.State.QUEUED, "nina"));

        queue.selectedProperty().set(queue.requests().getFirst());
        assertThat(queue.canCancel().get()).isTrue();
        queue.cancel();
        drain();
        assertThat(queue.requests()).isEmpty();
        assertThat(service.provisioning()).isEmpty();
    }

    @Test
    void aLostDeviceIsReportedOneAtATimeAndDisabledWithTheReason() {
        select("5CD001", "NXHU004");
        assertThat(actions.canReportLost().get()).as("two devices").isFalse();
        select("R58A005");
        assertThat(actions.canReportLost().get()).as("an Android device is not disabled").isFalse();
        select("5CD001");
        assertThat(actions.canReportLost().get()).isTrue();

        List<ActionReport> reports = new ArrayList<>();
        actions.reportLost(actions.selected().getFirst(), "Reported lost by ana, ticket 4420", reports::add);
        drain();
        assertThat(reports.getFirst().done()).extracting(ReviewDevice::serial).containsExactly("5CD001");
        assertThat(directory.actCalls).extracting(c -> c.action(), c -> c.ids(), c -> c.reason())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DeviceAction.DISABLE, List.of("c1"),
                        "Reported lost by ana, ticket 4420"));
        assertThat(service.history("c1")).anySatisfy(e -> {
            assertThat(e.by()).isEqualTo("nina");
            assertThat(e.reason()).contains("ticket 4420");
        });
    }

    @Test
    void theFocusedDevicesHistoryShowsWhoActedAndWhy() {
        JudgedDevice first = vm.devices().stream().filter(j -> j.device().serial().equals("5CD001")).findFirst()
                .orElseThrow();
        select("5CD001");
        actions.act(DeviceAction.DISABLE, actions.selected(), "", "Left on a train", r -> { });
        drain();
        vm.focusedProperty().set(first);
        drain();
        assertThat(vm.history()).anySatisfy(e -> {
            assertThat(e.by()).isEqualTo("nina");
            assertThat(e.reason()).isEqualTo("Left on a train");
        });
    }
}
