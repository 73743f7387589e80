package io.camfleet.console.ui.kpi;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.ImageUsage;
import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.domain.images.OutdatedRule;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.kpi.DoraCalculator;
import io.camfleet.console.service.kpi.EstateImageDates;
import io.camfleet.console.service.kpi.KpiService;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's image card once the images of an environment were read: cameras by age band, with a note of how
 * many run an image nobody read.
 */
@ExtendWith(ApplicationExtension.class)
class KpiImageAgesViewTest {

    static final Instant NOW = Instant.parse("2026-10-31T12:00:00Z");

    @TempDir
    static Path dir;

    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private CacheDatabase db;
    private FleetModel model;
    private KpiViewModel vm;
    private String unread;
    private long unreadCameras;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        TestClock clock = new TestClock(NOW);
        db = CacheDatabase.open(dir.resolve("cache-" + System.nanoTime()), clock);
        model = new FleetModel(Platform::runLater, workers);
        var snapshot = Fleets.uncached(new DemoFleetSource(300, 42), clock).reload(Progress.NONE);
        FleetInventory fleet = snapshot.inventory();
        TreeSet<String> images = new TreeSet<>();
        for (int i = 0; i < fleet.cameraCount(); i++) {
            images.add(fleet.camera(i).image());
        }
        images.remove("");
        // every image but the first read from "eu", each 70 days older than the one before
        unread = images.pollFirst();
        for (int i = 0; i < fleet.cameraCount(); i++) {
            unreadCameras += fleet.camera(i).image().equals(unread) ? 1 : 0;
        }
        List<CatalogueEntry> catalogue = new ArrayList<>();
        int n = 0;
        for (String image : images) {
            catalogue.add(new CatalogueEntry("eu", new MachineImage("ami-" + n, image, "eu-west-1",
                    NOW.minus(Duration.ofDays(20 + 70L * n++)), "available", null, Map.of()), image, List.of(),
                    new ImageUsage("ami-" + n, List.of(), List.of()), OutdatedRule.Verdict.current()));
        }
        EstateCache cache = new EstateCache(db.snapshots(), clock);
        cache.refresh("eu", EstateImageDates.KIND, () -> catalogue);
        KpiService kpis = new KpiService(new DoraCalculator(db.journal(), db.releases(), Duration.ofDays(7)),
                Optional::empty, Optional::empty, () -> Optional.of(EstateImageDates.read(cache, List.of("eu"))),
                clock);
        Messages m = new Messages(Locale.ENGLISH);
        BackgroundTasks tasks = new BackgroundTasks(workers);
        vm = new KpiViewModel(kpis, model, tasks, m, changed -> { });
        KpiView view = new KpiView(vm, m, tasks);
        model.accept(snapshot);
        stage.setScene(new Scene(new StackPane(view.root()), 1500, 1000));
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        workers.shutdownNow();
        db.close();
    }

    @Test
    void theImageCardCountsCamerasByAgeBandAndSaysHowManyAreOfUnknownAge(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.agesKnownProperty().get()
                && robot.lookup("#kpi-images .chart").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        Label note = robot.lookup("#kpi-age-note").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).startsWith((unreadCameras == 1 ? "1 camera of " : unreadCameras + " cameras of ")
                + model.snapshot().inventory().cameraCount());
        ChartData ages = vm.chart(KpiViewModel.Chart.IMAGE_AGES).get();
        assertThat(ages.rows()).extracting(r -> r.get(0)).containsExactly("under 90 days", "90 to 179 days",
                "180 to 364 days", "a year or more", "age unknown");
        assertThat(ages.rows().getLast().get(1)).isEqualTo((int) unreadCameras);
        assertThat(note.getBoundsInParent().getWidth()).as("the note fits its card").isLessThanOrEqualTo(
                note.getParent().getLayoutBounds().getWidth());
        assertThat(robot.lookup("#kpi-images .kpi-card-title").queryAs(Label.class).getText())
                .isEqualTo("Cameras by OS image age");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup(".scroll-pane").queryAs(ScrollPane.class).setVvalue(1.0))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        ScreenShots.save(robot.window(0).getScene(), "kpi-image-ages");
    }
}
