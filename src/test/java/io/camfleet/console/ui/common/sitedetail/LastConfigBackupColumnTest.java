package io.camfleet.console.ui.common.sitedetail;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.common.HealthStyle;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;
import static io.camfleet.console.service.fleet.Fleets.site;
import static org.assertj.core.api.Assertions.assertThat;

/** The site detail's "Config backup" column: each camera's last backup, "never" for none, read again as it changes. */
@ExtendWith(ApplicationExtension.class)
class LastConfigBackupColumnTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private FleetModel model;
    private FleetService fleet;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Instant now = clock.instant();
        fleet = Fleets.uncached(new TestFleetSource("Test", at -> new FleetData(
                List.of(site("NL-1", "Rotterdam Terminal", "Harbor", "NL", "EU")),
                List.of(camera("NL-1-C01", "NL-1", "6.4.2"), camera("NL-1-C02", "NL-1", "6.4.2")),
                Map.of("NL-1-C01", beating(now), "NL-1-C02", beating(now)))), clock);
        model = new FleetModel(Platform::runLater, background);
        fleet.addListener(model);
        Messages m = new Messages(Locale.ENGLISH);
        StackPane root = new StackPane(new SiteDetailView(new SiteDetailViewModel(model), m).root());
        root.getStylesheets().add(HealthStyle.stylesheet());
        stage.setScene(new Scene(root, 1500, 400));
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        background.shutdownNow();
    }

    /** The column's text per camera id, read on the FX thread. */
    private Map<String, String> column(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Map<String, String> shown = new TreeMap<>();
            for (Node n : robot.lookup("#fleet-cameras .table-cell").queryAll()) {
                if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && "Config backup".equals(c.getTableColumn().getText()) && c.getTableRow() != null
                        && c.getTableRow().getItem() instanceof io.camfleet.console.service.fleet.CameraStatus cs) {
                    shown.put(cs.camera().id(), c.getText());
                }
            }
            return shown;
        }).get();
    }

    @Test
    void eachCameraShowsHowLongAgoItsConfigurationWasBackedUp(FxRobot robot) throws Exception {
        fleet.reload(Progress.NONE);
        robot.interact(() -> model.select("NL-1"));
        @SuppressWarnings("unchecked")
        TableView<Object> cams = robot.lookup("#fleet-cameras").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cams.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column(robot)).containsEntry("NL-1-C01", "never").containsEntry("NL-1-C02", "never");

        robot.interact(() -> model.lastConfigBackups().put("NL-1-C01",
                clock.instant().minus(Duration.ofHours(3))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(column(robot)).containsEntry("NL-1-C01", "3 h ago").containsEntry("NL-1-C02", "never");
        ScreenShots.save(robot.window(0).getScene(), "site-detail-config-backup");
    }
}
