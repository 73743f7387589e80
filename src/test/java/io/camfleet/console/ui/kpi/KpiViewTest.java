package io.camfleet.console.ui.kpi;

import io.camfleet.console.ui.common.ChartPng;
import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.kpi.DoraCalculator;
import io.camfleet.console.service.kpi.IncidentHistory;
import io.camfleet.console.service.kpi.KnownJournal;
import io.camfleet.console.service.kpi.KpiService;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The KPI dashboard, headless, on a demo fleet and a real journal: every chart drawn, and one exported as PNG. */
@ExtendWith(ApplicationExtension.class)
class KpiViewTest {

    @TempDir
    static Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-09-20T00:00:00Z"));
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private CacheDatabase db;
    private FleetModel model;
    private KpiView view;
    private KpiViewModel vm;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        db = CacheDatabase.open(dir.resolve("cache-" + System.nanoTime()), clock);
        journal(new KnownJournal(db.journal(), db.releases(), clock));
        FleetService fleet = Fleets.uncached(new DemoFleetSource(300, 42), clock);
        model = new FleetModel(Platform::runLater, workers);
        model.accept(fleet.reload(Progress.NONE));
        KpiService kpis = new KpiService(new DoraCalculator(db.journal(), db.releases(), Duration.ofDays(7)),
                () -> Optional.of(alerts()), () -> Optional.of(new SteadyAvailability(true)), Optional::empty, clock);
        Messages m = new Messages(Locale.ENGLISH);
        BackgroundTasks tasks = new BackgroundTasks(workers);
        vm = new KpiViewModel(kpis, model, tasks, m, changed -> { });
        view = new KpiView(vm, m, tasks);
        stage.setScene(new Scene(new StackPane(view.root()), 1500, 1000));
        stage.show();
    }

    /** A month of rollouts: a weekly release, one rolled back, one followed by a hotfix. */
    private static void journal(KnownJournal j) {
        j.release("6.5.0", ReleaseKind.RELEASE, "2026-09-25T09:00:00Z");
        String[][] runs = {{"d1", "6.5.0", "2026-10-02T10:00:00Z", "S1"}, {"d2", "6.5.0", "2026-10-05T10:00:00Z", "S2"},
                {"d3", "6.5.1", "2026-10-06T11:00:00Z", "S2"}, {"d4", "6.6.0", "2026-10-13T10:00:00Z", "S3"},
                {"d5", "6.6.0", "2026-10-14T10:00:00Z", "S4"}, {"d6", "6.6.0", "2026-10-20T10:00:00Z", "S5"},
                {"d7", "6.6.0", "2026-10-27T10:00:00Z", "S6"}};
        for (String[] r : runs) {
            if (r[0].equals("d3")) {
                j.release("6.5.1", ReleaseKind.HOTFIX, "2026-10-06T08:00:00Z");
            } else if (r[0].equals("d4")) {
                j.release("6.6.0", ReleaseKind.RELEASE, "2026-10-10T09:00:00Z");
            }
            j.start(r[0], r[1], r[2], "C-" + r[0] + "@" + r[3]);
            String done = Instant.parse(r[2]).plusSeconds(5400).toString();
            if (r[0].equals("d5")) {
                j.target(r[0], "C-d5", TargetState.PENDING, TargetState.DISPATCHED, done);
                j.target(r[0], "C-d5", TargetState.DISPATCHED, TargetState.ROLLED_BACK, done);
                j.end(r[0], DeploymentState.RUNNING, DeploymentState.FAILED, done);
            } else {
                j.succeed(r[0], "C-" + r[0], done);
                j.end(r[0], DeploymentState.RUNNING, DeploymentState.SUCCEEDED, done);
            }
        }
        j.moveClockTo("2026-10-31T12:00:00Z");
    }

    /** Two or three alerts a day, every fifth an incident of 20 to 60 minutes, acknowledged in 2 to 9 minutes. */
    private static IncidentHistory alerts() {
        return (from, to) -> {
            List<IncidentHistory.PastAlert> out = new ArrayList<>();
            int i = 0;
            for (Instant t = from.plusSeconds(3600); t.isBefore(to); t = t.plusSeconds(9 * 3600 + 1234)) {
                boolean incident = i % 5 == 0;
                out.add(new IncidentHistory.PastAlert(incident ? AlertKind.SITE_OFFLINE
                        : AlertKind.CAMERA_DEGRADED, incident ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
                        t, t.plusSeconds(120 + 60 * (i % 8)), t.plusSeconds(1200 + 600 * (i % 5))));
                i++;
            }
            return out;
        };
    }

    @AfterEach
    void stop() {
        model.close();
        workers.shutdownNow();
        db.close();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private boolean drawn(FxRobot robot, String card) {
        return robot.lookup("#" + card + " .chart").tryQuery().isPresent();
    }

    @Test
    void everyChartIsDrawnAndOneExportsAsThePngOfWhatIsShown(FxRobot robot) throws Exception {
        waitFor(() -> vm.tiles().size() == 6);
        for (String card : List.of("kpi-deployments", "kpi-alerts", "kpi-trend", "kpi-sla", "kpi-versions",
                "kpi-images")) {
            waitFor(() -> drawn(robot, card));
        }
        // 7 deployments started 10-02 to 10-27, all in the last 30 days before 10-31 12:00.
        assertThat(vm.chart(KpiViewModel.Chart.DEPLOYMENTS).get().rows().stream()
                .mapToInt(r -> (Integer) r.get(1)).sum()).isEqualTo(7);
        assertThat(robot.lookup("#kpi-age-note").queryAs(Label.class).isVisible()).isTrue();
        waitFor(() -> !robot.lookup("#kpi-rule").queryAs(Label.class).getText().isEmpty());
        ScreenShots.save(robot.window(0).getScene(), "kpi-dashboard");

        Path png = dir.resolve("deployments.png");
        robot.interact(() -> vm.export(png, ChartPng.of(view.card("kpi-deployments").picture(), Color.WHITE)));
        waitFor(() -> Files.exists(png));
        BufferedImage image = ImageIO.read(png.toFile());
        javafx.geometry.Bounds shown = view.card("kpi-deployments").picture().getBoundsInParent();
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(shown.getWidth()));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(shown.getHeight()));
        assertThat(distinctColours(image)).as("a drawn chart, not a blank image").isGreaterThan(5);
        assertThat(robot.lookup("#kpi-deployments .chart").queryAs(XYChart.class).getData()).hasSize(1);
    }

    @Test
    void theFleetLineOfTheAvailabilityChartIsDashedAndThickerThanTheRegionsLines(FxRobot robot) throws Exception {
        waitFor(() -> drawn(robot, "kpi-trend"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.shape.Path fleet = robot.lookup("#kpi-trend .chart-series-line.default-color0")
                .queryAs(javafx.scene.shape.Path.class);
        javafx.scene.shape.Path region = robot.lookup("#kpi-trend .chart-series-line.default-color1")
                .queryAs(javafx.scene.shape.Path.class);
        assertThat(robot.lookup("#kpi-trend .chart-legend-item").queryAs(Label.class).getText()).isEqualTo("Fleet");
        assertThat(fleet.getStrokeDashArray()).as("dashed").isNotEmpty();
        assertThat(region.getStrokeDashArray()).isEmpty();
        assertThat(fleet.getStrokeWidth()).isGreaterThan(region.getStrokeWidth());
        assertThat(fleet.getStroke()).isNotEqualTo(region.getStroke());
    }

    @Test
    void theDashboardScrollsToTheAvailabilityTableWithTheRuleBesideIt(FxRobot robot) throws Exception {
        waitFor(() -> !vm.chart(KpiViewModel.Chart.AVAILABILITY_TABLE).get().isEmpty());
        robot.interact(() -> ((javafx.scene.control.ScrollPane) view.root()).setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#kpi-table").queryAs(javafx.scene.control.TableView.class).getItems()).hasSize(3);
        ScreenShots.save(robot.window(0).getScene(), "kpi-dashboard-table");
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
