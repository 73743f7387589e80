package io.camfleet.console.ui.devices;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.service.devices.DirectoryAccess;
import io.camfleet.console.service.devices.FakeDirectory;
import io.camfleet.console.service.devices.MemoryDeviceStore;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** With a read-only scope the screen says why in a line of its own, and every action stays off on a selection. */
@ExtendWith(ApplicationExtension.class)
class DevicesReadOnlyViewTest {

    private final ExecutorService workers = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Clock clock = Clock.fixed(DevicesViewModelTest.T0, ZoneOffset.UTC);
        FakeDirectory directory = new FakeDirectory(DevicesViewModelTest.devices());
        directory.access = DirectoryAccess.readOnly(DeviceSettings.CHROMEOS_SCOPE);
        MemoryDeviceStore store = new MemoryDeviceStore();
        store.replace(DevicesViewModelTest.devices(), DevicesViewModelTest.T0.minusSeconds(600), "scripted");
        DevicesService service = new DevicesService(directory, store, new AuditService(new InMemoryAuditTrail(),
                new InMemoryAuditAnchor(), new Operator("nina", ""), clock), () -> DeviceSettings.DEFAULTS, clock);
        Messages m = new Messages(Locale.ENGLISH);
        DevicesViewModel vm = new DevicesViewModel(service, new BackgroundTasks(workers), m);
        stage.setScene(new Scene(new StackPane(new DevicesView(vm, m, ZoneOffset.UTC, clock).root()), 1400, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void theReadOnlyLineSaysWhichScopeIsMissingAndTheActionsStayOffOnASelection(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#devices-table").queryAs(TableView.class)
                .getItems().size() == 6);
        Label line = robot.lookup("#devices-read-only").queryAs(Label.class);
        assertThat(line.isVisible()).isTrue();
        assertThat(line.getText()).isEqualTo(new Messages(Locale.ENGLISH).text("devices.readOnly",
                DeviceSettings.CHROMEOS_SCOPE)).contains(DeviceSettings.CHROMEOS_SCOPE);

        robot.clickOn(robot.lookup("#devices-table .table-row-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#devices-selected").queryAs(Label.class)
                .getText().equals("1 selected"));
        assertThat(robot.lookup("#devices-actions").queryAs(javafx.scene.layout.HBox.class).getChildren())
                .filteredOn(n -> n instanceof ButtonBase).isNotEmpty().allMatch(Node::isDisabled);
        assertThat(robot.lookup("#devices-sync").queryAs(Button.class).isDisabled()).as("reading is allowed")
                .isFalse();
        ScreenShots.save(robot.window(0).getScene(), "devices-read-only");
    }
}
