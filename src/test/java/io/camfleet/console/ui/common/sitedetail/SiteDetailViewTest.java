package io.camfleet.console.ui.common.sitedetail;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.service.fleet.TestFleetSource;
import io.camfleet.console.ui.common.FleetModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.service.fleet.Fleets.beating;
import static io.camfleet.console.service.fleet.Fleets.camera;
import static io.camfleet.console.service.fleet.Fleets.site;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site detail's "Open ticket" and "Site timeline", headless: a ticket for the whole site, or for the cameras
 * selected, which stay selected while the fleet ticks on.
 */
@ExtendWith(ApplicationExtension.class)
class SiteDetailViewTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final List<String> tickets = new ArrayList<>();
    private final List<String> timelines = new ArrayList<>();
    private FleetService fleet;
    private FleetModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Instant now = clock.instant();
        TestFleetSource source = new TestFleetSource("Test", at -> new FleetData(
                List.of(site("NL-1", "Rotterdam Terminal", "Harbor", "NL", "EU")),
                List.of(camera("NL-1-C01", "NL-1", "6.4.2"), camera("NL-1-C02", "NL-1", "6.4.2"),
                        camera("NL-1-C03", "NL-1", "6.4.2")),
                Map.of("NL-1-C01", beating(at),
                        "NL-1-C02", new CameraTelemetry(at, OperatingMode.NORMAL, 600.0, 50.0, 45.0),
                        "NL-1-C03", beating(now.minus(Duration.ofMinutes(10))))));
        fleet = Fleets.uncached(source, clock);
        model = new FleetModel(Runnable::run, Runnable::run);
        fleet.addListener(model);
        SiteDetailView view = new SiteDetailView(new SiteDetailViewModel(model), new Messages(Locale.ENGLISH),
                new SiteActions((SiteSummary s, List<CameraStatus> cams) -> tickets.add(s.id() + " "
                        + cams.stream().map(c -> c.camera().id()).sorted().toList()), timelines::add));
        fleet.reload(Progress.NONE);
        model.select("NL-1");
        stage.setScene(new Scene(new StackPane(view.root()), 1300, 500));
        stage.show();
    }

    @Test
    void aTicketIsOpenedForTheSiteOrForTheCamerasSelectedWhichStaySelectedAsTheFleetTicks(FxRobot robot)
            throws Exception {
        robot.clickOn("#site-open-ticket");
        assertThat(tickets).containsExactly("NL-1 []");

        @SuppressWarnings("unchecked")
        TableView<CameraStatus> cameras = robot.lookup("#fleet-cameras").queryAs(TableView.class);
        robot.interact(() -> {
            cameras.getSelectionModel().clearSelection();
            for (int i = 0; i < cameras.getItems().size(); i++) {
                String id = cameras.getItems().get(i).camera().id();
                if (id.equals("NL-1-C01") || id.equals("NL-1-C03")) {
                    cameras.getSelectionModel().select(i);
                }
            }
        });
        // the fleet ticks on: a new snapshot replaces the rows
        clock.advance(Duration.ofSeconds(30));
        robot.interact(() -> fleet.reload(Progress.NONE));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            final boolean[] two = new boolean[1];
            robot.interact(() -> two[0] = cameras.getSelectionModel().getSelectedItems().size() == 2);
            return two[0];
        });

        robot.clickOn("#site-open-ticket");
        assertThat(tickets).containsExactly("NL-1 []", "NL-1 [NL-1-C01, NL-1-C03]");

        robot.clickOn("#site-timeline");
        assertThat(timelines).containsExactly("NL-1");
        Platform.runLater(() -> { });
    }
}
