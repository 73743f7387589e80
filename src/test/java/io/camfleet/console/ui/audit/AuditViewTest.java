package io.camfleet.console.ui.audit;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit screen, headless: the chain check it shows follows the events it lists. */
@ExtendWith(ApplicationExtension.class)
class AuditViewTest {

    private final AuditService audit = new AuditService(new InMemoryAuditTrail(), new InMemoryAuditAnchor(),
            new Operator("ops", ""), Clock.systemUTC());
    private final ExecutorService workers = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        audit.record("fleet.reload", "Demo fleet", Map.of(), AuditOutcome.STARTED);
        audit.record("fleet.reload", "Demo fleet", Map.of(), AuditOutcome.SUCCEEDED);
        Messages m = new Messages(Locale.ENGLISH);
        AuditViewModel vm = new AuditViewModel(audit, new BackgroundTasks(workers), m);
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(new AuditView(vm, m, ZoneOffset.UTC).root()), 1280, 420));
        stage.show();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private static String verdict(FxRobot robot) {
        return robot.lookup("#audit-verdict").queryAs(Label.class).getText();
    }

    private static int listed(FxRobot robot) {
        return robot.lookup("#audit-events").queryAs(TableView.class).getItems().size();
    }

    @Test
    void theChainCheckShownCountsTheEventsListedAfterNewOnesArrive(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> listed(robot) == 2);
        robot.clickOn("#audit-verify");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> verdict(robot).contains("2 events checked"));

        audit.record("deploy.launch", "camos-agent 6.6.0", Map.of("targets", "2"), AuditOutcome.STARTED);
        audit.record("deploy.launch", "camos-agent 6.6.0", Map.of("targets", "2"), AuditOutcome.SUCCEEDED);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> listed(robot) == 4);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> verdict(robot).contains("4 events checked"));
        assertThat(verdict(robot)).startsWith("The audit chain is intact");
        ScreenShots.save(robot.window(0).getScene(), "audit-view-after-new-events");
    }
}
