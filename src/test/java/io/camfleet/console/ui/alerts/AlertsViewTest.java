package io.camfleet.console.ui.alerts;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.service.alerts.AlertService;
import io.camfleet.console.service.alerts.MemoryAlertStore;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The alerts screen, headless: acknowledging an alert through its note dialog shows in its life at once. */
@ExtendWith(ApplicationExtension.class)
class AlertsViewTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:02:31Z");

    private final MemoryAlertStore store = new MemoryAlertStore();
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final List<String> mapped = new ArrayList<>();
    private final List<Alert> ticketed = new ArrayList<>();
    private AlertService alerts;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AuditService audit = new AuditService(new InMemoryAuditTrail(), new InMemoryAuditAnchor(),
                new Operator("nina", ""), Clock.systemUTC());
        alerts = new AlertService(store, n -> { }, audit, Clock.systemUTC());
        store.raise(Alert.raise(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, "ams-004", "ams-004",
                "Site Amsterdam Docks (ams-004) is down: 8 of 8 cameras offline for 1 min.", T0, false));
        Alert flapping = store.raise(Alert.raise(AlertKind.CAMERA_DEGRADED, AlertSeverity.WARNING, "R7", "rtm-011",
                "Camera cam-r7 at Rotterdam Port has been degraded for 15 min.", T0.plusSeconds(60), true));
        store.update(flapping, flapping.clearing(T0.plusSeconds(300)), null, T0, "", "");
        store.update(flapping.clearing(T0.plusSeconds(300)), flapping.clearing(T0.plusSeconds(300)).reopen(), null,
                T0, "", "");
        store.raise(Alert.raise(AlertKind.SYNC_STALE, AlertSeverity.WARNING, "aws prod-eu", "",
                "No successful sync from aws prod-eu for 15 min.", T0.plusSeconds(120), false));
        Messages m = new Messages(Locale.ENGLISH);
        AlertsViewModel vm = new AlertsViewModel(alerts, new BackgroundTasks(workers), m, mapped::add,
                ticketed::add);
        stage.setScene(new Scene(new StackPane(new AlertsView(vm, m, ZoneOffset.UTC).root()), 1400, 640));
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
        alerts.close();
    }

    private static TableView<?> table(FxRobot robot) {
        return robot.lookup("#alerts-table").queryAs(TableView.class);
    }

    private static boolean lifeShows(FxRobot robot, String text) {
        return robot.lookup("#alerts-life .label").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && text.equals(l.getText()));
    }

    @Test
    void theFiltersSayWhatTheyFilterAndTheSummaryTakesTheWidthTheOtherColumnsLeave(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(buttonText(robot, "#alerts-show")).isEqualTo("Status: Open");
        assertThat(buttonText(robot, "#alerts-severity")).isEqualTo("Severity: Any");
        assertThat(buttonText(robot, "#alerts-kind")).isEqualTo("Kind: Any");

        TableView<?> table = table(robot);
        javafx.scene.control.TableColumn<?, ?> summary = table.getColumns().getLast();
        double others = table.getColumns().stream().filter(c -> c != summary)
                .mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
        // 1,400 px less the padding: the six others take their own widths (under 800 px), the summary the rest
        assertThat(others).isLessThan(800);
        assertThat(summary.getWidth()).isGreaterThan(table.getWidth() - others - 20).isGreaterThan(500);
        javafx.scene.control.TableCell<?, ?> cell = robot.lookup("#alerts-table .table-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() == summary && c.getText() != null
                        && c.getText().startsWith("Site Amsterdam Docks"))
                .findFirst().orElseThrow();
        assertThat(cell.getTooltip().getText()).as("the whole summary")
                .isEqualTo("Site Amsterdam Docks (ams-004) is down: 8 of 8 cameras offline for 1 min.");
        ScreenShots.save(robot.window(0).getScene(), "alerts-filters-and-columns");
    }

    private static String buttonText(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(javafx.scene.control.ComboBox.class).getButtonCell().getText();
    }

    @Test
    void acknowledgingThroughTheNoteDialogShowsInTheAlertsLifeAndTheSiteOpensOnTheMap(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 3);
        assertThat(robot.lookup("#alerts-acknowledge").queryAs(Button.class).isDisabled()).as("nothing selected")
                .isTrue();
        robot.clickOn(robot.lookup("#alerts-table .table-row-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#alerts-summary").queryAs(Label.class)
                .getText().startsWith("Site Amsterdam Docks"));

        robot.clickOn("#alerts-acknowledge");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#alerts-note").tryQuery().isPresent());
        robot.clickOn("#alerts-note").write("Calling the site manager");
        ScreenShots.save(robot.lookup("#alerts-note").query().getScene(), "alerts-acknowledge-dialog");
        robot.clickOn("OK");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> store.find(1).orElseThrow().status() == AlertStatus.ACKNOWLEDGED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lifeShows(robot, "Calling the site manager"));
        assertThat(lifeShows(robot, "nina")).isTrue();
        assertThat(robot.lookup("#alerts-acknowledge").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#alerts-open-on-map");
        assertThat(mapped).containsExactly("ams-004");
        robot.clickOn("#alerts-open-ticket");
        assertThat(ticketed).extracting(Alert::siteId).containsExactly("ams-004");

        robot.clickOn("Camera degraded");
        ScreenShots.save(robot.window(0).getScene(), "alerts-view");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lifeShows(robot, "flapped 1x, silenced"));

        robot.clickOn("#alerts-silence");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#alerts-silence-length").tryQuery()
                .isPresent());
        robot.clickOn("#alerts-note").write("Camera replaced tomorrow");
        ScreenShots.save(robot.lookup("#alerts-note").query().getScene(), "alerts-silence-dialog");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> alerts.silences().size() == 1);
        assertThat(alerts.silences().getFirst().siteId()).isEqualTo("rtm-011");
        assertThat(alerts.silences().getFirst().kind()).isEqualTo(AlertKind.CAMERA_DEGRADED);
    }
}
