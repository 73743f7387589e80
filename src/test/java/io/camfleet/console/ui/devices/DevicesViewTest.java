package io.camfleet.console.ui.devices;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.sim.DemoDirectory;
import io.camfleet.console.domain.devices.ComplianceRule;
import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.service.devices.MemoryDeviceStore;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Devices screen, headless, on the demo directory (300 devices): sync, a click on a rule's count, the keyboard
 * from the search to the table, a bulk disable through its confirmation, the device's history, and a provisioning
 * round trip. Saves the screenshots with -Dcamfleet.screenshots=DIR.
 */
@ExtendWith(ApplicationExtension.class)
class DevicesViewTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final MemoryDeviceStore store = new MemoryDeviceStore();
    private DevicesService service;
    private DevicesViewModel vm;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AuditService audit = new AuditService(new InMemoryAuditTrail(), new InMemoryAuditAnchor(),
                new Operator("nina", ""), clock);
        service = new DevicesService(new DemoDirectory(7, clock), store, audit, () -> DeviceSettings.DEFAULTS,
                clock);
        Messages m = new Messages(Locale.ENGLISH);
        vm = new DevicesViewModel(service, new BackgroundTasks(workers), m);
        stage.setScene(new Scene(new StackPane(new DevicesView(vm, m, ZoneOffset.UTC, clock).root()), 1600, 1000));
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private static TableView<JudgedDevice> table(FxRobot robot) {
        return robot.lookup("#devices-table").queryAs(TableView.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void sync(FxRobot robot) throws Exception {
        robot.clickOn("#devices-sync");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.reportProperty().get().isEmpty()
                && table(robot).getItems().size() == vm.total() && vm.total() > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSyncedDirectoryFiltersByARulesCountAndABulkDisableGoesThroughItsConfirmationIntoTheHistory(FxRobot robot)
            throws Exception {
        assertThat(text(robot, "#devices-as-of")).startsWith("Not synced yet");
        sync(robot);
        assertThat(text(robot, "#devices-report")).startsWith("Synced 270 ChromeOS and 30 Android devices in");
        assertThat(text(robot, "#devices-as-of")).startsWith("From demo as of 7 Dec 10:00");
        assertThat(robot.lookup("#devices-read-only").queryAs(Label.class).isVisible()).isFalse();
        ScreenShots.save(robot.window(0).getScene(), "devices-screen");

        int noReviewer = vm.countsProperty().get().get(ComplianceRule.NO_REVIEWER);
        assertThat(noReviewer).isPositive();
        robot.clickOn("#devices-rule-no-reviewer");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table(robot).getItems().size() == noReviewer);
        assertThat(table(robot).getItems()).allSatisfy(j -> assertThat(j.broken()).contains(ComplianceRule.NO_REVIEWER));
        assertThat(robot.lookup("#devices-rule-active").queryAs(Button.class).getText()).isEqualTo("Rule: No reviewer");
        ScreenShots.save(robot.window(0).getScene(), "devices-rule-filtered");
        robot.clickOn("#devices-rule-active");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table(robot).getItems().size() == vm.total());

        // The keyboard: from the search, Down enters the table on its first row; Escape goes back to the search.
        robot.clickOn("#devices-search").write("Lisbon");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.focusedProperty().get() != null);
        assertThat(table(robot).isFocused()).isTrue();
        JudgedDevice first = table(robot).getItems().getFirst();
        assertThat(vm.focusedProperty().get()).isEqualTo(first);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.focusedProperty().get() == table(robot).getItems().get(1));
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#devices-search").query().isFocused()).isTrue();

        // A bulk disable of two active ChromeOS devices: the confirmation lists both, and asks why.
        robot.type(KeyCode.ESCAPE); // clears the search
        robot.interact(() -> {
            vm.statusProperty().set("ACTIVE");
            vm.typeProperty().set(io.camfleet.console.domain.devices.DeviceType.CHROMEOS);
        });
        robot.clickOn(robot.lookup("#devices-table .table-row-cell").nth(0).queryAs(Node.class));
        robot.press(KeyCode.SHIFT).clickOn(robot.lookup("#devices-table .table-row-cell").nth(1).queryAs(Node.class))
                .release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.selection().size() == 2);
        String serial = vm.selection().getFirst().device().serial();
        robot.clickOn("#devices-action-disable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#devices-reason").tryQuery().isPresent());
        TableView<?> preview = robot.lookup("#devices-preview").queryAs(TableView.class);
        assertThat(preview.getItems()).hasSize(2);
        Button disable = (Button) robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b
                && b.getText().equals("Disable")).query();
        assertThat(disable.isDisabled()).as("no reason yet").isTrue();
        // TestFX writes to the focused window: wait until the dialog has the focus, or the first letters go to the
        // screen behind it (what made this test fail now and then on a loaded machine)
        javafx.scene.control.TextInputControl reason = robot.lookup("#devices-reason")
                .queryAs(javafx.scene.control.TextInputControl.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> reason.getScene().getWindow().isFocused());
        robot.clickOn(reason).write("Hub closed for the week, ticket 4411");
        assertThat(reason.getText()).isEqualTo("Hub closed for the week, ticket 4411");
        assertThat(disable.isDisabled()).isFalse();
        ScreenShots.save(robot.lookup("#devices-reason").query().getScene(), "devices-confirm");
        robot.clickOn(disable);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .header-panel .label")
                .tryQueryAs(Label.class).map(l -> l.getText().startsWith("2 devices done")).orElse(false));
        Node result = robot.lookup(".dialog-pane .header-panel .label").query();
        ScreenShots.save(result.getScene(), "devices-result");
        // ENTER goes to the focused window: wait for the result to have the focus, then for it to close, so that the
        // click on the table below cannot land on a result still open over it
        javafx.stage.Window resultWindow = result.getScene().getWindow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, resultWindow::isFocused);
        robot.type(KeyCode.ENTER); // OK is the result dialog's default button
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !resultWindow.isShowing());

        robot.interact(vm::clearFilters);
        robot.clickOn("#devices-search").write(serial);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1
                && table(robot).getItems().getFirst().device().status().equals("DISABLED"));
        robot.clickOn(robot.lookup("#devices-table .table-row-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.history().stream().anyMatch(e ->
                e.kind() == DeviceEvent.Kind.ACTION && e.by().equals("nina")
                        && e.reason().equals("Hub closed for the week, ticket 4411")));
        assertThat(text(robot, "#devices-detail-title")).startsWith(serial);
        ScreenShots.save(robot.window(0).getScene(), "devices-detail-history");
    }

    @Test
    void aMoveAsksForItsOrgUnitThenShowsEachDevicesChangeBeforeMovingIt(FxRobot robot) throws Exception {
        sync(robot);
        robot.interact(() -> vm.orgUnitProperty().set("/Review/Lisbon"));
        robot.clickOn(robot.lookup("#devices-table .table-row-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.selection().size() == 1);
        String id = vm.selection().getFirst().device().id();
        String from = vm.selection().getFirst().device().orgUnit();

        robot.clickOn("#devices-action-move");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#devices-parameter").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#devices-parameter .text-field")
                .query().isFocused());
        // the headless robot types into the window it last clicked: a click on the field gives it the dialog
        robot.clickOn("#devices-parameter .text-field").write("/Review/Porto").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#devices-preview").tryQuery().isPresent());
        TableView<ActionDialogs.Line> preview = robot.lookup("#devices-preview").queryAs(TableView.class);
        assertThat(preview.getItems()).extracting(ActionDialogs.Line::what)
                .containsExactly("Org unit: " + from + " \u2192 /Review/Porto");
        assertThat(robot.lookup("#devices-reason").tryQuery()).as("a move needs no reason").isEmpty();
        Button move = (Button) robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b
                && b.getText().equals("Move")).query();
        robot.clickOn(move);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .header-panel .label")
                .tryQueryAs(Label.class).map(l -> l.getText().startsWith("1 devices done")).orElse(false));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> service.cached().devices().stream()
                .anyMatch(d -> d.id().equals(id) && d.orgUnit().equals("/Review/Porto")));
    }

    @Test
    void aSerialQueuedInTheProvisioningDialogIsProvisionedByTheNextSync(FxRobot robot) throws Exception {
        sync(robot);
        String serial = DemoDirectory.unprovisionedSerials().getFirst();
        robot.clickOn("#devices-provisioning");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#provisioning-serial").tryQuery()
                .isPresent());
        robot.clickOn("#provisioning-serial").write(serial);
        robot.clickOn("#provisioning-reviewer").write("not-an-email");
        robot.clickOn("#provisioning-add");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !text(robot, "#provisioning-problem").isEmpty());
        assertThat(text(robot, "#provisioning-problem")).contains("not an email address");
        assertThat(service.provisioning()).isEmpty();

        robot.doubleClickOn("#provisioning-reviewer").eraseText(12).write("ana.silva@review.example.com");
        robot.clickOn("#provisioning-location").write("Lisbon, desk 12");
        robot.clickOn("#provisioning-asset-id").write("LIS-0412");
        robot.clickOn("#provisioning-org-unit").write("/Review/Lisbon");
        robot.clickOn("#provisioning-add");
        TableView<?> queue = robot.lookup("#provisioning-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> queue.getItems().size() == 1);
        assertThat(text(robot, "#provisioning-problem")).isEmpty();
        ScreenShots.save(robot.lookup("#provisioning-table").query().getScene(), "devices-provisioning");
        robot.clickOn("Close");

        sync(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.reportProperty().get().contains(serial));
        assertThat(service.provisioning()).extracting(ProvisionRequest::state)
                .containsExactly(ProvisionRequest.State.PROVISIONED);
    }
}
