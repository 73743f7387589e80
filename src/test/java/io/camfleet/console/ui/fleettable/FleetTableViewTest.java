package io.camfleet.console.ui.fleettable;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.common.HealthStyle;
import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.ui.common.sitedetail.SiteDetailView;
import io.camfleet.console.ui.common.sitedetail.SiteDetailViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The fleet table and its site detail on a demo fleet, headless: what only the screen can show. */
@ExtendWith(ApplicationExtension.class)
class FleetTableViewTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T03:40:00Z"));
    private final FleetService fleet = Fleets.uncached(new DemoFleetSource(300, 42), clock);
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private FleetModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages m = new Messages(Locale.ENGLISH);
        model = new FleetModel(Platform::runLater, background);
        fleet.addListener(model);
        FleetTableView view = new FleetTableView(new FleetTableViewModel(model),
                new SiteDetailView(new SiteDetailViewModel(model), m), m);
        StackPane root = new StackPane(view.root());
        root.getStylesheets().add(HealthStyle.stylesheet());
        stage.setScene(new Scene(root, 1500, 900));
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        background.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private static TableView<SiteRow> sites(FxRobot robot) {
        return robot.lookup("#fleet-sites").queryAs(TableView.class);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    @Test
    void camerasARolloutBroughtToTheReleaseShowItMarkedInTheTableAndTheSiteDetail(FxRobot robot) throws Exception {
        FleetSnapshot s = fleet.reload(Progress.NONE);
        waitFor(() -> sites(robot).getItems().size() == 300);
        SiteSummary site = s.sites().stream()
                .filter(x -> x.profile().versions().equals(List.of("6.4.2")) && x.health().total() >= 2
                        && x.health().state() == HealthState.ONLINE)
                .findFirst().orElseThrow();
        robot.interact(() -> model.select(site.id()));
        waitFor(() -> robot.lookup("#site-detail-name").tryQuery().map(n -> ((Labeled) n).getText()
                .equals(site.site().name())).orElse(false));

        List<CameraStatus> cameras = s.cameras(site.id());
        clock.advance(Duration.ofMinutes(2));
        fleet.installed("d-20261206-0338-5c1e", cameras.get(0).camera().id(), "6.6.0");
        fleet.installed("d-20261206-0338-5c1e", cameras.get(1).camera().id(), "6.6.0");

        waitFor(() -> robot.lookup(".site-detail-reported").tryQuery()
                .map(n -> ((Labeled) n).getText().contains("2 cameras")).orElse(false));
        assertThat(((Labeled) robot.lookup(".site-detail-reported").query()).getText())
                .isEqualTo("6.6.0 on 2 cameras as reported by deployment d-20261206-0338-5c1e: the next sync "
                        + "confirms it.");
        ScreenShots.save(robot.window(0).getScene(), "fleet-table-after-rollout");
        // Read on the FX thread: a cell is FX state, and the test thread may see it half-updated.
        java.util.function.Predicate<Node> releaseOfSite = n -> n instanceof TableCell<?, ?> c
                && c.getTableRow() != null && c.getTableRow().getItem() instanceof SiteRow r
                && r.id().equals(site.id()) && c.getText() != null && c.getText().contains("6.6.0");
        java.util.concurrent.Callable<List<Object>> release = () -> WaitForAsyncUtils.asyncFx(() -> robot
                .lookup(".table-cell").match(releaseOfSite).tryQuery().map(n -> (TableCell<?, ?>) n)
                .map(c -> java.util.Arrays.<Object>asList(c.getText(), c.getGraphic(),
                        c.getTooltip() == null ? null : c.getTooltip().getText()))
                .orElse(null)).get();
        // Each report reaches the table on its own: the site's release reads "6.4.2, 6.6.0" until the second one has.
        waitFor(() -> {
            List<Object> now = release.call();
            return now != null && "6.6.0".equals(now.get(0));
        });
        List<Object> cell = release.call();
        assertThat(cell.get(0)).isEqualTo("6.6.0");
        assertThat(cell.get(1)).as("the marker").isNotNull();
        assertThat(cell.get(2))
                .isEqualTo("6.6.0 as reported by deployment d-20261206-0338-5c1e: the next sync confirms it.");
        assertThat(model.versions()).as("the Version filter offers it").contains("6.6.0");
        ScreenShots.save(robot.window(0).getScene(), "fleet-table-after-rollout");
    }

    @Test
    void theTableSortedByHealthAndTheSiteDetailPutTheWorstFirst(FxRobot robot) throws Exception {
        fleet.reload(Progress.NONE);
        waitFor(() -> sites(robot).getItems().size() == 300);
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofSeconds(3));
            fleet.tick();
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<HealthState> shown = sites(robot).getItems().stream().map(r -> r.summary().health().state()).toList();
        assertThat(shown).isSortedAccordingTo(Enum::compareTo);
        // A site whose worst camera is not its first by host name: that camera heads the detail.
        FleetSnapshot now = fleet.current();
        // (A site's own state follows the site-down rule; the detail orders its cameras by their own health.)
        java.util.function.Function<SiteSummary, HealthState> worstCamera = x -> now.cameras(x.id()).stream()
                .map(CameraStatus::health).min(Enum::compareTo).orElseThrow();
        SiteSummary mixed = now.sites().stream().filter(x -> x.health().total() > 0
                && worstCamera.apply(x) != HealthState.ONLINE
                && now.cameras(x.id()).get(0).health() != worstCamera.apply(x)).findFirst().orElseThrow();
        robot.interact(() -> model.select(mixed.id()));
        @SuppressWarnings("unchecked")
        TableView<CameraStatus> cams = robot.lookup("#fleet-cameras").queryAs(TableView.class);
        waitFor(() -> !cams.getItems().isEmpty() && cams.getItems().get(0).camera().siteId().equals(mixed.id()));
        assertThat(cams.getItems().get(0).health()).isEqualTo(worstCamera.apply(mixed));
        ScreenShots.save(robot.window(0).getScene(), "fleet-table-sorted-site-detail-worst-first");
    }
}
